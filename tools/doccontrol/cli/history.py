"""``doccontrol log`` and ``doccontrol trail``: the change history and the approval trail."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    dumps_json,
    parse_date_arg,
    printable,
    progress,
    table,
)

if TYPE_CHECKING:  # the engine is imported by the commands that run it (startup time)
    from pathlib import Path

    from doccontrol.history.model import ApprovalEvent, DocumentHistory, History, Person, Revision


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    log = commands.add_parser(
        "log", help="a document's change history (变更履历), derived from Git"
    )
    log.add_argument(
        "doc_id", nargs="?", metavar="DOC_ID", help="document id (文件编号), e.g. SM-P-18"
    )
    log.add_argument("--all", action="store_true", help="every document (with --format json)")
    log.add_argument("--format", choices=("table", "json"), default="table")
    log.add_argument(
        "--allow-shallow",
        action="store_true",
        help="read a shallow clone; the result is marked incomplete",
    )
    log.set_defaults(run=run_log)
    trail = commands.add_parser(
        "trail", help="the approval trail: every approval on the main branch"
    )
    trail.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD)")
    trail.add_argument("--until", metavar="DATE", help="up to and including this date")
    trail.add_argument(
        "--person", metavar="WHO", help="only events where this name, email or person id took part"
    )
    trail.add_argument("--strict", action="store_true", help="exit 1 when any problem is shown")
    trail.add_argument("--format", choices=("table", "json", "csv"), default="table")
    trail.add_argument(
        "--allow-shallow",
        action="store_true",
        help="read a shallow clone; the result is marked incomplete",
    )
    trail.set_defaults(run=run_trail)


def history_for(root: Path, allow_shallow: bool) -> History:
    from doccontrol.history.gitread import GitError
    from doccontrol.history.load import load_history
    from doccontrol.load import repository

    repo = repository.load(root, only=set())
    if repo.config is None:
        raise UsageError("cli.error.config-problems")
    say = progress("reading history")
    try:
        return load_history(
            root, repo.config, allow_shallow=allow_shallow, progress=lambda n: say(f"{n} commits")
        )
    except GitError as exc:
        raise UsageError(str(exc)) from None
    finally:
        say("")


def _names(people: tuple[Person, ...]) -> str:
    return "、".join(p.name for p in people)


def _day(iso: str) -> str:
    return iso[:10]


def log_row(revision: Revision) -> list[str]:
    from doccontrol.history.model import EVIDENCE_LABELS

    change = (
        revision.change
        if revision.kind != "review"
        else f"{revision.change}（定期评审，内容无变化）"
    )
    if revision.kind == "baseline":
        change = f"{change}（纳入文件控制的基线）"
    if not revision.approved:
        change = f"{change} [未批准]"
    return [
        str(revision.seq),
        revision.version,
        "、".join(revision.sections),
        change,
        _names(revision.authors),
        _day(revision.author_date),
        _names(revision.reviewers),
        _day(revision.date) if revision.reviewers else "",
        _names(revision.approvers),
        _day(revision.date) if revision.approvers else "",
        EVIDENCE_LABELS.get(revision.evidence, revision.evidence),
    ]


def run_log(args: argparse.Namespace, root: Path) -> int:
    if args.all == bool(args.doc_id):
        raise UsageError("give one DOC_ID, or --all")
    from doccontrol.history.model import CHANGE_HISTORY_HEADERS

    history = history_for(root, args.allow_shallow)
    if args.all:
        docs = sorted(history.documents.values(), key=lambda d: d.id)
    else:
        doc = history.documents.get(args.doc_id)
        if doc is None:
            known = ", ".join(sorted(history.documents)[:8])
            raise UsageError(
                f"no document {args.doc_id} in the history of {history.branch} (known: {known}…)"
            )
        docs = [doc]
    problems = [*history.notices, *(p for d in docs for r in d.revisions for p in r.problems)]
    if args.format == "json":
        data = {
            "branch": history.branch,
            "head": history.head,
            "incomplete": history.incomplete,
            "notices": [p.to_json() for p in history.notices],
            "hints": list(history.hints),
            "documents": [d.to_json() for d in docs],
        }
        print(dumps_json(data), end="")
    else:
        for doc in docs:
            print(
                printable(
                    f"{doc.id} {doc.title}  ({doc.path}){'  [已撤回]' if doc.withdrawn else ''}"
                )
            )
            print(table(CHANGE_HISTORY_HEADERS, [log_row(r) for r in doc.revisions]))
            for revision in doc.revisions:
                for p in revision.problems:
                    print(printable(f"  ! {p.code} {p.message}"))
            reason = no_approval_reason(doc, history.branch.removeprefix("refs/heads/"))
            if reason:
                print(printable(f"  note: {reason}"))
        _print_notices(history)
        if history.incomplete:
            print("note: shallow clone, history incomplete")
    return 1 if problems else 0


def no_approval_reason(doc: DocumentHistory, branch: str) -> str:
    """Why a document shows no approval, in words (an empty history is never left bare)."""
    if any(r.approved for r in doc.revisions):
        return ""
    git = [r for r in doc.revisions if r.commit]
    if not git and doc.baseline is not None:
        return (
            f"no approval yet: {doc.id} has not changed since control began, so "
            f"{doc.baseline.version} ({doc.baseline.commit[:10]}, {doc.baseline.date[:10]}) is the "
            "pre-control baseline (control_since in doccontrol.yml); the baseline is not an "
            "approval: record one with doccontrol baseline, or approve a change"
        )
    if not git:
        return f"no approval: {doc.id} has no history on {branch}"
    direct = [r for r in git if r.kind == "unapproved"]
    refused = [r for r in git if r.kind != "unapproved" and not r.approved]
    parts = []
    if direct:
        parts.append(
            f"{len(direct)} change(s) were committed directly to {branch}, not merged through an "
            "approval"
        )
    if refused:
        parts.append(f"{len(refused)} merge(s) did not pass the approval rules (problems above)")
    if doc.baseline is None:
        parts.append(
            "control_since is not set, so all of its history is judged: bring the repository "
            "under control with doccontrol baseline"
        )
    return f"no approval: {doc.id} has never been approved; " + "; ".join(parts)


def _print_notices(history: History) -> None:
    """Problems of the history as a whole (a rewrite, a committed cache, control_since)."""
    for p in history.notices:
        print(printable(f"  ! {p.code} {p.message}"))
    for hint in history.hints:
        print(printable(f"note: {hint}"))


def run_trail(args: argparse.Namespace, root: Path) -> int:
    import csv
    import io

    from doccontrol.trail import filter_events, trail_rows

    since = parse_date_arg(args.since, "--since")
    until = parse_date_arg(args.until, "--until")
    history = history_for(root, args.allow_shallow)
    events: list[ApprovalEvent] = filter_events(history.events, since, until, args.person)
    problems = [*history.notices, *(p for e in events for p in e.problems)]
    if args.format == "json":
        data = {
            "branch": history.branch,
            "head": history.head,
            "incomplete": history.incomplete,
            "notices": [p.to_json() for p in history.notices],
            "hints": list(history.hints),
            "events": [e.to_json() for e in events],
        }
        print(dumps_json(data), end="")
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        headers, rows = trail_rows(events)
        writer.writerow(headers)
        writer.writerows(rows)
        print(buffer.getvalue(), end="")
    else:
        headers, rows = trail_rows(events, short=True)
        print(table(headers, rows))
        for event in events:
            for p in event.problems:
                print(printable(f"  ! {event.commit[:10]} {p.code} {p.message}"))
        _print_notices(history)
        print(
            f"{len(events)} approval events, {len(problems)} problems{' (history incomplete: shallow clone)' if history.incomplete else ''}"
        )
    return 1 if args.strict and problems else 0
