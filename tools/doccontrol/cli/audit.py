"""``doccontrol audit-pack``: the evidence for a period in one verifiable zip."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    parse_date_arg,
    progress,
    require_extra,
    write_atomic,
)

if TYPE_CHECKING:  # annotations only (startup time)
    from pathlib import Path


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pack = commands.add_parser(
        "audit-pack", help="the evidence for a period in one deterministic zip, or --verify one"
    )
    pack.add_argument(
        "--from", dest="start", metavar="DATE", help="first day of the period (YYYY-MM-DD)"
    )
    pack.add_argument("--to", dest="end", metavar="DATE", help="last day of the period")
    pack.add_argument("-o", "--output", metavar="FILE.zip")
    pack.add_argument(
        "--max-confidentiality",
        metavar="LEVEL",
        help="highest level included (default: publish.max_confidentiality)",
    )
    pack.add_argument(
        "--site",
        metavar="DIR",
        help="built site to take each document's HTML from (default: site/ when it exists)",
    )
    pack.add_argument("--allow-shallow", action="store_true")
    pack.add_argument(
        "--verify", metavar="FILE.zip", help="check a pack against its manifest instead"
    )
    pack.set_defaults(run=run, without_repository=lambda args: bool(args.verify))


def run(args: argparse.Namespace, root: Path) -> int:
    import datetime
    from pathlib import Path

    from doccontrol import auditpack

    if args.verify:
        problems = auditpack.verify(Path(args.verify))
        for problem in problems:
            print(f"{args.verify}: {problem}")
        print(
            f"{args.verify}: {'intact' if not problems else f'{len(problems)} problems: NOT intact'}"
        )
        return 1 if problems else 0
    if not (args.start and args.end and args.output):
        raise UsageError("give --from DATE --to DATE -o FILE.zip (or --verify FILE.zip)")
    require_extra("openpyxl", "xlsx", "audit-pack (its register workbook)")
    start = datetime.date.fromisoformat(parse_date_arg(args.start, "--from") or "")
    end = datetime.date.fromisoformat(parse_date_arg(args.end, "--to") or "")
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    from doccontrol.cli.registers import xlsx_bytes
    from doccontrol.history.gitread import GitError, GitReader
    from doccontrol.history.load import load_history
    from doccontrol.load import repository

    repo = repository.load(root)
    config = repo.config
    if config is None:
        raise UsageError("doccontrol.yml has problems; run 'doccontrol check doccontrol.yml'")
    level = args.max_confidentiality or config.publish.max_confidentiality
    if config.level(level) is None:
        raise UsageError(
            f"unknown confidentiality level {level!r}; known: {', '.join(lvl.id for lvl in config.confidentiality)}"
        )
    site = Path(args.site) if args.site else root / "site"
    say = progress("audit-pack")
    try:
        history = load_history(
            root,
            config,
            allow_shallow=args.allow_shallow,
            progress=lambda n: say(f"history, {n} commits"),
        )
        with GitReader(root) as reader:
            files = auditpack.build(
                repo,
                config,
                history,
                reader,
                start,
                end,
                level,
                xlsx_bytes,
                site if site.is_dir() else None,
                say,
            )
    except GitError as exc:
        raise UsageError(str(exc)) from None
    say("")
    write_atomic(Path(args.output), auditpack.zip_bytes(files))
    print(f"wrote {args.output}: {len(files)} files for {start} — {end}", file=sys.stdout)
    return 0
