"""Hole 3: ``attr_list`` (in the project's mkdocs.yml) lets a Markdown image's ``src`` be
set again: ``![流程](flow.png){: src="green.png" }``. The site renders with attr_list: the
page's ``<img>`` names ``green.png``; control reads the ``src=`` as one more of the text's
names (``page_links._targets``: an HTML name, from the file and from the page), so the link
rule keeps it. ``pdf`` (``pdf/render.py``) renders without attr_list: the copy prints the red
flow.png in that figure (and the ``{: src=… }`` as text). The page and the controlled copy
show different pictures in the same figure, on an unmoved page and on a moved one alike.
Fixed in session 35: the site keeps the Markdown's names (adapters/own_names.py)."""

from __future__ import annotations

import pytest
from rt85_helpers import colours, file_colours, png
from rt88_helpers import RED, browser_colours, built
from rt91_helpers import GREEN, move, moved_page, setup

TEXT = '见 ![流程](flow.png){: src="green.png" } 第一版正文'
PLAIN = "见 ![流程](flow.png) 第一版正文"
FILES = {"docs/procedures/flow.png": png(RED), "docs/procedures/green.png": png(GREEN)}
PAGES = {False: "procedures/test/index.html", True: moved_page("docs/ops/test.md")}


def _built(tmp_path, text, moved):
    s = setup(tmp_path, text, FILES)
    if moved:
        move(s)
    return s, built(s, tmp_path)


def test_setup_copies_print_red_only(tmp_path):
    s, out = _built(tmp_path, TEXT, False)
    assert colours(s, tmp_path) == {RED}  # pdf SM-P-01 as of 2026-05-01
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}


@pytest.mark.parametrize("moved", [False, True])
def test_control_without_attr_list_page_and_copy_agree(tmp_path, moved):
    s, out = _built(tmp_path, PLAIN, moved)
    assert browser_colours(out, PAGES[moved]) == [RED]
    assert colours(s, tmp_path) == {RED}


@pytest.mark.parametrize("moved", [False, True])
def test_page_shows_what_the_copy_prints(tmp_path, moved):
    _, out = _built(tmp_path, TEXT, moved)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}  # set-up
    assert browser_colours(out, PAGES[moved]) == [RED]
