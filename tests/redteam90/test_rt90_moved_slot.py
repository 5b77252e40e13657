"""Hole 1: a moved page reads each picture name first from its *new* place. SM-P-01 V1.1
(``docs/procedures/test.md``) shows two approved charts: ``![流程](flow.png)`` (the red
``docs/procedures/flow.png``) and ``![网络](../ops/flow.png)`` (the blue
``docs/ops/flow.png``), both approved with V1.1 on 2026-03-10; its copies print both. On
2026-04-01 an approved merge moves the file to ``docs/ops/test.md`` for V1.2 (in force
2026-06-01). As of 2026-05-01 the site gives V1.1's text on ``ops/test/``. MkDocs resolves
``flow.png`` from the new file: ``docs/ops/flow.png``; ``_picture_links`` tries that reading
(``fetched``) before the text's own place, finds it among V1.1's pictures and keeps it: the
流程 chart shows blue, the red chart V1.1 was approved with is on the page nowhere."""

from __future__ import annotations

from rt85_helpers import base, colours, file_colours, png
from rt88_helpers import BLUE, RED, browser_colours, built, move

MOVED = "ops/test/index.html"
TWO = "见 ![流程](flow.png) 和 ![网络](../ops/flow.png) 第一版正文"


def _two_charts(tmp_path):
    return base(
        tmp_path,
        text=TWO,
        files={"docs/procedures/flow.png": png(RED), "docs/ops/flow.png": png(BLUE)},
        site_pdf=True,
    )


def _moved(s):
    move(s, text="见 ![流程](../procedures/flow.png) 和 ![网络](flow.png) 第二版正文")


def test_setup_copies_print_red_and_blue(tmp_path):
    s = _two_charts(tmp_path)
    _moved(s)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED, BLUE}  # pdf SM-P-01 as of 2026-05-01
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}
    assert "第一版正文" in (out / MOVED).read_text(encoding="utf-8")


def test_control_unmoved_page_shows_red_then_blue(tmp_path):
    out = built(_two_charts(tmp_path), tmp_path)
    assert browser_colours(out) == [RED, BLUE]


def test_the_moved_page_shows_each_chart_in_its_own_place(tmp_path):
    # fixed (session 34): each name is read one way only, from the text's own place
    s = _two_charts(tmp_path)
    _moved(s)
    out = built(s, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED, BLUE}  # set-up
    assert browser_colours(out, MOVED) == [RED, BLUE]
