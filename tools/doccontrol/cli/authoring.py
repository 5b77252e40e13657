"""``doccontrol new``, ``new-record`` and ``bump``: what authors run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    day_arg,
    org_today,
    parse_date_arg,
    printable,
    speech,
    write_atomic,
)

if TYPE_CHECKING:  # the core is imported by the commands that run it (startup time)
    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config
    from doccontrol.load.repository import Repository


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    new = commands.add_parser("new", help=t("cli.help.new"))
    new.add_argument(
        "type",
        metavar=t("cli.metavar.TYPE"),
        help=t("cli.help.new.type"),
    )
    new.add_argument("title", metavar=t("cli.metavar.TITLE"), help=t("cli.help.new.title"))
    new.add_argument(
        "--owner",
        metavar=t("cli.metavar.DEPT"),
        help=t("cli.help.new.owner"),
    )
    new.add_argument(
        "--parent",
        type=int,
        default=0,
        metavar="N",
        help=t("cli.help.new.parent"),
    )
    new.add_argument("--path", metavar=t("cli.metavar.FILE"), help=t("cli.help.new.path"))
    new.set_defaults(run=run_new)
    record = commands.add_parser("new-record", help=t("cli.help.new-record"))
    record.add_argument("type", metavar=t("cli.metavar.TYPE"), help=t("cli.help.new-record.type"))
    record.add_argument("--date", metavar=t("cli.metavar.DATE"), help=t("cli.help.new-record.date"))
    record.set_defaults(run=run_new_record)
    bump = commands.add_parser("bump", help=t("cli.help.bump"))
    bump.add_argument("doc_id", metavar=t("cli.metavar.DOC_ID"))
    kind = bump.add_mutually_exclusive_group()
    for flag in ("minor", "major", "revision", "edition"):
        kind.add_argument(
            f"--{flag}",
            dest="kind",
            action="store_const",
            const=flag,
            help=t(f"cli.help.bump.{flag}"),
        )
    bump.add_argument(
        "--effective",
        metavar=t("cli.metavar.DATE"),
        help=t("cli.help.bump.effective"),
    )
    bump.add_argument(
        "--keep-version",
        action="store_true",
        help=t("cli.help.bump.keep-version"),
    )
    bump.set_defaults(run=run_bump)


def _repo(root: Path) -> tuple[Repository, Config]:
    from doccontrol.load import repository

    repo = repository.load(root, only=set())
    if repo.config is None:
        raise UsageError("cli.error.config-problems")
    return repo, repo.config


def _my_department(root: Path, config: Config) -> str | None:
    from doccontrol.history.gitread import run_git_text

    email = run_git_text(root, ["config", "user.email"]).stdout.strip()
    person = config.person_by_email(email) if email else None
    return person.department if person else None


def _unprintable(text: str) -> bool:
    """Whether ``text`` holds a control character (a line break and a tab too), a line or
    paragraph separator, or a format character (bidi controls, zero widths): what printable()
    would escape, and what is no part of a one-line title."""
    return printable(text) != text or any(c in text for c in "\t\n\u2028\u2029")


def run_new(args: argparse.Namespace, root: Path) -> int:
    from pathlib import Path

    from doccontrol import authoring, versions
    from doccontrol.authoring import AuthoringError

    if _unprintable(args.title):
        # a line break would end the front matter's line, an escape or a right-to-left
        # override would be obeyed wherever the title is shown: refused, nothing written
        raise UsageError("cli.error.title-control", title=repr(args.title))
    repo, config = _repo(root)
    doc_type = config.document_types.get(args.type)
    if doc_type is None:
        raise UsageError(
            "cli.error.unknown-document-type",
            type=repr(args.type),
            known=", ".join(config.document_types),
        )
    owner = args.owner or _my_department(root, config) or next(iter(config.departments))
    if owner not in config.departments:
        raise UsageError(
            "cli.error.unknown-department",
            department=repr(owner),
            known=", ".join(config.departments),
        )
    if "{parent" in doc_type.id_format and not args.parent:
        raise UsageError("cli.error.needs-parent", type=doc_type.label)
    taken = {d.id for d in repo.documents if d.id}
    try:
        doc_id = authoring.next_id(
            doc_type.id_format, doc_type.id_pattern, taken, org_today(root).year, args.parent
        )
    except AuthoringError as exc:
        raise UsageError(exc.text(speech(config, repo.record_types, root).cat)) from None
    path = Path(args.path) if args.path else root / doc_type.folder / f"{doc_id.lower()}.md"
    if path.exists():
        raise UsageError("cli.error.exists", path=str(path))
    write_atomic(
        path,
        authoring.new_document_text(doc_type, doc_id, args.title, owner).encode("utf-8"),
        within=root,
    )
    shown = path.resolve().relative_to(root) if path.resolve().is_relative_to(root) else path
    say = speech(config, repo.record_types, root)
    version = versions.FIRST_DRAFT[doc_type.version_scheme]
    print(say("authoring.created", id=doc_id, title=args.title, version=version, path=str(shown)))
    return 0


def run_new_record(args: argparse.Namespace, root: Path) -> int:

    from doccontrol import authoring
    from doccontrol.authoring import AuthoringError

    repo, config = _repo(root)
    say = speech(config, repo.record_types, root)
    record_type = repo.record_types.get(args.type)
    if record_type is None:
        raise UsageError(
            "cli.error.unknown-record-type",
            type=repr(args.type),
            known=", ".join(sorted(repo.record_types)),
        )
    day = day_arg(args.date, "--date", root)
    taken = set(repo.record_files.get(args.type, {}))
    try:
        record_id = authoring.next_id(
            record_type.id_format, record_type.id_pattern, taken, day.year, after_max=True
        )
    except AuthoringError as exc:
        raise UsageError(exc.text(say.cat, say.names)) from None
    path = root / "records" / args.type / f"{record_id}.yaml"
    write_atomic(
        path, authoring.new_record_text(record_type, record_id, day).encode("utf-8"), within=root
    )
    print(say("authoring.created-record", id=record_id, path=str(path.relative_to(root))))
    return 0


def run_bump(args: argparse.Namespace, root: Path) -> int:
    from doccontrol import authoring, versions
    from doccontrol.authoring import AuthoringError

    repo, config = _repo(root)
    say = speech(config, repo.record_types, root)
    document = repo.document(args.doc_id)
    if document is None:
        # a document that cannot be read has no id to find it by: say why it cannot be read
        unread = [p.format(say.cat, say.names) for p in repo.problems if p.path.startswith("docs/")]
        if unread:
            raise UsageError(
                "cli.error.no-document-unread", id=args.doc_id, problems="; ".join(unread[:5])
            )
        raise UsageError("cli.error.no-document", id=args.doc_id)
    doc_type = config.document_types.get(document.type or "")
    if doc_type is None:
        raise UsageError(
            "cli.error.type-not-configured", path=document.path, type=repr(document.type)
        )
    if args.keep_version and (args.kind or not args.effective):
        raise UsageError("cli.error.keep-version")
    effective = parse_date_arg(args.effective, "--effective") if args.effective else None
    path = root / document.path
    text = path.read_bytes().decode("utf-8")
    try:
        if args.keep_version:
            new_text, old, new = text, document.version or "", document.version or ""
        else:
            kind: versions.BumpKind = args.kind or (
                "minor" if doc_type.version_scheme == "decimal" else "revision"
            )
            new_text, old, new = authoring.bump_front_matter(
                text, document.path, doc_type.version_scheme, kind
            )
        if effective is not None:
            _check_effective(root, config, document.path, args.doc_id, new, effective)
            new_text = authoring.set_front_matter(
                new_text, document.path, "effective_date", effective
            )
    except AuthoringError as exc:
        raise UsageError(exc.text(say.cat, say.names)) from None
    write_atomic(path, new_text.encode("utf-8"), within=root)
    bumped = {"id": args.doc_id, "old": old, "new": new, "path": document.path}
    if effective is not None:
        print(say("authoring.bumped.effective", **bumped, effective=effective))
    else:
        print(say("authoring.bumped", **bumped))
        current = str(document.meta.get("effective_date") or say("authoring.no-date"))
        print(
            say("authoring.effective-unchanged", current=current, id=args.doc_id), file=sys.stderr
        )
    return 0


def _check_effective(
    root: Path, config: Config, path: str, doc_id: str, version: str, effective: str
) -> None:
    """A date the new version can take effect on: not before today (it is not approved yet)
    and not before the version on the main branch took effect."""

    from doccontrol.authoring import AuthoringError
    from doccontrol.history import stored
    from doccontrol.history.gitread import GitError, GitReader
    from doccontrol.history.rules import effective_verdict, meta_day

    today = org_today(root).isoformat()
    previous, previous_version = "", ""
    try:
        with GitReader(root) as reader:
            _, tip = reader.resolve_branch(config.main_branch)
            data = reader.read_file_at(tip, path)
    except GitError:
        data = None
    if data is not None:
        meta = stored.front_matter(data)
        previous_version = str(meta.get("version") or "")
        if meta.get("status") == "effective" and previous_version != version:
            previous = meta_day(meta, "effective_date")
    reason = effective_verdict(doc_id, version, effective, previous_version, previous, today)
    if reason:
        raise AuthoringError(reason)
