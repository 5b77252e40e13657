"""Session 34's own checks of the fix: on a moved page a raw HTML name is read as the browser
reads it from the text's own page, and a name marked as Markdown by anyone but the build
is read as raw HTML. SM-P-01 V1.1 (``docs/procedures/test.md``, served at ``procedures/test/``)
shows the red ``docs/procedures/flow.png`` and the blue ``docs/procedures/test/flow.png``;
an approved move (V1.2, not in force) takes the page deeper, to ``docs/ops/a/test.md``."""

from __future__ import annotations

from rt85_helpers import base, colours, png
from rt88_helpers import BLUE, RED, browser_colours, built, move

MOVED = "ops/a/test/index.html"


def _moved(tmp_path, text):
    s = base(
        tmp_path,
        text=text,
        files={"docs/procedures/flow.png": png(RED), "docs/procedures/test/flow.png": png(BLUE)},
        site_pdf=True,
    )
    move(s, "docs/ops/a/test.md")
    return s


def test_raw_html_names_are_read_from_the_texts_own_page(tmp_path):
    # from procedures/test/: "../flow.png" is the red chart, "flow.png" the blue one
    s = _moved(
        tmp_path, '见 <img src="../flow.png" alt="a"> 和 <img src="flow.png" alt="b"> 第一版正文'
    )
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED, BLUE}  # set-up: the copies print both
    assert browser_colours(out, MOVED) == [RED, BLUE]


def test_a_mark_written_in_raw_html_is_read_as_raw_html(tmp_path):
    # the build's mark carries a nonce no author can know: a guessed one (index 0 would be
    # the red chart) is read as the raw HTML it is, from the text's own page: the blue chart
    s = _moved(
        tmp_path,
        '见 ![流程](flow.png) 和 <img src="flow.png?doccontrol-0-0" alt="b"> 第一版正文',
    )
    out = built(s, tmp_path)
    assert browser_colours(out, MOVED) == [RED, BLUE]
