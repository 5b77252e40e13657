"""Markdown the renderers cannot take: a body nested so deep that Python-Markdown runs out of
stack (it recurses once per list, block quote, admonition or ``markdown`` HTML element), or
brackets it reads again and again (quadratic time).

Both the site (MkDocs) and the PDF copies render with Python-Markdown. ``check`` reports such a
body at its file and line (DC223, DC222), so it is never approved; the site and ``pdf`` refuse
to render one (``problems``), naming the document, rather than crash or hang. One linear scan
of the body, cheap enough for every document in a pre-commit hook.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Nesting. Python-Markdown 3.x runs out of Python's default stack (1,000 frames) at about 250
# lists nested at four spaces, 300 at tabs, 350 admonitions or ``<div markdown>`` elements,
# fewer inside MkDocs, whose own frames come first. No real procedure nests a list or a quote
# more than a handful of levels (three or four is already hard to read), so 20 keeps a wide
# margin on both sides: nothing an author means is refused, and nothing refused is near the
# renderer's limit (deeper nesting is also quadratic there: 1,000 quoted levels take 5 s).
MAX_NESTING = 20

# Brackets. For each ``[`` Python-Markdown's link, image and reference patterns read on to its
# matching ``]`` (to the end of the paragraph when there is none), and for each ``](`` on to the
# matching ``)``: the cost is the sum of those distances. Measured (Python-Markdown 3.11, the
# site's extensions) at 4.5 to 8 million characters read per second: 4,000 unmatched ``[`` in a
# paragraph (8 million) take 1.7 s, 30,000 take minutes. 500,000 (about a tenth of a second) is
# well below a second, and far above what links in any real body cost (a link reads only its
# own text: 20,000 links of 25 characters).
MAX_BRACKET_READ = 500_000

# Tags never closed. For each ``<`` and letter with no ``>`` before the next ``<`` (``<a`` at the
# end of a line, say), Python-Markdown's HTML parsing reads on through the rest of the body:
# the cost is about their number times the body's length. Measured at about 50 million
# characters per second: 4,000 such lines (12 KB) take a second, 30,000 minutes. 10 million
# (about 0.2 s) is far above what a body with a few stray ``<`` costs.
MAX_TAG_READ = 10_000_000
_UNCLOSED_TAG = re.compile(r"</?[A-Za-z][^<>]*(?=<|\Z)")

# a container opened at the start of a line: a list item, a block quote, an admonition
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_ADMONITION = re.compile(r"(?:!!!|\?\?\?\+?)(?=[ \t]|$)")
_THEMATIC_BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*")
# md_in_html: an element whose content Python-Markdown reads as Markdown (``markdown``,
# ``markdown="1"``, ``markdown="block"``, ``markdown="span"``); its children recurse too
_MARKDOWN_ATTRIBUTE = re.compile(r"<[A-Za-z][^<>]*?[\s\"'/]markdown\b", re.IGNORECASE)
# a start or end tag; ``[^<>]`` so a ``<`` never closed costs one pass, not one per ``<``
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*)(>)?")
# elements that never hold others, or whose end tag HTML lets an author leave out
_NOT_NESTING = frozenset(
    (
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead"),
        *("tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp"),
    )
)
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
# what the link patterns count; an escaped character is taken as text before any of them
_BRACKET = re.compile(r"\\.|[\[\]()]", re.DOTALL)


@dataclass(frozen=True)
class Finding:
    """Where the body goes beyond what the renderers take: ``kind`` is ``nesting`` (lists,
    block quotes, admonitions on one line), ``html`` (elements inside a ``markdown`` one) or
    ``brackets`` or ``tags`` (tags never closed); ``depth`` how deep it nests, ``unclosed`` how
    many ``[`` and ``](`` (brackets) or tags (tags) have no end."""

    offset: int
    kind: str
    depth: int
    unclosed: int = 0


def _line_depth(line: str) -> int:
    """How many containers a line opens or continues: each ``>``, list marker and admonition
    in its prefix, and every four columns of indentation before the last of them (the space
    that ends a marker aside)."""
    if _THEMATIC_BREAK.fullmatch(line):
        return 0  # ``* * *``: a rule, not lists
    depth = columns = counted = i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if c == " ":
            columns += 1
            i += 1
            continue
        if c == "\t":
            columns += 4 - columns % 4
            i += 1
            continue
        admonition = False
        if c == ">":
            i += 1
        else:
            marker = _LIST_MARKER.match(line, i) or _ADMONITION.match(line, i)
            if marker is None:
                break
            i, admonition = marker.end(), marker[0][0] in "!?"
        depth += 1
        counted = columns
        if admonition:
            break  # its title follows
        if line.startswith(" ", i):
            i += 1
    return depth + counted // 4


# every level a line opens takes at least one character of its prefix (a ``>``, a marker, a
# tab, four spaces): a line deeper than MAX_NESTING starts with more than that many of these
_DEEP_PREFIX = re.compile(rf"^[ \t>*+\-0-9.)!?]{{{MAX_NESTING + 1},}}", re.MULTILINE)


def _nesting(body: str) -> Finding | None:
    if not _DEEP_PREFIX.search(body):
        return None  # the common case, found at C speed
    return _nesting_of_lines(body)


def _nesting_of_lines(body: str) -> Finding | None:
    offset = 0
    for line in body.split("\n"):
        if len(line) > MAX_NESTING and line[:1] in " \t>-*+0123456789!?":
            depth = _line_depth(line)
            if depth > MAX_NESTING:
                return Finding(offset, "nesting", depth)
        offset += len(line) + 1
    return None


def _html_nesting(body: str) -> Finding | None:
    """Elements nested inside an element Python-Markdown reads as Markdown (md_in_html)
    recurse like lists. Raw HTML without one is passed on as it is, at any depth."""
    if "markdown" not in body or not _MARKDOWN_ATTRIBUTE.search(body):
        return None
    stack: list[str] = []
    for match in _TAG.finditer(body):
        name = match[2].lower()
        if name in _NOT_NESTING:
            continue
        if match[1]:
            if name in stack:
                while stack.pop() != name:
                    pass
            continue
        if match[4] is None or match[3].rstrip().endswith("/"):
            continue  # no end, or self-closing
        stack.append(name)
        if len(stack) > MAX_NESTING:
            return Finding(match.start(), "html", len(stack))
    return None


def _units(body: str) -> Iterator[tuple[int, int]]:
    """The stretches Python-Markdown reads inline as one: at most a paragraph (a table, a list
    item and a heading are less). Inside an element with a ``markdown`` attribute a span runs
    over blank lines, so then the whole body counts as one."""
    if "markdown" in body and _MARKDOWN_ATTRIBUTE.search(body):
        yield 0, len(body)
        return
    start = 0
    for match in _BLANK_LINE.finditer(body):
        yield start, match.start()
        start = match.end()
    yield start, len(body)


def _brackets(body: str) -> Finding | None:
    if "[" not in body or _most_read(body) <= MAX_BRACKET_READ:
        return None  # the common case, found at C speed
    return _bracket_count(body)


def _bracket_count(body: str) -> Finding | None:
    read = 0
    worst: Finding | None = None
    worst_cost = -1
    for start, end in _units(body):
        opened: list[int] = []  # unmatched ``[``
        destinations: list[int] = []  # unmatched ``(`` of a ``](``
        cost = deepest = 0
        # from the first ``[`` on: before it nothing is read again (a ``](`` needs one too)
        first = body.find("[", start, end)
        if first < 0:
            continue
        taken = -1  # the ``(`` of a ``](`` just seen
        for match in _BRACKET.finditer(body, first, end):
            i, c = match.start(), match[0]
            if c == "[":
                opened.append(i)
                deepest = max(deepest, len(opened))
            elif c == "]":
                if opened:
                    cost += i - opened.pop()
                    if body.startswith("(", i + 1) and i + 1 < end:
                        destinations.append(i + 1)
                        taken = i + 1
            elif c == "(" and destinations and i != taken:
                destinations.append(i)
            elif c == ")" and destinations:
                cost += i - destinations.pop()
        for position in (*opened, *destinations):
            cost += end - position
        unclosed = len(opened) + len(destinations)
        read += cost
        if cost > worst_cost:
            at = opened[0] if opened else destinations[0] if destinations else first
            worst, worst_cost = Finding(at, "brackets", deepest, unclosed), cost
    return worst if read > MAX_BRACKET_READ else None


def _most_read(body: str) -> int:
    """An upper bound of what _brackets counts, at C speed: each ``[`` and ``(`` is read at most
    to the end of its stretch. Real bodies come far below the limit and skip the exact count."""
    return sum(
        (body.count("[", start, end) + body.count("(", start, end)) * (end - start)
        for start, end in _units(body)
    )


def _tags(body: str) -> Finding | None:
    if "<" not in body:
        return None
    unclosed = [m.start() for m in _UNCLOSED_TAG.finditer(body)]
    if len(unclosed) * len(body) <= MAX_TAG_READ:
        return None
    return Finding(unclosed[0], "tags", 0, len(unclosed))


def findings(body: str) -> list[Finding]:
    """What in ``body`` the renderers cannot take (empty: it renders in good time)."""
    found = [_nesting(body), _html_nesting(body), _brackets(body), _tags(body)]
    return [f for f in found if f is not None]
