"""更改处: which headings' sections changed between two versions of a document body."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def changed_sections(old: str | None, new: str) -> tuple[str, ...]:
    """Headings whose text changed, was added or was removed, in the new document's order."""
    return changed_between(None if old is None else outline(old), outline(new))


def changed_between(before: Outline | None, after: Outline) -> tuple[str, ...]:
    """``changed_sections`` for bodies already outlined (history outlines each version once)."""
    if before is None:
        return ("全文",)
    if before.titles == after.titles and len(set(after.titles)) == len(after.titles):
        # same headings in the same order, each once: compare section by section
        return tuple(
            title or "（前言）"
            for title, old, new in zip(after.titles, before.texts, after.texts, strict=True)
            if old != new
        )
    old_texts = dict(zip(before.titles, before.texts, strict=True))
    changed = [
        title or "（前言）"
        for title, text in zip(after.titles, after.texts, strict=True)
        if old_texts.get(title) != text
    ]
    new_titles = set(after.titles)
    removed = [f"删除：{title}" for title in old_texts if title and title not in new_titles]
    return tuple(changed + removed)
