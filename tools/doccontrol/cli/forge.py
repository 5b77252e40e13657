"""``doccontrol forge capture-github``: record a merged pull request's reviews as a Git note.

Runs in CI (see .github/workflows/doccontrol-reviews.yml) with the workflow's token; the API
address, token and repository come from the environment GitHub Actions sets (GITHUB_API_URL,
GITHUB_TOKEN, GITHUB_REPOSITORY), or the answers from recorded files (--from-json DIR)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import UsageError, speech

if TYPE_CHECKING:  # the engine is imported by the command that runs it (startup time)
    from doccontrol.catalogue import Catalogue
    from doccontrol.forge import github

NOTES_REF = "refs/notes/doccontrol"  # as history/gitread.py reads it (a test holds them equal)

_PUSH_ATTEMPTS = 5


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    forge = commands.add_parser("forge", help=t("cli.help.forge"))
    actions = forge.add_subparsers(
        dest="forge_command", metavar=t("cli.metavar.ACTION"), required=True
    )
    gh = actions.add_parser(
        "capture-github",
        help=t("cli.help.forge.capture-github", ref=NOTES_REF),
    )
    which = gh.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--pr", type=int, metavar="N", action="append", help=t("cli.help.forge.capture-github.pr")
    )
    which.add_argument(
        "--backfill",
        action="store_true",
        help=t("cli.help.forge.capture-github.backfill"),
    )
    gh.add_argument(
        "--repository",
        metavar=t("cli.metavar.OWNER-NAME"),
        default=os.environ.get("GITHUB_REPOSITORY"),
        help=t("cli.help.forge.capture-github.repository"),
    )
    gh.add_argument(
        "--from-json",
        metavar=t("cli.metavar.DIR"),
        help=t("cli.help.forge.capture-github.from-json"),
    )
    gh.add_argument(
        "--sign-key",
        metavar=t("cli.metavar.FILE"),
        help=t("cli.help.forge.capture-github.sign-key"),
    )
    gh.add_argument(
        "--push",
        metavar=t("cli.metavar.REMOTE"),
        nargs="?",
        const="origin",
        help=t("cli.help.forge.capture-github.push"),
    )
    gh.add_argument("--force", action="store_true", help=t("cli.help.forge.capture-github.force"))
    gh.set_defaults(run=run_capture_github)


def _source(args: argparse.Namespace) -> github.Source:
    from pathlib import Path

    from doccontrol.forge import github

    if args.from_json:
        folder = Path(args.from_json)
        if not folder.is_dir():
            raise UsageError("cli.error.no-such-folder", option="--from-json", path=str(folder))
        return github.JsonSource(folder)
    if not args.repository or "/" not in args.repository:
        raise UsageError("cli.error.forge.repository")
    api = os.environ.get("GITHUB_API_URL") or github.DEFAULT_API
    return github.ApiSource(api, args.repository, os.environ.get("GITHUB_TOKEN") or None)


def run_capture_github(args: argparse.Namespace, root: Path) -> int:
    from doccontrol.forge import github
    from doccontrol.load import repository

    source = _source(args)
    key = Path(args.sign_key) if args.sign_key else None
    if key is not None and not key.is_file():
        raise UsageError("cli.error.no-key-file", option="--sign-key", path=str(key))
    repo = repository.load(root, only=set())
    talk = speech(repo.config, None, root)
    branch = repo.config.main_branch if repo.config is not None else "main"
    name = args.repository or ""
    try:
        for attempt in range(_PUSH_ATTEMPTS):
            if args.push and attempt:
                github.fetch_notes(root, args.push)  # someone pushed first: write on theirs
            numbers = (
                github.backfill_numbers(root, source, branch, args.force)
                if args.backfill
                else args.pr
            )
            done = github.capture(root, source, name, numbers, key, branch)
            if not args.push or github.push_notes(root, args.push):
                break
        else:
            raise UsageError("cli.error.forge.push", ref=NOTES_REF)
    except github.CaptureError as exc:
        raise UsageError(talk.msg(exc.message)) from None
    for item in done:
        said = "forge.already-recorded"
        if item.written:
            said = "forge.recorded.signed" if key is not None else "forge.recorded"
        reviews = talk.count("forge.count.reviews", item.reviews)
        print(
            talk(said, number=item.number, reviews=reviews, commit=item.commit[:10], ref=NOTES_REF)
        )
    if not done:
        print(talk("forge.nothing-to-record"))
    return 0
