"""``doccontrol approve BRANCH``: approve by merging, for teams who merge locally.

It refuses unless the branch is valid, every changed document's version went up, the person
running it (git config user.email) holds an approver role for every changed document and did
not author the change, and the reviewer (--reviewer) holds a reviewer role. Then it makes the
``--no-ff`` merge with ``Approved-by`` and ``Reviewed-by`` trailers, signed when asked."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doccontrol.cli.output import Speech, UsageError, parse_date_arg, speech

if TYPE_CHECKING:  # the core is imported when the command runs (startup time)
    import subprocess

    from doccontrol.catalogue import Catalogue
    from doccontrol.config import Config, Person
    from doccontrol.history.gitread import Ancestor, GitReader
    from doccontrol.history.model import History
    from doccontrol.history.model import Person as HistoryPerson
    from doccontrol.history.rules_paths import NamedPaths


def add_parser(commands: argparse._SubParsersAction, t: Catalogue) -> None:  # type: ignore[type-arg]
    approve = commands.add_parser(
        "approve",
        help=t("cli.help.approve"),
    )
    approve.add_argument("branch", metavar=t("cli.metavar.BRANCH"))
    approve.add_argument(
        "--reviewer",
        metavar=t("cli.metavar.WHO"),
        help=t("cli.help.approve.reviewer"),
    )
    approve.add_argument(
        "--title",
        metavar=t("cli.metavar.TEXT"),
        help=t("cli.help.approve.title"),
    )
    approve.add_argument(
        "--co-approver",
        metavar=t("cli.metavar.WHO"),
        action="append",
        default=[],
        help=t("cli.help.approve.co-approver"),
    )
    approve.add_argument(
        "--sign",
        action="store_true",
        help=t("cli.help.approve.sign"),
    )
    approve.add_argument(
        "--effective",
        metavar=t("cli.metavar.DATE"),
        help=t("cli.help.approve.effective"),
    )
    approve.set_defaults(run=run)


REGULAR = ("100644", "100755")  # a tree's modes of a regular file


def _git(root: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    from doccontrol.history.gitread import run_git_text  # refs/replace/* off

    result = run_git_text(root, args)
    if check and result.returncode != 0:
        raise UsageError(
            "cli.error.git-failed", command=" ".join(("git", *args)), detail=result.stderr.strip()
        )
    return result


def _find_person(config: Config, who: str) -> Person | None:
    from doccontrol.config import email_key
    from doccontrol.history.identities import parse_ident

    needle = who.strip().lower()
    _, email = parse_ident(who)
    for person in config.people:
        if needle in (person.id.lower(), person.name.lower()) or (
            email and any(email_key(email) == email_key(e) for e in person.emails)
        ):
            return person
    return None


def _approved_rules(root: Path, config: Config, say: Speech) -> tuple[Config, History]:
    """doccontrol.yml as history has it in force on the main branch (said on stderr when the
    work tree's has a change nobody approved), and the history. Without history, or when no
    readable doccontrol.yml was ever in force, the approved rules cannot be known: refused."""
    import sys

    from doccontrol import publishing
    from doccontrol.config import CONFIG_FILE
    from doccontrol.history.gitread import GitError
    from doccontrol.history.load import load_history

    try:
        history = load_history(root, config)
    except GitError as exc:
        raise UsageError("cli.approve.no-history", detail=exc.text(say.cat)) from None
    if history.rules_unreadable:
        raise UsageError("cli.approve.no-rules", config=CONFIG_FILE)
    approved = publishing.approved_config(root, history)
    if approved is None:  # the tip's is the one in force (or none was ever committed)
        return config, history
    print(say("cli.approve.config-pending", config=CONFIG_FILE), file=sys.stderr)
    return approved, history


def _authors(
    root: Path, main: str, branch: str, config: Config, history: History
) -> list[HistoryPerson]:
    """Who wrote the branch's commits, as the trail will name them: each commit's author, its
    committer when doccontrol.yml knows them and the person whose key signed it
    (``identities.writers``), and their co-authors; raw identities (never the work tree's
    .mailmap, which a commit plants) through the .mailmap history has in force."""
    from doccontrol.history import identities, signatures, trailer_block
    from doccontrol.history.gitread import run_git, signature_reader
    from doccontrol.history.model import Person as HistoryPerson

    mailmap = identities.parse_mailmap("")
    if history.mailmap_in_force is not None:
        text = run_git(root, ["cat-file", "blob", history.mailmap_in_force]).stdout
        mailmap = identities.parse_mailmap(text.decode("utf-8", "replace"))
    log = _git(
        root,
        "-c",
        "log.mailmap=false",
        "log",
        "--no-mailmap",
        "-z",
        # no field holds a NUL; the message's trailers are read as history reads them
        "--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B",
        f"{main}..{branch}",
    ).stdout
    fields = log.split("\x00") if log else []
    # (sha, author name, email, committer name, email, co-authors) of each commit
    entries: list[tuple[str, str, str, str, str, Sequence[str]]] = []
    for at in range(0, len(fields) - 5, 6):
        sha, name, email, committer_name, committer_email, message = fields[at : at + 6]
        co = trailer_block.co_authors(message)
        entries.append((sha, name, email, committer_name, committer_email, co))
    # and the commits under a fork the branch takes from a commit an earlier merge brought
    # without its text (a draft taken back before that merge), as history counts them
    entries += [
        (sha, a.author_name, a.author_email, a.committer_name, a.committer_email, a.co_authors)
        for sha, a in _untaken(root, main, branch, history)
    ]
    # and whoever wrote, at a path no approval judged, the text it lands in its documents
    entries += [
        (sha, a.author_name, a.author_email, a.committer_name, a.committer_email, a.co_authors)
        for sha, a in _loose(root, main, branch, history, {e[0] for e in entries})
    ]
    signed: dict[str, tuple[str, str, str, str]] = {}
    if any(p.signing_keys for p in config.people):
        # checked as history checks them, the key then matched to a person by the approved
        # config
        with signature_reader(root) as reader:
            signed = reader.signatures([e[0] for e in entries])
    found: list[HistoryPerson] = []
    for sha, name, email, committer_name, committer_email, co_authors in entries:
        signature = signatures.interpret(config, *signed[sha]) if sha in signed else None
        found += identities.writers(
            config,
            identities.person(config, mailmap, name, email),
            identities.person(config, mailmap, committer_name, committer_email),
            signature.verified_for if signature and signature.status == "good" else None,
        )
        idents = [(name, email)] + [identities.parse_ident(v) for v in co_authors if v.strip()]
        for who, address in idents:
            # a person is known by the address as written and as the approved .mailmap says
            # (nameless: a name is read as the .mailmap gives it, as history reads it; round 94)
            found.append(HistoryPerson(name="", email=address.lower()))
            found.append(identities.person(config, mailmap, who, address))
    return found


def _untaken(root: Path, main: str, branch: str, history: History) -> list[tuple[str, Ancestor]]:
    """``history.untaken``'s writers for merging ``branch`` into ``main`` (both commit ids):
    where the branch forks from a commit no approval judged (off main's first-parent line, on
    it before control began, or on it and no approval), who wrote what it may bring, as
    history will count them."""
    from doccontrol.history import untaken
    from doccontrol.history.gitread import GitReader, merge_tree

    listed = _git(root, "rev-list", "--parents", f"{main}..{branch}", check=True).stdout
    parents = {line.split()[0]: line.split()[1:] for line in listed.splitlines() if line.split()}
    fork_commits = untaken.forks(parents, lambda sha: parents.get(sha, ()))
    line = _git(root, "rev-list", "--first-parent", main, check=True).stdout.split()
    place = {sha: at for at, sha in enumerate(line)}
    # the line under control: from the first approval on (none yet: nothing is)
    first = history.events[0].commit if history.events else None
    under_control = place[first] + 1 if first in place else 0
    approvals = {event.commit for event in history.events}
    unvouched: dict[str, untaken.Brought] = {}
    for fork in fork_commits:
        if fork in place:
            # before control began, or no approval (files nothing controls): never judged;
            # before the first approval the trail judges the history alone
            if first is not None and (place[fork] >= under_control or fork not in approvals):
                unvouched[fork] = untaken.PRECONTROL
            continue
        # off the line: the line's oldest commit that descends from it brought it
        holding = _git(root, "rev-list", "--ancestry-path", f"{fork}..{main}", check=True)
        on = [place[sha] for sha in holding.stdout.split() if sha in place]
        if on and max(on) + 1 < len(line):
            unvouched[fork] = (line[max(on)], line[max(on) + 1])
        else:  # no line commit to ask: owed, as one dropped
            unvouched[fork] = (line[max(on)] if on else main, main)
    if not unvouched:
        return []  # the usual branch: it left main's line under control
    changed = _git(
        root, "diff", "--name-only", "-z", "--no-renames", f"{main}...{branch}", check=True
    ).stdout
    paths = sorted(p for p in changed.split("\x00") if p)
    # only the lines git's merge lands count (the branch may hold main's older lines)
    git_dir = _git(root, "rev-parse", "--absolute-git-dir", check=True).stdout.strip()
    landed = merge_tree(Path(git_dir), main, branch).tree
    with GitReader(root) as reader:
        began = f"{first}^" if first else None
        found = untaken.writers_not_new(
            reader, fork_commits, unvouched, approvals, branch, main, paths, landed, began
        )
    return [(sha, ancestor) for sha, ancestor in found if sha not in parents]


def _loose(
    root: Path, main: str, branch: str, history: History, inside: set[str]
) -> list[tuple[str, Ancestor]]:
    """``loose.writers`` for merging ``branch`` into ``main``: the index built from main's line
    as history builds it while it walks (each line commit's files at paths no approval judged,
    the events telling which controlled files an approval accepted), asked of the documents
    git's merge lands."""
    from doccontrol.history import loose
    from doccontrol.history.gitread import GitReader, merge_tree
    from doccontrol.paths import DOC_PATH

    changed = _git(
        root, "diff", "--name-only", "-z", "--no-renames", f"{main}...{branch}", check=True
    ).stdout
    documents = sorted(
        p for p in changed.split("\x00") if p and "\n" not in p and DOC_PATH.match(p)
    )
    if not documents:
        return []
    accepted: dict[str, set[str]] = {}
    for event in history.events:
        accepted.setdefault(event.commit, set()).update(event.accepted)
    git_dir = _git(root, "rev-parse", "--absolute-git-dir", check=True).stdout.strip()
    landed = merge_tree(Path(git_dir), main, branch).tree or branch
    first = history.events[0].commit if history.events else None
    with GitReader(root) as reader:
        found: dict[str, loose.Source] = {}
        for commit in reader.first_parent_commits(main):
            changes = loose.loose_changes(commit, accepted.get(commit.sha, ()))
            if changes:
                texts = reader.files_of([change.new_blob or "" for change in changes])
                loose.add(found, commit, changes, texts)
        if not found:
            return []
        bodies = [
            loose.landed_text(text)
            for text in reader.files_of([f"{landed}:{p}" for p in documents])
        ]
        began = f"{first}^" if first else None

        def elsewhere() -> set[str]:
            return loose.held_units(reader, main, began, documents)

        return loose.writers(reader, found, bodies, elsewhere, inside)


def _is(person: Person, authors: list[HistoryPerson]) -> bool:
    """Whether ``person`` (of doccontrol.yml) is among ``authors``: by id or any email, or as
    one no listed address names who bears their name or id (history's rule, round 93)."""
    from doccontrol.config import email_key
    from doccontrol.person_names import name_key, name_keys

    emails = {email_key(e) for e in person.emails}
    names = {name_key(person.name), name_key(person.id)} - {""}
    return any(
        a.person_id == person.id
        or email_key(a.email) in emails
        or (not a.person_id and not names.isdisjoint(name_keys(a.name)))
        for a in authors
    )


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
    import re
    import tempfile
    from pathlib import Path

    from doccontrol.cli.impact import branch_impact_text
    from doccontrol.history import trailer_block
    from doccontrol.history.gitread import GitReader, merge_tree
    from doccontrol.history.rules import effective_verdict, meta_day, meta_texts, version_verdict
    from doccontrol.history.rules_paths import controlled_path
    from doccontrol.load import repository
    from doccontrol.paths import DOC_PATH
    from doccontrol.validate.check import check

    repo = repository.load(root, only=set())
    config = repo.config
    if config is None:
        raise UsageError("cli.error.config-problems")
    main = config.main_branch
    say = speech(config, repo.record_types, root)
    # the reasons, said at the end in the run's language, role ids shown by their names
    refusals: list[str] = []
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise UsageError("cli.error.not-git", root=str(root))
    if _git(root, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip() != main:
        raise UsageError("cli.approve.checkout-main", branch=main)
    if _git(root, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        raise UsageError("cli.error.uncommitted")
    # both tips resolved once, as branches only: what is judged below is what gets committed,
    # even if a ref moves meanwhile (a push to the branch during the checks is not approved
    # with it), and a tag or a commit id named like the branch is never what is approved
    branch_tip = _branch_tip(root, args.branch)
    if branch_tip is None:
        raise UsageError("cli.error.no-branch", branch=repr(args.branch))
    from doccontrol.history.gitread import exact_commit

    main_tip = exact_commit(root, f"refs/heads/{main}")
    if main_tip is None:
        raise UsageError("cli.error.no-branch", branch=repr(main))
    ahead = _git(root, "rev-list", "--count", f"{main_tip}..{branch_tip}").stdout.strip()
    if ahead in ("", "0"):
        raise UsageError("cli.approve.nothing-new", branch=args.branch, main=main)
    # the rules as they stood before this change: while doccontrol.yml has a change on main
    # nobody approved, its approved version (a direct commit granting its author a role, or
    # allowing self-approval, must not get this merge made; the trail would judge it anyway)
    config, history = _approved_rules(root, config, say)
    say = speech(config, repo.record_types, root)
    # signed as the approver's git signs commits (commit.gpgSign), as git merge did
    sign = args.sign or _git(root, "config", "--bool", "commit.gpgSign").stdout.strip() == "true"
    if config.approval.require_signed and not sign:
        refusals.append(say("cli.approve.unsigned"))
    me_email = _git(root, "config", "user.email").stdout.strip()
    approver = config.person_by_email(me_email) if me_email else None
    if approver is None:
        raise UsageError("cli.approve.not-a-person", email=me_email or "git config user.email = ∅")
    reviewer = None
    if args.reviewer:
        reviewer = _find_person(config, args.reviewer)
        if reviewer is None:
            raise UsageError("cli.approve.unknown-reviewer", reviewer=repr(args.reviewer))
    elif config.approval.require_review:
        raise UsageError("cli.approve.reviewer-required")

    with GitReader(root) as fetcher:
        # a partial clone: the versions the branch brings, in one fetch before anything reads
        # them (the writers asked, git's merge, the versions judged, the files checked), not
        # one apiece
        missing = fetcher.missing_objects(branch_tip, main_tip)
        if missing:
            fetcher.fetch_objects(fetcher.promisor_remotes(), missing)
    # who wrote the change: the authors of the branch's commits, and their co-authors
    authors = _authors(root, main_tip, branch_tip, config, history)
    # a change that needs two roles nobody holds alone (a procedure and its figure) names the
    # second approver too: each is held to the rules, as history holds every approver named
    approvers = [approver]
    for who in args.co_approver:
        other = _find_person(config, who)
        if other is None:
            raise UsageError("cli.approve.unknown-co-approver", who=repr(who))
        if other.id not in {a.id for a in approvers}:
            approvers.append(other)
    if config.approval.require_signed and len(approvers) > 1:
        # a signed approval counts for its signer alone (history credits the key's person):
        # a co-approver's role would be missing from it
        refusals.append(say("cli.approve.co-approver-signed"))
    held = {role for a in approvers for role in a.roles}
    needed_any: set[str] = set()  # every approver role the change needs, gathered below
    names = say.cat.join(a.name for a in approvers)
    for one in approvers:
        if not config.approval.allow_self_approval and _is(one, authors):
            refusals.append(say("cli.approve.self", person=one.name, branch=args.branch))
    if reviewer is not None and not config.approval.allow_self_approval and _is(reviewer, authors):
        refusals.append(say("cli.approve.self-review", person=reviewer.name, branch=args.branch))
    if (
        reviewer is not None
        and not config.approval.allow_self_approval
        and reviewer.id in {a.id for a in approvers}
    ):
        # as history reads it (DC505.approver): the review is a second person's
        refusals.append(say("cli.approve.reviewer-is-approver", person=reviewer.name))

    # the rules, identities and publishing set-up are approved by their own roles
    # what the merge changes on main, as history will read it (its first-parent diff): the
    # merge made in memory, so that nothing is written before the verdict
    # git's own merge, with the attributes history judges it by (none from the work tree)
    git_dir = _git(root, "rev-parse", "--absolute-git-dir", check=True).stdout.strip()
    merged = merge_tree(Path(git_dir), main_tip, branch_tip)
    tree = merged.tree
    if merged.failure:  # judged by the branch's own diff meanwhile
        refusals.append(say("cli.approve.merge-failed", branch=args.branch, detail=merged.failure))
    elif tree is None:
        refusals.append(say("cli.approve.conflicts", branch=args.branch, main=main))
    compared = [main_tip, tree] if tree else [f"{main_tip}...{branch_tip}"]
    touched = _git(root, "diff", "-z", "--name-only", "--no-renames", *compared)
    named = history.site_named
    # the three trees, each listed once: main's, the merge's, the branch's (path → mode, blob)
    # (and the paths the judged trees list twice)
    with GitReader(root) as lister:
        listings = (
            [lister.tree_listing(rev) for rev in (main_tip, tree, branch_tip)] if tree else []
        )
        judged_listing = listings[1] if tree else lister.tree_listing(branch_tip)
    # history reads the branch's side by rev:path too (who wrote what the merge holds): a
    # path its tip lists twice is read as its first entry there, whatever git's merge made
    repeated = sorted({*judged_listing[1], *(listings[2][1] if tree else ())})
    trees = tuple(files for files, _ in listings)

    def document(path: str) -> bool:
        # a Markdown path is a document only as a regular file (history judges a link or a
        # submodule named like a page as a controlled file)
        if not DOC_PATH.match(path) or not trees:
            return bool(DOC_PATH.match(path))
        return trees[1].get(path, ("100644", ""))[0] in REGULAR

    controlled = sorted(
        p
        for p in touched.stdout.split("\0")
        if p and controlled_path(p, config, named, document(p))
    )
    if trees:
        refusals += _documents_merged(
            root, trees, touched.stdout.split("\0"), main, bool(args.effective), say
        )
    if controlled:
        what = ", ".join(controlled)
        needed_any |= set(config.approval.config_approvers)
        if not set(config.approval.config_approvers) & held:
            refusals.append(
                say(
                    "cli.approve.config-approver",
                    what=what,
                    person=names,
                    roles=_roles(say, config.approval.config_approvers),
                )
            )
        if (
            reviewer is not None
            and config.approval.require_review
            and not set(config.approval.config_reviewers) & set(reviewer.roles)
        ):
            refusals.append(
                say(
                    "cli.approve.config-reviewer",
                    what=what,
                    person=reviewer.name,
                    roles=_roles(say, config.approval.config_reviewers),
                )
            )
    changed = _git(
        root,
        "diff",
        "--name-status",
        "--no-renames",
        "--ignore-submodules=none",
        f"{main_tip}...{branch_tip}",
        "--",
        "docs",
    ).stdout.splitlines()
    today = config.today().isoformat()
    effective = parse_date_arg(args.effective, "--effective") if args.effective else None
    dated: list[str] = []  # documents whose new version takes the approver's date
    with GitReader(root) as reader:  # one cat-file for every version read below
        # a branch that declares the baseline (doccontrol baseline) approves the whole set as
        # it stands, by the roles that approve the configuration, as history judges it
        branch_config = reader.read_file_at(branch_tip, "doccontrol.yml") or b""
        since = re.search(
            rb"^control_since:\s*['\"]?([0-9a-fA-F]{7,40})['\"]?\s*$", branch_config, re.M
        )
        declares = bool(since and main_tip.startswith(since[1].decode().lower()))
        # the version the merge commits at each path it changes (the branch's, its effective
        # date perhaps git's merge of main's: _documents_merged refuses any other difference)
        versions = {
            path: _meta_and_body(reader.read_file_at(tree or branch_tip, path), path)
            for status, _, path in (line.partition("\t") for line in changed)
            if DOC_PATH.match(path) and status != "D"
        }
        # the ids the merge puts at the paths it changes: an id main holds at one of them and
        # the merge at another moved (two files swapped), it was not renumbered away
        placed = {str(found[0].get("id", path)) for path, found in versions.items() if found}
        # main's version at each of those paths, and where main holds each of those ids
        on_main = {
            path: _meta_and_body(reader.read_file_at(main_tip, path), path)
            for path in (line.partition("\t")[2] for line in changed)
            if DOC_PATH.match(path)
        }
        main_paths = {
            str(found[0].get("id", path)): path for path, found in on_main.items() if found
        }
        for line in changed:
            path = line.partition("\t")[2]
            if not DOC_PATH.match(path):
                continue
            new = versions.get(path)
            old = on_main.get(path)
            ruling = old or new
            if ruling is None:
                continue
            doc_id = str((new or ruling)[0].get("id", path))
            # authority as history judges it: the document's last approved front matter, or
            # its type's default roles (never roles a change nobody approved chose). A file
            # renumbered withdraws its old id and starts the new one: both are judged
            judged = [(str(ruling[0].get("id", "")), ruling[0])]
            if new is not None and old is not None and new[0].get("id") != old[0].get("id"):
                judged.append((doc_id, new[0]))
            for judged_id, judged_meta in judged:
                meta = _approved_roles(reader, history, config, judged_id, judged_meta)
                if declares:
                    meta = {
                        "approver": list(config.approval.config_approvers),
                        "reviewer": list(config.approval.config_reviewers),
                    }
                shown_id = judged_id or doc_id
                needed = set(meta_texts(meta, "approver"))
                needed_any |= needed
                if not needed & held:
                    refusals.append(
                        say(
                            "cli.approve.approver-role",
                            id=shown_id,
                            person=names,
                            roles=_roles(say, sorted(needed)),
                        )
                    )
                review_needed = set(meta_texts(meta, "reviewer"))
                if (
                    reviewer is not None
                    and config.approval.require_review
                    and not review_needed & set(reviewer.roles)
                ):
                    refusals.append(
                        say(
                            "cli.approve.reviewer-role",
                            id=shown_id,
                            person=reviewer.name,
                            roles=_roles(say, sorted(review_needed)),
                        )
                    )
            # the version before: main's at this path; for a file that takes another id (or
            # a new file), that id's last approved version, as history compares it with
            before = old
            if new is not None and (old is None or old[0].get("id") != new[0].get("id")):
                before = _approved_text(reader, history, doc_id)
            if new is not None and before is not None:
                verdict = version_verdict(before[0], before[1], new[0], new[1], config)
                if verdict is not None:
                    refusals.append(
                        say(
                            "cli.approve.not-bumped",
                            id=doc_id,
                            old=str(verdict.old),
                            fix=f"doccontrol bump {doc_id}",
                        )
                    )
            if new is None or new[0].get("status") != "effective":
                continue
            version = str(new[0].get("version") or "")
            old_id = str(old[0].get("id") or "") if old is not None else ""
            renumbered = bool(old_id) and old_id != doc_id and old_id not in placed
            # the id main holds at another path the merge changes or removes: moved here
            moved = main_paths.get(doc_id, path) != path
            known = history.documents.get(doc_id)
            if (
                (moved or not renumbered)
                and before is not None
                and before[0].get("id") == doc_id
                and before[0].get("version") == version
                and before[0].get("status") == "effective"
                and known is not None
                and not known.withdrawn
            ):
                # the same version approved again (a review), or moved to another file while
                # on main: its date stands, as history keeps it (one withdrawn and put back, or
                # a draft made effective, is in force from this approval, and dated as a new
                # version is)
                continue
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
            starts = effective or meta_day(new[0], "effective_date")
            if reason:
                text = say.msg(reason)
                if effective is None:
                    text += say("cli.approve.or-effective", date=max(today, previous))
                refusals.append(text)
            elif renumbered and starts > today:
                # the old number leaves with this merge: a new number that starts later would
                # leave the procedure with nothing in force (and its page with no text) till then
                refusals.append(
                    say("cli.approve.renumber-later", old=old_id, new=doc_id, date=starts)
                    + say("cli.approve.or-effective", date=today)
                )
            elif effective is not None:
                dated.append(path)

    if len(approvers) > 1 and not needed_any & set(approver.roles):
        # a co-approver supplies a second role; the one who approves holds one of their own
        # (never a merge recorded in the names of people who took no part)
        refusals.append(
            say(
                "cli.approve.runner-role",
                person=approver.name,
                roles=_roles(say, sorted(needed_any)),
            )
        )
    if tree and not declares:
        # (the adoption approves the whole set as it stands: doccontrol baseline)
        refusals += _adopting_pending(
            root, main_tip, tree, trees, controlled, config, named, history, say
        )
    if tree and not sign and _turns_on_signing(root, config, trees[1]):
        # history puts require_signed in force only by its approver's signed change
        # (DC536.switch): an unsigned merge of it would be approved and never take effect
        refusals.append(say("cli.approve.switch-unsigned"))

    # check what the merge would put on main (git's merge of the branch into main), not the
    # branch alone: a branch that left main earlier lacks what main gained since (a document
    # claiming the same id, a page at the same URL, a record type whose form page it takes).
    # The files are written as Git stores them, never checked out: a checkout would run the
    # approver's hooks on the branch's files and follow their sparse patterns and filters
    with tempfile.TemporaryDirectory(prefix="doccontrol-approve-") as tmp:
        merged_files = Path(tmp) / "merge"
        files = judged_listing[0]
        problems = []
        if repeated:
            # Git reads a path's first entry (history, the register, the site), a checkout
            # writes its last: no check of a work tree can vouch for such a tree
            refusals += [say("cli.approve.repeated-path", path=p) for p in repeated]
        else:
            with GitReader(root) as writer:
                unwritable = _write_checked_files(writer, files, merged_files)
            # a tree no checkout writes as it reads (a link with files under it, '.git',
            # a name too long): refused, never judged by what could be written of it
            refusals += [say("cli.approve.unsafe-path", path=p) for p in unwritable]
            if not unwritable:
                try:
                    problems = check(repository.load(merged_files))
                except repository.RepositoryError as exc:  # no doccontrol.yml the merge holds
                    refusals.append(exc.text(say.cat))
    refusals += [p.format(say.cat, say.names) for p in problems]

    if refusals or tree is None:
        print(say("cli.approve.refused", branch=args.branch))
        for refusal in refusals:
            print(f"  - {refusal}")
        return 1
    subject = (
        args.title
        or _git(
            root, "log", "--reverse", "--format=%s", f"{main_tip}..{branch_tip}"
        ).stdout.splitlines()[0]
    )
    lines = [f"Approved-by: {a.name} <{a.emails[0]}>" for a in approvers]
    if reviewer is not None:
        lines.append(f"Reviewed-by: {reviewer.name} <{reviewer.emails[0]}>")
    message = f"Merge branch '{args.branch}'\n\n{subject}\n\n" + "\n".join(lines)
    suspect = branch_impact_text(root, args.branch)  # before the merge moves the merge-base
    if effective is not None and dated:
        tree = _with_dates(root, tree, trees[1], dated, effective, say.cat)
    made = _commit_merge(root, main_tip, branch_tip, tree, message, sign)
    if config.approval.require_signed:
        # judged as the trail will judge it before main moves to it: signed by a key
        # doccontrol.yml lists for one of the approvers (never left for CI to refuse)
        wrong = _signature_refusal(root, made, config, approvers, say)
        if wrong:
            print(say("cli.approve.refused", branch=args.branch))
            print(f"  - {wrong}")
            return 1
    # a fast-forward to it: refused, with nothing changed, if main moved since it was judged
    _git_ok(root, ["merge", "--ff-only", "--quiet", made])
    parsed = trailer_block.trailers(_git(root, "log", "-1", "--format=%B").stdout)
    sha = _git(root, "rev-parse", "--short=10", "HEAD").stdout.strip()
    trailer_text = "; ".join(f"{k}: {v}" for k, v in parsed)
    print(say("cli.approve.done", branch=args.branch, sha=sha, trailers=trailer_text))
    print(suspect)
    return 0


def _approved_roles(
    reader: GitReader, history: History, config: Config, doc_id: str, meta: dict[str, Any]
) -> dict[str, Any]:
    """The roles a change to ``doc_id`` is judged by, as history judges them: from the front
    matter of its last approved version (or its pre-control baseline), else its type's
    default roles in the approved configuration."""
    approved = _approved_text(reader, history, doc_id)
    if approved is not None:
        return approved[0]
    doc_type = config.document_types.get(str(meta.get("type") or ""))
    if doc_type is None:
        return meta
    return {key: list(doc_type.defaults.get(key, ())) for key in ("approver", "reviewer")}


def _write_checked_files(
    reader: GitReader, files: Mapping[str, tuple[str, str]], folder: Path
) -> list[str]:
    """The files ``check`` reads (doccontrol.yml, docs/, records/, schemas/) of a tree, written
    under ``folder`` byte for byte as Git stores them; the paths that cannot be written so,
    which are refused (nothing is written then). A symbolic link is written as a link to
    nowhere (check reports it as a link and reads no target); a path under a link of the tree
    (a crafted tree git's checkout refuses), a name git never checks out ('..', '.git' in any
    spelling a disk may take for it, a backslash) or one the disk cannot hold is not written:
    nothing the tree holds may reach outside ``folder`` or be judged by a part of itself. Nor
    may anything be spelled like those files in another letter case ('Docs/'), which a disk
    that ignores case takes for them."""
    import os

    from doccontrol.config import CONFIG_FILE
    from doccontrol.load.repository import DOCS_DIR, RECORDS_DIR, SCHEMAS_DIR

    roots = (DOCS_DIR, RECORDS_DIR, SCHEMAS_DIR)
    checked = {
        path: entry
        for path, entry in files.items()
        if path.split("/")[0] in roots or path == CONFIG_FILE
    }
    # 'Docs/' or 'DOCCONTROL.yml': nothing here on this disk, but a checkout on a disk that
    # ignores letter case (macOS, Windows) writes it into docs/ or over doccontrol.yml
    folded = {r.casefold() for r in roots}
    unwritable = [
        path
        for path in files
        if path not in checked
        and (path.split("/")[0].casefold() in folded or path.casefold() == CONFIG_FILE.casefold())
    ]
    unwritable += [
        path
        for path in checked
        if any(_unsafe_name(part) for part in path.split("/"))
        or any("/".join(path.split("/")[:n]) in files for n in range(1, path.count("/") + 1))
    ]
    if unwritable:
        return sorted(unwritable)
    for path, (mode, sha) in checked.items():
        target = folder.joinpath(*path.split("/"))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if mode == "120000":
                os.symlink("/nonexistent/doccontrol-approve-link", target)
            elif mode in REGULAR:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                handle = os.open(target, flags, 0o644)
                with os.fdopen(handle, "wb") as out:
                    out.write(reader.blob(sha))
        except OSError:
            unwritable.append(path)
    return sorted(unwritable)


def _unsafe_name(part: str) -> bool:
    """A path component git refuses to check out (or a disk may take for '.git')."""
    folded = part.rstrip(". ").lower()
    return part in ("", ".", "..") or folded in (".git", "git~1") or "\\" in part


def _approved_text(
    reader: GitReader, history: History, doc_id: str
) -> tuple[dict[str, Any], str] | None:
    """The front matter and body of ``doc_id``'s last approved version (or its pre-control
    baseline), as history judges a change to it by; None for an id never approved."""
    found = history.documents.get(doc_id)
    if found is None:
        return None
    # a withdrawal's commit no longer holds the file: the version approved before it is the
    # one history judges a re-added document by
    vouched = [r for r in found.revisions if r.approved and r.commit and r.kind != "withdrawal"]
    last = vouched[-1] if vouched else found.baseline
    if last is None or not last.commit:
        return None
    return _meta_and_body(reader.read_file_at(last.commit, last.path), last.path)


def _brought_under_control(
    root: Path,
    tree: str,
    trees: tuple[dict[str, tuple[str, str]], ...],
    controlled: list[str],
    config: Config,
    old_named: NamedPaths,
) -> list[str]:
    """The files a change of doccontrol.yml, mkdocs.yml or a file it inherits brings under
    control whose version in the merge is not the branch's (the history's DC516.merged, asked
    the same way)."""
    from doccontrol.config import CONFIG_FILE
    from doccontrol.history.derive import SITE_CONFIGS
    from doccontrol.history.gitread import GitReader
    from doccontrol.history.rules_paths import (
        NOTHING,
        NamedPaths,
        Opened,
        named_paths,
        newly_controlled,
    )
    from doccontrol.load.repository import load_config

    # (the files mkdocs.yml inherits, and its hooks, are among what it controls)
    if not any(p in (CONFIG_FILE, *SITE_CONFIGS) or old_named.controls(p) for p in controlled):
        return []
    with GitReader(root) as reader:
        data = reader.read_file_at(tree, CONFIG_FILE)
        new_config = (load_config(data)[0] if data else None) or config

        def read(path: str) -> Opened:
            # as the file system gives the merge's file (links followed), as history reads it
            real, blob, links = reader.regular_file_at(tree, path)
            return Opened(real, reader.blob(blob) if blob else None, links)

        # the site's configuration the merge holds, found as history finds it
        new_named = NOTHING
        for name in SITE_CONFIGS:
            _, blob, links = reader.regular_file_at(tree, name)
            if links:
                new_named = NamedPaths(opaque=True)
            elif blob is not None:
                new_named = named_paths(reader.blob(blob), read, name)
            else:
                continue
            break
    _, merged, theirs = trees
    unseen, _ = newly_controlled(merged, [theirs], (config, old_named), (new_config, new_named))
    return unseen


def _renamed_into(root: Path, main: str, tree: str) -> dict[str, str]:
    """The files the merge's first-parent diff shows as renamed: new path → old path, found as
    history finds them (``-M``)."""
    shown = _git(root, "diff", "-z", "--name-status", "-M", "--ignore-submodules=none", main, tree)
    listed = shown.stdout.split("\0")
    found: dict[str, str] = {}
    index = 0
    while index < len(listed) - 1:
        status = listed[index]
        if status.startswith(("R", "C")) and index + 2 < len(listed):
            if status.startswith("R"):
                found[listed[index + 2]] = listed[index + 1]
            index += 3
        else:
            index += 2
    return found


def _adopting_pending(
    root: Path,
    main: str,
    tree: str,
    trees: tuple[dict[str, tuple[str, str]], ...],
    controlled: list[str],
    config: Config,
    named: NamedPaths,
    history: History,
    say: Speech,
) -> list[str]:
    """A controlled file the merge changes from a version that is not the one in force (main
    holds a change to it nobody approved) to another that is not it either: the merge would
    put that change in force too, though no diff showed it. Refused, as history refuses to
    apply it (DC516.adopts); a merge that restores the version in force is not."""
    from doccontrol.history.rules import controlled_accepted

    refusals = [
        say("cli.approve.merged-content", path=path, main=main)
        for path in _brought_under_control(root, tree, trees, controlled, config, named)
    ]
    ours, merged, theirs = trees
    renames: dict[str, str] | None = None  # read only when a file new on main needs it

    def blob(files: dict[str, tuple[str, str]], path: str) -> str | None:
        return files.get(path, ("", ""))[1] or None

    for path in controlled:
        entry = merged.get(path, ("", ""))[0]
        if entry and entry not in REGULAR:
            # a link or a submodule in a controlled place is no file (history: DC516.not-regular)
            refusals.append(say("cli.approve.not-regular", path=path))
            continue
        before, after = blob(ours, path), blob(merged, path)
        in_force = history.in_force_files.get(path, before)
        # main holding this very file (or the controlled file the branch renamed into it) as
        # it is in force, the clean merge approve makes of the reviewed diff brings in nothing
        # unreviewed; else the result must be the branch's own version (as history judges)
        main_clean = before is not None and before == in_force
        if before is None and after != blob(theirs, path):
            if renames is None:
                renames = _renamed_into(root, main, tree)
            source = renames.get(path)
            if source is not None and source in controlled:
                held = blob(ours, source)
                main_clean = held is not None and held == history.in_force_files.get(source, held)
        if not main_clean and after != blob(theirs, path):
            # the merge would make a version nobody reviewed (history: DC516.merged)
            refusals.append(say("cli.approve.merged-content", path=path, main=main))
            continue
        if before == in_force or after == in_force:
            continue
        commits = [
            e.commit[:10]
            for e in history.events
            if path in e.controlled and not controlled_accepted(e, path)
        ]
        refusals.append(
            say("cli.approve.adopts-pending", path=path, commits=", ".join(commits[-3:]))
        )
    return refusals


def _turns_on_signing(root: Path, config: Config, merged: Mapping[str, tuple[str, str]]) -> bool:
    """Whether the merge's doccontrol.yml asks for signed approvals where the rules in force
    (``config``) do not: the change that turns ``require_signed`` on."""
    from doccontrol.config import CONFIG_FILE
    from doccontrol.history.gitread import run_git
    from doccontrol.load.repository import load_config

    blob = merged.get(CONFIG_FILE, ("", ""))[1]
    if config.approval.require_signed or not blob:
        return False
    new = load_config(run_git(root, ["cat-file", "blob", blob]).stdout)[0]
    return new is not None and new.approval.require_signed


def _branch_tip(root: Path, name: str) -> str | None:
    """The commit of the branch ``name``: local (refs/heads/) or fetched (refs/remotes/), never
    a tag or a commit id, which git's own lookup would prefer (refs/tags/b before
    refs/heads/b: a tag pushed beside a reviewed branch would be approved in its name)."""
    from doccontrol.history.gitread import exact_commit

    full = name.startswith(("refs/heads/", "refs/remotes/"))
    for ref in (name,) if full else (f"refs/heads/{name}", f"refs/remotes/{name}"):
        # exactly that ref: where it is missing, git's lookup would take a tag named like it
        found = exact_commit(root, ref)
        if found:
            return found
    return None


def _documents_merged(
    root: Path,
    trees: tuple[dict[str, tuple[str, str]], ...],
    touched: list[str],
    main: str,
    dating: bool,
    say: Speech,
) -> list[str]:
    """A document the merge changes must come out as the branch has it: where git mixes in a
    change main holds since the branch left (one nobody reviewed), history counts the merger
    as its author. Only its effective date may differ, and only when the approver sets it
    (``dating``: --effective); else git would take main's date for the new version, a date
    neither the review nor the approver chose."""
    from doccontrol.history.gitread import run_git
    from doccontrol.history.rules import sans_effective
    from doccontrol.paths import DOC_PATH

    _, merged, branch = trees
    refusals = []
    for path in touched:
        if not (path and DOC_PATH.match(path)) or path not in merged:
            continue
        ours, theirs = merged[path][1], branch.get(path, ("", ""))[1]
        if ours == theirs:
            continue
        texts = [
            sans_effective(run_git(root, ["cat-file", "blob", blob]).stdout) if blob else None
            for blob in (ours, theirs)
        ]
        if texts[0] != texts[1]:
            refusals.append(say("cli.approve.merged-content", path=path, main=main))
        elif not dating:
            refusals.append(say("cli.approve.merged-date", path=path, main=main))
    return refusals


def _with_dates(
    root: Path,
    tree: str,
    files: dict[str, tuple[str, str]],
    paths: list[str],
    effective: str,
    cat: Catalogue,
) -> str:
    """The judged merge's tree with the approver's 发布实施日期 written into each new version:
    the date is the approver's decision, so it is part of the approval, not of the change.
    Made in a temporary index: the work tree and the repository's index are not touched."""
    import tempfile

    from doccontrol.authoring import AuthoringError, set_front_matter
    from doccontrol.history.gitread import run_git

    with tempfile.TemporaryDirectory(prefix="doccontrol-approve-") as tmp:
        index = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git_ok(root, ["read-tree", tree], env=index)
        for rel in paths:
            mode, blob = files[rel]
            text = run_git(root, ["cat-file", "blob", blob]).stdout.decode("utf-8", "replace")
            try:
                dated = set_front_matter(text, rel, "effective_date", effective)
            except AuthoringError as exc:
                raise UsageError("cli.approve.date-failed", detail=exc.text(cat)) from None
            # stored as written: no clean filter of the work tree's attributes in between
            new = _git_ok(
                root, ["hash-object", "-w", "--no-filters", "--stdin"], dated.encode("utf-8")
            )
            _git_ok(root, ["update-index", "--cacheinfo", f"{mode},{new},{rel}"], env=index)
        return _git_ok(root, ["write-tree"], env=index)


def _commit_merge(
    root: Path, main_tip: str, branch_tip: str, tree: str, message: str, sign: bool
) -> str:
    """The approval merge: a commit of the very tree that was judged (git's own merge, with
    no merge driver or strategy option from any configuration, plus the approver's dates),
    which main is then moved to. ``git merge`` would merge again by the approver's
    configuration and attributes, which could make a version nobody judged."""
    commit = ["commit-tree", tree, "-p", main_tip, "-p", branch_tip, "-F", "-"]
    if sign:
        commit.insert(1, "-S")
    return _git_ok(root, commit, (message.rstrip("\n") + "\n").encode("utf-8"))


def _signature_refusal(
    root: Path, commit: str, config: Config, approvers: list[Person], say: Speech
) -> str | None:
    """Why the trail would refuse the signature of the approval merge ``commit`` (not made by a
    key doccontrol.yml lists for one of its approvers); None when it accepts it. Read as
    history reads it: git checks the signature, doccontrol decides whose key it is."""
    from doccontrol.history import signatures
    from doccontrol.history.gitread import signature_reader

    with signature_reader(root) as reader:
        reported = reader.signatures([commit])[commit]
    found = signatures.interpret(config, *reported)
    if found.status == "good" and found.verified_for in {a.id for a in approvers}:
        return None
    return say(
        "cli.approve.signed-unlisted",
        key=found.key or "?",
        people=say.cat.text("label.separator").join(a.name for a in approvers),
    )


def _git_ok(
    root: Path, args: list[str], input: bytes | None = None, env: dict[str, str] | None = None
) -> str:
    """One git command that must succeed; its output's first line."""
    from doccontrol.history.gitread import run_git

    result = run_git(root, args, input=input, env=env)
    if result.returncode != 0:
        raise UsageError(
            "cli.error.git-failed",
            command=" ".join(("git", *args[:2])),
            detail=(result.stderr or result.stdout).decode("utf-8", "replace").strip(),
        )
    return result.stdout.decode("utf-8", "replace").strip()


def _roles(say: Speech, roles: Iterable[str]) -> str:
    """Role ids as the reader knows them: their names, or "(none set)"."""
    from doccontrol.problems import Ref

    listed = tuple(Ref("role", r) for r in roles)
    return say("cli.approve.roles", roles=listed) if listed else say("cli.approve.no-roles")
