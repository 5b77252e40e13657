"""An ending that gives back V1.1's text and moves the document and its picture to an archive
folder.

The flow-chart site: V1.1 (第一版正文, FLOW-V1.1) in force from 2026-03-10; V1.2 (第二版正文,
FLOW-V1.2) approved 2026-04-10 for 2026-06-01. On 2026-04-20 an approved merge makes SM-P-01
obsolete at V1.3 with V1.1's body, and ``git mv docs/procedures docs/archive``: the diff shows
``flow.png`` renamed without changes (its bytes are FLOW-V1.2, as V1.2 drew them).

``Standing.gives_back`` is V1.1, so ``assets_ahead`` holds back V1.2's change of
``docs/procedures/flow.png``. But ``docs/archive/flow.png`` first appears in the ending's own
event, which is neither waiting nor superseded: it is published as the ending's. The page says
it is V1.1's text (第一版正文) and shows FLOW-V1.2, which was never in force. A rename carries
the bytes of the picture never in force past the fix; the approvers saw no picture change."""

from __future__ import annotations

import pytest
from rt75_helpers import BOTH, built, drawn, flow_chart_site
from rt81_helpers import V11_TEXT

from history_helpers import body


def _moved(tmp_path, as_of: str = "2026-05-01", move: bool = True):
    s = flow_chart_site(tmp_path, "2026-06-01", as_of=as_of)
    s.git.branch("cr-3")
    folder = "docs/procedures"
    if move:
        s.git.run("mv", "docs/procedures", "docs/archive")
        folder = "docs/archive"
    s.files.doc(
        f"{folder}/test.md",
        version="V1.3",
        status="obsolete",
        body=body(V11_TEXT),
        effective_date="2026-04-20",
    )
    s.git.commit("作废并归档", who="zhaolei", date="2026-04-12T10:00:00+08:00")
    s.git.merge("cr-3", "作废并归档", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    return built(s, tmp_path), folder.removeprefix("docs/")


@pytest.mark.parametrize("as_of", ["2026-05-01", "2026-07-02"])
def test_a_moved_ending_gives_the_picture_in_force(tmp_path, as_of):
    """Fixed (session 31): the page gives 第一版正文 with FLOW-V1.1 (the picture in force with that text)
    or no picture, wherever the ending moved it."""
    out, folder = _moved(tmp_path, as_of)
    page = (out / folder / "test/index.html").read_text("utf-8")
    assert "第一版正文" in page and "第二版正文" not in page
    chart = out / folder / "flow.png"
    assert not chart.exists() or chart.read_bytes() == drawn("FLOW-V1.1")


def test_control_the_same_ending_in_place_gives_the_picture_in_force(tmp_path):
    """Control (passes, round 80's fix): the same ending without the move gives FLOW-V1.1."""
    out, folder = _moved(tmp_path, move=False)
    page = (out / folder / "test/index.html").read_text("utf-8")
    assert "第一版正文" in page and "第二版正文" not in page
    chart = out / folder / "flow.png"
    assert not chart.exists() or chart.read_bytes() == drawn("FLOW-V1.1")
