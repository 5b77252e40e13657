"""``doccontrol register``, ``review-due`` and ``coverage``: the registers administrators
and auditors ask for."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    approved_config,
    config_in_force,
    day_arg,
    dumps_json,
    progress,
    require_extra,
    speech,
    table,
    write_atomic,
)

if TYPE_CHECKING:  # the engine is imported by the commands that run it (startup time)
    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config
    from doccontrol.history.model import History
    from doccontrol.load.repository import Repository


MAX_WITHIN = 36_500  # a hundred years: more is a slip (and far more ends the calendar)


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    register = commands.add_parser("register", help=t("cli.help.register"))
    register.add_argument(
        "--format",
        choices=("table", "csv", "xlsx", "json"),
        default="table",
        help=t("cli.help.format"),
    )
    register.add_argument(
        "-o", "--output", metavar=t("cli.metavar.FILE"), help=t("cli.help.register.output")
    )
    register.add_argument(
        "--as-of",
        metavar=t("cli.metavar.DATE"),
        help=t("cli.help.register.as-of"),
    )
    register.set_defaults(run=run_register)
    due = commands.add_parser("review-due", help=t("cli.help.review-due"))
    due.add_argument(
        "--within",
        type=int,
        default=0,
        metavar=t("cli.metavar.DAYS"),
        help=t("cli.help.review-due.within"),
    )
    due.add_argument("--today", metavar=t("cli.metavar.DATE"), help=t("cli.help.review-due.today"))
    due.add_argument(
        "--format", choices=("table", "json"), default="table", help=t("cli.help.format")
    )
    due.add_argument(
        "--fail-on",
        choices=("overdue", "due"),
        help=t("cli.help.review-due.fail-on"),
    )
    due.add_argument(
        "--issue",
        choices=("github", "gitlab"),
        help=t("cli.help.review-due.issue"),
    )
    due.add_argument(
        "--dry-run",
        action="store_true",
        help=t("cli.help.review-due.dry-run"),
    )
    due.set_defaults(run=run_review_due)
    cov = commands.add_parser(
        "coverage",
        help=t("cli.help.coverage"),
    )
    cov.add_argument(
        "--format", choices=("table", "json"), default="table", help=t("cli.help.format")
    )
    cov.set_defaults(run=run_coverage)


def loaded(root: Path) -> tuple[Repository, History | None]:
    """The repository and, when it is a Git repository with history, its history."""
    from doccontrol.history.gitread import GitError
    from doccontrol.history.load import load_history
    from doccontrol.load import repository

    repo = repository.load(root)
    if repo.config is None:
        raise UsageError("cli.error.config-problems")
    said = speech(repo.config, repo.record_types, root)
    say = progress(said("cli.progress.history"))
    try:
        history = load_history(
            root, repo.config, progress=lambda n: say(said.count("cli.progress.commits", n))
        )
    except GitError as exc:
        print(said("cli.register.no-history", detail=exc.text(said.cat)), file=sys.stderr)
        history = None
    finally:
        say("")
    return repo, history


def names_config(root: Path, repo: Repository, history: History | None) -> Config:
    """The configuration whose names and labels a register shows: while doccontrol.yml has a
    change on the main branch nobody approved, the approved one (said on stderr), so a direct
    commit cannot relabel a level or rename a department in what an auditor reads."""
    from doccontrol.config import CONFIG_FILE

    assert repo.config is not None
    approved = approved_config(root, repo.config, history)
    if approved is repo.config:
        return approved
    said = speech(approved, repo.record_types, root)
    print(said("cli.register.config-pending", config=CONFIG_FILE), file=sys.stderr)
    return approved


def run_register(args: argparse.Namespace, root: Path) -> int:
    from pathlib import Path

    from doccontrol import registers, spreadsheets

    if args.format == "xlsx":
        require_extra("openpyxl", "xlsx", "register --format xlsx")
    repo, history = loaded(root)
    names = names_config(root, repo, history)
    day = day_arg(args.as_of, "--as-of", root, names)
    say = speech(names, repo.record_types, root)
    headers = registers.register_headers(say.cat)
    from doccontrol.labels import Labels

    labels = Labels(names, say.cat)
    rows = registers.document_rows(repo, history, day)
    cells = [registers.register_cells(r, labels) for r in rows]
    wrote = say("cli.wrote", path=args.output, what=say.count("count.documents", len(rows)))
    if args.format == "xlsx":
        if not args.output:
            raise UsageError("cli.register.xlsx-needs-output")
        sheet = say("label.register.title")
        write_atomic(Path(args.output), spreadsheets.workbook(headers, cells, sheet), root)
        print(wrote)
        return 0
    if args.format == "json":
        text = dumps_json([r.to_json(labels) for r in rows])
    elif args.format == "csv":
        text = spreadsheets.csv_text(headers, cells)
    else:
        text = table(headers, cells) + "\n"
    if args.output:
        # a CSV file gets the byte-order mark Excel needs to read Chinese (stdout does not)
        data = spreadsheets.csv_file(headers, cells) if args.format == "csv" else None
        write_atomic(Path(args.output), data or text.encode("utf-8", "backslashreplace"), root)
        print(wrote)
    else:
        print(text, end="")
    return 0


def run_review_due(args: argparse.Namespace, root: Path) -> int:

    from doccontrol import registers, review_issue

    if not 0 <= args.within <= MAX_WITHIN:
        raise UsageError("cli.review-due.within", most=MAX_WITHIN)
    repo, history = loaded(root)
    names = names_config(root, repo, history)
    today = day_arg(args.today, "--today", root, names)
    say = speech(names, repo.record_types, root)
    from doccontrol.labels import Labels

    labels = Labels(names, say.cat)
    due = registers.review_due(registers.document_rows(repo, history, today), today, args.within)
    overdue = [r for r in due if r.overdue]
    failed = bool(overdue) if args.fail_on == "overdue" else bool(due and args.fail_on)
    if args.format == "json":
        print(
            dumps_json(
                [
                    {
                        "id": r.id,
                        "title": r.title,
                        "version": r.version,
                        "owner": r.owner,
                        "last_approval": r.last_approval,
                        "last_approved_version": r.last_approved_version,
                        "next_review": r.next_review,
                        "overdue": r.overdue,
                    }
                    for r in due
                ]
            ),
            end="",
        )
        return 1 if failed else 0
    rows = [
        [
            r.id,
            r.title,
            labels.department(r.owner),
            r.last_approval_text(say.cat),
            r.next_review,
            say("label.review.overdue" if r.overdue else "label.review.due"),
        ]
        for r in due
    ]
    print(table(registers.review_headers(say.cat), rows))
    limit = (today + datetime.timedelta(days=args.within)).isoformat()
    print(
        say(
            "cli.review-due.summary",
            due=say.count("count.documents", len(due)),
            limit=limit,
            overdue=len(overdue),
            today=today.isoformat(),
        )
    )
    if args.issue:
        # the issue is published: it names only what the site may (the table above is the
        # runner's own output and keeps every row)
        from doccontrol.config import CONFIG_FILE

        # judged by the configuration in force on main, never the work tree's or a direct
        # commit's (which could rank `secret` lowest)
        assert repo.config is not None
        judged = config_in_force(root, repo.config, history) if history else repo.config
        listing = review_issue.listed(due, repo, history, judged)
        if listing.lowered:
            note = say("review_issue.config-pending", config=CONFIG_FILE, level=listing.level)
            print(note, file=sys.stderr)
        published = review_issue.language(names)
        name = review_issue.title(published)
        body = review_issue.body(listing, today, limit, Labels(names, published))
        # nothing due: the open issue (if any) is updated to say so and closed, never left
        # listing documents that have since been reviewed
        if args.dry_run:
            print(review_issue.dry_run(args.issue, name, body, os.environ, say.cat, bool(due)))
        else:
            try:
                print(
                    review_issue.post(args.issue, name, body, os.environ, root, say.cat, bool(due))
                )
            except review_issue.IssueError as exc:
                raise UsageError(exc.key, **exc.values) from None
    return 1 if failed else 0


def run_coverage(args: argparse.Namespace, root: Path) -> int:
    from doccontrol import registers
    from doccontrol.load import repository
    from doccontrol.problems import Ref

    repo = repository.load(root)
    say = speech(repo.config, repo.record_types, root)
    rows = registers.coverage(repo.documents, repo.record_types, repo.clauses)
    uncovered = [r for r in rows if r.leaf and not r.covered]
    if args.format == "json":
        print(
            dumps_json(
                [
                    {
                        "clause": r.clause.id,
                        "title": r.clause.zh,
                        "title_en": r.clause.en,
                        "documents": list(r.documents),
                        "record_types": list(r.record_types),
                        "covered": r.covered,
                    }
                    for r in rows
                ]
            ),
            end="",
        )
    else:
        separator = say("label.separator")
        cells = [
            [
                r.clause.id,
                r.clause.en if say.cat.language == "en" and r.clause.en else r.clause.zh,
                separator.join(r.documents) or "—",
                # record types by their labels, as the reader knows them
                say("label.value.raw", text=tuple(Ref("record-type", t) for t in r.record_types))
                or "—",
                "" if r.covered else say("label.coverage.uncovered"),
            ]
            for r in rows
        ]
        headers = say.cat.headers("label.coverage", registers.COVERAGE_COLUMNS)
        print(table((*headers, ""), cells))
        covered = len(rows) - len([r for r in rows if not r.covered])
        summary = say("cli.coverage.summary", covered=covered, total=len(rows))
        if uncovered:
            ids = ", ".join(r.clause.id for r in uncovered)
            summary += say("cli.coverage.uncovered", clauses=ids)
        print(summary)
    return 1 if uncovered else 0
