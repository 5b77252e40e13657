"""Round 96: the link rule's shortcut (page_links.may_name_picture) and shown_images' memo.
No hole found in the time given; these are the held attacks."""

from __future__ import annotations

import pytest
from rt84_helpers import pushed
from rt85_helpers import png
from rt88_helpers import RED, browser_colours, built
from rt91_helpers import GREEN, setup

from doccontrol import page_links
from doccontrol.publishing import is_asset_path

PAGE = "procedures/test/index.html"
SPELLINGS = [
    "%252e",
    "x.PNG.",
    "x.png%20",
    "x.ＰＮＧ",
    "x.ｐng",
    "x.pnG",
    "x.p%6eg",
    "x.p%6Eg",
    "x%2Epng",
    "x.png;a",
    ";x.png",
    "x.pn%C4%9F",
    "?a.png",
    "#x.png",
    ".",
    "",
    "./",
    "..",
    "x.png/..",
    "x.JPEG",
    "x.p\u0274g",
    "x.p\tng",
    "x.p\\ng",
    "%E0%2Epng",
    "x.p%0ang",
    "x.png%3F",
    "x.png%23",
    "x.png%2F..",
    "%2e%2e/x.png",
    "x.ſng",
]


@pytest.mark.parametrize("page", ["procedures/test/", "procedures/test.html", ""])
@pytest.mark.parametrize("value", SPELLINGS)
def test_held_shortcut_never_skips_a_value_fetched_as_a_picture(page, value):
    read = page_links.browser_url(value)
    skipped = not page_links.may_name_picture(page) and not page_links.may_name_picture(read)
    fetched = page_links.fetched_target(page, read)
    assert not (skipped and fetched is not None and is_asset_path(fetched))


TEXT = '见 <img src="a.png"> ![x](b.png) <a href="../c.png">c</a> <img src="./d/../e.png">'


@pytest.mark.parametrize("path", ["docs/procedures/test.md", "docs/procedures/index.md"])
def test_held_one_pass_reads_both_url_styles(path):
    text = [(path, TEXT)]
    both = page_links.images_used(text, True) | page_links.images_used(text, False)
    assert page_links.images_used(text, None) == both


PICTURE_BYTES = ["docs/procedures/green.txt", "docs/procedures/green", "docs/procedures/green.md"]
SNIFFED = (
    '见 ![流程](flow.png) 第一版正文\n\n<img src="../green.txt"> <img src="../green"> '
    '<img src="../green.md"> <img src="https://sms.example.com:443/procedures/flow.png">'
)


def test_control_plain_page_shows_red(tmp_path):
    s = setup(tmp_path, "见 ![流程](flow.png) 第一版正文", {"docs/procedures/flow.png": png(RED)})
    assert browser_colours(built(s, tmp_path), PAGE) == [RED]


def test_held_picture_bytes_under_another_suffix_are_not_published(tmp_path):
    """An unapproved PNG pushed as green.txt / green / green.md: the shortcut leaves the
    <img src> (no picture suffix), but the site publishes none of those files, so a browser
    (which would sniff PNG bytes whatever the type) has nothing to show."""
    s = setup(tmp_path, SNIFFED, {"docs/procedures/flow.png": png(RED)})
    for n, path in enumerate(PICTURE_BYTES):
        pushed(s, path, png(GREEN), day=f"2026-04-0{n + 1}")
    out = built(s, tmp_path)
    for path in PICTURE_BYTES:
        assert not (out / path.removeprefix("docs/")).exists()
    assert GREEN not in browser_colours(out, PAGE)
    assert RED in browser_colours(out, PAGE)
