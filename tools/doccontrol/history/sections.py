"""更改处: which headings' sections changed between two versions of a document body."""

from __future__ import annotations

import re

Sections = list[tuple[str, str]]

# Heading lines, found by their leading newline (a literal prefix the regex engine scans for
# quickly). Group 1: a heading whose line ends in a plain character, so its text is simply
# the rest of the line; group 2: any other candidate, which _HEADING_TEXT decides (closing
# '#'s, or nothing after the marks). A heading is 1-4 '#'s, then a space or a tab.
_HEADING_LINE = re.compile(r"\n(?:#{1,4}[ \t]+([^\n]*[^ \t#\n])(?=\n|\Z)|(#{1,4}[ \t][^\n]*))")
_HEADING_TEXT = re.compile(r"^#{1,4}[ \t]+(.+?)[ \t]*#*[ \t]*$")


def split_sections(body: str) -> Sections:
    """(heading, text) pairs in order; text before the first heading is under ''."""
    if "```" not in body and "~~~" not in body:  # no fences: headings are every '#' line
        parts = _HEADING_LINE.split("\n" + body)
        odd = parts[2::3]
        if odd.count(None) == len(odd):  # the usual case, without a Python step per line
            pairs = [("", parts[0].strip())]
            pairs += [(t.strip(), x.strip()) for t, x in zip(parts[1::3], parts[3::3], strict=True)]
        else:
            raw: list[list[str]] = [["", parts[0]]]
            for i in range(1, len(parts), 3):
                plain, other, text = parts[i], parts[i + 1], parts[i + 2]
                title = plain if other is None else None
                if other is not None and (match := _HEADING_TEXT.match(other)):
                    title = match[1]
                if title is None:  # not a heading after all: its line belongs to the text
                    raw[-1][1] += "\n" + other + text
                else:
                    raw.append([title.strip(), text])
            pairs = [(t, text.strip()) for t, text in raw]
        return [(t, text) for t, text in pairs if t or text]
    return split_lines(body)


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
    return changed_between(None if old is None else split_sections(old), split_sections(new))


def changed_between(before: Sections | None, after: Sections) -> tuple[str, ...]:
    """``changed_sections`` for bodies already split (history splits each version once)."""
    if before is None:
        return ("全文",)
    old = dict(before)
    changed = [title or "（前言）" for title, text in after if old.get(title) != text]
    new_titles = {title for title, _ in after}
    removed = [f"删除：{title}" for title in old if title and title not in new_titles]
    return tuple(changed + removed)
