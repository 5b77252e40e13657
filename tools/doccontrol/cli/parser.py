"""argparse in the catalogue's language: the help's headings ("usage:", "options"), ``-h``, and
argparse's error messages.

argparse builds its words in English through gettext's global state, which a library should
leave alone; so the parser names its own headings and ``-h``, and ``error`` matches argparse's
English message against its templates and says it again from the catalogue. A message no
template matches is shown as argparse wrote it. Help text is wrapped by display width, so
Chinese lines (double-width characters, no spaces to break at) fit the terminal.
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import partial

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)

if TYPE_CHECKING:
    from typing import Any, NoReturn

    from doccontrol.catalogue import Catalogue

# argparse's English templates (Python 3.11-3.13) and the catalogue key that says each again
_TEMPLATES = (
    (r"argument (?P<argument>.+?): (?P<message>.+)", "cli.argparse.argument"),
    (r"the following arguments are required: (?P<names>.+)", "cli.argparse.required"),
    (r"one of the arguments (?P<names>.+) is required", "cli.argparse.one-required"),
    (r"unrecognized arguments: (?P<names>.*)", "cli.argparse.unrecognized"),
    (
        r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)",
        "cli.argparse.invalid-choice",
    ),
    (r"invalid (?P<type>\S+) value: (?P<value>.+)", "cli.argparse.invalid-value"),
    (r"expected one argument", "cli.argparse.expected-one"),
    (r"expected at most one argument", "cli.argparse.expected-at-most-one"),
    (r"expected at least one argument", "cli.argparse.expected-at-least-one"),
    (r"not allowed with argument (?P<other>.+)", "cli.argparse.not-allowed-with"),
    (r"ambiguous option: (?P<option>.+?) could match (?P<matches>.+)", "cli.argparse.ambiguous"),
    (r"ignored explicit argument (?P<value>.+)", "cli.argparse.ignored-explicit"),
    (r"unexpected option string: (?P<option>.+)", "cli.argparse.unexpected-option"),
)


def translate(message: str, cat: Catalogue) -> str:
    """argparse's English ``message`` in the catalogue's language (as it is when unknown)."""
    for pattern, key in _TEMPLATES:
        match = re.fullmatch(pattern, message, re.S)
        if match:
            args = match.groupdict()
            if "message" in args:  # "argument --format: invalid choice: …"
                args["message"] = translate(args["message"], cat)
            return cat.text(key, **args)
    return message


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal: CJK characters and full-width forms take two."""
    return len(text) + sum(1 for ch in text if _wide(ch))


def _wide(ch: str) -> bool:
    return (
        "\u1100" <= ch <= "\u115f"
        or "\u2e80" <= ch <= "\ua4cf"
        or "\uac00" <= ch <= "\ud7a3"
        or "\uf900" <= ch <= "\ufaff"
        or "\ufe30" <= ch <= "\ufe4f"
        or "\uff00" <= ch <= "\uff60"
        or "\uffe0" <= ch <= "\uffe6"
    )


# closing punctuation never begins a line, opening punctuation never ends one
_CLOSING = frozenset("，。、；：）》」』！？")
_OPENING = frozenset("（《「『")


def _tokens(text: str) -> list[str]:
    """Where a line may break: words (runs of narrow characters), each wide character on its
    own, and spaces. (A loop, not a regular expression: compiling one with CJK ranges costs
    more than the help takes to lay out.)"""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch in _CLOSING:
            if word:
                tokens.append(word + ch)
                word = ""
            elif tokens and tokens[-1] != " ":
                tokens[-1] += ch
            else:
                tokens.append(ch)
        elif ch == " " or _wide(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    joined: list[str] = []
    for token in tokens:
        if joined and joined[-1] in _OPENING and token != " ":
            joined[-1] += token
        else:
            joined.append(token)
    return joined


class Formatter(argparse.HelpFormatter):
    """argparse's formatter with the catalogue's usage prefix, lines wrapped by display width
    and the help column aligned by display width."""

    def __init__(self, prog: str, *, usage_prefix: str = "usage: ", **kwargs: Any) -> None:
        # the terminal's width as argparse finds it, without importing shutil (start-up time)
        kwargs.setdefault("width", _columns() - 2)
        super().__init__(prog, **kwargs)
        self._usage_prefix = usage_prefix

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self._usage_prefix if prefix is None else prefix)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # the widest invocation, in columns
            shown = [action, *self._iter_indented_subactions(action)]
            widest = max(width(self._format_action_invocation(a)) for a in shown)
            self._action_max_length = max(self._action_max_length, widest + self._current_indent)

    def _fill_text(self, text: str, columns: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, columns - len(indent)))

    def _split_lines(self, text: str, columns: int) -> list[str]:
        lines: list[str] = []
        line, used = "", 0
        for token in _tokens(" ".join(text.split())):
            if token == " ":
                if line:
                    line, used = line + " ", used + 1
                continue
            size = width(token)
            if line.strip() and used + size > columns:
                lines.append(line.rstrip())
                line, used = "", 0
            line, used = line + token, used + size
        if line.strip():
            lines.append(line.rstrip())
        return lines

    def _format_action(self, action: argparse.Action) -> str:
        # argparse's own layout (3.11), padding the option column by display width
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        invocation = self._format_action_invocation(action)
        indent = " " * self._current_indent
        indent_first = 0
        if not action.help:
            header = f"{indent}{invocation}\n"
        elif width(invocation) <= action_width:
            header = f"{indent}{invocation}{' ' * (action_width - width(invocation))}  "
        else:
            header = f"{indent}{invocation}\n"
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                help_lines = self._split_lines(help_text, help_width)
                parts.append(" " * indent_first + help_lines[0] + "\n")
                parts += [" " * help_position + line + "\n" for line in help_lines[1:]]
        elif not header.endswith("\n"):
            parts.append("\n")
        for subaction in self._iter_indented_subactions(action):
            parts.append(self._format_action(subaction))
        return self._join_parts(parts)


def _columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS, else the terminal's, else 80."""
    import os

    try:
        return max(int(os.environ["COLUMNS"]), 1)
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose own help begins with the summary the command list shows."""

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if "help" in kwargs:
            kwargs.setdefault("description", kwargs["help"])
        return super().add_parser(name, **kwargs)


class Unparsed:
    """The parser of a command the help lists by name and summary only (``summary_only`` to
    add_parser): building 20-odd real parsers would cost the help a third of its time. If
    argparse picks it, the command comes back without ``run`` and the caller defines that
    command in full."""

    def parse_known_args(
        self, args: Any = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        return argparse.Namespace(), []


def _command_parser(cat: Catalogue, *, summary_only: bool = False, **kwargs: Any) -> Any:
    return Unparsed() if summary_only else Parser(cat=cat, **kwargs)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks ``cat``'s language; its subcommands' parsers do too."""

    def __init__(self, *args: Any, cat: Catalogue, **kwargs: Any) -> None:
        kwargs["add_help"] = False  # -h is added below, with the catalogue's words
        kwargs.setdefault(
            "formatter_class", partial(Formatter, usage_prefix=cat.text("cli.argparse.usage"))
        )
        super().__init__(*args, **kwargs)
        self.cat = cat
        self._positionals.title = cat.text("cli.argparse.positionals")
        self._optionals.title = cat.text("cli.argparse.options")
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=cat.text("cli.help.help"),
        )

    def format_help(self) -> str:
        # argparse ends each heading with an ASCII ':'; Chinese help takes its own colon
        text = super().format_help()
        colon = self.cat.text("cli.argparse.colon")
        for group in self._action_groups:
            if group.title:
                text = text.replace(f"\n{group.title}:\n", f"\n{group.title}{colon}\n")
        return text

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", partial(_command_parser, self.cat))
        kwargs.setdefault("action", _Commands)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        from doccontrol.cli.output import printable

        said = self.cat.text(
            "cli.argparse.error", prog=self.prog, message=translate(message, self.cat)
        )
        # "unrecognized arguments: …" repeats what was typed as it is: shown escaped
        self.exit(2, printable(said) + "\n")
