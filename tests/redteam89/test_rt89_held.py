"""Held attacks of round 89 (each a passing test): spellings and pages the per-page link rule
reads right, and legitimate pictures it keeps (no denial found)."""

from __future__ import annotations

import re

import pytest
from rt84_helpers import approved, base, png
from rt89_helpers import BLUE, PAGE, RED, built, https_colours, two_texts

from builders import procedure
from history_helpers import body

GREEN = (0, 200, 0)

# SM-P-01's page over the shared chart (blue served, red own copy): each shows red only
SPELLINGS = {
    "percent-2f": '见 <img src="..%2Fflow.png" alt="流程"> 正文',
    "query": "见 ![流程](flow.png?v=2) 正文",
    "fragment": "见 ![流程](flow.png#x) 正文",
    "reference": "见 ![流程][f] 正文\n\n[f]: flow.png",
    "admonition-title": "见 ![流程](flow.png) 正文\n\n!!! note \"<img src='../flow.png'> 注\"\n\n    内容",
    "table": "| 图 |\n|---|\n| ![流程](flow.png) |",
}

# a body ending in an unclosed construct (round 4's swallowers): the marks are still found,
# the page is cleaned with its link rule (red own copy)
SWALLOWERS = {
    "backtick-fence": "```",
    "comment": "<!--",
    "pre": "<pre>",
    "cdata": "<![CDATA[",
    "indented-fence": "    ```",
    "md-in-html-div": '<div markdown="1">',
}


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_held_spelling_shows_only_the_red_own_copy(tmp_path, name):
    out = built(two_texts(tmp_path, SPELLINGS[name]), tmp_path)
    seen = https_colours(out)
    assert BLUE not in seen
    assert set(seen) <= {RED, None}


@pytest.mark.parametrize("name", sorted(SWALLOWERS))
def test_held_unclosed_construct_keeps_the_link_rule(tmp_path, name):
    out = built(two_texts(tmp_path, "见 ![流程](flow.png) 正文\n\n" + SWALLOWERS[name]), tmp_path)
    assert https_colours(out) == [RED]


def test_held_index_page_and_spaced_chinese_names_keep_their_pictures(tmp_path):
    """No denial: SM-P-03 at docs/ops/index.md shows its green chart in Markdown, raw HTML
    from its folder, a spaced Chinese name raw and as %20."""
    s = base(tmp_path)
    s.git.branch("ops-1")
    s.files.write("docs/ops/chart.png", png(GREEN))
    s.files.write("docs/ops/流程 图.png", png(GREEN))
    text = (
        '见 ![图](chart.png) 与 <img src="chart.png" alt="raw"> 与 '
        '<img src="流程 图.png" alt="sp"> 与 ![图2](流程%20图.png) 正文'
    )
    s.files.write(
        "docs/ops/index.md",
        procedure(
            doc_id="SM-P-03",
            title="运维程序",
            version="V1.0",
            effective_date="2026-04-01",
            body=body(text),
        ),
    )
    approved(s, "ops-1", "运维程序", "2026-04-01", 3)
    out = built(s, tmp_path)
    assert https_colours(out, "ops/index.html") == [GREEN] * 4
    assert https_colours(out, PAGE) == [RED]  # SM-P-01's own ![流程](flow.png)


def test_held_a_link_to_the_own_chart_opens_it(tmp_path):
    out = built(base(tmp_path, text="见 [流程图](flow.png) 正文"), tmp_path)
    page = (out / PAGE).read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./flow\.png">', page)
    assert (out / "procedures/flow.png").is_file()
