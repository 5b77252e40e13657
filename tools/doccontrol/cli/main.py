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
from doccontrol.cli.output import UsageError

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
        print("\ndoccontrol: interrupted", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    from doccontrol.load.repository import RepositoryError, find_root

    try:
        if getattr(args, "without_repository", lambda a: False)(args):
            root = Path.cwd()  # e.g. an auditor verifying a pack needs no compliance repository
        else:
            root = find_root(Path(args.repo) if args.repo else Path.cwd())
        code: int = args.run(args, root)
        return code
    except (UsageError, RepositoryError) as exc:
        print(f"doccontrol: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: a message, never a traceback
        if _is_git_error(exc):
            print(f"doccontrol: error: {exc}", file=sys.stderr)
            return 2
        if os.environ.get("DOCCONTROL_DEBUG"):
            raise
        print(
            f"doccontrol: internal error: {type(exc).__name__}: {exc}\n"
            "  This is a bug in doccontrol; set DOCCONTROL_DEBUG=1 to see where it happened.",
            file=sys.stderr,
        )
        return 2


def _is_git_error(exc: Exception) -> bool:
    """A GitError (git missing, not a repository…), without importing the Git reader for
    commands that never read Git: one can only have been raised if its module was loaded."""
    gitread = sys.modules.get("doccontrol.history.gitread")
    return gitread is not None and isinstance(exc, gitread.GitError)
