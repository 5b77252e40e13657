"""Entry point: ``doccontrol COMMAND ...``. Exit 0 clean, 1 problems found, 2 usage or
environment, 130 interrupted (Ctrl-C).

Only argparse and the command modules' parsers are imported up front; each command imports the
core it runs (GitPython, jsonschema, ruamel, openpyxl…) when it runs, so ``--version`` and
``--help`` answer at once."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from doccontrol import __version__
from doccontrol.cli import (
    acks,
    approve,
    audit,
    authoring,
    check,
    copies,
    forge,
    history,
    impact,
    registers,
    workflow,
)
from doccontrol.cli.output import Speech, UsageError, speech

COMMANDS = (
    check,
    history,
    registers,
    impact,
    authoring,
    workflow,
    approve,
    audit,
    forge,
    acks,
    copies,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doccontrol",
        description="Document control for an ISO/IEC 20000-1:2018 service management system kept in Git.",
    )
    parser.add_argument("--version", action="version", version=f"doccontrol {__version__}")
    parser.add_argument(
        "--repo",
        metavar="DIR",
        help="the repository (default: the nearest folder with doccontrol.yml)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # 128 + SIGINT, as shells report an interrupted command
        print("\n" + _speech(None)("cli.interrupted"), file=sys.stderr)
        return 130


def _speech(root: Path | None) -> Speech:
    """The language of messages said outside a command: the repository's, else the locale."""
    return speech(None, root=root)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    from doccontrol.load.repository import RepositoryError, find_root

    root: Path | None = None
    try:
        if getattr(args, "without_repository", lambda a: False)(args):
            root = Path.cwd()  # e.g. an auditor verifying a pack needs no compliance repository
        else:
            root = find_root(Path(args.repo) if args.repo else Path.cwd())
        code: int = args.run(args, root)
        return code
    except UsageError as exc:
        say = _speech(root)
        print(say("cli.error", text=exc.text(say.cat)), file=sys.stderr)
        return 2
    except RepositoryError as exc:
        say = _speech(root)
        print(say("cli.error", text=exc.text(say.cat)), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: a message, never a traceback
        say = _speech(root)
        if _is_git_error(exc):
            print(say("cli.error", text=str(exc)), file=sys.stderr)
            return 2
        if os.environ.get("DOCCONTROL_DEBUG"):
            raise
        print(say("cli.internal-error", kind=type(exc).__name__, text=str(exc)), file=sys.stderr)
        return 2


def _is_git_error(exc: Exception) -> bool:
    """A GitError (git missing, not a repository…), without importing the Git reader for
    commands that never read Git: one can only have been raised if its module was loaded."""
    gitread = sys.modules.get("doccontrol.history.gitread")
    return gitread is not None and isinstance(exc, gitread.GitError)
