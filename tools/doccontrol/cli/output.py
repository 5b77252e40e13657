"""Writing results: text for people, JSON for programs, atomic files for anything saved."""

from __future__ import annotations

import os
import re
import sys

from doccontrol.errors import KeyedError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)

if TYPE_CHECKING:  # annotations only: the commands import what they run (startup time)
    import datetime
    from collections.abc import Callable, Mapping, Sequence
    from pathlib import Path
    from typing import Any

    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config
    from doccontrol.history.model import History
    from doccontrol.model import RecordType
    from doccontrol.problems import Msg, Names, Problem


class UsageError(KeyedError):
    """Bad arguments or environment: exit code 2, one clear line. Raised with a catalogue key
    (``cli.…``) and its arguments; a text that is no key is shown as it is."""


_LANGUAGE_LINE = re.compile(r"""^language:[ \t]*['"]?([A-Za-z]+)['"]?[ \t]*(?:#.*)?$""", re.M)


def configured_language(root: Path | str | None) -> str | None:
    """``language`` of the repository's doccontrol.yml, read by one search (for messages said
    before or without loading the configuration); None when it does not say."""
    if root is None:
        return None
    try:
        with open(os.path.join(root, "doccontrol.yml"), encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    match = _LANGUAGE_LINE.search(text)
    return match[1] if match else None


class Speech:
    """The run's catalogue and the names of the repository's ids: how the CLI says things.
    (A plain class: this module is imported at start-up, and dataclasses costs ~20 ms.)"""

    __slots__ = ("cat", "names")

    def __init__(self, cat: Catalogue, names: Names) -> None:
        self.cat = cat
        self.names = names

    def __call__(self, key: str, /, **args: Any) -> str:
        return self.cat.text(key, **{k: self._arg(v) for k, v in args.items()})

    def count(self, key: str, n: int, /, **args: Any) -> str:
        return self.cat.count(key, n, **{k: self._arg(v) for k, v in args.items()})

    def _arg(self, value: Any) -> Any:
        from doccontrol.problems import Msg, Ref, render

        if isinstance(value, Msg | Ref | tuple):
            return render(value, self.cat, self.names)
        return value

    def text_of(self, problem: Problem) -> str:
        """A problem's text in this run's language, ids shown by their names."""
        return problem.text(self.cat, self.names)

    def msg(self, message: Msg) -> str:
        from doccontrol.problems import render

        return render(message, self.cat, self.names)


def speech(
    config: Config | None,
    record_types: Mapping[str, RecordType] | None = None,
    root: Path | None = None,
) -> Speech:
    """How this run speaks: ``language`` of doccontrol.yml, else the locale (LC_ALL,
    LC_MESSAGES, LANG), else Chinese; ids shown by their names in that language."""
    from doccontrol import catalogue
    from doccontrol.problems import names_for

    configured = config.language if config is not None else configured_language(root)
    cat = catalogue.load(catalogue.language_for(configured))
    return Speech(cat, names_for(config, record_types))


def require_extra(module: str, extra: str, what: str) -> None:
    """A command that needs an optional dependency says which extra installs it (exit 2)."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        raise UsageError("cli.error.extra-missing", what=what, extra=extra) from None


def write_atomic(path: Path, data: bytes, within: Path | None = None) -> None:
    """doccontrol.atomic.write_atomic, imported when a command writes a file, refusing what is
    no file to replace: a folder, a device or a pipe (as root, ``-o /dev/stdout`` replaced the
    link), "-", or a path through a symbolic link below ``within`` (the repository) or below
    the current folder: a link committed to the repository (``reports -> ../elsewhere``) must
    not carry an output out of it, however the path is written."""
    import os
    import stat
    from pathlib import Path

    from doccontrol.atomic import link_below
    from doccontrol.atomic import write_atomic as write

    if str(path) == "-":
        raise UsageError("cli.error.output-dash")
    target = Path(os.path.abspath(path))
    for base in (within or Path.cwd(), Path.cwd()):
        # the folders only: a link at the file's own name is replaced, never written through
        link = link_below(base, target.parent)
        if link is not None:
            raise UsageError("cli.error.output-link", path=str(path), link=str(link))
    try:
        found = os.lstat(target)
    except OSError:
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise UsageError("cli.error.output-folder", path=str(path))
    if found is not None and not (stat.S_ISREG(found.st_mode) or stat.S_ISLNK(found.st_mode)):
        raise UsageError("cli.error.output-special", path=str(path))
    try:
        write(target, data)
    except OSError as exc:
        raise UsageError(
            "cli.error.output-failed", path=str(path), detail=exc.strerror or str(exc)
        ) from None


def print_problems(problems: Sequence[Problem], fmt: str, files: int, say: Speech) -> None:
    import json

    if fmt == "json":
        shown = [p.to_json(say.cat, say.names) for p in problems]
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    for problem in problems:
        # a message quotes file content: escapes in it are shown, never obeyed (the hook too)
        print(printable(problem.format(say.cat, say.names)))
    checked = say.count("cli.count.files", files)
    if problems:
        found = say.count("count.problems", len(problems))
        print(
            say(
                "cli.check.summary",
                problems=found,
                files=len({p.path for p in problems}),
                checked=checked,
            )
        )
    else:
        print(say("cli.check.clean", checked=checked))


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


# Controls (Cc) other than tab and newline, and the format characters (Cf): bidi embeddings,
# overrides and isolates (U+202A-202E, U+2066-2069), marks (U+200E, U+200F, U+061C), zero
# widths, tags… One class written out, not built from unicodedata at start-up; a test holds it
# to the categories on every code point (U+13439-1343F: Cf from Unicode 15).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def printable(text: str) -> str:
    """Text from history, files or the command line (commit messages, names, ids typed) made
    safe for a terminal: control characters, escape sequences included, and format characters
    (a right-to-left override would reverse the rest of the line) shown as \\xNN, \\uNNNN or
    \\UNNNNNNNN, never obeyed."""
    return _CONTROL.sub(_escaped, text)


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
        raise UsageError("cli.error.not-a-date", option=option, value=repr(value)) from None


def org_today(root: Path) -> datetime.date:
    """Today in the organisation's time zone as the work tree's doccontrol.yml names it (else
    the machine's): for the commands without history (new, bump…), whose output is itself a
    change for review. With history, ``approved_config(…).today()``."""
    import datetime

    from doccontrol.config import CONFIG_FILE
    from doccontrol.load.repository import cached_config

    try:
        data = (root / CONFIG_FILE).read_bytes()
    except OSError:
        data = b""
    config = cached_config(root, data) if data else None
    return config.today() if config is not None else datetime.date.today()


def approved_config(root: Path, config: Config, history: History | None) -> Config:
    """doccontrol.yml as approved: while it has a change on the main branch nobody approved,
    the version before it (its names, labels and time zone), else ``config``."""
    from doccontrol import publishing

    approved = publishing.approved_config(root, history) if history else None
    return approved or config


def config_in_force(root: Path, config: Config, history: History) -> Config:
    """The configuration that judges duties (who owes an acknowledgement, which record is a
    problem): the one in force on the main branch, whatever the work tree or a direct commit
    says; the work tree's only where none was ever committed. Refused when the one in force
    cannot be read."""
    from doccontrol import publishing

    if history.config_in_force is None:
        return config
    found = publishing.config_in_force(root, history)
    if found is None or history.rules_unreadable:
        raise UsageError("cli.error.rules-unreadable")
    return found


def day_arg(
    value: str | None, option: str, root: Path, config: Config | None = None
) -> datetime.date:
    """The day an option gives, or today in the organisation's time zone: as ``config`` (the
    approved configuration) names it, else as the work tree's does (org_today)."""
    import datetime

    given = parse_date_arg(value, option)
    if given:
        return datetime.date.fromisoformat(given)
    return config.today() if config is not None else org_today(root)


def progress(task: str) -> Callable[[str], None]:
    """Progress lines on an interactive terminal (stderr); silent in CI and in pipes."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")

    def say(step: str) -> None:
        if interactive:
            line = f"\r\033[K{task}: {step}…" if step else "\r\033[K"
            print(line, end="", file=sys.stderr, flush=True)

    return say
