"""Hole 4: a raw HTML ``<img>`` with a relative ``src`` is one picture on the site and
another in ``pdf``.

SM-P-01 (docs/procedures/test.md) V1.1 says ``<img src="../flow.png">``; the approved merge
holds docs/procedures/flow.png (red) and docs/flow.png (blue). The site serves the page at
procedures/test/, so the browser reads ``../flow.png`` as procedures/flow.png: red (and
``page_links`` counts both, so the site publishes both files). ``pdf`` resolves ``src`` from
the file's folder (``image_path``): docs/flow.png, blue. A reader of the site and a holder of
a controlled copy see different charts for the same approved text, and nothing says so; an
author can put on paper a picture the reviewed page never showed beside that text. With a
Markdown image both agree (control)."""

from __future__ import annotations

import re

from rt84_helpers import BLUE, FLOW, RED, base, built, colours, png, site_colour

from history_helpers import cli

UP = "docs/flow.png"
RAW = '见 <img src="../flow.png" alt="流程"> 第一版正文'


def _two_charts(tmp_path, text: str = RAW):
    return base(tmp_path, text=text, files={FLOW: png(RED), UP: png(BLUE)})


def test_set_up_the_page_shows_the_chart_beside_it(tmp_path):
    out = built(_two_charts(tmp_path), tmp_path)
    page = (out / "procedures/test/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<img src="([^"]*)"', page) == ["../flow.png"]
    # served at procedures/test/: ../flow.png is procedures/flow.png, the red chart
    assert site_colour(out, "procedures/flow.png") == RED


def test_pdf_embeds_the_chart_the_page_shows(tmp_path):
    assert colours(_two_charts(tmp_path), tmp_path) == {RED}


def test_control_a_markdown_image_is_the_same_chart_in_both(tmp_path):
    s = _two_charts(tmp_path, text="见 ![流程](flow.png) 第一版正文")
    assert colours(s, tmp_path) == {RED}
    assert site_colour(built(s, tmp_path), "procedures/flow.png") == RED


def test_one_name_read_two_ways_is_left_out(tmp_path):
    """Fixed (session 32): the same ``../flow.png`` as a Markdown image (the page shows
    docs/flow.png, blue) and as raw HTML (procedures/flow.png, red). Once converted, a copy
    cannot tell the two images apart, so it embeds neither and names the image as left out:
    never one chart where the page shows the other."""
    s = _two_charts(
        tmp_path, text='见 ![流程](../flow.png) <img src="../flow.png" alt="流程"> 正文'
    )
    copy = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-05-01", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    assert "../flow.png" in made.stderr
    assert colours(s, tmp_path) == set()
