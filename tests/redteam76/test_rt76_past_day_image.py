"""A site built as of a past day publishes a picture approved after that day.

README: "A site built ``as_of`` a past day tells that day's story throughout" and "Images
follow the text". ``publishing.assets_ahead`` holds back only an image whose change came
with an approval in ``Standing.waiting``; the standings as of the site's day know nothing of
an approval dated after it (``standing.dated_by``), so that approval is in no ``waiting`` list
and ``assets_ahead`` counts it as in force: the mkdocs plugin copies the work tree's bytes.

SM-P-01 V1.1 with FLOW-V1.1 is in force from 2026-03-10; V1.2 with FLOW-V1.2 is approved on
2026-04-10 (in force that day). A site built ``as_of: 2026-04-01`` gives V1.1's text (right)
and FLOW-V1.2, approved nine days later, as its picture."""

from __future__ import annotations

from history_helpers import body, make_scenario
from rules_attacks import png
from site_helpers import mkdocs, site_repo

FLOW = "docs/procedures/flow.png"
BOTH = ("liujing", "chenmy")  # the procedure's approver and the image's


def _site(tmp_path, as_of: str):
    s = site_repo(make_scenario(tmp_path), as_of=as_of)
    s.git.branch("cr-1")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(
        version="V1.1", body=body("见 ![流程](flow.png) 第一版正文"), effective_date="2026-03-10"
    )
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    s.git.branch("cr-2")
    s.files.write(FLOW, png(b"FLOW-V1.2"))
    s.files.doc(
        version="V1.2", body=body("见 ![流程](flow.png) 第二版正文"), effective_date="2026-04-10"
    )
    s.git.commit("改流程图", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "改流程图", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    out = tmp_path / "site"
    result = mkdocs(s.root, out, False)
    assert result.returncode == 0, result.stderr
    return out


def _text(out):
    return (out / "procedures/test/index.html").read_text(encoding="utf-8")


def test_a_past_day_site_shows_a_picture_approved_after_that_day(tmp_path):
    """Hole: as of 2026-04-01 the page is V1.1's, the picture V1.2's (approved 2026-04-10)."""
    out = _site(tmp_path, "2026-04-01")
    assert "第一版正文" in _text(out) and "第二版正文" not in _text(out)
    assert (out / "procedures/flow.png").read_bytes() == png(b"FLOW-V1.1")


def test_control_a_site_after_the_approval_shows_the_new_picture(tmp_path):
    """Control: as of 2026-04-15 V1.2 is in force, text and picture."""
    out = _site(tmp_path, "2026-04-15")
    assert "第二版正文" in _text(out)
    assert (out / "procedures/flow.png").read_bytes() == png(b"FLOW-V1.2")
