"""Hole 2: a moved page tries the text's name as *raw HTML* read from the old page's URL
before reading it as the Markdown image it is. SM-P-01 V1.1 (``docs/procedures/test.md``)
shows two approved charts: ``![流程](flow.png)`` (the red ``docs/procedures/flow.png``) and
``![细节](test/flow.png)`` (the blue ``docs/procedures/test/flow.png``). On 2026-04-01 an
approved merge moves only the page file to ``docs/ops/test.md`` (V1.2, in force
2026-06-01). No file stands beside the new place, so MkDocs leaves both names as written.
For ``flow.png``, ``_picture_links``' second reading (``served_target(text_path, …)``: from
``procedures/test/``) gives ``docs/procedures/test/flow.png``, one of V1.1's pictures, and is
taken before the third (``asset_target``: the Markdown reading, ``docs/procedures/flow.png``):
the 流程 chart shows blue, and red is on the page nowhere while the copies print it."""

from __future__ import annotations

from rt85_helpers import base, colours, file_colours, png
from rt88_helpers import BLUE, RED, browser_colours, built, move

MOVED = "ops/test/index.html"
TWO = "见 ![流程](flow.png) 和 ![细节](test/flow.png) 第一版正文"


def _two_charts(tmp_path):
    return base(
        tmp_path,
        text=TWO,
        files={"docs/procedures/flow.png": png(RED), "docs/procedures/test/flow.png": png(BLUE)},
        site_pdf=True,
    )


def _moved(s):
    move(
        s, text="见 ![流程](../procedures/flow.png) 和 ![细节](../procedures/test/flow.png) 第二版"
    )


def test_setup_copies_print_red_and_blue(tmp_path):
    s = _two_charts(tmp_path)
    _moved(s)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED, BLUE}
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}
    assert "第一版正文" in (out / MOVED).read_text(encoding="utf-8")


def test_control_unmoved_page_shows_red_then_blue(tmp_path):
    out = built(_two_charts(tmp_path), tmp_path)
    assert browser_colours(out) == [RED, BLUE]


def test_the_moved_page_reads_a_markdown_name_as_markdown(tmp_path):
    # fixed (session 34): each name is read one way only, from the text's own place
    s = _two_charts(tmp_path)
    _moved(s)
    out = built(s, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}  # set-up
    assert browser_colours(out, MOVED) == [RED, BLUE]
