"""Writing results: text for people, JSON for programs, atomic files for anything saved."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: the commands import what they run (startup time)
    from pathlib import Path

    from doccontrol.problems import Problem


class UsageError(Exception):
    """Bad arguments or environment: exit code 2, one clear line."""


def require_extra(module: str, extra: str, what: str) -> None:
    """A command that needs an optional dependency says which extra installs it (exit 2)."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        raise UsageError(
            f"{what} needs the {extra} extra, which is not installed: pip install 'doccontrol[{extra}]'"
        ) from None


def write_atomic(path: Path, data: bytes) -> None:
    """doccontrol.atomic.write_atomic, imported when a command writes a file."""
    from doccontrol.atomic import write_atomic as write

    write(path, data)


def print_problems(problems: Sequence[Problem], fmt: str, files: int) -> None:
    import json

    if fmt == "json":
        print(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
        return
    for problem in problems:
        print(problem.format())
    noun = "file" if files == 1 else "files"
    if problems:
        count = len(problems)
        print(
            f"{count} problem{'s' if count != 1 else ''} in {len({p.path for p in problems})} of {files} {noun} checked"
        )
    else:
        print(f"all {files} {noun} checked: no problems")


def dumps_json(data: Any) -> str:
    """JSON laid out on lines down to the items of top-level lists (one document, one event
    per line), each item written by the C encoder: Python's indenting encoder is pure Python
    and took a tenth of a large ``log --all``."""
    return _layout(data, 0) + "\n"


def _layout(data: Any, depth: int) -> str:
    import json

    pad, inner = "  " * depth, "  " * (depth + 1)
    if depth < 2 and isinstance(data, dict) and data:
        items = (
            f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_layout(v, depth + 1)}"
            for k, v in data.items()
        )
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if depth < 2 and isinstance(data, list) and data:
        return "[\n" + ",\n".join(f"{inner}{_layout(v, 2)}" for v in data) + f"\n{pad}]"
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("CI")


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from history (commit messages, names) made safe for a terminal: control
    characters, escape sequences included, shown as \\xNN, never obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain text table that lines up Chinese (double-width) and Latin text."""
    cells = [[printable(str(c).replace("\n", " ")) for c in row] for row in [headers, *rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(
            c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)
        ).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)


def parse_date_arg(value: str | None, option: str) -> str | None:
    import datetime

    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def progress(task: str) -> Callable[[str], None]:
    """Progress lines on an interactive terminal (stderr); silent in CI and in pipes."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")

    def say(step: str) -> None:
        if interactive:
            line = f"\r\033[K{task}: {step}…" if step else "\r\033[K"
            print(line, end="", file=sys.stderr, flush=True)

    return say
