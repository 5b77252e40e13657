"""Hole 1: a raw HTML ``src`` spelled as a browser reads it, but not as ``_picture_links``
resolves it, keeps SM-P-02's blue chart on SM-P-01's page (its own red copy is made, and
never pointed at). Hole 2: a root-absolute ``src`` is not counted as shown at all.

Round 85's two texts: SM-P-01 V1.1 shows flow.png (red), approved 2026-03-10; on 2026-04-01
SM-P-02 V1.0 (in force at once) shows the same chart (``../procedures/flow.png``), redrawn
blue in its merge. As of 2026-05-01 the site serves blue at procedures/flow.png and gives
SM-P-01's page its own red copy under assets/doccontrol/pictures/ (round 85, hole 2's fix).
The rewrite of the page's ``src`` (``page_links.served_target`` → ``asset_target``) reads
the value as written: a backslash, a tab or line break inside it, or white space around it
make it resolve to no picture, so the ``src`` is left as it is. A browser reads ``..\\``
as ``../``, drops tabs and line breaks inside a URL and trims white space around it
(the WHATWG URL parser), and fetches procedures/flow.png: SM-P-02's blue chart, beside
SM-P-01's text, while ``pdf SM-P-01`` and the site's own PDF copy of SM-P-01 print red (or
nothing). ``shows`` (``images_used``) reads those spellings as flow.png, so
``pages_in_force`` did decide SM-P-01's page should show red."""

from __future__ import annotations

import pytest
from rt85_helpers import colours, file_colours
from rt87_helpers import BLUE, RED, browser_colours, built, two_texts

# spellings the rewrite resolves as the browser does (held)
HELD = {
    "markdown": "见 ![流程](flow.png) 正文",
    "raw-dotdot": '见 <img src="../flow.png" alt="流程"> 正文',
    "raw-entity-dot": '见 <img src="../flow&#46;png" alt="流程"> 正文',
    "raw-dot-slash": '见 <img src="./../flow.png" alt="流程"> 正文',
    "markdown-query-fragment": "见 ![流程](flow.png?v=1#x) 正文",
    "reference": "见 ![流程][f] 正文\n\n[f]: flow.png",
    "table": "| 图 |\n|---|\n| ![流程](flow.png) |",
    "admonition": '!!! note "注"\n    ![流程](flow.png)',
    "fence-never-closed-in-a-section": "见 ![流程](flow.png) 正文\n\n```\n尾",
    "link-with-title": '见 [流程图](flow.png "标题") 与 ![流程](flow.png) 正文',
}

# hole 1: spellings a browser reads as ../flow.png that the rewrite does not resolve
MISSED = {
    "raw-backslash": '见 <img src="..\\flow.png" alt="流程"> 正文',
    "raw-newline-entity": '见 <img src="../fl&#10;ow.png" alt="流程"> 正文',
    "raw-tab-entity": '见 <img src="../fl&#9;ow.png" alt="流程"> 正文',
    "raw-space-around": '见 <img src=" ../flow.png " alt="流程"> 正文',
}

# hole 2: a root-absolute src (the site served at its host's root)
ABSOLUTE = '见 <img src="/procedures/flow.png" alt="流程"> 正文'


@pytest.mark.parametrize("name", sorted(HELD))
def test_control_sm_p_01s_page_shows_its_own_red_chart(tmp_path, name):
    out = built(two_texts(tmp_path, HELD[name]), tmp_path)
    assert browser_colours(out) == [RED]


def test_setup_the_site_serves_blue_at_the_charts_own_path(tmp_path):
    out = built(two_texts(tmp_path, MISSED["raw-backslash"]), tmp_path)
    from rt85_helpers import site_colour

    assert site_colour(out, "procedures/flow.png") == BLUE
    assert list(out.glob("assets/doccontrol/pictures/*/procedures/flow.png"))  # its own copy


def test_setup_sm_p_01s_copies_never_embed_blue(tmp_path):
    s = two_texts(tmp_path, MISSED["raw-backslash"], site_pdf=True)
    assert colours(s, tmp_path) == {RED}  # pdf SM-P-01 as of 2026-05-01
    assert file_colours(built(s, tmp_path) / "pdf/SM-P-01.pdf") == {RED}


@pytest.mark.parametrize("name", sorted(MISSED))
def test_sm_p_01s_page_never_shows_the_blue_chart(tmp_path, name):
    out = built(two_texts(tmp_path, MISSED[name]), tmp_path)
    seen = browser_colours(out)
    assert len(seen) == 1  # set-up: the page has the picture
    assert BLUE not in seen


def test_a_root_absolute_src_never_shows_the_blue_chart(tmp_path):
    s = two_texts(tmp_path, ABSOLUTE, site_pdf=True)
    out = built(s, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") != {BLUE}  # set-up: the copy has no blue
    # fixed (session 33): a picture a body names from the site's root is never shown (its src
    # is dropped), as control cannot say which bytes it would show
    assert browser_colours(out) == []
