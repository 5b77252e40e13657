"""Hole 1: own_names notes and puts back only the lower-case ``src``/``href`` keys. attr_list
writes an attribute with the case it is given (``{: SRC="green.png" }`` sets a key ``SRC``
beside the Markdown's ``src``), and Python-Markdown's serializer writes attributes in sorted
order (``markdown/serializers.py``: ``sorted(items)``): upper case sorts first, so the page
holds ``<img SRC="green.png" alt="流程" src="flow.png">``. An HTML parser (nh3's, every
browser's) lower-cases names and keeps the *first* of two: the page shows green.png. The
copy (no attr_list) prints red flow.png."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from rt85_helpers import colours, file_colours, png
from rt88_helpers import RED, browser_colours, built, colour_at
from rt91_helpers import GREEN, move, moved_page, setup

FILES = {
    "docs/procedures/flow.png": png(RED),
    # approved with V1.1, where a browser reads a name the page leaves as written: from the
    # page's URL (procedures/test/)
    "docs/procedures/test/green.png": png(GREEN),
}
PAGES = {False: "procedures/test/index.html", True: moved_page("docs/ops/test.md")}
PLAIN = "见 ![流程](flow.png) 第一版正文"
TEXTS = {
    "SRC": '见 ![流程](flow.png){: SRC="green.png" } 第一版正文',
    "Src": '见 ![流程](flow.png){: Src="green.png" } 第一版正文',
}


def _built(tmp_path, text, moved):
    s = setup(tmp_path, text, FILES)
    if moved:
        move(s)
    return s, built(s, tmp_path)


@pytest.mark.parametrize("moved", [False, True])
def test_control_plain_image_page_and_copy_agree(tmp_path, moved):
    s, out = _built(tmp_path, PLAIN, moved)
    assert browser_colours(out, PAGES[moved]) == [RED]
    assert colours(s, tmp_path) == {RED}


@pytest.mark.parametrize("moved", [False, True])
@pytest.mark.parametrize("spelling", ["SRC", "Src"])
def test_page_shows_what_the_copy_prints_whatever_the_case(tmp_path, moved, spelling):
    s, out = _built(tmp_path, TEXTS[spelling], moved)
    assert colours(s, tmp_path) == {RED}  # set-up: pdf SM-P-01 as of 2026-05-01
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}
    assert browser_colours(out, PAGES[moved]) == [RED]


LINKED = {
    "plain": "见 [流程图](flow.png) 第一版正文",
    "HREF": '见 [流程图](flow.png){: HREF="green.png" } 第一版正文',
}


def _link_colours(out, page: str) -> list:
    """Where the page's 流程图 links lead, read as a browser reads the first ``href``."""
    text = (out / page).read_text(encoding="utf-8")
    found = []
    for raw in re.findall(r'<a [^>]*?href="([^"]*)"[^>]*>流程图</a>', text):
        url = urlsplit(urljoin("http://site.example/" + page, html.unescape(raw).strip()))
        found.append(colour_at(out / unquote(url.path).lstrip("/")))
    return found


def test_control_plain_link_leads_to_red(tmp_path):
    _, out = _built(tmp_path, LINKED["plain"], False)
    assert _link_colours(out, PAGES[False]) == [RED]


def test_link_leads_where_markdown_wrote_whatever_the_case(tmp_path):
    _, out = _built(tmp_path, LINKED["HREF"], False)
    assert _link_colours(out, PAGES[False]) == [RED]
