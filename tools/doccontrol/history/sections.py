"""更改处: which headings' sections changed between two versions of a document body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doccontrol.catalogue import Catalogue

Sections = list[tuple[str, str]]


@dataclass(frozen=True)
class Outline:
    """A body's sections in order: heading titles ('' for text before the first heading) and
    their texts, stripped. History keeps one per approved version."""

    titles: tuple[str, ...]
    texts: tuple[str, ...]


# Heading lines, found by their leading newline (a literal prefix the regex engine scans for
# quickly; the lookahead turns other lines away before the alternatives are tried). Group 1:
# a heading whose line ends in a plain character, so its text is simply the rest of the line;
# group 2: any other candidate, which _HEADING_TEXT decides (closing '#'s, or nothing after
# the marks). A heading is 1-4 '#'s, then a space or a tab.
_HEADING_LINE = re.compile(r"\n(?=#)(?:#{1,4}[ \t]+([^\n]*[^ \t#\n])(?=\n|\Z)|(#{1,4}[ \t][^\n]*))")
_HEADING_TEXT = re.compile(r"^#{1,4}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


def split_sections(body: str) -> Sections:
    """(heading, text) pairs in order; text before the first heading is under ''."""
    found = outline(body)
    return list(zip(found.titles, found.texts, strict=True))


def outline(body: str) -> Outline:
    """The body's sections (as ``split_sections``, kept as two tuples)."""
    if _UNUSUAL.search("\n" + body):  # setext underlines, indented headings or fences…
        return _outline(split_lines(body))
    masked = body
    if "```" in body or "~~~" in body:
        # Code fences at the left margin (every shipped procedure has Mermaid ones): the '#'
        # starting a line inside one is masked, the regex path runs, the texts are unmasked.
        if "\0" in body:
            return _outline(split_lines(body))
        fenced = _mask_fences(body)
        if fenced is None:
            return _outline(split_lines(body))
        masked = fenced
    parts = _HEADING_LINE.split("\n" + masked)
    odd = parts[2::3]
    if odd.count(None) == len(odd):  # the usual case, without a Python step per line
        titles = tuple(map(str.strip, parts[1::3]))
        texts = tuple(map(str.strip, parts[3::3]))
        if "" not in titles:
            if masked is not body:
                texts = tuple(t.replace("\0", "#") for t in texts)
            preamble = parts[0].strip()
            if masked is not body:
                preamble = preamble.replace("\0", "#")
            if preamble:
                return Outline(("", *titles), (preamble, *texts))
            return Outline(titles, texts)
    return _outline(split_lines(body))


# Lines the regex path does not decide, left to the line walk: a possible setext underline
# ('===' or '---' alone on a line) and a heading indented by 1-3 spaces. (Lists and block
# quotes need no walk: a heading inside one never starts at the left margin, and a line that
# does ends it.)
_UNUSUAL = re.compile(r"\n(?: {0,3}(?:=+|-+)[ \t]*(?:\n|\Z)| {1,3}#)")
# A fence (up to three spaces in): its indentation, marks and the rest of its line.
_FENCE = re.compile(r"\n( {0,3})(`{3,}|~{3,})([^\n]*)")


def _mask_fences(body: str) -> str | None:
    """The body with a NUL for the '#' that starts a line inside a fence; None when the line
    walk must decide: a fence left open, or an indented one (in a list item, where a line at
    the margin ends it, or not) with a '#' line at the margin inside."""
    text = "\n" + body
    out: list[str] = []
    done = 0
    opener: re.Match[str] | None = None
    for match in _FENCE.finditer(text):
        marks, rest = match[2], match[3]
        if opener is None:
            if marks[0] == "`" and "`" in rest:
                continue  # not a fence (an info string with a backtick)
            opener = match
            continue
        if marks[0] == opener[2][0] and len(marks) >= len(opener[2]) and not rest.strip():
            inside = text[opener.end() : match.start()]
            if "\n#" in inside:
                if opener[1]:
                    return None
                inside = inside.replace("\n#", "\n\0")
            out.append(text[done : opener.end()])
            out.append(inside)
            done = match.start()
            opener = None
    if opener is not None:
        return None
    out.append(text[done:])
    return "".join(out)[1:]


@dataclass(frozen=True)
class Outlined:
    """A body with its outline and where each part's text lies in it: what ``outline_after``
    needs to outline the next version from the change alone. ``spans`` holds, for the part
    before the first heading and for each heading, where its text starts and ends in the body;
    ``texts`` those parts' texts as the outline has them (the first possibly empty);
    ``masked``: the body with fences' '#' lines masked (``_mask_fences``), None when the same.
    ``spans`` is empty when the body took the line walk (no edit is then applied to it)."""

    body: str
    outline: Outline
    titles: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    masked: str | None = None


def outlined(body: str) -> Outlined:
    """``outline(body)``, with the positions an edit of it needs."""
    found = _fragment(body, 0)
    if found is None:
        return Outlined(body, outline(body))
    titles, texts, spans, masked = found
    return _from_parts(body, ("", *titles), texts, spans, masked)


def _fragment(
    piece: str, offset: int
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[int, int], ...], str] | None:
    """The regex path over ``piece`` (a body, or whole parts of one from ``offset`` on): its
    heading titles, the texts and spans (in the body) of the part before its first heading and
    of each heading's, and ``piece`` masked; None where only the line walk decides."""
    if _UNUSUAL.search("\n" + piece) or "\0" in piece:
        return None
    masked = piece
    if "```" in piece or "~~~" in piece:
        fenced = _mask_fences(piece)
        if fenced is None:
            return None
        masked = fenced
    text = "\n" + masked
    titles: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0  # in ``text``: one ahead of ``piece``
    for match in _HEADING_LINE.finditer(text):
        if match[1] is None:
            return None  # a candidate only the slow path decides
        spans.append((offset + max(start - 1, 0), offset + match.start()))
        titles.append(match[1].strip())
        start = match.end()
    spans.append((offset + max(start - 1, 0), offset + len(piece)))
    if "" in titles:
        return None
    texts = tuple(_part_text(masked, a - offset, b - offset) for a, b in spans)
    return tuple(titles), texts, tuple(spans), masked


def _part_text(masked: str, start: int, end: int) -> str:
    text = masked[start:end].strip()
    return text.replace("\0", "#") if "\0" in text else text


def _from_parts(
    body: str,
    titles: tuple[str, ...],
    texts: tuple[str, ...],
    spans: tuple[tuple[int, int], ...],
    masked: str,
) -> Outlined:
    found = Outline(titles, texts) if texts[0] else Outline(titles[1:], texts[1:])
    return Outlined(body, found, titles, texts, spans, None if masked == body else masked)


def outline_after(before: Outlined, body: str) -> Outlined:
    """``outlined(body)`` for a body that is ``before.body`` edited, reading again only the
    parts the edit changed. Each earlier heading line is looked for in the new body, in order;
    a part (heading line and text up to the next one) found exactly as it was keeps its title
    and text, and each other part is outlined on its own (the regex path over that piece:
    fences must close inside it, and a heading it gained becomes a part of its own). When a
    heading line is gone, or a piece needs the line walk, the whole body is outlined.
    (Versions of a document mostly differ by a paragraph, a table row or a flowchart node;
    outlining each of ~10,000 historic versions whole was the largest single cost of a cold
    derivation.) Held to ``outlined`` by a differential test."""
    old = before.body
    if body == old:
        return before
    spans = before.spans
    if not spans:
        return outlined(body)
    # where each part starts: 0 for the text before the first heading, then each heading line
    heads = [0, *(end for _, end in spans[:-1])]
    text = "\n" + body  # a heading line is found by the newline before it
    found_heads = [0]
    at = 0
    for k in range(1, len(spans)):
        line = old[heads[k] : spans[k][0]]
        where = text.find("\n" + line, at)
        while (
            where >= 0 and where + 1 + len(line) < len(text) and text[where + 1 + len(line)] != "\n"
        ):
            where = text.find("\n" + line, where + 1)
        if where < 0:
            return outlined(body)
        found_heads.append(where)  # text's index of the newline is the body's of the '#'
        at = where + 1 + len(line)
    old_masked = old if before.masked is None else before.masked
    titles: list[str] = [""]
    texts: list[str] = []
    new_spans: list[tuple[int, int]] = []
    pieces: list[str] = []
    masked_any = before.masked is not None
    for k, (head, new_head) in enumerate(zip(heads, found_heads, strict=True)):
        end = spans[k][1]
        new_end = found_heads[k + 1] if k + 1 < len(found_heads) else len(body)
        piece = body[new_head:new_end]
        shift = new_head - head
        if piece == old[head:end]:
            if k:
                titles.append(before.titles[k])
            texts.append(before.texts[k])
            new_spans.append((spans[k][0] + shift, end + shift))
            pieces.append(old_masked[head:end])
            continue
        fragment = _fragment(piece, new_head)
        if fragment is None:
            return outlined(body)
        part_titles, part_texts, part_spans, part_masked = fragment
        if k:
            if part_spans[0] != (new_head, new_head):  # must start with its heading line
                return outlined(body)
            part_texts, part_spans = part_texts[1:], part_spans[1:]
        titles += part_titles
        texts += part_texts
        new_spans += part_spans
        pieces.append(part_masked)
        masked_any = masked_any or part_masked is not piece
    masked = "".join(pieces) if masked_any else body
    return _from_parts(body, tuple(titles), tuple(texts), tuple(new_spans), masked)


def split_headings(parts: list[str | None]) -> Sections:
    """Sections from the pieces _HEADING_LINE split a body into, each candidate decided."""
    raw: list[list[str]] = [["", parts[0] or ""]]
    for i in range(1, len(parts), 3):
        plain, other, text = parts[i], parts[i + 1], parts[i + 2] or ""
        title = plain if other is None else None
        if other is not None and (match := _HEADING_TEXT.match(other)):
            title = match[1]
        if title is None:  # not a heading after all: its line belongs to the text
            raw[-1][1] += "\n" + (other or "") + text
        else:
            raw.append([title.strip(), text])
    pairs = [(t, text.strip()) for t, text in raw]
    return [(t, text) for t, text in pairs if t or text]


def _outline(pairs: Sections) -> Outline:
    return Outline(tuple(t for t, _ in pairs), tuple(text for _, text in pairs))


_ATX = re.compile(r"^ {0,3}#{1,4}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_ATX_ANY = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>")
_ITEM = re.compile(r"^( {0,3})([-+*]|\d{1,9}[.)])([ \t]+|$)")


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def split_lines(body: str) -> Sections:
    """``split_sections`` one line at a time: the definition the regex path is held to.

    Sections start at the top-level headings of levels 1-4 with text, as CommonMark reads
    them: ATX ('## 标题', up to three spaces in), setext (a paragraph underlined with '==='
    or '---'); not inside code fences (``` or ~~~, closed only by the same mark at least as
    long), block quotes or list items. Written for the Markdown documents are written in:
    blocks separated by blank lines."""
    sections: Sections = []
    title, lines = "", list[str]()
    fence: tuple[str, int] | None = None
    container: tuple[str, int] | None = None  # ("quote", 0) or ("list", content indent)
    paragraph: int | None = None  # where the open top-level paragraph starts in ``lines``
    after_blank = False
    for line in body.split("\n"):
        if fence is not None:
            lines.append(line)
            stripped = line.strip()
            if (
                _indent(line) <= 3
                and stripped.startswith(fence[0] * fence[1])
                and not stripped.strip(fence[0])
            ):
                fence = None
            continue
        if not line.strip():
            lines.append(line)
            paragraph = None
            if container is not None and container[0] == "quote":
                container = None
            after_blank = True
            continue
        opened = _FENCE_OPEN.match(line)
        if opened and opened[2][0] == "`" and "`" in opened[3]:
            opened = None
        interrupts = bool(
            _ATX_ANY.match(line) or opened or _BREAK.match(line) or _QUOTE.match(line)
        ) or bool(_ITEM.match(line))
        if container is not None:
            kind, content = container
            if kind == "list" and _indent(line) >= content:
                lines.append(line)
                after_blank = False
                continue
            if kind == "quote" and _QUOTE.match(line):
                lines.append(line)
                continue
            if not after_blank and not interrupts:
                lines.append(line)  # a lazy continuation of the paragraph in the container
                continue
            container = None
        after_blank = False
        heading = _ATX.match(line)
        if heading:
            sections.append((title, "\n".join(lines).strip()))
            title, lines, paragraph = heading[1].strip(), [], None
            continue
        if paragraph is not None and _SETEXT.match(line):
            text = "\n".join(x.strip() for x in lines[paragraph:]).strip()
            sections.append((title, "\n".join(lines[:paragraph]).strip()))
            title, lines, paragraph = text, [], None
            continue
        lines.append(line)
        if opened:
            fence, paragraph = (opened[2][0], len(opened[2])), None
        elif _ATX_ANY.match(line) or _BREAK.match(line):
            paragraph = None
        elif _QUOTE.match(line):
            container, paragraph = ("quote", 0), None
        elif item := _ITEM.match(line):
            spaces = len(item[3].expandtabs(4)) if item[3] else 1
            content = len(item[1]) + len(item[2]) + (spaces if spaces <= 4 else 1)
            container, paragraph = ("list", content), None
        elif paragraph is None and _indent(line) < 4:
            paragraph = len(lines) - 1
    sections.append((title, "\n".join(lines).strip()))
    return [(t, text) for t, text in sections if t or text]


# Marks in a revision's 更改处 that are no heading: stable values in the cache and in JSON (as
# codes are), put into the reader's language by ``shown``.
WHOLE = "全文"
PREAMBLE = "（前言）"
REMOVED = "删除："


def shown(changed: tuple[str, ...], cat: Catalogue) -> list[str]:
    """A revision's 更改处 as a reader sees them: the marks in the catalogue's words."""
    out: list[str] = []
    for item in changed:
        if item == WHOLE:
            out.append(cat.text("label.sections.whole"))
        elif item == PREAMBLE:
            out.append(cat.text("label.sections.preamble"))
        elif item.startswith(REMOVED):
            out.append(cat.text("label.sections.removed", title=item.removeprefix(REMOVED)))
        else:
            out.append(item)
    return out


def changed_sections(old: str | None, new: str) -> tuple[str, ...]:
    """Headings whose text changed, was added or was removed, in the new document's order."""
    return changed_between(None if old is None else outline(old), outline(new))


def changed_between(before: Outline | None, after: Outline) -> tuple[str, ...]:
    """``changed_sections`` for bodies already outlined (history outlines each version once).
    A title that repeats is matched in order: the n-th section of that title with the old
    n-th, and an old one with no n-th left is removed (else a section rewritten to equal a
    later namesake, or one of two equal namesakes deleted, would look unchanged)."""
    if before is None:
        return (WHOLE,)
    if before == after:
        return ()
    changed = _matched_in_order(before, after)
    # a body that differs names at least one part: never a text change with no 更改处
    return changed or (WHOLE,)


def _matched_in_order(before: Outline, after: Outline) -> tuple[str, ...]:
    """The changed, added and removed sections, each named once, in the new order (removed
    ones last): the sections of each title paired in order."""
    old: dict[str, list[str]] = {}
    for title, text in zip(before.titles, before.texts, strict=True):
        old.setdefault(title, []).append(text)
    seen: dict[str, int] = {}
    changed: list[str] = []
    for title, text in zip(after.titles, after.texts, strict=True):
        n = seen.get(title, 0)
        seen[title] = n + 1
        texts = old.get(title, [])
        if n >= len(texts) or texts[n] != text:
            changed.append(title or PREAMBLE)
    for title, texts in old.items():
        if len(texts) > seen.get(title, 0):
            # the text before the first heading has no title to say 删除： of
            changed.append(f"{REMOVED}{title}" if title else PREAMBLE)
    return tuple(dict.fromkeys(changed))
