"""The outline (更改处) against a CommonMark parser, markdown-it-py, on Markdown written in
blocks separated by blank lines: fences with ``` and ~~~ mixed (and '#' lines, the other mark
and shorter marks inside), setext headings, headings in lists and block quotes, indented
headings, levels 1-6, closing '#'s. Sections start at the top-level headings of levels 1-4
that have text; both the regex path (outline) and the line walk (split_lines) must agree with
the parser, and every shipped procedure must take the regex path."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from markdown_it import MarkdownIt

from doccontrol.history import sections

PROJECT = Path(__file__).resolve().parents[2]


def reference(body: str) -> list[tuple[str, str]]:
    """Sections as markdown-it-py reads the body: top-level h1-h4 with text start one; a
    section's text is its lines up to the next such heading, stripped."""
    lines = body.split("\n")
    tokens = MarkdownIt("commonmark").parse(body)
    heads = [
        (token.map, inline.content.strip())
        for token, inline in itertools.pairwise(tokens)
        if token.type == "heading_open"
        and token.level == 0
        and token.tag in ("h1", "h2", "h3", "h4")
        and token.map is not None
        and inline.content.strip()
    ]
    out = []
    title, start = "", 0
    for (first, last), text in heads:
        out.append((title, "\n".join(lines[start:first]).strip()))
        title, start = "\n".join(x.strip() for x in text.split("\n")), last
    out.append((title, "\n".join(lines[start:]).strip()))
    return [(t, text) for t, text in out if t or text]


WORDS = ["目的", "范围", "职责", "流程", "记录", "附则", "Mermaid 图", "术语"]


def block(rng: random.Random) -> str:
    word = rng.choice(WORDS)
    kind = rng.randrange(15)
    if kind == 0:
        return f"{'#' * rng.randint(1, 6)}{rng.choice([' ', '  ', chr(9)])}{word}"
    if kind == 1:
        return f"## {word} {rng.choice(['##', '#', ''])}".rstrip() + rng.choice(["", "  "])
    if kind == 2:
        return f"## {word}#"  # not a closing sequence: part of the title
    if kind == 3:  # setext
        lines = [word] + ([rng.choice(WORDS)] if rng.random() < 0.3 else [])
        return "\n".join(lines) + "\n" + rng.choice(["===", "---", "=", "-----  "])
    if kind == 4:  # fenced code with '#' lines and other marks inside
        mark = rng.choice(["```", "~~~", "````", "~~~~"])
        inner = rng.sample(
            ["# 注释", "## 不是标题", "~~~", "```", mark[:3], "flowchart TD", "A --> B"],
            rng.randint(1, 4),
        )
        inner = [x for x in inner if not (x[0] == mark[0] and len(x) >= len(mark))]
        close = mark + rng.choice(["", "`" if mark[0] == "`" else "~"])
        info = rng.choice(["", "mermaid", "bash"])
        return "\n".join([mark + info, *inner, close])
    if kind == 5:
        return f"{rng.choice(['-', '*', '1.'])} {'#' * rng.randint(1, 3)} {word}"
    if kind == 6:
        return f"> {'#' * rng.randint(1, 3)} {word}\n> 引用正文"
    if kind == 7:
        return "> ```\n> # 引用里的代码\n> ```"
    if kind == 8:
        return f"{' ' * rng.randint(1, 3)}## {word}"  # indented up to 3: still a heading
    if kind == 9:
        return f"    # {word}"  # indented 4: code
    if kind == 10:
        return rng.choice(["---", "***", "- - -"])  # after a blank line: a thematic break
    if kind == 11:
        return f"| {word} | 说明 |\n|---|---|\n| a | b |"
    if kind == 12:
        return f"- {word}\n- {rng.choice(WORDS)}\n  续行"
    return f"{word}的正文，第一行。\n第二行 # 不是标题"


def body(rng: random.Random) -> str:
    return "\n\n".join(block(rng) for _ in range(rng.randint(1, 10))) + rng.choice(["", "\n"])


def test_outline_and_line_walk_agree_with_commonmark():
    rng = random.Random(11)
    for _ in range(4000):
        text = body(rng)
        expected = reference(text)
        assert sections.split_lines(text) == expected, text
        assert sections.split_sections(text) == expected, text


def test_every_shipped_procedure_takes_the_regex_path_and_agrees():
    for path in sorted((PROJECT / "docs/procedures").glob("*.md")):
        text = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert "```mermaid" in text
        assert sections._UNUSUAL.search("\n" + text) is None, path.name
        assert sections._mask_fences(text) is not None, path.name
        assert sections.split_sections(text) == reference(text), path.name
