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


# fenced code both renderers take as such (fenced_code, superfences): a fence at the start of a
# line with at most a language after it, up to the same fence alone on a line
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,}) *(?:\.?[\w#.+-]*)? *")
_FENCE_LIKE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")


def _fenced_lines(lines: list[str]) -> set[int]:
    """The lines inside fenced code (never parsed as Markdown). Only a block both renderers
    read alike counts: when the next line that looks like a fence is not its close, the lines
    are read as Markdown (nesting counted there is never less than the renderer's)."""
    fenced: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        opened = _FENCE_OPEN.fullmatch(lines[i])
        if opened is None:
            i += 1
            continue
        j = i + 1
        while j < n and not _FENCE_LIKE.match(lines[j]):
            j += 1
        if j < n and lines[j].rstrip(" ") == opened[1]:
            fenced.update(range(i + 1, j))
            i = j + 1
        else:
            i = j  # no close of its own: what follows is read as Markdown
    return fenced


def _nesting_of_lines(body: str) -> Finding | None:
    offset = 0
    lines = body.split("\n")
    fenced = _fenced_lines(lines) if "``" in body or "~~" in body else set()
    for number, line in enumerate(lines):
        if number in fenced:
            pass
        elif len(line) > MAX_NESTING and line[:1] in " \t>-*+0123456789!?":
            depth = _line_depth(line)
            if depth > MAX_NESTING:
                return Finding(offset, "nesting", depth)
        offset += len(line) + 1
    return None


# how Python's html.parser (which Python-Markdown's HTML parsing is) reads a start tag: its
# attribute names may hold ``<``, its quoted values ``<`` and ``>`` (html.parser's own pattern)
_START_TAG = re.compile(
    r"""<[a-zA-Z][^\t\n\r\f />\x00]*(?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*"""
    r"""(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?(?:\s|/(?!>))*)*)?\s*"""
)
# where a construct may start: a comment, a declaration or processing instruction, a tag
_MARKUP = re.compile(r"<(?:!|\?|/|[A-Za-z])")
# an end tag Python-Markdown takes as one; anything else from ``</`` to ``>`` is read as opaque
_CLEAN_END_TAG = re.compile(r"</\s*([A-Za-z][-.A-Za-z0-9:_]*)\s*>")
_COMMENT_CLOSE = re.compile(r"--!?>|--\s*>")
_SECTION_CLOSE = re.compile(r"\]\s*\]?\s*>")
# inside an opaque stretch: what may still be a start tag, and an end tag
_INNER_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


class _Next:
    """The next match of ``pattern`` at or after a position that only moves forward: each
    search is remembered, so a run of openers never closed costs one pass, not one each."""

    def __init__(self, body: str, pattern: re.Pattern[str]) -> None:
        self.body, self.pattern = body, pattern
        self.since = -1
        self.found: re.Match[str] | None = None

    def at(self, position: int) -> re.Match[str] | None:
        found = self.found
        if (
            self.since >= 0
            and self.since <= position
            and (found is None or position <= found.start())
        ):
            return found
        self.since, self.found = position, self.pattern.search(self.body, position)
        return self.found


def _html_nesting(body: str) -> Finding | None:
    """Elements nested inside an element Python-Markdown reads as Markdown (md_in_html)
    recurse like lists. Raw HTML without one is passed on as it is, at any depth.

    Counted so the depth is never less than the renderer's: tags are read as html.parser
    reads them (attribute values quoted, comments skipped), and what may hide an end tag from
    it (a comment, a declaration, a tag's attributes, a malformed end tag) is opaque: a start
    tag inside still counts, an end tag there closes only what opened there."""
    if "markdown" not in body or not _MARKDOWN_ATTRIBUTE.search(body):
        return None
    stack: list[str] = []
    comment_close = _Next(body, _COMMENT_CLOSE)
    section_close = _Next(body, _SECTION_CLOSE)
    greater = _Next(body, re.compile(">"))

    def opaque(start: int, end: int) -> Finding | None:
        local: list[str] = []
        for match in _INNER_TAG.finditer(body, start, end):
            name = match[2].lower()
            if name in _NOT_NESTING:
                continue
            if match[1]:
                closed = _CLEAN_END_TAG.match(body, match.start(), end)
                if closed and closed[1].lower() == name and name in local:
                    while local.pop() != name:
                        pass
                continue
            local.append(name)
            if len(stack) + len(local) > MAX_NESTING:
                return Finding(match.start(), "html", len(stack) + len(local))
        stack.extend(local)
        return None

    position = 0
    while (match := _MARKUP.search(body, position)) is not None:
        i = match.start()
        found: Finding | None = None
        if body.startswith("<!--", i):
            close = comment_close.at(i + 4)
            if close is None:
                position = i + 1  # never closed: Python-Markdown reads the "<" as text
                continue
            found, position = opaque(i + 4, close.start()), close.end()
        elif body.startswith(("<!", "<?"), i):
            gt = greater.at(i)
            end = gt.end() if gt else len(body)
            if body.startswith("<![", i):
                section = section_close.at(i)
                end = max(end, section.end() if section else len(body))
            found, position = opaque(i + 2, end), end
        elif body.startswith("</", i):
            gt = greater.at(i)
            if gt is None:
                position = i + 2
                continue
            clean = _CLEAN_END_TAG.match(body, i)
            if clean is not None and clean.end() == gt.end():
                name = clean[1].lower()
                if name not in _NOT_NESTING and name in stack:
                    while stack.pop() != name:
                        pass
            else:
                found = opaque(i + 2, gt.end())
            position = gt.end()
        else:
            tag = _START_TAG.match(body, i)
            assert tag is not None  # "<" and a letter always start one
            end = tag.end()
            closing = body[end : end + 2]
            name = _INNER_TAG.match(body, i)[2].lower()  # type: ignore[index]
            found = opaque(i + 1 + len(name), end)
            if found is None and name not in _NOT_NESTING and not closing.startswith("/>"):
                stack.append(name)  # an unfinished one counts too: it may be read as a tag
                if len(stack) > MAX_NESTING:
                    found = Finding(i, "html", len(stack))
            position = end + (1 if closing.startswith(">") else 2 if closing == "/>" else 0)
            position = max(position, i + 1)
        if found is not None:
            return found
    return None


def _units(body: str) -> Iterator[tuple[int, int]]:
    """The stretches Python-Markdown reads inline as one: at most a paragraph, and a table's
    row (its inline patterns run cell by cell). Inside an element with a ``markdown``
    attribute a span runs over blank lines, so then the whole body counts as one."""
    if "markdown" in body and _MARKDOWN_ATTRIBUTE.search(body):
        yield 0, len(body)
        return
    start = 0
    for match in _BLANK_LINE.finditer(body):
        yield from _rows(body, start, match.start())
        start = match.end()
    yield from _rows(body, start, len(body))


# a table's delimiter row, as the tables extension takes it: pipes, colons, dashes, spaces
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ :\-|]*-[ :\-|]*")


def _is_table(header: str, delimiter: str) -> bool:
    """Whether the tables extension reads a block starting with these two lines as a table,
    by its own test (a header of two or more cells, a delimiter row of as many cells of
    ``|:- ``), written out here: the core does not import the renderer. In doubt (a backslash
    or a backtick, which the extension reads specially, or a one-column table) it says no:
    the block is then counted as one paragraph, more than the renderer reads, never less."""
    if "\\" in header or "`" in header or "\\" in delimiter or "`" in delimiter:
        return False
    header = header.strip(" ")
    # the header's own borders decide what the extension strips from every row
    left, right = header.startswith("|"), header.endswith("|")
    cells = _cells(header, left, right)
    return len(cells) > 1 and len(_cells(delimiter.strip(" "), left, right)) == len(cells)


def _cells(row: str, left: bool, right: bool) -> list[str]:
    if left and row.startswith("|"):
        row = row[1:]
    if right and row.endswith("|"):
        row = row[:-1]
    return row.split("|")


def _rows(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A paragraph as one stretch, or a table line by line."""
    if body.startswith("\n", start) and start < end:
        start += 1  # the blank line's own end
    first = body.find("\n", start, end)
    second = body.find("\n", first + 1, end) if first >= 0 else -1
    second = end if second < 0 else second
    if (
        first < 0
        or "|" not in body[start:first]
        or not _DELIMITER_ROW.fullmatch(body, first + 1, second)
        or not _is_table(body[start:first], body[first + 1 : second])
    ):
        yield start, end
        return
    while True:
        newline = body.find("\n", start, end)
        if newline < 0:
            yield start, end
            return
        yield start, newline
        start = newline + 1


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
