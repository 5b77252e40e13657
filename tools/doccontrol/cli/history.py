"""``doccontrol log`` and ``doccontrol trail``: the change history and the approval trail."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from doccontrol.cli.output import (
    Speech,
    UsageError,
    approved_config,
    dumps_json,
    parse_date_arg,
    printable,
    progress,
    speech,
    table,
)

if TYPE_CHECKING:  # the engine is imported by the commands that run it (startup time)
    from pathlib import Path

    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config
    from doccontrol.history.model import (
        ApprovalEvent,
        DocumentHistory,
        History,
        HistoryProblem,
        Person,
        Revision,
    )


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    log = commands.add_parser("log", help=t("cli.help.log"))
    log.add_argument(
        "doc_id", nargs="?", metavar=t("cli.metavar.DOC_ID"), help=t("cli.help.log.doc_id")
    )
    log.add_argument("--all", action="store_true", help=t("cli.help.log.all"))
    log.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help=t("cli.help.format")
    )
    log.add_argument(
        "--allow-shallow",
        action="store_true",
        help=t("cli.help.log.allow-shallow"),
    )
    log.set_defaults(run=run_log)
    trail = commands.add_parser("trail", help=t("cli.help.trail"))
    trail.add_argument("--since", metavar=t("cli.metavar.DATE"), help=t("cli.help.trail.since"))
    trail.add_argument("--until", metavar=t("cli.metavar.DATE"), help=t("cli.help.trail.until"))
    trail.add_argument("--person", metavar=t("cli.metavar.WHO"), help=t("cli.help.trail.person"))
    trail.add_argument("--strict", action="store_true", help=t("cli.help.trail.strict"))
    trail.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help=t("cli.help.format")
    )
    trail.add_argument(
        "--allow-shallow",
        action="store_true",
        help=t("cli.help.trail.allow-shallow"),
    )
    trail.set_defaults(run=run_trail)


def history_for(root: Path, allow_shallow: bool) -> History:
    return history_and_speech(root, allow_shallow)[0]


def history_and_speech(root: Path, allow_shallow: bool) -> tuple[History, Speech]:
    """The history of the main branch, and how this run speaks (its language, the names)."""
    history, speech_, _ = _history_speech_config(root, allow_shallow)
    return history, speech_


def _history_speech_config(root: Path, allow_shallow: bool) -> tuple[History, Speech, Config]:
    from doccontrol.history.gitread import GitError
    from doccontrol.history.load import load_history
    from doccontrol.load import repository

    # the history needs the configuration alone, not the documents of the work tree
    config = repository.read_config(root)
    if config is None:
        raise UsageError("cli.error.config-problems")
    speech_ = speech(config, None, root)
    say = progress(speech_("cli.progress.history"))
    try:
        history = load_history(
            root,
            config,
            allow_shallow=allow_shallow,
            progress=lambda n: say(speech_.count("cli.progress.commits", n)),
        )
    except GitError as exc:
        raise UsageError(exc.key, **exc.values) from None
    finally:
        say("")
    return history, speech_, config


def _json(history: History, say: Speech, **items: list[dict[str, Any]]) -> str:
    """``log`` and ``trail`` as JSON: where the history was read, what it says of itself, and
    the items asked for."""
    data = {
        "branch": history.branch,
        "head": history.head,
        "incomplete": history.incomplete,
        "notices": [p.to_json(say.cat, say.names) for p in history.notices],
        "hints": [say.msg(h) for h in history.hints],
        **items,
    }
    return dumps_json(data)


def log_row(revision: Revision, say: Speech) -> list[str]:
    from doccontrol.history.sections import shown

    separator = say("label.separator")
    change = revision.change
    if revision.kind in ("review", "baseline"):
        change += say(f"label.history.note.{revision.kind}")
    if not revision.approved:
        change = say("cli.log.unapproved", change=change)

    def names(people: tuple[Person, ...]) -> str:
        return separator.join(p.name for p in people)

    return [
        str(revision.seq),
        revision.version,
        separator.join(shown(revision.sections, say.cat)),
        change,
        names(revision.authors),
        revision.author_date[:10],
        names(revision.reviewers),
        revision.date[:10] if revision.reviewers else "",
        names(revision.approvers),
        revision.date[:10] if revision.approvers else "",
        say.cat.label("label.evidence", revision.evidence),
    ]


def run_log(args: argparse.Namespace, root: Path) -> int:
    if args.all == bool(args.doc_id):
        raise UsageError("cli.log.one-or-all")
    from doccontrol.history.model import change_history_headers

    history, say = history_and_speech(root, args.allow_shallow)
    if args.all:
        docs = sorted(history.documents.values(), key=lambda d: d.id)
    else:
        doc = history.documents.get(args.doc_id)
        if doc is None:
            known = ", ".join(sorted(history.documents)[:8])
            raise UsageError(
                "cli.log.no-document", id=args.doc_id, branch=history.branch, known=known
            )
        docs = [doc]
    problems = [*history.notices, *(p for d in docs for r in d.revisions for p in r.problems)]
    if args.format == "json":
        print(_json(history, say, documents=[d.to_json() for d in docs]), end="")
    elif args.format == "csv":
        from doccontrol.spreadsheets import csv_text
        from doccontrol.trail import revision_rows

        pairs = ((d, r) for d in docs for r in d.revisions)
        print(csv_text(*revision_rows(pairs, say.cat, say.names)), end="")
    else:
        headers = change_history_headers(say.cat)
        for doc in docs:
            withdrawn = say("cli.log.withdrawn") if doc.withdrawn else ""
            print(printable(f"{doc.id} {doc.title}  ({doc.path}){withdrawn}"))
            print(table(headers, [log_row(r, say) for r in doc.revisions]))
            for revision in doc.revisions:
                for p in revision.problems:
                    print(printable(f"  ! {p.code} {p.text(say.cat, say.names)}"))
            reason = no_approval_reason(doc, history.branch.removeprefix("refs/heads/"), say)
            if reason:
                print(printable("  " + say("cli.note", text=reason)))
        _print_notices(history, say)
        if history.incomplete:
            print(say("cli.note", text=say("cli.shallow")))
    return 1 if problems else 0


def no_approval_reason(doc: DocumentHistory, branch: str, say: Speech) -> str:
    """Why a document shows no approval, in words (an empty history is never left bare)."""
    if any(r.approved for r in doc.revisions):
        return ""
    git = [r for r in doc.revisions if r.commit]
    if not git and doc.baseline is not None:
        return say(
            "cli.log.baseline-only",
            id=doc.id,
            version=doc.baseline.version,
            sha=doc.baseline.commit[:10],
            date=doc.baseline.date[:10],
        )
    if not git:
        return say("cli.log.no-history", id=doc.id, branch=branch)
    direct = [r for r in git if r.kind == "unapproved"]
    refused = [r for r in git if r.kind != "unapproved" and not r.approved]
    parts = []
    if direct:
        parts.append(say.count("cli.log.direct", len(direct), branch=branch))
    if refused:
        parts.append(say.count("cli.log.refused", len(refused)))
    if doc.baseline is None:
        parts.append(say("cli.log.no-control-since"))
    return say("cli.log.never-approved", id=doc.id, reasons=say("cli.log.separator").join(parts))


def _print_notices(history: History, say: Speech) -> None:
    """Problems of the history as a whole (a rewrite, a committed cache, control_since)."""
    for p in history.notices:
        print(printable(f"  ! {p.code} {p.text(say.cat, say.names)}"))
    for hint in history.hints:
        print(printable(say("cli.note", text=say.msg(hint))))


def run_trail(args: argparse.Namespace, root: Path) -> int:
    from doccontrol import acks
    from doccontrol.spreadsheets import csv_text
    from doccontrol.trail import disposition_text, filter_events, record_problems, trail_rows
    from doccontrol.trail import dispositions as trail_dispositions

    since = parse_date_arg(args.since, "--since")
    until = parse_date_arg(args.until, "--until")
    history, say, config = _history_speech_config(root, args.allow_shallow)
    if args.person and not filter_events(history.events, None, None, args.person):
        from doccontrol.cli.approve import _find_person

        # nobody by that name, email or id in the whole history nor in doccontrol.yml: a typo
        # (an empty trail would read as "this person approved nothing"), as ack-due says
        if _find_person(config, args.person) is None:
            raise UsageError("cli.trail.unknown-person", who=args.person)
    events: list[ApprovalEvent] = filter_events(history.events, since, until, args.person)
    config = approved_config(root, config, history)
    records = record_problems(history, config)
    ack_problems = acks.filter_problems(records, history, config, since, until, args.person)
    problems = [*history.notices, *(p for e in events for p in e.problems), *ack_problems]
    handled = trail_dispositions(root, history, records)
    # the history's notices (a rewrite, control_since moved…) are never handled by one
    open_problems = [
        *history.notices,
        *handled.open([*(p for e in events for p in e.problems), *ack_problems]),
    ]
    refusals = [d.refusal for d in handled.entries if d.refusal is not None]

    def disposition_json(problems: tuple[HistoryProblem, ...]) -> dict[str, Any] | None:
        found = handled.handling(problems)
        return found.to_json(say.cat, say.names) if found else None

    if args.format == "json":
        print(
            _json(
                history,
                say,
                events=[
                    {
                        **e.to_json(),
                        "disposition": disposition_json(e.problems),
                    }
                    for e in events
                ],
                # as ack-due lists them; a disposition of their commit is in `dispositions`
                record_problems=[p.to_json(say.cat, say.names) for p in ack_problems],
                dispositions=[d.to_json(say.cat, say.names) for d in handled.entries],
            ),
            end="",
        )
    elif args.format == "csv":
        headers, rows = trail_rows(events, cat=say.cat, names=say.names, dispositions=handled)
        print(csv_text(headers, rows), end="")
    else:
        headers, rows = trail_rows(
            events, short=True, cat=say.cat, names=say.names, dispositions=handled
        )
        print(table(headers, rows))
        for commit, p in [
            *((e.commit, p) for e in events for p in e.problems),
            *((p.commit, p) for p in ack_problems),
        ]:
            text = p.text(say.cat, say.names)
            print(printable(f"  ! {commit[:10]} {p.code} {text}"))
            found = handled.covering(p)
            if found is not None:
                print(printable("    " + disposition_text(found, say.cat)))
        for p in refusals:
            print(printable(f"  ! {p.code} {p.text(say.cat, say.names)}"))
        _print_notices(history, say)
        summary = say(
            "cli.trail.summary",
            events=say.count("cli.count.events", len(events)),
            problems=say.count("count.problems", len(problems) + len(refusals)),
        )
        disposed = len(problems) + len(refusals) - len(open_problems)
        if disposed:
            summary += say("cli.trail.disposed", n=disposed)
        if history.incomplete:
            summary += say("cli.trail.incomplete")
        print(summary)
    return 1 if args.strict and open_problems else 0
