"""``doccontrol show --as-of``, ``diff`` and ``check-versions`` (the version-bump hook)."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.cli.output import (
    UsageError,
    day_arg,
    parse_date_arg,
    print_problems,
    speech,
    write_atomic,
)
from doccontrol.history.gitread import exact_commit, run_git, run_git_text  # refs/replace/* off

if TYPE_CHECKING:  # the engine is imported by the commands that run it (startup time)
    from doccontrol import standing
    from doccontrol.catalogue import Catalogue
    from doccontrol.history.gitread import GitReader
    from doccontrol.history.model import Revision


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    show = commands.add_parser("show", help=t("cli.help.show"))
    show.add_argument("doc_id", metavar=t("cli.metavar.DOC_ID"))
    show.add_argument(
        "--as-of", required=True, metavar=t("cli.metavar.DATE"), help=t("cli.help.show.as-of")
    )
    show.set_defaults(run=run_show)
    diff = commands.add_parser("diff", help=t("cli.help.diff"))
    diff.add_argument("doc_id", metavar=t("cli.metavar.DOC_ID"))
    diff.add_argument("old", metavar=t("cli.metavar.V1"))
    diff.add_argument("new", metavar=t("cli.metavar.V2"))
    diff.set_defaults(run=run_diff)
    hook = commands.add_parser(
        "check-versions",
        help=t("cli.help.check-versions"),
    )
    hook.add_argument("paths", nargs="*", metavar=t("cli.metavar.PATH"))
    hook.set_defaults(run=run_check_versions)
    base = commands.add_parser(
        "baseline",
        help=t("cli.help.baseline"),
    )
    base.add_argument("--branch", metavar=t("cli.metavar.NAME"), help=t("cli.help.baseline.branch"))
    base.add_argument(
        "--legacy",
        metavar=t("cli.metavar.FILE"),
        help=t("cli.help.baseline.legacy"),
    )
    base.add_argument("--date", metavar=t("cli.metavar.DATE"), help=t("cli.help.baseline.date"))
    base.set_defaults(run=run_baseline)


def _reader(root: Path) -> GitReader:
    from doccontrol.history.gitread import GitError, GitReader

    try:
        return GitReader(root)
    except GitError as exc:
        raise UsageError(exc.key, **exc.values) from None


def run_show(args: argparse.Namespace, root: Path) -> int:

    from doccontrol import standing
    from doccontrol.cli.history import history_for
    from doccontrol.history import content
    from doccontrol.history.stored import StoredVersions

    day = datetime.date.fromisoformat(parse_date_arg(args.as_of, "--as-of") or "")
    history = history_for(root, allow_shallow=False)
    doc = history.documents.get(args.doc_id)
    if doc is None:
        raise UsageError("cli.error.no-document-in-history", id=args.doc_id, branch=history.branch)
    with StoredVersions(root) as meta_of:
        stand = standing.standing(doc, day, meta_of)
    if stand.shown is None or stand.described is None:
        first = standing.first_day(doc)
        if first:
            raise UsageError("cli.error.not-in-force-first", id=args.doc_id, day=day, first=first)
        raise UsageError("cli.error.not-in-force", id=args.doc_id, day=day)
    if stand.text_swapped or stand.ended_unissued:
        # the text of the approval that ended it was never in force: changed at its version
        # while in force (DC511), or an approved text that had not taken effect yet
        ended = datetime.date.fromisoformat(standing.effective_from(stand.shown))
        raise UsageError(
            "cli.error.text-swapped" if stand.text_swapped else "cli.error.text-unissued",
            id=args.doc_id,
            state=_texts(root).text(stand.label_key).lower(),
            version=stand.shown.version,
            since=ended.isoformat(),
            before=(ended - datetime.timedelta(days=1)).isoformat(),
        )
    # the text and front matter the register describes (a periodic review's, approved since)
    revision = stand.described
    with _reader(root) as reader:
        text = content.text_at(reader, revision)
    if text is None:
        raise UsageError("cli.error.unreadable-at", path=revision.path, commit=revision.commit[:10])
    t = _texts(root)
    # the title of the version shown, as the register gives it: never a later change's
    title = str(stand.meta.get("title") or doc.title)
    print(f"# {doc.id} {title} — {_state_line(stand, t)}")
    # who vouches for it, as the control block and a copy say (standing.vouched_by): the
    # version's own approval, or a later one of it (the adoption baseline, a periodic review)
    approval = stand.vouched_by or stand.shown
    print(
        t.text(
            "cli.show.version",
            version=stand.shown.version,
            evidence=_evidence(approval, t),
            commit=(approval.commit or revision.commit)[:10],  # a paper approval has no commit
            path=revision.path,
        )
    )
    if stand.upcoming is not None and stand.in_force is not None:
        print(
            t.text(
                "cli.show.upcoming",
                version=stand.upcoming.version,
                since=stand.upcoming_from,
                approved=stand.upcoming.date[:10],
            )
        )
    if stand.unapproved:
        commits = t.join(r.commit[:10] for r in stand.unapproved)
        print(t.text("cli.show.unapproved", commits=commits))
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


def _state_line(stand: standing.Standing, t: Catalogue) -> str:
    """What the shown version was on the day, named truthfully (草稿 is never 有效)."""
    from doccontrol import standing

    since = {"effective": stand.in_force_from, "pending": stand.upcoming_from}.get(stand.state)
    state: str = stand.state if stand.state in _STATES else "unapproved"
    if stand.label_key == standing.PENDING_BASELINE:
        state = "pending-baseline"
    return t.text(f"cli.show.state.{state}", day=stand.day, since=since or "")


_STATES = ("effective", "pending", "draft", "obsolete", "withdrawn")


def _evidence(revision: Revision, t: Catalogue) -> str:
    date = revision.date[:10]
    if revision.kind == "baseline" and not revision.approvers:
        return t.text("cli.show.evidence.baseline", date=date)
    if not revision.approved:
        return t.text("cli.show.evidence.unapproved", date=date)
    approvers = t.join(p.name for p in revision.approvers) or "—"
    mr = revision.merge_request.label if revision.merge_request else "—"
    return t.text("cli.show.evidence.approved", approvers=approvers, date=date, mr=mr)


def _texts(root: Path) -> Catalogue:
    """The catalogue in the repository's language (doccontrol.yml's line, else the locale)."""
    from doccontrol import catalogue
    from doccontrol.cli.output import configured_language

    return catalogue.load(catalogue.language_for(configured_language(root)))


def _body(text: str, path: str) -> str:
    from doccontrol.load.frontmatter import FrontMatterSplit, split

    parts = split(path, text)
    return parts.body if isinstance(parts, FrontMatterSplit) else text


def run_diff(args: argparse.Namespace, root: Path) -> int:
    from doccontrol.cli.history import history_for
    from doccontrol.history import content

    history = history_for(root, allow_shallow=False)
    doc = history.documents.get(args.doc_id)
    if doc is None:
        raise UsageError("cli.error.no-document-in-history", id=args.doc_id, branch=history.branch)
    with_text = [
        r for r in ([doc.baseline] if doc.baseline else []) + list(doc.revisions) if r.commit
    ]
    known = ", ".join(dict.fromkeys(r.version for r in with_text))
    old, new = content.with_version(doc, args.old), content.with_version(doc, args.new)
    for wanted, found in ((args.old, old), (args.new, new)):
        if found is None:
            raise UsageError(
                "cli.error.no-such-version", id=args.doc_id, version=wanted, known=known
            )
    assert old is not None and new is not None
    with _reader(root) as reader:
        old_text, new_text = content.text_at(reader, old), content.text_at(reader, new)
    if old_text is None or new_text is None:
        raise UsageError("cli.error.version-unreadable")
    changes = content.section_changes(_body(old_text, old.path), _body(new_text, new.path))
    t = _texts(root)

    def side(revision: Revision) -> str:
        if (revision.kind == "baseline" or revision is doc.baseline) and not revision.approvers:
            verdict = "baseline"  # as _evidence says it: in force by its date, never approved
        else:
            verdict = "approved" if revision.approved else "unapproved"
        return t.text(
            "cli.diff.side",
            version=revision.version,
            commit=revision.commit[:10],
            date=revision.date[:10],
            verdict=t.text(f"cli.diff.verdict.{verdict}"),
        )

    print(t.text("cli.diff.header", id=doc.id, title=doc.title, old=side(old), new=side(new)))
    if not changes:
        print(t.text("cli.diff.same"))
    for change in changes:
        kind = t.text(f"cli.diff.kind.{change.kind}")
        print("\n" + t.text("cli.diff.section", kind=kind, title=change.title))
        for line in change.diff:
            print(f"  {line}")
    return 0


def _git(root: Path, *args: str) -> str:
    return run_git_text(root, args).stdout.strip()


def run_check_versions(args: argparse.Namespace, root: Path) -> int:
    from doccontrol.history.gitread import GitError
    from doccontrol.history.rules import effective_verdict, meta_day, version_verdict
    from doccontrol.load import frontmatter_fast, repository
    from doccontrol.load.frontmatter import FrontMatterSplit, split
    from doccontrol.problems import Problem
    from doccontrol.publishing import is_document_path

    repo = repository.load(root, only=set())
    config = repo.config
    if config is None:
        raise UsageError("cli.error.config-problems")
    paths = (
        [p for p in args.paths if p.startswith("docs/") and is_document_path(p)]
        if args.paths
        else [d.path for d in repo.documents]
    )
    on_main = _git(root, "symbolic-ref", "--quiet", "--short", "HEAD") == config.main_branch
    problems: list[Problem] = []
    with _reader(root) as reader:
        try:
            _, main_tip = reader.resolve_branch(config.main_branch)
        except GitError as exc:
            if _git(root, "rev-parse", "--verify", "--quiet", "HEAD"):
                # a checkout without the main branch (a CI merge-request clone) must not pass
                # unchecked: fetch it first
                raise UsageError(
                    "cli.error.nothing-to-compare",
                    reason=exc.text(_texts(root)),
                    branch=config.main_branch,
                ) from None
            print(_texts(root).text("cli.check-versions.no-commits"))
            return 0
        main_docs: dict[str, str] | None = None
        for rel in paths:
            file = root / rel
            if not file.is_file():
                continue
            text = file.read_bytes().decode("utf-8", "replace")
            parts = split(rel, text)
            if not isinstance(parts, FrontMatterSplit):
                continue  # doccontrol check reports it
            meta = frontmatter_fast.read_or_parse(parts.yaml_text)
            doc_id = str(meta.get("id", ""))
            doc_type = config.document_types.get(str(meta.get("type", "")))
            if not doc_id or doc_type is None:
                continue
            old_blob = reader.read_file_at(main_tip, rel)
            if old_blob is None:  # new here, or renamed: find it on main by id
                if main_docs is None:
                    main_docs = _ids_on(reader, root, main_tip)
                old_path = main_docs.get(doc_id)
                old_blob = reader.read_file_at(main_tip, old_path) if old_path else None
            if old_blob is None:
                continue
            old_parts = split(rel, old_blob.decode("utf-8", "replace"))
            if not isinstance(old_parts, FrontMatterSplit):
                continue
            old_meta = frontmatter_fast.read_or_parse(old_parts.yaml_text)
            line = next(
                (i for i, t in enumerate(text.split("\n"), 1) if t.startswith("version:")), 1
            )
            verdict = version_verdict(old_meta, old_parts.body, meta, parts.body, config)
            if verdict is not None and verdict.kind == "down":
                problems.append(
                    Problem.at(
                        rel,
                        line,
                        1,
                        "problem.DC510.branch",
                        id=doc_id,
                        new=str(verdict.new),
                        old=str(verdict.old),
                        branch=config.main_branch,
                    )
                )
            elif verdict is not None:
                kind = "--minor" if doc_type.version_scheme == "decimal" else "--revision"
                problems.append(
                    Problem.at(
                        rel,
                        line,
                        1,
                        "problem.DC511.branch",
                        id=doc_id,
                        branch=config.main_branch,
                        old=str(verdict.old),
                        version=str(verdict.new),
                        fix=f"doccontrol bump {doc_id} {kind}",
                    )
                )
            version = str(meta.get("version") or "")
            old_version = str(old_meta.get("version") or "")
            if meta.get("status") == "effective" and version != old_version:
                previous = (
                    meta_day(old_meta, "effective_date")
                    if old_meta.get("status") == "effective"
                    else ""
                )
                reason = effective_verdict(
                    doc_id, version, meta_day(meta, "effective_date"), old_version, previous, ""
                )
                if reason:
                    date_line = next(
                        (
                            i
                            for i, t in enumerate(text.split("\n"), 1)
                            if t.startswith("effective_date:")
                        ),
                        line,
                    )
                    problems.append(Problem.at(rel, date_line, 1, reason.key, **dict(reason.args)))
            if on_main and meta.get("status") == "effective" and old_meta.get("status") == "draft":
                status_line = next(
                    (i for i, t in enumerate(text.split("\n"), 1) if t.startswith("status:")), 1
                )
                problems.append(Problem.at(rel, status_line, 1, "problem.DC515", id=doc_id))
    print_problems(problems, "text", len(paths), speech(config, repo.record_types, root))
    return 1 if problems else 0


def _ids_on(reader: GitReader, root: Path, commit: str) -> dict[str, str]:
    """id → path of every document in ``commit`` (one ls-tree, one cat-file batch)."""

    from doccontrol.load import frontmatter_fast
    from doccontrol.load.frontmatter import FrontMatterSplit, split
    from doccontrol.publishing import is_document_path

    listing = run_git(root, ["ls-tree", "-r", "-z", commit, "--", "docs"]).stdout
    entries = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        header, _, raw_path = item.partition(b"\t")
        parts = header.split()
        if (
            len(parts) == 3
            and parts[1] == b"blob"
            and is_document_path(raw_path.decode("utf-8", "surrogateescape"))
        ):
            entries.append((parts[2].decode(), raw_path.decode("utf-8", "surrogateescape")))
    out = {}
    for (_, path), data in zip(entries, reader.blobs([sha for sha, _ in entries]), strict=True):
        parts_ = split(path, data.decode("utf-8", "replace"))
        if isinstance(parts_, FrontMatterSplit):
            fields = frontmatter_fast.read_or_parse(parts_.yaml_text)
            if fields.get("id"):
                out[str(fields["id"])] = path
    return out


def run_baseline(args: argparse.Namespace, root: Path) -> int:
    import sys

    from doccontrol import baseline
    from doccontrol.authoring import AuthoringError
    from doccontrol.load import repository, yaml_source
    from doccontrol.problems import Ref
    from doccontrol.validate.check import check

    repo = repository.load(root)
    config = repo.config
    if config is None:
        raise UsageError("cli.error.config-problems")
    if config.control_since:
        raise UsageError("cli.error.baseline.already", since=str(config.control_since))
    main = config.main_branch
    if _git(root, "symbolic-ref", "--quiet", "--short", "HEAD") != main:
        raise UsageError("cli.error.baseline.checkout", branch=main)
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        raise UsageError("cli.error.uncommitted")
    tip = _git(root, "rev-parse", "HEAD")
    email = _git(root, "config", "user.email")
    person = config.person_by_email(email) if email else None
    if person is None:
        if not email:
            raise UsageError("cli.error.baseline.no-email")
        raise UsageError("cli.error.baseline.not-a-person", email=email)
    problems = check(repo)
    if problems:
        say = speech(config, repo.record_types, root)
        print_problems(problems, "text", len(repo.documents), say)
        raise UsageError("cli.baseline.invalid")
    day = day_arg(args.date, "--date", root).isoformat()
    documents = {
        d.id: baseline.BaselineDocument(d.id, d.version or "", d.status or "", d.path)
        for d in sorted(repo.documents, key=lambda d: d.path)
        if d.id
    }
    legacy: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    if args.legacy:
        file = Path(args.legacy)
        try:
            # the guarded parser (depth, aliases, tags, duplicate keys): a hand-written file
            parsed = yaml_source.parse(args.legacy, file.read_bytes().decode("utf-8"))
            if parsed.problems:
                say = speech(config, repo.record_types, root)
                raise UsageError(parsed.problems[0].format(say.cat, say.names))
            legacy = baseline.legacy_entries(parsed.data, documents, day)
        except (OSError, UnicodeDecodeError, ValueError, AuthoringError) as exc:
            reason = exc.text(_texts(root)) if isinstance(exc, AuthoringError) else str(exc)
            raise UsageError("cli.error.in-file", path=args.legacy, text=reason) from None
    branch = args.branch or f"baseline-{tip[:8]}"
    if exact_commit(root, f"refs/heads/{branch}"):
        raise UsageError("cli.error.branch-exists", branch=branch)
    listing = sorted(documents.values(), key=lambda d: d.id)
    said = speech(config, repo.record_types, root).cat
    text = baseline.message(tip, f"{person.name} <{email}>", day, listing, legacy, said)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="doccontrol-baseline-") as tmp:
        tree = Path(tmp) / "tree"
        made = run_git_text(root, ["worktree", "add", "--quiet", "-b", branch, str(tree), tip])
        if made.returncode != 0:
            raise UsageError(
                "cli.error.git-failed", command="git worktree add", detail=made.stderr.strip()
            )
        try:
            config_file = tree / "doccontrol.yml"
            edits = {
                config_file: baseline.set_control_since(
                    config_file.read_text(encoding="utf-8"), tip
                )
            }
            for doc_id, entries in legacy.items():
                doc = documents[doc_id]
                file = tree / doc.path
                edits[file] = baseline.add_legacy_history(
                    file.read_text(encoding="utf-8"), doc.path, entries
                )
            for file, content in edits.items():
                write_atomic(file, content.encode("utf-8"), within=tree)
            found = check(repository.load(tree))
            if found:
                print_problems(found, "text", len(found), speech(config, repo.record_types, root))
                raise UsageError("cli.baseline.declared-invalid")
            for git_args in (
                ["add", "-A"],
                ["commit", "--quiet", "--no-verify", "-m", text],
            ):
                done = run_git_text(tree, git_args)
                if done.returncode != 0:
                    raise UsageError(
                        "cli.error.git-failed",
                        command=f"git {git_args[0]}",
                        detail=done.stderr.strip(),
                    )
        except (AuthoringError, UsageError) as exc:
            run_git(root, ["worktree", "remove", "--force", str(tree)])
            run_git(root, ["branch", "-D", branch])
            if isinstance(exc, UsageError):
                raise
            raise UsageError(exc.text(_texts(root))) from None
        run_git(root, ["worktree", "remove", "--force", str(tree)])
    # the declarer may neither approve nor review the baseline: only the others are named
    approvers = [
        p.name
        for p in config.people
        if set(p.roles) & set(config.approval.config_approvers) and p.id != person.id
    ]
    reviewers = [
        p.name
        for p in config.people
        if set(p.roles) & set(config.approval.config_reviewers) and p.id != person.id
    ]
    talk = speech(config, repo.record_types, root)
    declared = {
        "branch": branch,
        "tip": tip[:10],
        "documents": talk.count("count.documents", len(documents)),
    }
    if legacy:
        print(talk("baseline.declared.legacy", **declared, ids=tuple(legacy)))
    else:
        print(talk("baseline.declared", **declared))
    nobody = talk("baseline.nobody")
    print(
        talk(
            "baseline.next",
            roles=tuple(Ref("role", r) for r in config.approval.config_approvers),
            approvers=tuple(approvers) or nobody,
            reviewer_roles=tuple(Ref("role", r) for r in config.approval.config_reviewers),
            reviewers=tuple(reviewers) or nobody,
            person=person.name,
            branch=branch,
        )
    )
    if not approvers or (config.approval.require_review and not reviewers):
        # nobody else holds the role: the baseline cannot be approved as doccontrol.yml stands
        print(talk("baseline.no-one-else", person=person.name), file=sys.stderr)
    return 0
