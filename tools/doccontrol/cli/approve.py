"""``doccontrol approve BRANCH``: approve by merging, for teams who merge locally.

It refuses unless the branch is valid, every changed document's version went up, the person
running it (git config user.email) holds an approver role for every changed document and did
not author the change, and the reviewer (--reviewer) holds a reviewer role. Then it makes the
``--no-ff`` merge with ``Approved-by`` and ``Reviewed-by`` trailers, signed when asked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doccontrol.cli.output import UsageError, parse_date_arg

if TYPE_CHECKING:  # the core is imported when the command runs (startup time)
    import subprocess

    from doccontrol.config import Config, Person


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    approve = commands.add_parser(
        "approve",
        help="check a branch and approve it by merging it into the main branch (--no-ff, with trailers)",
    )
    approve.add_argument("branch", metavar="BRANCH")
    approve.add_argument(
        "--reviewer",
        metavar="WHO",
        help="who reviewed it: person id, name or email from doccontrol.yml",
    )
    approve.add_argument(
        "--title",
        metavar="TEXT",
        help="the change summary (default: the branch's first commit subject)",
    )
    approve.add_argument(
        "--sign",
        action="store_true",
        help="sign the merge commit (git merge -S, with your configured key)",
    )
    approve.add_argument(
        "--effective",
        metavar="DATE",
        help="发布实施日期 of every new version the branch brings (set in the merge; today or later)",
    )
    approve.set_defaults(run=run)


def _git(root: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    import subprocess

    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise UsageError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result


def _find_person(config: Config, who: str) -> Person | None:
    from doccontrol.history.identities import parse_ident

    needle = who.strip().lower()
    _, email = parse_ident(who)
    for person in config.people:
        if needle in (person.id.lower(), person.name.lower()) or (
            email and email.lower() in person.emails
        ):
            return person
    return None


def _meta_and_body(data: bytes | None, path: str) -> tuple[dict[str, Any], str] | None:
    from doccontrol.load import frontmatter_fast
    from doccontrol.load.frontmatter import FrontMatterSplit, split

    if data is None:
        return None
    parts = split(path, data.decode("utf-8", "replace"))
    if not isinstance(parts, FrontMatterSplit):
        return None
    return frontmatter_fast.read_or_parse(parts.yaml_text), parts.body


def run(args: argparse.Namespace, root: Path) -> int:
    import datetime
    import re
    import tempfile
    from pathlib import Path

    from doccontrol.cli.impact import branch_impact_text
    from doccontrol.history.gitread import GitReader
    from doccontrol.history.identities import parse_ident, trailers
    from doccontrol.history.rules import effective_verdict, meta_day, meta_texts, version_verdict
    from doccontrol.load import repository
    from doccontrol.paths import DOC_PATH
    from doccontrol.validate.check import check

    repo = repository.load(root, only=set())
    config = repo.config
    if config is None:
        raise UsageError("doccontrol.yml has problems; run 'doccontrol check doccontrol.yml'")
    main = config.main_branch
    refusals: list[str] = []
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise UsageError(f"{root} is not a Git repository")
    if _git(root, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip() != main:
        raise UsageError(f"check out {main} first: approval merges into {main}")
    if _git(root, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        raise UsageError("the work tree has uncommitted changes; commit or stash them first")
    if _git(root, "rev-parse", "--verify", "--quiet", f"{args.branch}^{{commit}}").returncode != 0:
        raise UsageError(f"no branch {args.branch!r}")
    ahead = _git(root, "rev-list", "--count", f"{main}..{args.branch}").stdout.strip()
    if ahead in ("", "0"):
        raise UsageError(f"{args.branch} has nothing that {main} does not have")
    me_email = _git(root, "config", "user.email").stdout.strip()
    approver = config.person_by_email(me_email) if me_email else None
    if approver is None:
        raise UsageError(
            f"you ({me_email or 'no git config user.email'}) are not among the people in doccontrol.yml, so you cannot approve"
        )
    reviewer = None
    if args.reviewer:
        reviewer = _find_person(config, args.reviewer)
        if reviewer is None:
            raise UsageError(
                f"reviewer {args.reviewer!r} is not among the people in doccontrol.yml"
            )
    elif config.approval.require_review:
        raise UsageError(
            "review is required (approval.require_review): name the reviewer with --reviewer WHO"
        )

    # who wrote the change: the authors of the branch's commits, and their co-authors
    log = _git(
        root,
        "log",
        "--format=%aE%x1f%(trailers:key=Co-authored-by,valueonly,unfold)%x1e",
        f"{main}..{args.branch}",
    ).stdout
    authors: set[str] = set()
    for entry in log.split("\x1e"):
        if not entry.strip():
            continue
        email, _, co = entry.strip().partition("\x1f")
        authors.add(email.lower())
        authors |= {parse_ident(v)[1].lower() for v in co.splitlines() if v.strip()}
    if not config.approval.allow_self_approval and set(approver.emails) & authors:
        refusals.append(
            f"{approver.name} wrote commits on {args.branch}; someone else must approve it (segregation of duties)"
        )
    if (
        reviewer is not None
        and not config.approval.allow_self_approval
        and set(reviewer.emails) & authors
    ):
        refusals.append(
            f"reviewer {reviewer.name} wrote commits on {args.branch}; the review must be independent"
        )

    # the rules, identities and publishing set-up are approved by their own roles
    touched = _git(root, "diff", "-z", "--name-only", "--no-renames", f"{main}...{args.branch}")
    controlled = sorted(p for p in touched.stdout.split("\0") if p and config.approval.controls(p))
    if controlled:
        what = ", ".join(controlled)
        if not set(config.approval.config_approvers) & set(approver.roles):
            refusals.append(
                f"{what}: {approver.name} holds none of the configuration approver roles {', '.join(config.approval.config_approvers) or '(none set)'}"
            )
        if (
            reviewer is not None
            and config.approval.require_review
            and not set(config.approval.config_reviewers) & set(reviewer.roles)
        ):
            refusals.append(
                f"{what}: reviewer {reviewer.name} holds none of the configuration reviewer roles {', '.join(config.approval.config_reviewers) or '(none set)'}"
            )
    changed = _git(
        root, "diff", "--name-status", "--no-renames", f"{main}...{args.branch}", "--", "docs"
    ).stdout.splitlines()
    today = datetime.date.today().isoformat()
    effective = parse_date_arg(args.effective, "--effective") if args.effective else None
    dated: list[str] = []  # documents whose new version takes the approver's date
    main_tip = _git(root, "rev-parse", main).stdout.strip()
    with GitReader(root) as reader:  # one cat-file for every version read below
        # a branch that declares the baseline (doccontrol baseline) approves the whole set as
        # it stands, by the roles that approve the configuration, as history judges it
        branch_config = reader.read_file_at(args.branch, "doccontrol.yml") or b""
        since = re.search(
            rb"^control_since:\s*['\"]?([0-9a-fA-F]{7,40})['\"]?\s*$", branch_config, re.M
        )
        declares = bool(since and main_tip.startswith(since[1].decode().lower()))
        for line in changed:
            status, _, path = line.partition("\t")
            if not DOC_PATH.match(path):
                continue
            new = (
                _meta_and_body(reader.read_file_at(args.branch, path), path)
                if status != "D"
                else None
            )
            old = _meta_and_body(reader.read_file_at(main, path), path)
            ruling = old or new  # authority as it stood before the change
            if ruling is None:
                continue
            meta = ruling[0]
            if declares:
                meta = {
                    "approver": list(config.approval.config_approvers),
                    "reviewer": list(config.approval.config_reviewers),
                }
            doc_id = str((new or ruling)[0].get("id", path))
            needed = set(meta_texts(meta, "approver"))
            if not needed & set(approver.roles):
                refusals.append(
                    f"{doc_id}: {approver.name} holds none of the approver roles {', '.join(sorted(needed))}"
                )
            review_needed = set(meta_texts(meta, "reviewer"))
            if (
                reviewer is not None
                and config.approval.require_review
                and not review_needed & set(reviewer.roles)
            ):
                refusals.append(
                    f"{doc_id}: reviewer {reviewer.name} holds none of the reviewer roles {', '.join(sorted(review_needed))}"
                )
            if new is not None and old is not None:
                verdict = version_verdict(old[0], old[1], new[0], new[1], config)
                if verdict is not None:
                    refusals.append(
                        f"{doc_id}: text changed but the version did not go up from {verdict.old} (doccontrol bump {doc_id})"
                    )
            if new is None or new[0].get("status") != "effective":
                continue
            version = str(new[0].get("version") or "")
            if old is not None and str(old[0].get("version") or "") == version:
                continue  # the same version approved again: its date stands
            previous = (
                meta_day(old[0], "effective_date")
                if old is not None and old[0].get("status") == "effective"
                else ""
            )
            reason = effective_verdict(
                doc_id,
                version,
                effective or meta_day(new[0], "effective_date"),
                str(old[0].get("version") or "") if old else "",
                previous,
                today,
            )
            if reason and effective is None:
                reason += f" (or approve with --effective {max(today, previous)})"
            if reason:
                refusals.append(reason)
            elif effective is not None:
                dated.append(path)

    with tempfile.TemporaryDirectory(prefix="doccontrol-approve-") as tmp:
        tree = Path(tmp) / "branch"
        _git(root, "worktree", "add", "--detach", "--quiet", str(tree), args.branch, check=True)
        try:
            problems = check(repository.load(tree))
        finally:
            _git(root, "worktree", "remove", "--force", str(tree))
    refusals += [f"{p.format()}" for p in problems]

    if refusals:
        print(f"not approved: {args.branch}")
        for reason in refusals:
            print(f"  - {reason}")
        return 1
    subject = (
        args.title
        or _git(
            root, "log", "--reverse", "--format=%s", f"{main}..{args.branch}"
        ).stdout.splitlines()[0]
    )
    lines = [f"Approved-by: {approver.name} <{approver.emails[0]}>"]
    if reviewer is not None:
        lines.append(f"Reviewed-by: {reviewer.name} <{reviewer.emails[0]}>")
    message = f"Merge branch '{args.branch}'\n\n{subject}\n\n" + "\n".join(lines)
    suspect = branch_impact_text(root, args.branch)  # before the merge moves the merge-base
    if effective is not None and dated:
        _merge_with_dates(root, args.branch, message, args.sign, dated, effective)
    else:
        merge = ["merge", "--no-ff", "--quiet", "-m", message, args.branch]
        if args.sign:
            merge.insert(1, "-S")
        result = _git(root, *merge)
        if result.returncode != 0:
            _git(root, "merge", "--abort")
            raise UsageError(f"git merge failed: {result.stderr.strip() or result.stdout.strip()}")
    parsed = trailers(_git(root, "log", "-1", "--format=%(trailers:only,unfold)").stdout)
    sha = _git(root, "rev-parse", "--short=10", "HEAD").stdout.strip()
    print(f"approved {args.branch} as {sha}: " + "; ".join(f"{k}: {v}" for k, v in parsed))
    print(suspect)
    return 0


def _merge_with_dates(
    root: Path, branch: str, message: str, sign: bool, paths: list[str], effective: str
) -> None:
    """The approval merge with the approver's 发布实施日期 written into each new version: the
    date is the approver's decision, so it is part of the approval, not of the change."""
    from doccontrol.atomic import write_atomic
    from doccontrol.authoring import AuthoringError, set_front_matter

    result = _git(root, "merge", "--no-ff", "--no-commit", "--quiet", branch)
    if result.returncode != 0:
        _git(root, "merge", "--abort")
        raise UsageError(f"git merge failed: {result.stderr.strip() or result.stdout.strip()}")
    try:
        for rel in paths:
            file = root / rel
            text = file.read_bytes().decode("utf-8")
            write_atomic(
                file, set_front_matter(text, rel, "effective_date", effective).encode("utf-8")
            )
            _git(root, "add", "--", rel, check=True)
    except (AuthoringError, UsageError, OSError) as exc:
        _git(root, "merge", "--abort")
        raise UsageError(f"could not set 发布实施日期: {exc}") from None
    commit = ["commit", "--quiet", "--no-verify", "-m", message]
    if sign:
        commit.insert(1, "-S")
    result = _git(root, *commit)
    if result.returncode != 0:
        _git(root, "merge", "--abort")
        raise UsageError(f"git commit failed: {result.stderr.strip() or result.stdout.strip()}")
