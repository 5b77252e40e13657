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
# a rule, as Python-Markdown's HRProcessor reads one (tabs expanded first): three or more of
# one mark, at most two spaces after each. ``* *   *`` is not one: it is three lists
_THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:-+ {0,2}){3,}|(?:_+ {0,2}){3,}|(?:\*+ {0,2}){3,}) *")
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


def _line_prefix(line: str) -> tuple[list[tuple[str, int]], int]:
    """What a line's prefix may open: the containers on it, in order (``>`` a block quote,
    ``-`` a bulleted and ``1`` a numbered list item, ``!`` an admonition, whose title follows), each with the columns of
    white space just before it (after the previous marker and the one space that ends it),
    then ``("", columns)`` for the white space before the line's text; and the levels of
    indentation before the last container (every four columns of white space, those spaces
    aside)."""
    if _THEMATIC_BREAK.fullmatch(line.expandtabs(4)):
        return [("", 0)], 0  # ``* * *``: a rule, not lists
    tokens: list[tuple[str, int]] = []
    columns = counted = gap = i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if c == " " or c == "\t":
            width = 1 if c == " " else 4 - columns % 4
            columns, gap, i = columns + width, gap + width, i + 1
            continue
        if c == ">":
            kind, i = ">", i + 1
        else:
            marker = _LIST_MARKER.match(line, i) or _ADMONITION.match(line, i)
            if marker is None:
                break
            first = marker[0][0]
            kind = "!" if first in "!?" else "1" if first.isdigit() else "-"
            i = marker.end()
        tokens.append((kind, gap))
        counted, gap = columns, 0
        if kind == "!":
            break  # its title follows
        if line.startswith(" ", i):
            i += 1
    if not tokens or tokens[-1][0] != "!":
        tokens.append(("" if i < n else ".", gap))  # ".": nothing follows the prefix
    return tokens, counted // 4


def _line_depth(containers: int, indented: int, reach: int) -> int:
    """How deep a line may nest: its own containers, and its indentation as far as
    containers opened on earlier lines reach (``reach``, the deepest of them). Indentation
    alone opens nothing: Python-Markdown nests an indented line only inside a list item or an
    admonition already there (deeper, it is code or the item's text), so a text diagram's
    wide indentation, in a code block or a fence, counts no deeper than what holds it."""
    return containers + min(indented, reach)


def _continued(open_: list[str], tokens: list[tuple[str, int]]) -> list[str]:
    """The containers a line sits in, given those the line before it in the same block left
    open (outermost first), as Python-Markdown reads a block: a ``>`` at an open quote
    continues it; a list marker at an open list is its next item (what the old item held is
    closed); four columns of indentation enter an open item or admonition; a line not
    indented leaves an admonition; any other line continues lazily inside whatever is open,
    and its own containers nest on top. Lazy continuation is how lines of a handful of
    markers each nest ever deeper. ``i`` (a level a block's first line reached by its
    indentation) is taken as lazily continued: never less deep than the renderer."""
    i = j = 0
    gap = tokens[0][1]
    while i < len(open_):
        kind = open_[i]
        token = tokens[j][0] if j < len(tokens) else ""
        if gap >= 4 and (
            kind == "!" or (kind in "-1" and token in ("-", "1") and open_[i + 1 : i + 2] != ["!"])
        ):
            # indented into the open admonition, or a list item indented into the open one
            # (unless the item holds an admonition, which takes the indented line); any
            # other line is the item's own text with its indentation left as it is
            gap -= 4
        elif token == ">" == kind and gap < 4:
            j += 1  # the quote goes on
            gap = tokens[j][1] if j < len(tokens) else 0
        elif token == "!" and gap < 4:
            break  # an admonition splits the block it is in: it stands at this level
        elif token == kind and kind in "-1" and gap < 4:
            # the next item at this level (a bullet after a numbered item is taken as
            # nested: sane_lists, which the PDF copies use, never makes them siblings)
            break
        elif kind == "!":
            break  # not indented: the line follows the admonition, outside it
        i += 1
    continued = open_[:i] + [kind for kind, _ in tokens[j:] if kind not in ("", ".")]
    if tokens[-1][0] == "." and {kind for kind, _ in tokens} <= {">", "."}:
        # only quote markers: a blank line inside the quotes, which ends nothing they hold
        return max(open_, continued, key=len)
    return continued


# what a line that opens or continues a container starts with
_CONTAINER_START = frozenset(" \t>-*+0123456789!?")
# fenced code both renderers take as such (fenced_code, superfences): a fence at the start of a
# line with at most a language, or attributes in braces (``{ .text title="…" }``), after it, up
# to the same fence alone on a line. An indented fence (in a list item, an admonition) is code
# for superfences only: the PDF copies' fenced_code reads it as Markdown, so it is counted.
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,}) *(?:\.?[\w#.+-]*|\{[^\n{}]*\}(?! ))? *")
_FENCE_LIKE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")


def _fenced_lines(lines: list[str]) -> set[int]:
    """The lines inside fenced code (never parsed as Markdown). Only a block both renderers
    read alike counts: a fence at the start of the body or after a blank line (after other
    text, superfences and fenced_code may each take it otherwise: after an indented line,
    superfences reads it as text), closed by the next line that looks like a fence. Any other
    lines are read as Markdown: nesting counted there is never less than the renderer's."""
    fenced: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        opened = _FENCE_OPEN.fullmatch(lines[i])
        if opened is None or (i and lines[i - 1].strip(" \t")):
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
    offset = reach = 0
    lines = body.split("\n")
    fenced = _fenced_lines(lines) if "``" in body or "~~" in body else set()
    open_: list[str] = []  # what the block's previous line left open
    for number, line in enumerate(lines):
        if number in fenced or not line.strip(" \t"):
            open_ = []  # a blank line or fenced code ends the block
        elif line[:1] in _CONTAINER_START:
            tokens, indented = _line_prefix(line)
            kinds = [kind for kind, _ in tokens if kind not in ("", ".")]
            depth = _line_depth(len(kinds), indented, reach)
            if open_:
                open_ = _continued(open_, tokens)
            else:  # a block's first line: indentation reaches into what earlier blocks opened
                inherited = depth - len(kinds) if kinds else min(tokens[-1][1] // 4, reach)
                open_ = ["i"] * inherited + kinds
            depth = max(depth, len(open_))
            if depth > MAX_NESTING:
                return Finding(offset, "nesting", depth)
            reach = max(reach, depth)
        elif "!" in open_:
            open_ = open_[: open_.index("!")]  # text not indented leaves the admonition
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
    """The stretches Python-Markdown reads inline as one: at most a paragraph, a heading, and a
    table's row (its inline patterns run cell by cell). An element md_in_html reads as blocks
    (``<div markdown>``) is parsed block by block like the rest of the body; one it reads as a
    span runs over blank lines, so where one may be (``markdown="span"``, ``<p markdown>``,
    anything not plainly a block) the whole body counts as one."""
    if "markdown" in body and any(
        not _markdown_block(match) for match in _MARKDOWN_ATTRIBUTE.finditer(body)
    ):
        yield 0, len(body)
        return
    start = 0
    for match in _BLANK_LINE.finditer(body):
        yield from _rows(body, start, match.start())
        start = match.end()
    yield from _rows(body, start, len(body))


# md_in_html's block elements (its ``block_tags``: block-level, not read as a span, not raw)
_MARKDOWN_BLOCK_TAGS = frozenset(
    (
        *("article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption"),
        *("figure", "footer", "form", "header", "main", "nav", "ol", "section", "ul"),
    )
)
# a start tag written plainly: simple attributes, quoted values holding no ``<`` or ``>``
_PLAIN_START_TAG = re.compile(
    r"""<([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z_:][-\w:.]*"""
    r"""(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?)*)\s*>"""
)
_PLAIN_ATTRIBUTE = re.compile(
    r"""([A-Za-z_:][-\w:.]*)(?:\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'=<>`]+)))?"""
)


def _markdown_block(match: re.Match[str]) -> bool:
    """Whether the element whose start ``match`` found is certainly one md_in_html parses
    block by block: a block tag, written plainly, with one ``markdown`` attribute that says
    so (bare, ``1``, ``block``; md_in_html reads the value as written). In doubt, no."""
    tag = _PLAIN_START_TAG.match(match.string, match.start())
    if tag is None or tag[1].lower() not in _MARKDOWN_BLOCK_TAGS:
        return False
    values = [
        next((v for v in attribute.groups()[1:] if v is not None), None)
        for attribute in _PLAIN_ATTRIBUTE.finditer(tag[2])
        if attribute[1].lower() == "markdown"
    ]
    return len(values) == 1 and values[0] in (None, "1", "block", "markdown")


# a table's delimiter row, as the tables extension takes it: pipes, colons, dashes, spaces
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t:\-|]*-[ \t:\-|]*")
# how the tables extension finds cells: escapes, backtick runs (code spans hold pipes), pipes
_CODE_PIPES = re.compile(r"(?:(\\\\)|(\\`+)|(`+)|(\\\|)|(\|))")
_END_BORDER = re.compile(r"(?<!\\)(?:\\\\)*\|$")


def _is_table(header: str, delimiter: str) -> bool:
    """Whether the tables extension reads a block starting with these two lines as a table,
    by its own test (a header of two or more cells, a delimiter row of as many cells of
    ``|:- ``), written out here: the core does not import the renderer. A one-column table
    is taken as no table: its block is then counted as one paragraph, more than the renderer
    reads, never less."""
    # the renderer expands tabs before any block is read
    header, delimiter = header.expandtabs(4).strip(" "), delimiter.expandtabs(4).strip(" ")
    # a border on the header, either side, has the extension strip both from every row
    border = header.startswith("|") or _END_BORDER.search(header) is not None
    cells = _cells(header, border)
    if len(cells) < 2:
        return False
    separator = _cells(delimiter, border)
    return len(separator) == len(cells) and set("".join(separator)) <= set("|:- ")


def _cells(row: str, border: bool) -> list[str]:
    """A row's cells as the tables extension splits it (``_split_row``): a pipe escaped, or
    inside a pair of backtick runs of one length, divides nothing."""
    if border:
        row = _END_BORDER.sub("", row[1:] if row.startswith("|") else row)
    pipes: list[int] = []
    ticks: list[tuple[int, int, int, int]] = []  # backticks, escaped (0, 1), start, end
    for match in _CODE_PIPES.finditer(row):
        if match[2]:
            ticks.append((len(match[2]) - 1, 1, match.start(2), match.end(2) - 1))
        elif match[3]:
            ticks.append((len(match[3]), 0, match.start(3), match.end(3) - 1))
        elif match[5]:
            pipes.append(match.start(5))
    # a run opens a code span closed by the next run of its length (an escaped run opens
    # with one backtick less); the pipes from the one to the other are the span's
    regions: list[tuple[int, int]] = []
    position = 0
    while position < len(ticks):
        size = ticks[position][0] - ticks[position][1]
        closing = next(
            (k for k in range(position + 1, len(ticks)) if size and ticks[k][0] == size), None
        )
        if closing is None:
            position += 1
            continue
        regions.append((ticks[position][2], ticks[closing][3]))
        position = closing + 1
    cells, start = [], 0
    for pipe in pipes:
        if not any(a <= pipe <= b for a, b in regions):
            cells.append(row[start:pipe])
            start = pipe + 1
    cells.append(row[start:])
    return cells


# what the block parser takes off a block's start as a heading before reading the rest as a
# block of its own (Python-Markdown's HashHeaderProcessor and SetextHeaderProcessor)
_HASH_HEADING = re.compile(r"#{1,6}(?:\\.|[^\\#]|#+(?=[^#\n]))*?#*(?:\n|$)")
# (a setext title only where nothing else takes that line first: not indented, which may be
# code, not a tag, which md_in_html may take off the block, not an admonition's first line)
_SETEXT_HEADING = re.compile(r"(?!!!!|\?\?\?)[^\s<][^\n]*\n(?:=+|-+)[ ]*(?:\n|$)")


def _rows(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A paragraph as one stretch, or a table line by line; a heading on the block's first
    line(s) is a stretch of its own, and what follows it a block."""
    if body.startswith("\n", start) and start < end:
        start += 1  # the blank line's own end
    while True:
        first = body.find("\n", start, end)
        second = body.find("\n", first + 1, end) if first >= 0 else -1
        second = end if second < 0 else second
        if (
            first >= 0
            and "|" in body[start:first]
            and _DELIMITER_ROW.fullmatch(body, first + 1, second)
            and _is_table(body[start:first], body[first + 1 : second])
        ):
            break
        heading = _HASH_HEADING.match(body, start, end) or _SETEXT_HEADING.match(body, start, end)
        if heading is None or heading.end() >= end or body[heading.end() - 1] != "\n":
            yield start, end
            return
        yield start, heading.end() - 1
        start = heading.end()
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
    # every line is read for nesting (no screen: lazy continuation nests short prefixes ever
    # deeper), about 0.25 ms for a shipped procedure
    found = [_nesting_of_lines(body), _html_nesting(body), _brackets(body), _tags(body)]
    return [f for f in found if f is not None]
