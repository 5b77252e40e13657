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
_HEADING_TEXT = re.compile(r"^#{1,4}[ \t]+(.+?)[ \t]*#*[ \t]*$")


def split_sections(body: str) -> Sections:
    """(heading, text) pairs in order; text before the first heading is under ''."""
    found = outline(body)
    return list(zip(found.titles, found.texts, strict=True))


def outline(body: str) -> Outline:
    """The body's sections (as ``split_sections``, kept as two tuples)."""
    if "```" not in body and "~~~" not in body:  # no fences: headings are every '#' line
        parts = _HEADING_LINE.split("\n" + body)
        odd = parts[2::3]
        if odd.count(None) == len(odd):  # the usual case, without a Python step per line
            titles = tuple(map(str.strip, parts[1::3]))
            texts = tuple(map(str.strip, parts[3::3]))
            if "" not in titles:
                preamble = parts[0].strip()
                if preamble:
                    return Outline(("", *titles), (preamble, *texts))
                return Outline(titles, texts)
        return _outline(split_headings(parts))
    return _outline(split_lines(body))


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


def split_lines(body: str) -> Sections:
    """``split_sections`` one line at a time, minding code fences (a '#' line inside one is
    code, not a heading)."""
    sections: Sections = []
    title, lines = "", list[str]()
    fence = False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else _HEADING_TEXT.match(line)
        if match:
            sections.append((title, "\n".join(lines).strip()))
            title, lines = match[1].strip(), []
        else:
            lines.append(line)
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
