"""``doccontrol show --as-of``, ``diff`` and ``check-versions`` (the version-bump hook)."""

from __future__ import annotations

import argparse
import datetime
import subprocess
from pathlib import Path

from doccontrol.cli.history import history_for
from doccontrol.cli.output import UsageError, parse_date_arg, print_problems
from doccontrol.history import content
from doccontrol.history.gitread import GitError, GitReader
from doccontrol.history.rules import version_verdict
from doccontrol.load import frontmatter_fast, repository
from doccontrol.load.frontmatter import FrontMatterSplit, split
from doccontrol.problems import Problem
from doccontrol.publishing import is_document_path


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    show = commands.add_parser("show", help="a document exactly as it was in force on a date")
    show.add_argument("doc_id", metavar="DOC_ID")
    show.add_argument("--as-of", required=True, metavar="DATE", help="YYYY-MM-DD")
    show.set_defaults(run=run_show)
    diff = commands.add_parser(
        "diff", help="what changed between two versions of a document, by section"
    )
    diff.add_argument("doc_id", metavar="DOC_ID")
    diff.add_argument("old", metavar="V1")
    diff.add_argument("new", metavar="V2")
    diff.set_defaults(run=run_diff)
    hook = commands.add_parser(
        "check-versions",
        help="pre-commit hook: changed documents must have a higher version than on the main branch",
    )
    hook.add_argument("paths", nargs="*", metavar="PATH")
    hook.set_defaults(run=run_check_versions)


def _reader(root: Path) -> GitReader:
    try:
        return GitReader(root)
    except GitError as exc:
        raise UsageError(str(exc)) from None


def run_show(args: argparse.Namespace, root: Path) -> int:
    day = datetime.date.fromisoformat(parse_date_arg(args.as_of, "--as-of") or "")
    history = history_for(root, allow_shallow=False)
    doc = history.documents.get(args.doc_id)
    if doc is None:
        raise UsageError(f"no document {args.doc_id} in the history of {history.branch}")
    revision = content.in_force_on(doc, day)
    if revision is None:
        first = next((r for r in doc.revisions if r.approved), None)
        when = f"; its first approved version dates from {first.date[:10]}" if first else ""
        raise UsageError(f"{args.doc_id} had no approved version in force on {day}{when}")
    with _reader(root) as reader:
        text = content.text_at(reader, revision)
    if text is None:
        raise UsageError(f"{revision.path} cannot be read at {revision.commit[:10]}")
    approvers = "、".join(p.name for p in revision.approvers) or "—"
    mr = revision.merge_request.label if revision.merge_request else "—"
    print(f"# {doc.id} {doc.title} — 于 {day} 有效的版本")
    if revision.kind == "baseline":
        what = f"纳入文件控制时的基线 {revision.date[:10]}"
    else:
        what = f"批准 {approvers} {revision.date[:10]} · 合并请求 {mr}"
    print(f"# 版本 {revision.version} · {what} · 提交 {revision.commit[:10]} · {revision.path}")
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


def _body(text: str, path: str) -> str:
    parts = split(path, text)
    return parts.body if isinstance(parts, FrontMatterSplit) else text


def run_diff(args: argparse.Namespace, root: Path) -> int:
    history = history_for(root, allow_shallow=False)
    doc = history.documents.get(args.doc_id)
    if doc is None:
        raise UsageError(f"no document {args.doc_id} in the history of {history.branch}")
    with_text = [
        r for r in ([doc.baseline] if doc.baseline else []) + list(doc.revisions) if r.commit
    ]
    known = ", ".join(dict.fromkeys(r.version for r in with_text))
    old, new = content.with_version(doc, args.old), content.with_version(doc, args.new)
    for wanted, found in ((args.old, old), (args.new, new)):
        if found is None:
            raise UsageError(f"{args.doc_id} has no version {wanted} in Git (versions: {known})")
    assert old is not None and new is not None
    with _reader(root) as reader:
        old_text, new_text = content.text_at(reader, old), content.text_at(reader, new)
    if old_text is None or new_text is None:
        raise UsageError("a version's text cannot be read from Git")
    changes = content.section_changes(_body(old_text, old.path), _body(new_text, new.path))
    print(
        f"{doc.id} {doc.title}: {old.version} ({old.commit[:10]}, {old.date[:10]}) → {new.version} ({new.commit[:10]}, {new.date[:10]})"
    )
    if not changes:
        print("the text is the same (only the front matter changed)")
    labels = {"changed": "更改", "added": "新增", "removed": "删除"}
    for change in changes:
        print(f"\n## {labels[change.kind]}：{change.title}")
        for line in change.diff:
            print(f"  {line}")
    return 0


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=False
    ).stdout.strip()


def run_check_versions(args: argparse.Namespace, root: Path) -> int:
    repo = repository.load(root, only=set())
    config = repo.config
    if config is None:
        raise UsageError("doccontrol.yml has problems; run 'doccontrol check doccontrol.yml'")
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
        except GitError:
            print("no main branch yet: nothing to compare with")
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
            meta = frontmatter_fast.read(parts.yaml_text) or {}
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
            old_meta = frontmatter_fast.read(old_parts.yaml_text) or {}
            line = next(
                (i for i, t in enumerate(text.split("\n"), 1) if t.startswith("version:")), 1
            )
            verdict = version_verdict(old_meta, old_parts.body, meta, parts.body, config)
            if verdict is not None and verdict.kind == "down":
                message = f"{doc_id} version {verdict.new} is lower than {verdict.old} on {config.main_branch}"
                problems.append(Problem(rel, line, 1, "DC510", message))
            elif verdict is not None:
                kind = "--minor" if doc_type.version_scheme == "decimal" else "--revision"
                message = (
                    f"{doc_id} text changed since {config.main_branch} ({verdict.old}) but the version is "
                    f"still {verdict.new}; run: doccontrol bump {doc_id} {kind}"
                )
                problems.append(Problem(rel, line, 1, "DC511", message))
            if on_main and meta.get("status") == "effective" and old_meta.get("status") == "draft":
                status_line = next(
                    (i for i, t in enumerate(text.split("\n"), 1) if t.startswith("status:")), 1
                )
                problems.append(
                    Problem(
                        rel,
                        status_line,
                        1,
                        "DC515",
                        f"{doc_id} becomes effective only through approval: commit on a branch and have an approver merge it (doccontrol approve BRANCH)",
                    )
                )
    print_problems(problems, "text", len(paths))
    return 1 if problems else 0


def _ids_on(reader: GitReader, root: Path, commit: str) -> dict[str, str]:
    """id → path of every document in ``commit`` (one ls-tree, one cat-file batch)."""
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "-z", commit, "--", "docs"],
        cwd=root,
        capture_output=True,
        check=False,
    ).stdout
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
            fields = frontmatter_fast.read(parts_.yaml_text) or {}
            if fields.get("id"):
                out[str(fields["id"])] = path
    return out
