"""The generated pages' HTML blocks kept out of Python-Markdown, and put back after it.

A generated page (a register, the trail, a record) is Markdown by contract (an adopter's
override may use Markdown), but most of it is HTML the templates made: the acknowledgements
register alone is megabytes of table, and Python-Markdown spent more than a second on it only
to pass it through. Before the conversion each paragraph-separated chunk that Python-Markdown
would pass through whole (a run of block-level elements, nothing else) is swapped for a
comment holding a secret mark; after it, each mark is swapped back. A chunk that is not
clearly such a run (Markdown after an element, an inline tag at the start, ``markdown=``
attributes, a tag left open) is left where it is, for Python-Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

_CHUNKS = re.compile(r"(\n[ \t]*\n)")
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*>", re.DOTALL)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_BLOCK = frozenset(BLOCK_LEVEL_ELEMENTS)


@dataclass(frozen=True)
class Lifted:
    """The Markdown to convert, with a mark where each lifted chunk was, and the chunks."""

    markdown: str
    marks: tuple[str, ...]
    chunks: tuple[str, ...]

    def restore(self, html: str) -> str | None:
        """The converted page with each chunk back in place of its mark; None when a mark is
        not there exactly once (the page cannot be trusted to be whole)."""
        for mark, chunk in zip(self.marks, self.chunks, strict=True):
            if html.count(mark) != 1:
                return None
            html = html.replace(mark, chunk, 1)
        return html


def lift(markdown: str, nonce: str) -> Lifted:
    pieces = _CHUNKS.split(markdown)
    marks: list[str] = []
    chunks: list[str] = []
    for i in range(0, len(pieces), 2):  # the odd pieces are the blank lines between chunks
        chunk = pieces[i]
        blocks = chunk.lstrip("\n")  # more blank lines than one separate chunks too
        if _raw_blocks(blocks):
            mark = f"<!--dc-html-{nonce}-{len(marks)}-->"
            marks.append(mark)
            chunks.append(blocks.strip())
            pieces[i] = chunk[: len(chunk) - len(blocks)] + mark
    return Lifted("".join(pieces), tuple(marks), tuple(chunks))


def _raw_blocks(chunk: str) -> bool:
    """Whether Python-Markdown passes ``chunk`` through untouched: one or more block-level
    elements (or comments) at the margin, each closed, with only whitespace between them."""
    if not chunk.startswith("<") or "markdown=" in chunk:
        return False
    depth = 0
    done = 0  # where the last top-level element ended
    for match in _TAG.finditer(chunk):
        comment = match[0].startswith("<!--")
        if depth == 0:
            between = chunk[done : match.start()]
            if between.strip() or (done and "\n" not in between):
                return False  # text, or an element on the line where the last one ended
            if comment:
                done = match.end()
                continue
            if match[1] or match[2].lower() not in _BLOCK:
                return False
        if comment:
            continue
        name = match[2].lower()
        if name in _VOID or match[0].endswith("/>"):
            if depth == 0:
                done = match.end()
            continue
        depth += -1 if match[1] else 1
        if depth < 0:
            return False
        if depth == 0:
            done = match.end()
    return depth == 0 and done > 0 and not chunk[done:].strip()
