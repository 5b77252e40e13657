"""``doccontrol check [PATH ...]``: validate documents, records, schemas and the config."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import UsageError, print_problems, speech

if TYPE_CHECKING:
    from doccontrol.catalogue import Catalogue

CONFIG_FILE = "doccontrol.yml"  # doccontrol.config.CONFIG_FILE, without importing the config model
CHECKED_TOP = ("docs/", "records/", "schemas/")


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "check",
        help=t("cli.help.check"),
        description=t("cli.help.check.description"),
    )
    parser.add_argument(
        "paths", nargs="*", metavar=t("cli.metavar.PATH"), help=t("cli.help.check.paths")
    )
    # github: workflow commands (annotations); gitlab: a Code Quality report (cli/annotations.py)
    parser.add_argument(
        "--format",
        choices=("text", "json", "github", "gitlab"),
        default="text",
        help=t("cli.help.format"),
    )
    parser.set_defaults(run=run)


def _controlled(path: str) -> bool:
    return path == CONFIG_FILE or path.startswith(CHECKED_TOP)


def _selection(root: Path, paths: list[str]) -> set[str] | None:
    import os
    from pathlib import Path, PurePosixPath

    if not paths:
        return None
    selected = set()
    for raw in paths:
        path = Path(raw)
        absolute = path if path.is_absolute() else Path.cwd() / path
        if not os.path.lexists(absolute):
            raise UsageError("cli.error.no-such-file", path=raw)
        # the folder is resolved, the file itself is not: a symlink is checked as the link
        # it is (and reported), never as whatever it points to
        here = absolute.parent.resolve() / absolute.name
        try:
            rel = here.relative_to(root).as_posix()
        except ValueError:
            raise UsageError("cli.error.outside-repository", path=raw, root=str(root)) from None
        if here.is_dir() and not here.is_symlink():
            selected |= {
                PurePosixPath(rel, p.relative_to(here).as_posix()).as_posix()
                for p in here.rglob("*")
                if p.is_symlink() or p.is_file()
            }
        else:
            selected.add(rel)
    return selected


def run(args: argparse.Namespace, root: Path) -> int:
    import sys

    from doccontrol.load import repository
    from doccontrol.validate.check import check

    named = _selection(root, args.paths)
    selected = {p for p in named if _controlled(p)} if named is not None else None
    if named is not None and not selected:
        # a file outside what doccontrol checks (README.md, a script): said, not "no problems"
        outside = ", ".join(args.paths[:5]) + (" …" if len(args.paths) > 5 else "")
        talk = speech(None, None, root)
        print(talk("cli.check.not-controlled", paths=outside), file=sys.stderr)
    repo = repository.load(root, only=selected, ids_only=True)
    problems = check(repo, selected)
    if selected is None:
        files = (
            1
            + len(repo.documents)
            + len(repo.record_types)
            + sum(len(v) for v in repo.record_files.values())
        )
    else:
        files = len(selected)
    talk = speech(repo.config, repo.record_types, root)
    if args.format in ("github", "gitlab"):
        from doccontrol.cli import annotations

        print(annotations.render(problems, args.format, root, talk.text_of), end="")
    else:
        print_problems(problems, args.format, files, talk)
    return 1 if problems else 0
