"""更改处: which headings' sections changed between two versions of a document body."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*#*\s*$")


_HEADINGS = re.compile(r"^#{1,4}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def split_sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) pairs in order; text before the first heading is under ''."""
    if "```" not in body and "~~~" not in body:  # no fences: headings are every '#' line
        parts = _HEADINGS.split(body)
        pairs = [("", parts[0].strip())] + [
            (parts[i].strip(), parts[i + 1].strip()) for i in range(1, len(parts), 2)
        ]
        return [(t, text) for t, text in pairs if t or text]
    sections: list[tuple[str, str]] = []
    title, lines = "", list[str]()
    fence = False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else _HEADING.match(line)
        if match:
            sections.append((title, "\n".join(lines).strip()))
            title, lines = match[2].strip(), []
        else:
            lines.append(line)
    sections.append((title, "\n".join(lines).strip()))
    return [(t, text) for t, text in sections if t or text]


def changed_sections(old: str | None, new: str) -> tuple[str, ...]:
    """Headings whose text changed, was added or was removed, in the new document's order."""
    if old is None:
        return ("全文",)
    before = dict(split_sections(old))
    after = split_sections(new)
    changed = [title or "（前言）" for title, text in after if before.get(title) != text]
    removed = [f"删除：{title}" for title in before if title and title not in dict(after)]
    return tuple(changed + removed)
