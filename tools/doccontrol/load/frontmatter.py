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
    cut = _cut(text)
    if cut is None:
        return Problem.at(path, 1, 1, "problem.DC010")
    if cut[1] < 0:
        return Problem.at(path, 1, 1, "problem.DC011")
    first_end, start, line_end = cut
    return FrontMatterSplit(
        yaml_text=text[first_end + 1 : start] or "\n",
        yaml_first_line=2,
        body="" if line_end < 0 else text[line_end + 1 :],
        body_first_line=text.count("\n", 0, start) + 2,
    )


def split_text(text: str) -> tuple[str, str] | None:
    """(YAML, body) as ``split`` cuts them, or None where it reports a problem; without the
    line numbers, for history's ~10,000 historic versions."""
    cut = _cut(text)
    if cut is None or cut[1] < 0:
        return None
    first_end, start, line_end = cut
    return text[first_end + 1 : start] or "\n", "" if line_end < 0 else text[line_end + 1 :]


def closing_line(text: str) -> int:
    """Where the front matter's closing line starts, as ``split`` finds it; -1 where there is
    no front matter or it is never closed."""
    cut = _cut(text)
    return -1 if cut is None else cut[1]


def _cut(text: str) -> tuple[int, int, int] | None:
    """Where the opening line ends, the closing line starts and the closing line ends (-1 for
    the last two when the front matter is never closed); None without an opening '---' line.
    Searched, not split into lines."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != "---":
        return None
    start = _closer(text, first_end) if first_end >= 0 else -1
    if start < 0:
        return first_end, -1, -1
    return first_end, start, text.find("\n", start)


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
