"""Holes 1 and 2: the text_place tree processor runs at priority 1, before Python-Markdown's
own ``unescape`` tree processor (priority 0). A Markdown name holding a backslash escape
(``flow\\.png``, ``flow\\_a.png``, ``fig\\(1\\).png``) is still in the tree as Python-Markdown's
placeholders (``flow\\x0246\\x03png``) when text_place reads it:

- hole 1: with the escape on the extension's dot, the value is not a picture's name to
  text_place (``is_asset_path`` false), so it is left unmarked; unescaped at priority 0, the
  link rule takes it for raw HTML and reads it from the text's own *page URL*
  (``served_target``): round 90's hole 2, back;
- hole 2: with the escape elsewhere, ``asset_target`` finds no picture and text_place empties
  the name: an approved picture the unmoved page and both copies show is dropped."""

from __future__ import annotations

from rt85_helpers import colours, file_colours, png
from rt88_helpers import BLUE, RED, browser_colours, built
from rt91_helpers import move, moved_page, setup

MOVED = moved_page("docs/ops/test.md")
UNMOVED = "procedures/test/index.html"

# 流程 is the red docs/procedures/flow.png (as Markdown reads it from the file); 细节 the blue
# docs/procedures/test/flow.png
DOT = "见 ![流程](flow\\.png) 和 ![细节](test/flow.png) 第一版正文"
DOT_FILES = {"docs/procedures/flow.png": png(RED), "docs/procedures/test/flow.png": png(BLUE)}

# 流程 is the blue docs/procedures/flow_a.png, 网络 the red docs/procedures/flow.png
UNDERSCORE = "见 ![流程](flow\\_a.png) 和 ![网络](flow.png) 第一版正文"
UNDERSCORE_FILES = {"docs/procedures/flow_a.png": png(BLUE), "docs/procedures/flow.png": png(RED)}


def test_setup_dot_copies_print_red_and_blue(tmp_path):
    s = setup(tmp_path, DOT, DOT_FILES)
    move(s)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED, BLUE}  # pdf SM-P-01 as of 2026-05-01
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}
    assert "第一版正文" in (out / MOVED).read_text(encoding="utf-8")


def test_control_dot_unmoved_page_shows_red_then_blue(tmp_path):
    out = built(setup(tmp_path, DOT, DOT_FILES), tmp_path)
    assert browser_colours(out, UNMOVED) == [RED, BLUE]


def test_moved_page_reads_an_escaped_markdown_name_as_markdown(tmp_path):
    # fixed (session 34): text_place reads the name as Python-Markdown does, from the text's own file
    s = setup(tmp_path, DOT, DOT_FILES)
    move(s)
    out = built(s, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}  # set-up
    assert browser_colours(out, MOVED) == [RED, BLUE]


def test_setup_underscore_copies_print_blue_and_red(tmp_path):
    s = setup(tmp_path, UNDERSCORE, UNDERSCORE_FILES)
    move(s)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED, BLUE}
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}


def test_control_underscore_unmoved_page_shows_blue_then_red(tmp_path):
    out = built(setup(tmp_path, UNDERSCORE, UNDERSCORE_FILES), tmp_path)
    assert browser_colours(out, UNMOVED) == [BLUE, RED]


def test_moved_page_keeps_an_escaped_markdown_name(tmp_path):
    # fixed (session 34): text_place reads the name as Python-Markdown does, from the text's own file
    s = setup(tmp_path, UNDERSCORE, UNDERSCORE_FILES)
    move(s)
    out = built(s, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}  # set-up
    assert browser_colours(out, MOVED) == [BLUE, RED]
