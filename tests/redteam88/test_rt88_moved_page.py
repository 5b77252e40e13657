"""Holes 2 and 3: a page moved by an approved folder move whose text in force is at the old
path. SM-P-01 V1.1 (``docs/procedures/test.md``, ``![流程](flow.png)``: the red
``docs/procedures/flow.png``) is in force from 2026-03-10. On 2026-04-01 an approved merge
moves the file to ``docs/ops/test.md`` for V1.2, in force only on 2026-06-01. As of
2026-05-01 the site gives V1.1's text on the page built from the new place (ops/test/), and
MkDocs resolves ``flow.png`` from there: ``docs/ops/flow.png``. ``pages_in_force`` and the
copies read V1.1's pictures from its old path (``docs/procedures/flow.png``, red), and
``_picture_links`` resolves the page's names from the new one, so nothing is rewritten.

Hole 2: another document's ``docs/ops/flow.png`` (SM-P-02's blue chart, approved and in force)
is shown beside SM-P-01's V1.1 text. Hole 3: the move took the chart along (redrawn for
V1.2, held back): the page shows no chart, while SM-P-01's copies print red."""

from __future__ import annotations

from rt85_helpers import approved, base, colours, file_colours, net, png, site_colour
from rt88_helpers import BLUE, RED, browser_colours, built

from history_helpers import body

MOVED = "ops/test/index.html"  # SM-P-01's page after the move


def _with_ops_chart(tmp_path):
    """SM-P-01 V1.1 (red); SM-P-02 V1.0 at docs/ops/net.md with its own blue
    ``docs/ops/flow.png``, in force 2026-03-20."""
    s = base(tmp_path, site_pdf=True)
    s.git.branch("net-1")
    s.files.write("docs/ops/flow.png", png(BLUE))
    s.files.write("docs/ops/net.md", net(day="2026-03-20", text="见 ![流程](flow.png) 网络正文"))
    approved(s, "net-1", "网络管理程序", "2026-03-20", 2)
    return s


def _moved(s, text: str = "见 ![流程](../procedures/flow.png) 第二版正文", chart=None) -> None:
    """The approved move of SM-P-01 to docs/ops/test.md for V1.2 (in force 2026-06-01);
    ``chart``: the chart moved along and redrawn in that colour."""
    s.git.branch("mv-1")
    (s.root / "docs/ops").mkdir(parents=True, exist_ok=True)
    s.git.run("mv", "docs/procedures/test.md", "docs/ops/test.md")
    if chart is not None:
        s.git.run("mv", "docs/procedures/flow.png", "docs/ops/flow.png")
        s.files.write("docs/ops/flow.png", png(chart))
    s.files.doc(
        rel="docs/ops/test.md", version="V1.2", body=body(text), effective_date="2026-06-01"
    )
    approved(s, "mv-1", "搬家", "2026-04-01", 3)


def test_setup_sm_p_01s_copies_print_v11s_red_chart(tmp_path):
    s = _with_ops_chart(tmp_path)
    _moved(s)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED}  # pdf SM-P-01 as of 2026-05-01
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}
    assert "第一版正文" in (out / MOVED).read_text(encoding="utf-8")  # V1.1's text, moved page
    assert site_colour(out, "ops/flow.png") == BLUE


def test_the_moved_page_never_shows_another_documents_chart(tmp_path):
    s = _with_ops_chart(tmp_path)
    _moved(s)
    out = built(s, tmp_path)
    # fixed (session 33): never SM-P-02's chart. Since session 34 the name is read from V1.1's
    # own folder, as its copies read it: the page shows the red chart they print
    assert browser_colours(out, MOVED) == [RED]


def test_control_without_the_move_sm_p_01s_page_shows_red(tmp_path):
    out = built(_with_ops_chart(tmp_path), tmp_path)
    assert browser_colours(out) == [RED]


def test_the_moved_page_shows_the_chart_its_copies_print(tmp_path):
    # fixed (session 34): the page's names are read from its text's own folder
    s = base(tmp_path, site_pdf=True)
    _moved(s, text="见 ![流程](flow.png) 第二版正文", chart=BLUE)
    out = built(s, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}  # set-up
    assert browser_colours(out, MOVED) == [RED]
