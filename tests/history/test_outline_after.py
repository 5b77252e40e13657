"""The outline of an edited version read from the edit (sections.outline_after, the fast
path a cold derivation takes for each version) against its definition: the whole body
outlined again (sections.outlined, itself held to markdown-it-py by
test_sections_differential.py), positions and masked text included, on every shipped document
edited over and over: paragraphs, table rows and flowchart nodes changed as the benchmark's
authors change them, and text with headings, fences, setext underlines, NULs and '#' lines
put in, taken out and moved, one to three edits between two versions."""

from __future__ import annotations

import random

from test_sections_differential import block

from builders import shipped_documents
from doccontrol.history import sections

PIECES = [
    "\n",
    "\n\n",
    "#",
    "## 新节\n",
    "\n## 新节",
    "```",
    "\n```\n",
    "~~~",
    "=",
    "\n===\n",
    "\n---\n",
    "-",
    "\n- 项\n",
    "| a | b |\n",
    " ",
    "\t",
    "\0",
    "\n# 一级\n",
    "\n   ## 缩进\n",
    "  #",
    "\n```mermaid\nflowchart TD\n# 注释\n```\n",
    "\n```\n# 未闭合\n",
    "\n## \n",
    "\n## 标题 #\n",
]


def bodies() -> list[str]:
    return [body for _front, body in shipped_documents()]


def edit(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    kind = rng.random()
    if kind < 0.3:  # replace a stretch with words and now and then a structural piece
        upto = min(len(text), at + rng.randrange(40))
        words = "".join(
            rng.choice(PIECES) if rng.random() < 0.15 else rng.choice("甲乙ab \n。|")
            for _ in range(rng.randrange(8))
        )
        return text[:at] + words + text[upto:]
    if kind < 0.6:  # a line changed: a paragraph, a table row, a flowchart node
        lines = text.split("\n")
        n = rng.randrange(len(lines))
        lines[n] += rng.choice(["改", "。", " | x |", " --> B", " #", "x", " --"])
        return "\n".join(lines)
    if kind < 0.75:
        return text[:at] + text[min(len(text), at + rng.randrange(200)) :]
    if kind < 0.9:
        return text[:at] + rng.choice(PIECES) + text[at:]
    return text[:at] + "\n\n" + block(rng) + "\n\n" + text[at:]  # a whole block put in


def test_outline_after_an_edit_is_the_outline_of_the_edited_body():
    rng = random.Random(13)
    shipped = bodies()
    assert len(shipped) > 30
    read_from_the_edit = 0
    for original in shipped:
        current = sections.outlined(original)
        for _ in range(120):
            text = current.body
            for _ in range(rng.choice([1, 1, 2, 3])):
                text = edit(rng, text)
            if rng.random() < 0.02:
                text = rng.choice(shipped)  # a rewrite
            after = sections.outline_after(current, text)
            whole = sections.outlined(text)
            assert after == whole, (original[:40], text)
            assert after.outline == sections.outline(text)
            read_from_the_edit += bool(current.spans and whole.spans)
            current = after
    assert read_from_the_edit > 500  # the fast path was exercised, not only the fallback


def test_unchanged_body_and_line_walk_bodies():
    text = "前言\n\n## 一\n\n正文\n"
    first = sections.outlined(text)
    assert sections.outline_after(first, text) is first
    setext = "标题\n===\n\n正文\n"  # the line walk: no positions, outlined whole each time
    walked = sections.outlined(setext)
    assert walked.spans == ()
    assert sections.outline_after(walked, setext + "更多\n") == sections.outlined(setext + "更多\n")
