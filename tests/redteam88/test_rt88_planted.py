"""Hole 4: a picture approved at the place the build writes a page's own copy.

SM-P-01 V1.1 (red chart) is approved in merge M (2026-03-10). On 2026-04-01 SM-P-02 V1.0,
in force at once, redraws the shared chart blue, and, in the same approved merge, adds its
own green picture at ``docs/assets/doccontrol/pictures/<M[:16]>/procedures/flow.png`` (the
commit is known: it is on main) and shows it. The site now gives SM-P-01's page its own red
copy, written exactly there (``_own_pictures``), removing the approved green file: SM-P-02's
page shows SM-P-01's red chart where its text in force was approved with green, and its copies
(``pdf/SM-P-02.pdf``) print green. Nothing refuses an approved picture under the build's
reserved ``assets/doccontrol/`` folder."""

from __future__ import annotations

from rt85_helpers import FLOW, NET, approved, base, file_colours, net, png
from rt88_helpers import BLUE, RED, browser_colours, built

GREEN = (0, 200, 0)
NET_PAGE = "network/net/index.html"


def _planted(tmp_path, commit: str | None = None):
    s = base(tmp_path, text="见 ![流程](flow.png) 正文", site_pdf=True)
    merge = s.git.run("log", "-1", "--merges", "--format=%H", "main")
    at = (commit or merge)[:16]
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    s.files.write(f"docs/assets/doccontrol/pictures/{at}/procedures/flow.png", png(GREEN))
    text = f"见 ![流程](../procedures/flow.png) 与 ![绿](../assets/doccontrol/pictures/{at}/procedures/flow.png) 网络正文"
    s.files.write(NET, net(day="2026-04-01", text=text))
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    return s


def test_setup_sm_p_02s_copy_prints_green_and_sm_p_01_keeps_red(tmp_path):
    out = built(_planted(tmp_path), tmp_path)
    assert file_colours(out / "pdf/SM-P-02.pdf") == {BLUE, GREEN}
    assert browser_colours(out) == [RED]  # SM-P-01's own copy


def test_sm_p_02s_page_shows_the_green_picture_it_was_approved_with(tmp_path):
    """Fixed (session 33), decided: nothing from docs/ is published in the build's own place
    (docs/assets/doccontrol/, refused by name), and no page shows a picture named there: the
    green picture is left out of SM-P-02's page, never SM-P-01's red copy in its stead."""
    out = built(_planted(tmp_path), tmp_path)
    assert browser_colours(out, NET_PAGE) == [BLUE]


def test_control_a_place_no_own_copy_uses_is_refused_too(tmp_path):
    """Decided (session 33): the build's own place takes nothing from docs/, used or not."""
    out = built(_planted(tmp_path, commit="0" * 40), tmp_path)
    assert browser_colours(out, NET_PAGE) == [BLUE]
    assert not (out / "assets/doccontrol/pictures" / ("0" * 16)).exists()
