"""``doccontrol ack DOC_ID`` and ``doccontrol ack-due``: read-and-understood acknowledgements
(阅知确认), given by the person themselves in a commit of their own, and who still owes one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    approved_config,
    config_in_force,
    day_arg,
    dumps_json,
    table,
    write_atomic,
)

if TYPE_CHECKING:  # the core is imported when the command runs (startup time)
    import datetime

    from doccontrol.acks import Acknowledgement, Owed
    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config
    from doccontrol.history.model import History, HistoryProblem
    from doccontrol.load.repository import Repository


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    ack = commands.add_parser(
        "ack",
        help=t("cli.help.ack"),
    )
    ack.add_argument("doc_id", metavar=t("cli.metavar.DOC_ID"))
    ack.add_argument("--version", metavar=t("cli.metavar.V"), help=t("cli.help.ack.version"))
    ack.add_argument("--training", metavar=t("cli.metavar.TRN_ID"), help=t("cli.help.ack.training"))
    ack.set_defaults(run=run_ack)
    due = commands.add_parser("ack-due", help=t("cli.help.ack-due"))
    due.add_argument("--person", metavar=t("cli.metavar.WHO"), help=t("cli.help.ack-due.person"))
    due.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help=t("cli.help.format")
    )
    due.add_argument("--fail-on", choices=("overdue",), help=t("cli.help.ack-due.fail-on"))
    due.add_argument("--today", metavar=t("cli.metavar.DATE"), help=t("cli.help.ack-due.today"))
    due.add_argument("--all", action="store_true", help=t("cli.help.ack-due.all"))
    due.set_defaults(run=run_ack_due)


def _catalogue(config: Config | None) -> Catalogue:
    from doccontrol import catalogue

    return catalogue.load(catalogue.language_for(config.language if config else None))


def _state(root: Path) -> tuple[Repository, Config, History, Catalogue, list[Acknowledgement]]:
    from doccontrol import acks
    from doccontrol.cli.registers import loaded

    repo, history = loaded(root)
    assert repo.config is not None  # loaded() refuses a repository without one
    if history is None:
        raise UsageError("cli.error.acks-no-history")
    # who owes what is judged by the rules in force on main, never by the work tree's file
    # or a direct commit of it (trail judges acknowledgements by the same)
    config = config_in_force(root, repo.config, history)
    t = _catalogue(config)
    if config.acknowledgement is None:
        raise UsageError(t("acks.cli.not_configured"))
    return repo, config, history, t, acks.ledger(history.acknowledgements, config, history)


def _git(root: Path, *args: str) -> tuple[int, str, str]:
    from doccontrol.history.gitread import run_git_text  # refs/replace/* off

    result = run_git_text(root, args)
    return result.returncode, result.stdout.strip(), result.stderr.strip()


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def run_ack(args: argparse.Namespace, root: Path) -> int:

    from doccontrol import acks, standing
    from doccontrol.history.stored import StoredVersions

    repo, config, history, t, records = _state(root)
    today = approved_config(root, config, history).today()
    doc = history.documents.get(args.doc_id)
    if doc is None:
        raise UsageError(t("acks.cli.no_document", document=args.doc_id))
    with StoredVersions(repo.root) as meta_of:
        stand = standing.standing(doc, today, meta_of)
    if stand.state != "effective" or stand.in_force is None:
        raise UsageError(t("acks.cli.not_in_force", document=doc.id, state=t.text(stand.label_key)))
    version = stand.in_force.version
    if args.version and args.version != version:
        raise UsageError(
            t("acks.cli.wrong_version", document=doc.id, in_force=version, version=args.version)
        )
    _, email, _ = _git(root, "config", "user.email")
    if not email:
        raise UsageError(t("acks.cli.no_email"))
    person = config.person_by_email(email)
    if person is None:
        raise UsageError(t("acks.cli.unknown_person", email=email))
    names = stand.meta.get("distribution")
    listed = [str(n) for n in names] if isinstance(names, list) else []
    if person not in acks.distribution(config, listed):
        raise UsageError(
            t(
                "acks.cli.not_distributed",
                person=person.name,
                document=doc.id,
                distribution=", ".join(listed) or "-",
            )
        )
    if args.training and not any(
        r.type == "training" and r.id == args.training for r in repo.records
    ):
        raise UsageError(t("acks.cli.unknown_training", training=args.training))
    owed = acks.status(config, history, {doc.id: stand}, today, records)
    mine = next((o for d in owed for o in d.owed if o.person == person.id and o.done), None)
    if mine is not None:
        print(
            t(
                "acks.cli.already",
                person=person.name,
                day=mine.acknowledged,
                document=doc.id,
                version=mine.version,
                record=mine.record,
            )
        )
        return 0
    rid = acks.record_id(doc.id, version, person.id)
    rel = f"{acks.ACK_FOLDER}/{rid}.yaml"
    path = root / rel
    if path.exists() or path.is_symlink():
        # on main it is a record that does not count (ack-due says why); elsewhere (this
        # branch) it counts once it reaches main
        from doccontrol.history.gitread import exact_commit

        tip = exact_commit(root, f"refs/heads/{config.main_branch}")  # the branch, never a tag
        on_main = tip is not None and _git(root, "cat-file", "-e", f"{tip}:{rel}")[0] == 0
        raise UsageError(
            t("acks.cli.exists" if on_main else "acks.cli.exists-not-on-main", path=rel)
        )
    title = str(stand.meta.get("title") or doc.title)
    level = str(stand.meta.get("confidentiality") or "internal")
    from doccontrol.authoring import schema_modeline

    record_type = repo.record_types.get(acks.RECORD_TYPE)
    lines = [
        # as every record begins: editors check it against its schema while it is read
        *([schema_modeline(record_type)] if record_type is not None else []),
        f"id: {rid}",
        f"title: {_quoted(t('acks.cli.record_title', name=person.name, document=doc.id, title=title, version=version))}",
        # as confidential as the document it names: its id and title must not reach a reader
        # the document itself may not reach
        f"confidentiality: {level if config.level(level) else 'secret'}",
        f"person: {person.id}",
        f"document: {doc.id}",
        f"version: {_quoted(version)}",
        f"date: {today.isoformat()}",
        f"statement: {_quoted(t('acks.cli.statement'))}",
    ]
    if args.training:
        lines.append(f"training: {args.training}")
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"), within=root)
    message = t("acks.cli.commit_message", document=doc.id, version=version, name=person.name)
    code, _, error = _git(root, "add", "--", rel)
    if code == 0:
        commit = ["commit", "--quiet", "--no-verify", "-m", message, "--only", "--", rel]
        if config.approval.require_signed:
            commit.insert(1, "-S")  # git's own signing, with the key the user configured
        code, _, error = _git(root, *commit)
    if code != 0:
        # nothing half-done: no record left behind that no commit vouches for
        _git(root, "rm", "--cached", "--quiet", "--force", "--ignore-unmatch", "--", rel)
        path.unlink(missing_ok=True)
        raise UsageError(t("acks.cli.commit_failed", path=rel, error=error))
    _, sha, _ = _git(root, "rev-parse", "--short=10", "HEAD")
    print(t("acks.cli.committed", document=doc.id, version=version, path=rel, commit=sha))
    return 0


def run_ack_due(args: argparse.Namespace, root: Path) -> int:

    from doccontrol import acks, registers

    repo, config, history, t, records = _state(root)
    today = day_arg(args.today, "--today", root, approved_config(root, config, history))
    who = None
    if args.person:
        from doccontrol.cli.approve import _find_person

        who = _find_person(config, args.person)
        if who is None:
            raise UsageError(t("acks.cli.unknown_who", who=args.person))
    stands = registers.standings(repo, history, today)
    documents = acks.status(config, history, stands, today, records)
    rows = [
        o
        for d in documents
        for o in d.owed
        if (args.all or not o.done) and (who is None or o.person == who.id)
    ]
    found = acks.problems(records)
    if who is not None:
        found = [p for p in found if p.person == who.id]
    _print(rows, found, args.format, t, today)
    overdue = [o for o in rows if o.overdue]
    return 1 if args.fail_on == "overdue" and overdue else 0


HEADERS = (
    "acks.col.document",
    "acks.col.title",
    "acks.col.version",
    "acks.col.person",
    "acks.col.since",
    "acks.col.due",
    "acks.col.state",
    "acks.col.acknowledged",
    "acks.col.evidence",
)


def _cells(o: Owed, t: Catalogue) -> list[str]:
    from doccontrol.acks import evidence_label

    state = "done" if o.done else "overdue" if o.overdue else "open"
    return [
        o.document,
        o.title,
        o.version,
        f"{o.person_name} ({o.person})",
        o.since,
        o.due,
        t(f"acks.state.{state}"),
        o.acknowledged,
        evidence_label(o.evidence, t) if o.evidence else "",
    ]


def _print(
    rows: list[Owed],
    found: list[HistoryProblem],
    fmt: str,
    t: Catalogue,
    today: datetime.date,
) -> None:
    from doccontrol.cli.output import printable

    headers = [t(h) for h in HEADERS]
    if fmt == "json":
        print(
            dumps_json(
                {
                    "as_of": today.isoformat(),
                    "owed": [o.to_json() for o in rows],
                    "problems": [p.to_json() for p in found],
                }
            ),
            end="",
        )
    elif fmt == "csv":
        from doccontrol.spreadsheets import csv_text

        print(csv_text(tuple(headers), [_cells(o, t) for o in rows]), end="")
    elif rows:
        print(table(headers, [_cells(o, t) for o in rows]))
        open_rows = [o for o in rows if not o.done]
        print(
            t(
                "acks.cli.summary",
                owed=len(open_rows),
                overdue=sum(1 for o in open_rows if o.overdue),
            )
        )
    else:
        print(t("acks.cli.nothing_owed"))
    if fmt != "json":
        for problem in found:
            print(
                printable(f"{problem.document}: {problem.code} {problem.message}"), file=sys.stderr
            )
