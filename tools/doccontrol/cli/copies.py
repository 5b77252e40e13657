"""``doccontrol pdf`` (a controlled or uncontrolled PDF copy of a document version) and
``recall-due`` (controlled copies to take back after a new version or a withdrawal)."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    approved_config,
    config_in_force,
    day_arg,
    dumps_json,
    parse_date_arg,
    require_extra,
    table,
    write_atomic,
)

if TYPE_CHECKING:  # the engine is imported by the commands that run it (startup time)
    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config
    from doccontrol.history.model import HistoryProblem


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    pdf = commands.add_parser("pdf", help=t("cli.help.pdf"))
    pdf.add_argument("doc_id", metavar=t("cli.metavar.DOC_ID"))
    pdf.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=t("cli.metavar.FILE.pdf"),
        help=t("cli.help.output"),
    )
    pdf.add_argument("--as-of", metavar=t("cli.metavar.DATE"), help=t("cli.help.pdf.as-of"))
    pdf.add_argument(
        "--copy",
        metavar="N",
        help=t("cli.help.pdf.copy"),
    )
    pdf.add_argument("--holder", metavar=t("cli.metavar.WHO"), help=t("cli.help.pdf.holder"))
    pdf.add_argument(
        "--max-confidentiality",
        metavar=t("cli.metavar.LEVEL"),
        help=t("cli.help.pdf.max-confidentiality"),
    )
    pdf.set_defaults(run=run_pdf)
    recall = commands.add_parser("recall-due", help=t("cli.help.recall-due"))
    recall.add_argument(
        "--today", metavar=t("cli.metavar.DATE"), help=t("cli.help.recall-due.today")
    )
    recall.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help=t("cli.help.format")
    )
    recall.add_argument(
        "--fail-on", choices=("outstanding",), help=t("cli.help.recall-due.fail-on")
    )
    recall.set_defaults(run=run_recall_due)


def _catalogue(config: Config | None) -> Catalogue:
    from doccontrol import catalogue

    return catalogue.load(catalogue.language_for(config.language if config else None))


def run_pdf(args: argparse.Namespace, root: Path) -> int:
    for module in ("weasyprint", "markdown", "nh3", "jinja2"):
        require_extra(module, "pdf", "doccontrol pdf")
    from doccontrol import publishing
    from doccontrol.approved_images import (
        approved_reader,
        brought_by_hidden,
        embedded,
        picture_standings,
    )
    from doccontrol.cli.registers import loaded, names_config
    from doccontrol.history.gitread import GitReader
    from doccontrol.history.stored import StoredVersions
    from doccontrol.pdf import facts as pdf_facts
    from doccontrol.pdf.mermaid import DEFAULT_MERMAID, Mermaid
    from doccontrol.pdf.render import render
    from doccontrol.publishing import level_allowed

    output = Path(args.output)
    repo, history = loaded(root)
    config = repo.config
    assert config is not None
    # a copy carries the approved names and labels, as the register does (said on stderr)
    names = names_config(root, repo, history)
    day = day_arg(args.as_of, "--as-of", root, names)
    t = _catalogue(names)
    if output.suffix.lower() != ".pdf":
        raise UsageError(t.text("pdf.error.output"))
    if history is None:
        raise UsageError(
            t.text("pdf.error.no_document", doc=args.doc_id, branch=config.main_branch)
        )
    # the limit as approved on main, as the site and the audit pack take it: a raised
    # publish.max_confidentiality nobody approved publishes nothing higher; the levels are
    # ranked by the configuration in force too (a direct commit could list `secret` first)
    judged = config_in_force(root, config, history)
    limit = args.max_confidentiality or publishing.approved_limit(judged, history.events)[0]
    if judged.level(limit) is None:
        raise UsageError(t.text("pdf.error.level_unknown", level=limit))
    hidden = pdf_facts.hidden_ids(repo, history, limit, judged)
    reader = GitReader(root)
    try:
        with StoredVersions(root) as meta_of:
            # what the site holds back on that day (a version not in force yet that redrew a
            # chart this text shows) is held back from the copy too
            where = embedded(
                history,
                picture_standings(history, day, meta_of),
                day,
                meta_of.shown_images,
                meta_of.body_at,
            )
            found = pdf_facts.gather(
                repo=repo,
                history=history,
                reader=reader,
                doc_id=args.doc_id,
                day=day,
                limit=limit,
                t=t,
                copy_number=args.copy,
                holder=args.holder,
                meta_of=meta_of,
                names=names,
                judged=judged,
                hidden=hidden,
            )
        with Mermaid(root / DEFAULT_MERMAID) as mermaid:
            # a picture whose bytes a hidden document's approval brought stays out (round 98)
            hidden_at = brought_by_hidden(
                reader, history, hidden, lambda level: level_allowed(judged, level, limit)
            )
            read = approved_reader(reader, where, found.commit, hidden_at)
            result = render(found, t, read, mermaid)
    except pdf_facts.Refused as exc:
        raise UsageError(exc.text(t)) from None
    finally:
        reader.close()
    for warning in result.warnings:
        print(t.text("pdf.warning", doc=found.doc_id, text=warning), file=sys.stderr)
    write_atomic(output, result.data, root)
    stamp = (
        f"{t.text('pdf.stamp.controlled')} {found.stamp.copy_number} {found.stamp.holder}"
        if found.stamp.controlled
        else t.text("pdf.stamp.uncontrolled")
    )
    print(
        t.text(
            "pdf.wrote",
            file=str(output),
            doc=found.doc_id,
            version=found.version,
            stamp=stamp,
            pages=str(result.pages),
        )
    )
    return 0


def recall_rows(
    root: Path, given: str | None
) -> tuple[Config, datetime.date, list[dict[str, object]], list[HistoryProblem]]:
    """The recall list as of the day ``--today`` gives (else today; JSON-ready rows) from the
    distribution records on the main branch, and the problems of changes to them that do not
    count."""
    from doccontrol import copies, registers
    from doccontrol.cli.registers import loaded
    from doccontrol.history.stored import StoredVersions

    repo, history = loaded(root)
    config = repo.config
    assert config is not None
    if history is None:
        raise UsageError("cli.error.recall-needs-git", branch=config.main_branch)
    day = day_arg(given, "--today", root, approved_config(root, config, history))
    stands = registers.standings(repo, history, day)
    found = copies.ledger(history, config)  # the records on main, judged by who wrote them
    with StoredVersions(root) as stored:
        due = copies.recall_due(found.copies, stands, day, history, stored)
    return config, day, [d.to_json() for d in due], list(found.problems)


def run_recall_due(args: argparse.Namespace, root: Path) -> int:
    from doccontrol import copies

    parse_date_arg(args.today, "--today")  # a bad date is refused before any work
    config, day, rows, problems = recall_rows(root, args.today)
    t = _catalogue(config)
    _print_problems(problems, config, t)
    failed = bool(rows) and args.fail_on == "outstanding"
    if args.format == "json":
        print(dumps_json(rows), end="")
        return 1 if failed else 0
    headers = t.headers("recall.col", copies.RECALL_COLUMNS)
    cells = [recall_cells(row, t) for row in rows]
    if args.format == "csv":
        from doccontrol.spreadsheets import csv_text

        print(csv_text(headers, cells), end="")
        return 1 if failed else 0
    if rows:
        print(table(headers, cells))
    print(t.count("recall.summary", len(rows), day=day.isoformat()))
    return 1 if failed else 0


def recall_cells(row: dict[str, object], t: Catalogue) -> list[str]:
    return [
        str(row["document"]),
        str(row["copy_number"]),
        str(row["holder_name"]),
        str(row["version"]),
        str(row["issued"]),
        str(row["record"]),
        t.text(f"recall.reason.{row['reason']}"),
        str(row["current_version"]) or "—",
        str(row["since"]),
        str(row["days"]),
    ]


def _print_problems(problems: list[HistoryProblem], config: Config, t: Catalogue) -> None:
    """Changes to distribution records that do not count, on stderr (the list stays the
    list in every format)."""
    from doccontrol.cli.output import printable
    from doccontrol.problems import names_for

    names = names_for(config)
    for problem in problems:
        print(
            printable(f"{problem.document}: {problem.code} {problem.text(t, names)}"),
            file=sys.stderr,
        )
