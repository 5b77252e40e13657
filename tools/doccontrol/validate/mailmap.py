"""``.mailmap`` as git reads it: no character a reader of the file (or doccontrol) could take
for something else."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from doccontrol.config import MAILMAP_FILE
from doccontrol.problems import Problem

# git reads .mailmap a line at a time into a buffer of 1024 bytes (mailmap.c, fgets): a longer
# line is read as several, each a rule of its own, where a blob or another reader sees one
_GIT_LINE_BYTES = 1022


def check_mailmap(root: Path) -> list[Problem]:
    """Control and format characters (and line or paragraph separators) in the work tree's
    ``.mailmap``, and lines too long for git to read whole. Git splits the file at LF alone and
    takes every other character as text; other programs (Python's ``splitlines()``, editors,
    diff viewers) break lines at CR, VT, FF, NEL or U+2028, and zero-width or bidirectional
    characters hide what an address is. Either way the rules a reviewer reads are not the
    ones git applies. A tab, and a CR ending a line (CRLF), are read alike by all."""
    path = root / MAILMAP_FILE
    if not path.is_file() or path.is_symlink():
        return []
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        body = line[:-1] if line.endswith("\r") else line
        for col, char in enumerate(body, start=1):
            if char != "\t" and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
                problems.append(
                    Problem.at(
                        MAILMAP_FILE,
                        number,
                        col,
                        "problem.DC405",
                        char=f"U+{ord(char):04X}",
                    )
                )
                break  # one a line says enough
        if len(line.encode("utf-8")) > _GIT_LINE_BYTES:
            problems.append(
                Problem.at(MAILMAP_FILE, number, 1, "problem.DC405.long-line", most=_GIT_LINE_BYTES)
            )
    return problems
