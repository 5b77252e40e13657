"""An ending that gives back the text in force, while the file's picture is still the one
drawn for the version that waited (round 79's fix, session 31).

The flow-chart site (``rt75_helpers.flow_chart_site``): SM-P-01 V1.1 (第一版正文) with
FLOW-V1.1 in force from 2026-03-10; V1.2 (第二版正文) with the chart redrawn (FLOW-V1.2)
approved on 2026-04-10 for 2026-06-01. On 2026-04-20 the approvers drop V1.2 and make the
document obsolete at once at V1.3 with V1.1's text brought back, but nobody puts the old
picture back: ``flow.png`` is not in the ending's diff, so it still holds FLOW-V1.2.

``standing._placed`` now gives the ending's text (``same_text``: its body is V1.1's), and
``standing.published`` returns the ending approval. ``publishing.assets_ahead`` then holds
FLOW-V1.2 back only while the text given is older than V1.2's approval (``given.seq <
r.seq``): the ending is later, so FLOW-V1.2 (never in force) is published beside V1.1's
text, on the page that the site calls the document's last text."""

from __future__ import annotations

import pytest
from rt75_helpers import drawn, page_text, picture
from rt78_helpers import obsolete_site
from rt79_helpers import ended_with_v11_text


@pytest.mark.parametrize("as_of", ["2026-05-01", "2026-07-02"])
def test_the_obsolete_page_gives_the_text_in_force_with_its_own_picture(tmp_path, as_of):
    """Fixed (session 31): the page gives V1.1's 第一版正文 and, beside it, FLOW-V1.1 (the
    picture in force with that text) or no picture; never FLOW-V1.2 (it gave FLOW-V1.2)."""
    out = ended_with_v11_text(tmp_path, as_of, put_back_picture=False)
    page = page_text(out)
    assert "第一版正文" in page and "第二版正文" not in page
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


@pytest.mark.parametrize("as_of", ["2026-05-01", "2026-07-02"])
def test_control_the_picture_put_back_is_published(tmp_path, as_of):
    """Control (passes): the same ending with FLOW-V1.1 drawn back in its own diff gives
    V1.1's text with FLOW-V1.1 (round 79's test, before and after V1.2's day)."""
    out = ended_with_v11_text(tmp_path, as_of, put_back_picture=True)
    page = page_text(out)
    assert "第一版正文" in page and "第二版正文" not in page
    assert picture(out) == drawn("FLOW-V1.1")


def test_control_an_ending_with_the_waiting_text_holds_its_picture_back(tmp_path):
    """Control (passes, round 78): the ending with V1.2's own text gives no text, and FLOW-V1.2
    stays back. So the same tree's picture is held back or published depending only on whether
    the ending's *Markdown body* is V1.1's."""
    out = obsolete_site(tmp_path, "2026-05-01")
    assert "第二版正文" not in page_text(out)
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")
