"""Markdown the renderers cannot take (validate/renderable.py): a body nested deeper than
Python-Markdown's stack allows (DC223) and brackets it reads in quadratic time (DC222) are
reported by `check` at their file and line; the bounds sit well below what costs the renderer
anything, so what passes renders quickly with both the site's and the PDF copies' extensions."""

from __future__ import annotations

import markdown
import pytest

from doccontrol.validate.renderable import MAX_BRACKET_READ, MAX_NESTING, findings

SITE = ["tables", "attr_list", "md_in_html", "admonition", "toc", "pymdownx.superfences"]
PDF = ["tables", "fenced_code", "toc", "admonition", "sane_lists", "md_in_html"]


def nested_list(levels: int, indent: str = "    ") -> str:
    return "".join(indent * i + "- x\n" for i in range(levels))


def kinds(body: str) -> list[str]:
    return [f.kind for f in findings(body)]


@pytest.mark.parametrize(
    "deep",
    [
        nested_list(MAX_NESTING + 1),
        nested_list(MAX_NESTING + 1, "\t"),
        "- " * (MAX_NESTING + 1) + "x\n",
        "1. " * (MAX_NESTING + 1) + "x\n",
        "> " * (MAX_NESTING + 1) + "x\n",
        ">" * (MAX_NESTING + 1) + "x\n",
        "> - " * 11 + "x\n",
        "".join("    " * i + "!!! note\n" for i in range(MAX_NESTING + 1)),
    ],
)
def test_nesting_beyond_the_bound_is_found(deep):
    assert kinds(deep) == ["nesting"]


def test_elements_nested_in_a_markdown_element_are_found_and_plain_html_is_not():
    inside = '<div markdown="1">\n' + "<div>\n" * MAX_NESTING + "x\n" + "</div>\n" * 21
    assert kinds(inside) == ["html"]
    # raw HTML is passed on as it is, at any depth: Python-Markdown does not recurse in it
    assert findings("<div>\n" * 3000 + "x\n" + "</div>\n" * 3000) == []


def test_what_real_procedures_write_is_not_found():
    body = (
        "## 1 目的\n\n"
        + nested_list(MAX_NESTING)
        + "\n"
        + "> " * 3
        + "引用\n\n* * * * * * * * * * * * * * * * * * * * * * * *\n\n"
        + "见 [SM-P-02](doc:SM-P-02)、[图](a.png) 和 `a[0]`。\n\n" * 2000
        + "字面的括号 \\[ 写成转义。" * 5000
        + "\n\n```\n"
        + " " * 120
        + "缩进很深的代码\n```\n"
    )
    assert findings(body) == []


def test_a_run_of_brackets_is_found_where_it_starts():
    body = "## 1 目的\n\n正文。\n\n前文 " + "[" * 30000 + "\n"
    (found,) = findings(body)
    assert found.kind == "brackets" and found.offset == body.index("[")
    assert found.unclosed == 30000


@pytest.mark.parametrize(
    "costly",
    [
        "[x" * 1500,  # unclosed, each read to the end of the paragraph
        "[" * 1500 + "x" + "]" * 1500,  # closed, but nested: each read to its own end
        "[x](" * 1000,  # link destinations never closed
        "[\n" * 1500,  # a paragraph runs over lines
        '<div markdown="span">\n' + "[\n\n" * 1500 + "</div>\n",  # a span over blank lines
    ],
)
def test_bracket_patterns_the_renderer_reads_again_and_again_are_found(costly):
    assert kinds(costly) == ["brackets"]


def test_brackets_in_separate_paragraphs_or_escaped_are_cheap():
    assert findings("[\n\n" * 20000) == []
    assert findings("\\[" * 50000) == []


@pytest.mark.parametrize("extensions", [SITE, PDF], ids=["site", "pdf"])
def test_what_passes_at_the_bounds_renders(extensions):
    """Just inside each bound both renderers render the body (never out of stack); how long
    they take there is measured, not timed here: the bounds' comments give the figures."""
    bodies = [
        nested_list(MAX_NESTING),
        "> " * MAX_NESTING + "x\n",
        '<div markdown="1">\n' + "<div>\n" * (MAX_NESTING - 1) + "x\n" + "</div>\n" * 20,
        "[" * 990 + "\n",  # 990 unclosed: about 490,000 characters read
        "<a\n" * 1000,  # 1,000 tags never closed in 3,000 characters: 3 million
    ]
    for body in bodies:
        assert findings(body) == [], body[:40]
        assert markdown.Markdown(extensions=extensions).convert(body) is not None
    assert MAX_BRACKET_READ < 1_000_000


def test_tags_never_closed_are_found_where_the_first_is_and_closed_ones_are_not():
    found = findings("正文\n\n" + "<a\n" * 4000)
    assert [(f.kind, f.offset, f.unclosed) for f in found] == [("tags", 4, 4000)]
    assert findings("<br> x <b>粗</b>\n" * 20_000) == []  # closed tags cost nothing
    assert findings("响应时间<4小时，a < b\n" * 20_000) == []  # no letter after the <


def test_large_bodies_are_read_to_the_right_answer():
    big = ("正文 [链接](doc:SM-P-01)，" + "[" * 3 + "\n" + "> - 项目\n") * 40000  # about 1 MB
    assert [f.kind for f in findings(big)] == ["brackets"]
    assert [f.kind for f in findings("<a" * 500_000)] == ["tags"]
    assert [f.kind for f in findings("[" * 1_000_000)] == ["brackets"]


def test_check_reports_both_at_file_and_line(repo, check_codes):
    first = 18  # the body's first line: after '---', 15 keys and '---'
    repo.doc(body="## 1 目的\n\n" + nested_list(30) + "\n" + "[" * 3000 + "\n")
    found = [
        (line, code) for path, line, code in check_codes(repo.root) if code in ("DC223", "DC222")
    ]
    assert (first + 2 + MAX_NESTING, "DC223") in found
    assert (first + 2 + 30 + 1, "DC222") in found


def test_the_quick_screens_never_pass_what_the_full_reading_finds(monkeypatch):
    """_brackets first screens a body at C speed (an upper bound of what the brackets cost):
    on bodies made to sit at the edge, the screened answer is always the full reading's.
    (Nesting has no such screen: lazy continuation nests short prefixes ever deeper.)"""
    import random

    from doccontrol.validate import renderable

    rng = random.Random(23)
    pieces = ["[", "]", "(", ")", "](", "x", "\n", "\n\n", "> ", "- ", "    ", "\t", "1. "]
    found = 0
    for limit in (100, 2_000, 50_000):  # limits low enough that bodies go past them
        monkeypatch.setattr(renderable, "MAX_BRACKET_READ", limit)
        for _ in range(150):
            body = "".join(rng.choice(pieces) for _ in range(rng.randrange(10, 3000)))
            exact = renderable._bracket_count(body)
            assert renderable._brackets(body) == exact
            found += exact is not None
    assert found > 50  # the screen was put to the test, not only passed through


@pytest.mark.parametrize(
    "hidden",
    [
        "<!-- </div> -->\n",  # an end tag in a comment is no end tag
        '<span title="</div>">注</span>\n',  # nor one in an attribute value
        "<!x </div>\n",  # nor one in a declaration
        '</span title="</div>">\n',  # nor one inside another end tag
    ],
)
def test_end_tags_the_renderer_does_not_read_as_such_close_nothing(hidden):
    body = ('<div markdown="1">\n' + hidden) * (MAX_NESTING + 1) + "x\n"
    body += "</div>\n" * (MAX_NESTING + 1)
    assert "html" in kinds(body)


def test_comments_and_attribute_values_in_a_markdown_element_are_read_as_the_renderer_does():
    body = (
        '<div markdown="1">\n<!-- <div>旧版</div> -->\n'
        + '<div class="a" title="x > y">\n[x](y)\n</div>\n' * 50
        + "</div>\n"
    ) * 30
    assert findings(body) == []


def test_a_table_is_read_row_by_row_and_a_paragraph_of_pipes_is_not():
    rows = "".join(f"| 服务{i} | [0, 4) 小时 | [4, 8) 小时 |\n" for i in range(400))
    table = "| 服务 | 响应 | 解决 |\n| --- | --- | --- |\n" + rows
    assert findings("## 服务级别\n\n" + table) == []
    # without its delimiter row it is no table but one paragraph: read to its end
    assert kinds("## 服务级别\n\n| 服务 | 响应 | 解决 |\n" + rows) == ["brackets"]


def test_lines_in_fenced_code_are_not_nesting_but_an_unclosed_fence_hides_nothing():
    # a listing of quoted mail: 21 ">" nest 21 block quotes where read as Markdown
    listing = "邮件原文\n" + "> " * (MAX_NESTING + 1) + "最早的一封\n"
    assert findings("```text\n" + listing + "```\n") == []
    assert findings("~~~\n" + listing + "~~~\n") == []
    assert findings('``` { .text title="邮件" }\n' + listing + "```\n") == []
    assert kinds("```text\n" + listing) == ["nesting"]  # never closed: Markdown
    assert kinds("```text\n" + listing + "````\n") == ["nesting"]  # not its close
    # indented, a fence is code for superfences only; the PDF copies read it as Markdown
    assert kinds("1. 邮件：\n\n    ```text\n" + _indent(listing) + "    ```\n") == ["nesting"]


def _indent(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.splitlines())


def test_indentation_nests_only_as_deep_as_the_containers_above_it():
    """A wide text diagram (its right column at column 80) nests nothing: Python-Markdown
    nests an indented line only inside a list item or admonition already open, so in a fence,
    an indented code block, a list item or an admonition it is as deep as what holds it."""
    diagram = "服务台" + " " * 74 + "变更经理\n" + (" " * 80 + "- 评估影响\n") * 2
    for body in (
        "```text\n" + diagram,
        "流程示意：\n\n" + _indent(diagram),
        "1. 流程示意：\n\n    ```text\n" + _indent(diagram) + "    ```\n",
        '!!! example "流程"\n\n    ```text\n' + _indent(diagram) + "    ```\n",
    ):
        assert findings(body) == [], body
    # deep lists still count every level their markers open
    assert kinds(nested_list(MAX_NESTING) + " " * 4 * MAX_NESTING + "- 再深一级\n") == ["nesting"]


def test_a_block_is_taken_for_a_table_only_where_the_tables_extension_takes_it():
    """Counted row by row only where Python-Markdown's tables extension reads a table: where
    it would read a paragraph, the brackets are charged to the paragraph (never less)."""
    import itertools

    from doccontrol.validate.renderable import _DELIMITER_ROW, _is_table

    processor = markdown.Markdown(extensions=["tables"]).parser.blockprocessors["table"]
    headers = ["| a | b |", "a | b", "| a |", "a|b|c", "| a \\| b |", "| `a|b` | c |", "a", "|"]
    delimiters = ["|---|---|", "--- | ---", "|---|", "-|-|-", "| :-- | --: |", "---", "|"]
    for header, delimiter in itertools.product(headers, delimiters):
        ours = bool(_DELIMITER_ROW.fullmatch(delimiter)) and _is_table(header, delimiter)
        if ours:
            assert processor.test(None, f"{header}\n{delimiter}"), (header, delimiter)


def _sla_rows(n: int) -> str:
    return "".join(f"| 系统{i} | P1 | [0, 4) 小时 | [4, 8) 小时 |\n" for i in range(n))


@pytest.mark.parametrize(
    "table",
    [
        # a code span in the header: the tables extension reads backticks (and escapes) itself
        "## 服务级别\n\n| 系统 | `priority` | 响应 | 解决 |\n| --- | --- | --- | --- |\n",
        "## 服务级别\n\n| 系统 | `a|b` | 响应 \\| 时限 | 解决 |\n| --- | --- | --- | --- |\n",
        # right under its heading: the block parser takes the heading off first
        "## 服务级别\n| 系统 | 优先级 | 响应 | 解决 |\n| --- | --- | --- | --- |\n",
        "服务级别\n--------\n| 系统 | 优先级 | 响应 | 解决 |\n| --- | --- | --- | --- |\n",
        # beside a Material grid: md_in_html reads a block element's content block by block
        '<div class="grid cards" markdown>\n\n联系人\n\n</div>\n\n'
        + "| 系统 | 优先级 | 响应 | 解决 |\n| --- | --- | --- | --- |\n",
    ],
    ids=["code-in-header", "escaped-pipes", "atx-heading", "setext-heading", "grid"],
)
def test_a_table_is_read_row_by_row_wherever_the_renderer_reads_one(table):
    body = table + _sla_rows(400)
    assert findings(body) == []
    assert "<table>" in markdown.Markdown(extensions=SITE).convert(body)


@pytest.mark.parametrize(
    "body",
    [
        "## 标题\n" + "[x " * 1500 + "\n",  # a paragraph under a heading is still one
        "标题\n===\n" + "[x " * 1500 + "\n",
        "!!! note\n===\n" + "[x " * 1500 + "\n",  # not a setext title: the block goes on
        '<div markdown="span">\n\n' + "[x\n\n" * 1500 + "</div>\n",  # a span over blank lines
        '<p markdown="1">\n\n' + "[x\n\n" * 1500 + "</p>\n",  # <p> is read as a span
        '<div markdown="block">\n\n</div>\n<div markdown="span">\n\n' + "[x\n\n" * 1500,
    ],
    ids=["atx", "setext", "admonition", "span", "p", "block-then-span"],
)
def test_what_is_read_as_one_stretch_is_still_counted_as_one(body):
    assert kinds(body) == ["brackets"]


def _rendered_depth(body: str) -> int:
    """How deep Python-Markdown nests lists, quotes and admonitions in ``body``, the deeper of
    the site's and the PDF copies' extension sets (their preprocessors run: fences, tabs)."""
    from xml.etree import ElementTree

    def depth(element: ElementTree.Element) -> int:
        classes = element.get("class") or ""
        own = element.tag in ("ul", "ol", "blockquote") or "admonition" in classes.split()
        return own + max((depth(child) for child in element), default=0)

    deepest = 0
    for extensions in (SITE, PDF):
        md = markdown.Markdown(extensions=extensions)
        lines = body.split("\n")
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        deepest = max(deepest, depth(md.parser.parseDocument(lines).getroot()))
    return deepest


def _read_depth(body: str, monkeypatch) -> int:
    """The depth the check reads in ``body``: the least bound it passes under."""
    from doccontrol.validate import renderable

    for bound in range(500):
        monkeypatch.setattr(renderable, "MAX_NESTING", bound)
        if renderable._nesting_of_lines(body) is None:
            return bound
    raise AssertionError(body)


def test_lines_continued_lazily_nest_as_deep_as_their_markers_add_up():
    """Round 47's find: every line has 20 markers, but each continues lazily inside the lists
    of the one above it, and Python-Markdown nests them ever deeper (out of stack at 15
    lines). A list's next item, a quote's next line and an admonition's indented text do
    not add up."""
    lazy = "".join("> " * i + "- " * (20 - i) + "x\n" for i in range(15))
    (found,) = findings(lazy)
    assert found.kind == "nesting" and found.offset == lazy.index("\n") + 1
    assert kinds("- x\n" + "> y\n" * 5 + "- x\n" * 40) == []
    assert kinds("- " * 10 + "x\n" + "> " + "- " * 11 + "x\n") == ["nesting"]
    siblings = "".join("> " * 3 + "- " * 10 + "x\n" for _ in range(40))
    assert kinds(siblings) == [] and kinds("> a\n> > b\n> c\n" * 30) == []
    assert kinds("!!! note\n    text\n" * 40 + "- x\n") == []
    assert kinds(nested_list(6) + "    " * 2 + "- x\n" * 40) == []  # siblings at level 3


def test_stars_spaced_wider_than_a_rule_are_lists():
    """Python-Markdown's rule allows at most two spaces after each mark: ``* *   *`` is three
    nested lists, and 600 of them run it out of stack. The check read them as a rule."""
    deep = "* " + "*   " * (MAX_NESTING + 1) + "\n"
    assert kinds(deep) == ["nesting"]
    assert kinds("* * * * *\n\n- - -\n\n_  _  _\n" * 30) == []  # rules, at any length


@pytest.mark.parametrize("seed", [47, 5])
def test_the_nesting_read_follows_the_renderers_and_never_falls_behind(seed, monkeypatch):
    """Differential: on random bodies of markers, indentation, tabs, fences, admonitions,
    text and blank lines, the depth the check reads is the depth Python-Markdown builds or
    more, but for a few odd mixes (an indented fence, tabs inside a list, an admonition
    inside a quote) it reads up to four levels less. The bound keeps a margin of some 200
    levels below where the renderer fails, so what matters is that the shortfall never
    grows: the same body repeated reads as far behind as it does once, no further."""
    import random

    rng = random.Random(seed)
    pieces = ["> ", "- ", "* ", "1. ", "    ", "  ", "\t", "x", "x\n", "\n", "\n\n"]
    pieces += ["!!! note\n", "- x\n", "> - ", "```\n"]
    deepest = behind = 0
    for _ in range(250):
        body = "".join(rng.choice(pieces) for _ in range(rng.randrange(5, 80)))
        rendered = _rendered_depth(body)
        gap = rendered - _read_depth(body, monkeypatch)
        deepest, behind = max(deepest, rendered), behind + (gap > 0)
        assert gap <= 4, (rendered, body)
        if gap > 0:
            repeated = body * 8
            assert _rendered_depth(repeated) - _read_depth(repeated, monkeypatch) <= gap, body
    assert deepest >= 6  # the bodies nest, so the comparison tells something
    assert behind <= 5  # rare: the reading follows the renderer
