"""``doccontrol impact`` and ``doccontrol suspect``: what a change would make suspect, and what
is suspect now (doccontrol.impact computes both)."""

from __future__ import annotations

import argparse
import datetime
from typing import TYPE_CHECKING

from doccontrol.cli.output import UsageError, dumps_json, parse_date_arg, printable, table

if TYPE_CHECKING:  # the engine is imported by the commands that run it (startup time)
    from pathlib import Path

    from doccontrol.catalogue import Catalogue
    from doccontrol.impact import Graph, Impact, InForce, Suspects
    from doccontrol.load.repository import Repository


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    impact = commands.add_parser(
        "impact",
        help=t("cli.help.impact"),
    )
    impact.add_argument(
        "doc_id", nargs="?", metavar=t("cli.metavar.DOC_ID"), help=t("cli.help.impact.doc_id")
    )
    impact.add_argument(
        "--branch",
        metavar=t("cli.metavar.BRANCH"),
        help=t("cli.help.impact.branch"),
    )
    impact.add_argument(
        "--format", choices=("table", "json"), default="table", help=t("cli.help.format")
    )
    impact.set_defaults(run=run_impact)
    suspect = commands.add_parser(
        "suspect",
        help=t("cli.help.suspect"),
    )
    suspect.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help=t("cli.help.format")
    )
    suspect.add_argument("--as-of", metavar=t("cli.metavar.DATE"), help=t("cli.help.suspect.as-of"))
    suspect.add_argument(
        "--fail-on",
        choices=("suspect",),
        help=t("cli.help.suspect.fail-on"),
    )
    suspect.set_defaults(run=run_suspect)


def _catalogue(repo: Repository) -> Catalogue:
    from doccontrol import catalogue

    language = repo.config.language if repo.config is not None else None
    return catalogue.load(catalogue.language_for(language))


def _as_approved(root: Path, repo: Repository) -> tuple[Graph, InForce]:
    """The dependencies and the dependents in force as approved on the main branch (what
    ``suspect`` will judge once a change is approved). Where no history can be read (not a
    Git repository, a shallow clone) the work tree as it stands: a preview, never a gate."""
    from doccontrol import impact
    from doccontrol.history.gitread import GitError
    from doccontrol.history.load import load_history

    assert repo.config is not None
    try:
        history = load_history(root, repo.config)
    except GitError:
        return impact.graph_of(repo), impact.as_it_stands(repo.documents)
    state = impact.approved(repo, history)
    return state.graph, state.in_force


def branch_impact(root: Path, repo: Repository, branch: str) -> Impact:
    from doccontrol import impact

    assert repo.config is not None
    changed, schemas = impact.branch_changes(root, repo.config.main_branch, branch)
    graph, in_force = _as_approved(root, repo)
    return impact.impact(graph, changed, in_force, schemas, repo.record_types)


def impact_lines(impact: Impact, t: Catalogue) -> list[str]:
    """The impact as text: what changed, then the table of what would be suspect."""
    lines = []
    if impact.changed:
        items = t.join(
            t.text(
                "impact.changed.text" if c.text_changed else "impact.changed.front-matter",
                id=c.id,
                change=t.text(f"impact.change.{c.change}"),
            )
            for c in impact.changed
        )
        lines.append(t.text("impact.changed", items=items))
    else:
        lines.append(t.text("impact.changed.none"))
    if impact.suspect:
        rows = [
            [
                t.text(f"impact.kind.{dep.kind}"),
                dep.id,
                dep.title,
                t.join(t.text(f"impact.via.{v}") for v in dep.via),
                t.join(sources),
            ]
            for dep, sources in impact.suspect
        ]
        lines.append(
            table(t.headers("impact.head", ("kind", "id", "title", "via", "sources")), rows)
        )
    lines.append(t.count("impact.summary", len(impact.suspect)))
    if impact.reviewed_with:
        lines.append(t.text("impact.reviewed-with", items=t.join(impact.reviewed_with)))
    if impact.cited:
        items = "; ".join(f"{dep.title or dep.id}: {t.join(r)}" for dep, r in impact.cited)
        lines.append(t.text("impact.cited", items=items))
    return lines


def run_impact(args: argparse.Namespace, root: Path) -> int:
    from doccontrol import impact
    from doccontrol.load import repository

    repo = repository.load(root)
    if repo.config is None:
        raise UsageError("cli.error.config-problems")
    t = _catalogue(repo)
    if bool(args.doc_id) == bool(args.branch):
        raise UsageError(t.text("impact.usage"))
    if args.branch:
        try:
            result = branch_impact(root, repo, args.branch)
        except impact.BranchError as exc:
            raise UsageError(exc.key, **exc.values) from None
    else:
        change = impact.document_change(args.doc_id, repo.documents)
        if change is None:
            raise UsageError(t.text("impact.no-document", id=args.doc_id))
        graph, in_force = _as_approved(root, repo)
        result = impact.impact(graph, [change], in_force)
    if args.format == "json":
        print(dumps_json(result.to_json()), end="")
    else:
        print(printable("\n".join(impact_lines(result, t))))
    return 0


def suspect_rows(
    found: Suspects, t: Catalogue, short: bool = True
) -> tuple[tuple[str, ...], list[list[str]]]:
    """The suspect list's headers and rows; ``short=False`` for a spreadsheet, which gets the
    whole commit id (a short one of digits, or of digits and one 'e', becomes a number)."""
    from doccontrol import impact

    headers = impact.suspect_headers(t)
    rows = [
        [
            t.text(f"impact.kind.{s.kind}"),
            s.id,
            s.title,
            s.since.source,
            s.since.version,
            s.since.date[:10],
            s.since.commit[:10] if short else s.since.commit,
            t.join(t.text(f"impact.via.{v}") for v in s.since.via),
            str(len(s.causes)),
        ]
        for s in found.items
    ]
    return headers, rows


def run_suspect(args: argparse.Namespace, root: Path) -> int:
    from doccontrol.cli.registers import loaded
    from doccontrol.spreadsheets import csv_text

    day = parse_date_arg(args.as_of, "--as-of")
    repo, history = loaded(root)
    t = _catalogue(repo)
    if history is None:
        raise UsageError(t.text("impact.no-history"))
    from doccontrol import impact

    found = impact.suspects(repo, history, datetime.date.fromisoformat(day) if day else None)
    if args.format == "json":
        print(dumps_json([s.to_json() for s in found.items]), end="")
    else:
        headers, rows = suspect_rows(found, t, short=args.format != "csv")
        if args.format == "csv":
            print(csv_text(headers, rows), end="")
        else:
            if rows:
                print(table(headers, rows))
            print(t.count("suspect.summary", len(rows)) if rows else t.text("suspect.none"))
    return 1 if found.items and args.fail_on == "suspect" else 0


def branch_impact_text(root: Path, branch: str) -> str:
    """For ``approve``: what approving ``branch`` will make suspect, worked out before it
    merges. It informs and never blocks: a suspect dependent is for its owner to review."""
    from doccontrol import impact
    from doccontrol.load import repository

    repo = repository.load(root)
    t = _catalogue(repo)
    if repo.config is None:
        return ""
    try:
        result = branch_impact(root, repo, branch)
    except impact.BranchError as exc:
        return t.text("impact.approve.unavailable", reason=exc.text(t))
    lines = printable("\n".join(impact_lines(result, t))).split("\n")
    return "\n".join([t.text("impact.approve.title"), *("  " + line for line in lines)])
