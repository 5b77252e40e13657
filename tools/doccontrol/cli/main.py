"""Entry point: ``doccontrol COMMAND ...``. Exit 0 clean, 1 problems found, 2 usage or environment."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from doccontrol import __version__
from doccontrol.cli import approve, audit, authoring, check, history, registers, workflow
from doccontrol.cli.output import UsageError
from doccontrol.history.gitread import GitError
from doccontrol.load.repository import RepositoryError, find_root

COMMANDS = (check, history, registers, authoring, workflow, approve, audit)


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
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "without_repository", lambda a: False)(args):
            root = Path.cwd()  # e.g. an auditor verifying a pack needs no compliance repository
        else:
            root = find_root(Path(args.repo) if args.repo else Path.cwd())
        code: int = args.run(args, root)
        return code
    except (UsageError, RepositoryError, GitError) as exc:
        print(f"doccontrol: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("doccontrol: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: a message, never a traceback
        if os.environ.get("DOCCONTROL_DEBUG"):
            raise
        print(
            f"doccontrol: internal error: {type(exc).__name__}: {exc}\n"
            "  This is a bug in doccontrol; set DOCCONTROL_DEBUG=1 to see where it happened.",
            file=sys.stderr,
        )
        return 2
