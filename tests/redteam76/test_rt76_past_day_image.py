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

from rt75_helpers import built, drawn, flow_chart_site, page_text, picture


def _site(tmp_path, as_of: str):
    return built(flow_chart_site(tmp_path, "2026-04-10", as_of=as_of), tmp_path)


def test_a_past_day_site_shows_a_picture_approved_after_that_day(tmp_path):
    """Hole: as of 2026-04-01 the page is V1.1's, the picture V1.2's (approved 2026-04-10)."""
    out = _site(tmp_path, "2026-04-01")
    assert "第一版正文" in page_text(out) and "第二版正文" not in page_text(out)
    assert picture(out) == drawn("FLOW-V1.1")


def test_control_a_site_after_the_approval_shows_the_new_picture(tmp_path):
    """Control: as of 2026-04-15 V1.2 is in force, text and picture."""
    out = _site(tmp_path, "2026-04-15")
    assert "第二版正文" in page_text(out)
    assert picture(out) == drawn("FLOW-V1.2")
