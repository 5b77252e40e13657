"""Split a Markdown document into its YAML front matter and body."""

from __future__ import annotations

from dataclasses import dataclass

from doccontrol.problems import Problem


@dataclass(frozen=True)
class FrontMatterSplit:
    yaml_text: str
    yaml_first_line: int  # 1-based line of the first YAML line in the file
    body: str
    body_first_line: int


def split(path: str, text: str) -> FrontMatterSplit | Problem:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Problem(
            path, 1, 1, "DC010", "no front matter: a controlled document starts with a '---' line"
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatterSplit(
                yaml_text="\n".join(lines[1:index]) + "\n",
                yaml_first_line=2,
                body="\n".join(lines[index + 1 :]),
                body_first_line=index + 2,
            )
    return Problem(
        path, 1, 1, "DC011", "front matter opened on line 1 is never closed by a '---' line"
    )
