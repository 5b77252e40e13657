"""Decode a file's bytes into text, reporting what a controlled file must not contain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from doccontrol.problems import Problem

MAX_FILE_BYTES = 1024 * 1024  # controlled files are prose and data; megabytes mean a mistake
# Lists and mappings (YAML) or arrays and objects (JSON) inside each other. Real controlled
# files nest a handful of levels (the config's people[].signing_keys[] is 3, a record schema's
# properties.x.items.properties.y 6); 64 leaves room for any honest structure while keeping
# every recursive step after the screen (composing, copying, JSON Schema validation, several
# Python frames per level) far inside Python's recursion limit of 1,000.
MAX_DEPTH = 64
# A JSON string (skipped whole, so brackets inside it do not count) or a bracket.
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}]')
_JSON_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


@dataclass(frozen=True)
class DecodedText:
    text: str | None  # None when the file cannot be read as text at all
    problems: tuple[Problem, ...]


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def decode(path: str, data: bytes) -> DecodedText:
    problems: list[Problem] = []
    if len(data) > MAX_FILE_BYTES:
        size = len(data) / (1024 * 1024)
        return DecodedText(
            None,
            (Problem.at(path, 1, 1, "problem.DC006", size=f"{size:.1f}"),),
        )
    if not data.strip():
        return DecodedText(None, (Problem.at(path, 1, 1, "problem.DC005"),))
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem.at(path, 1, 1, "problem.DC002"))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        byte = data[exc.start : exc.start + 1].hex()
        problems.append(Problem.at(path, line, col, "problem.DC001", byte=f"0x{byte}"))
        return DecodedText(None, tuple(problems))
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        problems.append(Problem.at(path, line, 1, "problem.DC003"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, tuple(problems))


def json_too_deep(path: str, text: str) -> Problem | None:
    """The first array or object nested deeper than MAX_DEPTH, as a problem; checked before
    ``json.loads``, which recurses (RecursionError at ~1,000 levels).

    The deepest level is first found in C (strings cut out, then a running sum over the
    brackets left); only a text that goes too deep is walked token by token for where."""
    brackets = _BRACKET.findall(_JSON_STRING.sub("", text))
    if max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) <= MAX_DEPTH:
        return None
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match[0]
        if token == "[" or token == "{":
            depth += 1
            if depth > MAX_DEPTH:
                start = match.start()
                line = text.count("\n", 0, start) + 1
                col = start - (text.rfind("\n", 0, start) + 1) + 1
                return Problem.at(path, line, col, "problem.DC016.json", depth=MAX_DEPTH)
        elif token == "]" or token == "}":
            depth -= 1
    return None
