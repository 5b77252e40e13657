"""Hole 1: a relative name that climbs above the site's root. A browser never goes above the
root of a URL (the URL standard drops a ``..`` there), so from SM-P-01's page at
/procedures/test/ the name ``../../procedures/flow.png`` (Markdown; MkDocs leaves a target
outside docs/ as written) or ``../../../procedures/flow.png`` (raw HTML) fetches
/procedures/flow.png: the blue chart the site serves there (SM-P-02's later approval). Control
resolves the name from the document's folder in the repository (``asset_target``:
``posixpath.normpath``), lands outside docs/ and reads no picture: ``shows`` counts nothing,
the page gets no own copy, the rewrite (``_picture_links``) and the sanitizer's
``_from_root`` leave the value alone, and SM-P-01's copies print no chart at all. The site is
configured at its host's root (``site_url: https://sms.example.com/``).

Round 87's two texts: SM-P-01 V1.1 red (2026-03-10); SM-P-02 V1.0 redraws the shared chart
blue, in force 2026-04-01. Built as of 2026-05-01."""

from __future__ import annotations

import pytest
from rt85_helpers import file_colours
from rt88_helpers import (
    BLUE,
    FLAT_PAGE,
    RED,
    blue_served_not_printed,
    browser_colours,
    built,
    flat_two_texts,
    two_texts,
)

CLIMBING = {
    "markdown": "见 ![流程](../../procedures/flow.png) 正文",
    "raw": '见 <img src="../../../procedures/flow.png" alt="流程"> 正文',
    "raw-percent-dots": '见 <img src="../%2e%2e/../procedures/flow.png" alt="流程"> 正文',
}

# spellings the rewrite reads as the browser does (held): SM-P-01's page shows its red copy
HELD = {
    "percent-dots": '见 <img src="%2e%2e/flow.png" alt="流程"> 正文',
    "percent-dots-upper-mixed": '见 <img src="%2E./flow.png" alt="流程"> 正文',
    "double-slash": '见 <img src="..//flow.png" alt="流程"> 正文',
    "tab-named-entity": '见 <img src="..&Tab;/flow.png" alt="流程"> 正文',
    "dot-slashes": '见 <img src="./././../flow.png" alt="流程"> 正文',
    "climb-and-back": '见 <img src="../../procedures/x/../flow.png" alt="流程"> 正文',
}


def test_setup_the_site_serves_blue_at_the_charts_path_and_the_copies_print_no_blue(tmp_path):
    s = two_texts(tmp_path, CLIMBING["markdown"], site_pdf=True)
    blue_served_not_printed(s, built(s, tmp_path), tmp_path)


@pytest.mark.parametrize("name", sorted(CLIMBING))
def test_a_name_climbing_above_the_root_never_shows_the_blue_chart(tmp_path, name):
    out = built(two_texts(tmp_path, CLIMBING[name]), tmp_path)
    # fixed (session 33): a name the browser reads otherwise than control is taken out
    assert browser_colours(out) == []


def test_flat_urls_a_name_climbing_above_the_root_never_shows_the_blue_chart(tmp_path):
    s = flat_two_texts(tmp_path, '见 <img src="../../procedures/flow.png" alt="流程"> 正文')
    out = built(s, tmp_path)
    assert BLUE not in file_colours(out / "pdf/SM-P-01.pdf")
    assert browser_colours(out, FLAT_PAGE) == []  # fixed (session 33): taken out


def test_a_link_climbing_above_the_root_never_opens_the_blue_chart(tmp_path):
    text = "见 [流程图](../../../procedures/flow.png) 与 ![流程](flow.png) 正文"
    out = built(two_texts(tmp_path, text), tmp_path)
    assert browser_colours(out) == [RED]  # set-up: the picture itself is its own red copy
    opened = browser_colours(out, attribute="href", tag="a")
    assert BLUE not in opened


def test_control_flat_urls_the_charts_own_name_shows_red(tmp_path):
    out = built(flat_two_texts(tmp_path, '见 <img src="flow.png" alt="流程"> 正文'), tmp_path)
    assert browser_colours(out, FLAT_PAGE) == [RED]


@pytest.mark.parametrize("name", sorted(HELD))
def test_control_sm_p_01s_page_shows_its_own_red_chart(tmp_path, name):
    out = built(two_texts(tmp_path, HELD[name]), tmp_path)
    assert browser_colours(out) == [RED]
