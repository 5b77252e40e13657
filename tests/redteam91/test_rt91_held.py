"""Held attacks on text_place and the link rule (each a passing test)."""

from __future__ import annotations

from rt85_helpers import NET, colours, net, png
from rt88_helpers import RED, browser_colours, built
from rt91_helpers import MARK, marks_in, move, moved_page, setup

FLOW = {"docs/procedures/flow.png": png(RED)}
# every Markdown place an image name can stand in the project's extensions, a Markdown link
# to the picture, raw HTML inside md_in_html, and a name with its own query and fragment
MANY = "\n".join(
    [
        "见 ![a](flow.png) 和 [链接](flow.png) 第一版正文",
        "",
        "![参考][r]",
        "",
        "[r]: flow.png",
        "",
        "| a | b |",
        "|---|---|",
        "| ![t](flow.png) | x |",
        "",
        "!!! note",
        "    ![adm](flow.png)",
        "",
        '<div markdown="1">',
        '![md](flow.png) <img src="../flow.png" alt="raw">',
        "</div>",
        "",
        '![q](flow.png?v=2#x) ![attr](flow.png){: title="x" }',
    ]
)


def test_held_every_markdown_place_on_a_moved_page_and_no_mark_left(tmp_path):
    s = setup(tmp_path, MANY, FLOW)
    move(s)
    out = built(s, tmp_path)
    page = moved_page("docs/ops/test.md")
    assert browser_colours(out, page) == [RED] * 8
    assert RED in browser_colours(out, page, "href", "a")  # the link to the chart
    assert colours(s, tmp_path) == {RED}
    assert marks_in(out) == []  # pages, search/search_index.json, sitemap


def test_held_moved_page_then_unmoved_page_in_one_build(tmp_path):
    # the moved page (docs/a/) comes before SM-P-02 (docs/network/): SM-P-02's names are
    # MkDocs' own, unmarked, and it shows the chart
    s = setup(tmp_path, "见 ![流程](flow.png) 第一版正文", FLOW, {NET: net(day="2026-03-10")})
    move(s, "docs/a/test.md")
    out = built(s, tmp_path)
    assert browser_colours(out, moved_page("docs/a/test.md")) == [RED]
    net_page = (out / "network/net/index.html").read_text(encoding="utf-8")
    assert browser_colours(out, "network/net/index.html") == [RED]
    assert 'src="../../procedures/flow.png"' in net_page and not MARK.search(net_page)
    assert marks_in(out) == []


def test_held_unmoved_page_is_not_marked(tmp_path):
    out = built(setup(tmp_path, MANY, FLOW), tmp_path)
    assert browser_colours(out, "procedures/test/index.html") == [RED] * 8
    assert marks_in(out) == []


def test_held_a_guessed_mark_in_a_markdown_name(tmp_path):
    # a Markdown name carrying a mark of the right shape: text_place replaces the query
    s = setup(tmp_path, f"见 ![流程](flow.png?doccontrol-{'0' * 32}-7) 第一版正文", FLOW)
    move(s)
    out = built(s, tmp_path)
    assert browser_colours(out, moved_page("docs/ops/test.md")) == [RED]
    assert marks_in(out) == []
