"""``doccontrol audit-pack``: the evidence for a period in one verifiable zip."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    config_in_force,
    parse_date_arg,
    progress,
    require_extra,
    speech,
    write_atomic,
)

if TYPE_CHECKING:  # annotations only (startup time)
    from doccontrol import auditpack
    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config
    from doccontrol.load.repository import Repository


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    pack = commands.add_parser("audit-pack", help=t("cli.help.audit-pack"))
    pack.add_argument(
        "--from", dest="start", metavar=t("cli.metavar.DATE"), help=t("cli.help.audit-pack.from")
    )
    pack.add_argument(
        "--to", dest="end", metavar=t("cli.metavar.DATE"), help=t("cli.help.audit-pack.to")
    )
    pack.add_argument(
        "-o", "--output", metavar=t("cli.metavar.FILE.zip"), help=t("cli.help.output")
    )
    pack.add_argument(
        "--max-confidentiality",
        metavar=t("cli.metavar.LEVEL"),
        help=t("cli.help.audit-pack.max-confidentiality"),
    )
    pack.add_argument(
        "--site",
        metavar=t("cli.metavar.DIR"),
        help=t("cli.help.audit-pack.site"),
    )
    pack.add_argument(
        "--allow-shallow", action="store_true", help=t("cli.help.audit-pack.allow-shallow")
    )
    pack.add_argument(
        "--sign",
        metavar=t("cli.metavar.KEY"),
        help=t("cli.help.audit-pack.sign"),
    )
    pack.add_argument(
        "--verify",
        metavar=t("cli.metavar.FILE.zip"),
        help=t("cli.help.audit-pack.verify"),
    )
    pack.add_argument(
        "--allowed-signers",
        metavar=t("cli.metavar.FILE"),
        help=t("cli.help.audit-pack.allowed-signers"),
    )
    pack.add_argument(
        "--require-signed",
        action="store_true",
        help=t("cli.help.audit-pack.require-signed"),
    )
    pack.set_defaults(run=run, without_repository=lambda args: bool(args.verify))


def run(args: argparse.Namespace, root: Path) -> int:
    import datetime
    from pathlib import Path

    from doccontrol import auditpack, publishing
    from doccontrol.config import CONFIG_FILE

    if args.verify:
        return verify(args)
    if args.allowed_signers or args.require_signed:
        raise UsageError("cli.error.audit.verify-options")
    if not (args.start and args.end and args.output):
        raise UsageError("cli.error.audit.usage")
    require_extra("openpyxl", "xlsx", "audit-pack (register.xlsx)")
    start = datetime.date.fromisoformat(parse_date_arg(args.start, "--from") or "")
    end = datetime.date.fromisoformat(parse_date_arg(args.end, "--to") or "")
    if end < start:
        raise UsageError("cli.error.audit.period", end=str(end), start=str(start))
    from doccontrol.history.gitread import GitError, GitReader
    from doccontrol.history.load import load_history
    from doccontrol.load import repository
    from doccontrol.spreadsheets import workbook

    repo = repository.load(root)
    config = repo.config
    if config is None:
        raise UsageError("cli.error.config-problems")
    if args.max_confidentiality and config.level(args.max_confidentiality) is None:
        raise UsageError(
            "cli.error.unknown-level",
            level=repr(args.max_confidentiality),
            known=", ".join(lvl.id for lvl in config.confidentiality),
        )
    site = Path(args.site) if args.site else root / "site"
    say = progress("audit-pack")
    talk = speech(config, repo.record_types, root)
    try:
        history = load_history(
            root,
            config,
            allow_shallow=args.allow_shallow,
            progress=lambda n: say(talk.count("pack.progress.history", n)),
        )
        _records_as_on_main(root, repo, history.branch, history.head)
        # duties (acknowledgements owed, record problems), names and the publishing level are
        # judged by the rules in force on main, never by the work tree's file or a direct
        # commit nobody approved
        judged = config_in_force(root, config, history)
        # the default level is the approved one, as for the site (fails closed)
        level, lowered = publishing.approved_limit(judged, history.events)
        if args.max_confidentiality:
            level = args.max_confidentiality
        elif lowered:
            print(
                talk("cli.audit.config-pending", config=CONFIG_FILE, level=level),
                file=sys.stderr,
            )
        # record types whose schema in the work tree may not be the one in force: left out
        # (a direct commit could repoint a hidden procedure's type, or lower its records' level)
        unsettled = publishing.unsettled_record_types(root, history, repo.record_types)
        if unsettled:
            types = ", ".join(publishing.printable_path(t) for t in sorted(unsettled))
            print(talk("cli.audit.schemas-unsettled", types=types), file=sys.stderr)
        # the site's pages only when its build stamp vouches for this head, end day and level
        pages = auditpack.site_pages(
            repo, judged, history, level, site if site.is_dir() else None, end.isoformat()
        )
        html_note = auditpack.html_line(pages, talk.cat)
        if not pages.usable and pages.reason != "no-site":
            print(talk("cli.audit.html-left-out", note=html_note), file=sys.stderr)
        with GitReader(root) as reader:
            files = auditpack.build(
                repo,
                judged,
                history,
                reader,
                start,
                end,
                level,
                workbook,
                pages,
                say,
                talk.cat,
                unsettled=unsettled,
            )
    except GitError as exc:
        raise UsageError(exc.key, **exc.values) from None
    say("")
    info = auditpack.PackInfo(
        history.head,
        config.main_branch,
        start.isoformat(),
        end.isoformat(),
        level,
        pages.reason,
        html_note,
    )
    key = Path(args.sign) if args.sign else None
    if key is not None and not key.is_file():
        raise UsageError("cli.error.no-key-file", option="--sign", path=str(key))
    try:
        files = auditpack.seal(files, info, key)
    except auditpack.PackError as exc:
        raise UsageError(talk.msg(exc.message)) from None
    write_atomic(Path(args.output), auditpack.zip_bytes(files), root)
    wrote = {
        "path": args.output,
        "files": talk.count("cli.count.files", len(files)),
        "start": str(start),
        "end": str(end),
    }
    if key is not None:
        print(talk("pack.wrote.signed", **wrote, key=str(key)))
    else:
        print(talk("pack.wrote", **wrote))
    return 0


def verify(args: argparse.Namespace) -> int:
    """Exit 0: intact (signed by a trusted key, or unsigned without --require-signed);
    1: anything wrong, a bad or unknown signature, or a head no longer on the main branch;
    2: usage (an allowed-signers file that cannot be read, no ssh-keygen)."""
    from doccontrol import auditpack

    pack = Path(args.verify)
    if not pack.exists():  # nothing to judge: a usage error, like a missing signers file
        raise UsageError("cli.error.no-pack", path=str(pack))
    repo_root, config = _repository(args)
    talk = speech(config, None, repo_root)
    try:
        signers = (
            Path(args.allowed_signers).read_text(encoding="utf-8") if args.allowed_signers else None
        )
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            "cli.error.unreadable-option-file",
            option="--allowed-signers",
            path=args.allowed_signers,
            reason=str(exc),
        ) from None
    signing_config = config
    try:
        verdict = auditpack.verify(pack)
        origin = None
        if repo_root is not None and config is not None and verdict.info is not None:
            origin = auditpack.provenance(repo_root, config.main_branch, verdict.info)
        if signers is None and config is not None:
            # keys as they stood when the pack was made: the last APPROVED config as of its
            # head, once that head is known to be on the main branch (a key a direct push
            # planted was never in force); the work tree's config otherwise
            if origin is not None and origin.on_main and repo_root is not None:
                signing_config = _approved_config(repo_root, config, verdict.info)
            signers = auditpack.allowed_signers(signing_config or config)
        sig = auditpack.signed_by(verdict, signers)
    except auditpack.PackError as exc:
        raise UsageError(talk.msg(exc.message)) from None

    problems = list(verdict.problems)
    said = [talk.msg(problem) for problem in problems]
    info = verdict.info
    if info is not None:
        said.append(
            talk(
                "pack.verify.made-from",
                branch=info.branch,
                head=info.head[:10],
                start=info.start,
                end=info.end,
                level=info.max_confidentiality,
            )
        )
    if origin is not None:
        said.append(talk.msg(origin.message))
        if not origin.on_main:
            problems.append(origin.message)
    elif repo_root is None and info is not None:
        said.append(talk("pack.verify.outside", head=info.head[:10]))
    failed_signature = False
    file = auditpack.SIGNATURE
    if not verdict.manifest:
        pass  # refused before the manifest was read: nothing to say about a signature
    elif sig.status == "good":
        said.append(talk("pack.verify.signed-by", signer=_signer(sig, signing_config), key=sig.key))
    elif sig.status == "bad":
        failed_signature = True
        said.append(talk("pack.verify.bad-signature", file=file, detail=sig.detail or ""))
    elif sig.status == "unknown-key":
        failed_signature = True
        key = sig.key or talk("pack.verify.unknown-key.none")
        if sig.detail:
            said.append(
                talk("pack.verify.unknown-key.detail", file=file, key=key, detail=sig.detail)
            )
        else:
            said.append(talk("pack.verify.unknown-key", file=file, key=key))
    elif sig.status == "not-checked":
        said.append(talk("pack.verify.not-checked"))
    else:
        said.append(talk("pack.verify.unsigned"))
    unsigned_fails = args.require_signed and sig.status in ("unsigned", "not-checked")
    unsigned_fails = unsigned_fails and bool(verdict.manifest)
    # each line names the pack first, as compilers name a file: a machine-readable prefix
    for line in said:
        print(f"{pack}: {line}")
    count = len(problems) + failed_signature
    if count:
        print(f"{pack}: {talk.count('pack.verify.not-intact', count)}")
        return 1
    state = {"good": "signed", "not-checked": "not-checked"}.get(sig.status, "unsigned")
    if unsigned_fails:  # the contents match, but the signature asked for is missing or unchecked
        print(f"{pack}: {talk(f'pack.verify.intact.{state}.required')}")
        return 1
    print(f"{pack}: {talk(f'pack.verify.intact.{state}')}")
    return 0


def _records_as_on_main(root: Path, repo: Repository, branch: str, head: str) -> None:
    """The pack holds the records as the main branch has them at ``head`` (PACK.json names
    it); they are read from the work tree, so one the loader read that main does not hold
    there (never committed, or ignored by git), or a record changed or removed since, is
    refused rather than packed as the branch's."""
    from doccontrol.history.gitread import run_git

    changed = run_git(root, ["diff", "--name-only", "-z", "--no-renames", head, "--", "records"])
    held = run_git(
        root, ["ls-tree", "-r", "-z", "--name-only", "--full-name", head, "--", "records"]
    )
    prefix = run_git(root, ["rev-parse", "--show-prefix"]).stdout.decode().strip()
    at_head = {
        p.decode("utf-8", "surrogateescape").removeprefix(prefix)
        for p in held.stdout.split(b"\0")
        if p
    }
    paths = sorted(
        {p.decode("utf-8", "backslashreplace") for p in changed.stdout.split(b"\0") if p}
        | {r.path for r in repo.records if r.path not in at_head}
    )
    if paths:
        shown = ", ".join(paths[:5]) + (" …" if len(paths) > 5 else "")
        raise UsageError(
            "cli.audit.records-differ", n=len(paths), branch=branch, head=head[:10], paths=shown
        )


def _approved_config(root: Path, config: Config, info: auditpack.PackInfo | None) -> Config:
    """The configuration in force at the pack's head as history judged it; with no history
    to judge by, one that trusts no key (fail closed)."""
    from dataclasses import replace

    from doccontrol import auditpack
    from doccontrol.history.gitread import GitError
    from doccontrol.history.load import load_history

    nobody = replace(config, people=())
    if info is None:
        return nobody
    try:
        history = load_history(root, config)
    except GitError:
        return nobody
    found, _ = auditpack.approved_config_at(root, info.head, history)
    return found or nobody


def _signer(sig: auditpack.SignatureCheck, config: Config | None) -> str:
    """The person who signed: by principal (a person id in the repository's allowed signers)
    or by the key's fingerprint (an auditor's own allowed-signers file)."""
    from doccontrol.history.signatures import ssh_fingerprint

    for person in config.people if config else ():
        keys = {ssh_fingerprint(key) for key in person.signing_keys}
        if person.id == sig.principal or sig.key in keys:
            return f"{person.name} ({person.id})"
    return sig.principal


def _repository(args: argparse.Namespace) -> tuple[Path | None, Config | None]:
    """The repository --verify runs in, and its configuration; (None, None) outside one."""
    from doccontrol.config import CONFIG_FILE
    from doccontrol.load import repository

    try:
        root = repository.find_root(Path(args.repo) if args.repo else Path.cwd())
    except repository.RepositoryError:
        return None, None
    config = repository.load_config((root / CONFIG_FILE).read_bytes())[0]
    if config is None:
        raise UsageError("cli.error.config-problems")
    return root, config
