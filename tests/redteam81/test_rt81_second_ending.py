"""Two endings in a row: the first gives back V1.1's text while V1.2 waited, the second only
retitles the obsolete document.

The flow-chart site: V1.1 (第一版正文, FLOW-V1.1) in force from 2026-03-10; V1.2 (第二版正文,
FLOW-V1.2) approved 2026-04-10 for 2026-06-01. On 2026-04-20 an approved merge makes SM-P-01
obsolete at once at V1.3 with V1.1's body (round 80's hole 1: the page gives V1.1's text with
FLOW-V1.1, ``Standing.gives_back``). On 2026-04-25 another approved merge changes only the
obsolete document's title. ``flow.png`` is in neither diff: it still holds FLOW-V1.2.

``standing._placed`` sets ``gives_back`` only when ``before`` (a later text waited when this
ending came). At the second ending nothing waits any more (``unissued`` was reset by the first),
so ``gives_back`` is None, ``published`` is the second ending, and ``publishing.assets_ahead``
sees a text approved after V1.2 (``given.seq > r.seq``): FLOW-V1.2 is published beside
V1.1's text, which is what the first ending's fix prevented."""

from __future__ import annotations

import pytest
from rt74_helpers import run
from rt75_helpers import built, drawn, flow_chart_site, page_text, picture
from rt81_helpers import ending


def _two_endings(tmp_path, as_of: str):
    s = flow_chart_site(tmp_path, "2026-06-01", as_of=as_of)
    ending(s, "cr-3", "2026-04-20", 3)
    ending(s, "cr-4", "2026-04-25", 4, title="测试程序（已作废）")
    return s


@pytest.mark.parametrize("as_of", ["2026-05-01", "2026-07-02"])
def test_a_second_ending_keeps_the_pictures_in_force(tmp_path, as_of):
    """Fixed (session 31): the second ending gives the same V1.1 text as the first, so with the same
    picture: FLOW-V1.1 (or none), never FLOW-V1.2."""
    out = built(_two_endings(tmp_path, as_of), tmp_path)
    page = page_text(out)
    assert "第一版正文" in page and "第二版正文" not in page
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


def test_control_between_the_two_endings_the_picture_in_force_is_given(tmp_path):
    """Control (passes, round 80's fix): as of 2026-04-22, after the first ending and before
    the second, the same page gives V1.1's text with FLOW-V1.1."""
    out = built(_two_endings(tmp_path, "2026-04-22"), tmp_path)
    page = page_text(out)
    assert "第一版正文" in page and "第二版正文" not in page
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


def test_control_show_gives_v11_text_after_the_second_ending(tmp_path):
    """Control (passes): ``show`` gives V1.1's text under the new title after the second
    ending: only the picture is wrong."""
    s = _two_endings(tmp_path, "2026-05-01")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stderr
    assert "第一版正文" in shown.stdout and "测试程序（已作废）" in shown.stdout
