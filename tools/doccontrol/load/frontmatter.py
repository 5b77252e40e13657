"""Split a Markdown document into its YAML front matter and body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doccontrol.problems import Problem

# A closing line: '---' or '...' with nothing after it but spaces (any whitespace but a newline).
_CLOSER = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatterSplit:
    yaml_text: str
    yaml_first_line: int  # 1-based line of the first YAML line in the file
    body: str
    body_first_line: int


def split(path: str, text: str) -> FrontMatterSplit | Problem:
    # Searched, not split into lines: history splits ~10,000 historic versions.
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != "---":
        return Problem(
            path, 1, 1, "DC010", "no front matter: a controlled document starts with a '---' line"
        )
    start = _closer(text, first_end) if first_end >= 0 else -1
    if start < 0:
        return Problem(
            path, 1, 1, "DC011", "front matter opened on line 1 is never closed by a '---' line"
        )
    line_end = text.find("\n", start)
    closer_line = text.count("\n", 0, start) + 1
    return FrontMatterSplit(
        yaml_text=text[first_end + 1 : start] or "\n",
        yaml_first_line=2,
        body="" if line_end < 0 else text[line_end + 1 :],
        body_first_line=closer_line + 1,
    )


def _closer(text: str, newline: int) -> int:
    """Where the closing line starts (the first '---' or '...' line after ``newline``), or -1.

    The usual '---' is found with one plain search; the regex decides the rest."""
    candidate = text.find("\n---", newline)
    if candidate >= 0 and "\n..." not in text[newline:candidate]:
        end = text.find("\n", candidate + 4)
        if not text[candidate + 4 : None if end < 0 else end].strip():
            return candidate + 1
    match = _CLOSER.search(text, newline + 1)
    return match.start() if match else -1
