"""The rules every approval event, and every document it changes, is checked against.

Plain functions of the commit, the rules in force before it (doccontrol.yml and the document's
last approved front matter) and the people involved; each finding is a HistoryProblem with a
stable code and a message naming the commit, the document and the person."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from doccontrol import versions
from doccontrol.config import CONFIG_FILE, Config
from doccontrol.history import identities, signatures
from doccontrol.history.gitread import Commit
from doccontrol.history.model import ApprovalEvent, Evidence, HistoryProblem, Person, Signature
from doccontrol.load import frontmatter
from doccontrol.problems import Msg, Ref, code_of, msg

# Problems that mean the approval cannot be counted (as opposed to flagged but still valid).
# A review the config requires (DC505/DC506 arise only under require_review) is part of the
# approval: without it the approval is incomplete, so it does not count.
APPROVAL_BLOCKING = frozenset(
    {"DC502", "DC503", "DC504", "DC505", "DC506", "DC507", "DC508", "DC509", "DC522", "DC523"}
)


@dataclass(frozen=True)
class VersionVerdict:
    kind: Literal["down", "not-bumped"]
    old: versions.Version
    new: versions.Version


def version_verdict(
    old_meta: dict[str, Any] | None,
    old_body: str | None,
    new_meta: dict[str, Any] | None,
    new_body: str,
    config: Config,
) -> VersionVerdict | None:
    """The one version rule (history, the version-bump hook and ``approve`` all apply it): a
    change may not lower the version, nor change the text without raising it. None when the
    change is fine or its versions cannot be compared (reported elsewhere)."""
    doc_type = config.document_types.get(meta_text(new_meta, "type"))
    if doc_type is None or old_meta is None:
        return None
    new = versions.parse(meta_text(new_meta, "version"), doc_type.version_scheme)
    return _verdict(old_meta, old_body, new, new_body, doc_type.version_scheme)


def _verdict(
    old_meta: dict[str, Any],
    old_body: str | None,
    new: versions.Version | None,
    new_body: str,
    scheme: str,
) -> VersionVerdict | None:
    old = versions.parse(meta_text(old_meta, "version"), scheme)
    if new is None or old is None:
        return None
    if new < old:
        return VersionVerdict("down", old, new)
    if new == old and new_body != old_body:
        return VersionVerdict("not-bumped", old, new)
    return None


def meta_texts(meta: dict[str, Any] | None, key: str) -> tuple[str, ...]:
    value = (meta or {}).get(key)
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(map(str, value))
    return ()


def meta_text(meta: dict[str, Any] | None, key: str) -> str:
    value = (meta or {}).get(key)
    return str(value) if value is not None else ""


def pending_controlled(events: Iterable[ApprovalEvent]) -> list[str]:
    """Controlled files (configuration, .mailmap, schemas, published assets) whose latest
    change on the main branch was not approved: the rules in force are not what the work
    tree says."""
    latest: dict[str, bool] = {}
    for event in events:
        for path in event.controlled:
            latest[path] = controlled_accepted(event, path)
    return sorted(path for path, approved in latest.items() if not approved)


def controlled_accepted(event: ApprovalEvent, path: str) -> bool:
    """Whether ``event``'s change to the controlled file ``path`` was approved (and so took
    effect), as the history judged it when it applied the change."""
    return path in event.accepted


def meta_day(meta: dict[str, Any] | None, key: str) -> str:
    """A date field of the front matter as YYYY-MM-DD, or "" when absent or not a date."""
    text = meta_text(meta, key)[:10]
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


def effective_verdict(
    doc_id: str,
    version: str,
    effective: str,
    previous_version: str,
    previous_effective: str,
    approval_day: str,
) -> Msg | None:
    """The one effective-date rule (history, ``approve`` and the version-bump hook apply it):
    a new version takes effect on or after the previous version did, and never before it is
    approved. The reason it is broken, with the command that fixes it, or None."""
    fix = f"doccontrol bump {doc_id} --effective YYYY-MM-DD --keep-version"
    if not effective:
        return msg("problem.DC520.missing", id=doc_id, version=version, fix=fix)
    if previous_effective and effective < previous_effective:
        return msg(
            "problem.DC520.before-previous",
            id=doc_id,
            version=version,
            effective=effective,
            previous=previous_version,
            previous_effective=previous_effective,
            fix=fix,
        )
    if approval_day and effective < approval_day:
        return msg(
            "problem.DC520.before-approval"
            if previous_version
            else "problem.DC520.before-approval-first",
            id=doc_id,
            version=version,
            effective=effective,
            approved=approval_day,
            previous=previous_version,
            fix=fix,
            approve="doccontrol approve BRANCH --effective YYYY-MM-DD",
        )
    return None


def effective_problems(
    commit: Commit,
    doc_id: str,
    new_meta: dict[str, Any] | None,
    approved_meta: dict[str, Any] | None,
) -> list[HistoryProblem]:
    """An approval that makes a new version effective with a stale or impossible date."""
    if meta_text(new_meta, "status") != "effective":
        return []
    version = meta_text(new_meta, "version")
    if (
        approved_meta is not None
        and version == meta_text(approved_meta, "version")
        and meta_text(approved_meta, "status") == "effective"
    ):
        return []  # the same version approved again (a review): its date stands
    previous_effective = (
        meta_day(approved_meta, "effective_date")
        if meta_text(approved_meta, "status") == "effective"
        else ""
    )
    reason = effective_verdict(
        doc_id,
        version,
        meta_day(new_meta, "effective_date"),
        meta_text(approved_meta, "version"),
        previous_effective,
        commit.committer_date[:10],
    )
    if reason is None:
        return []
    return [HistoryProblem(code_of(reason.key), reason.key, reason.args, commit.sha, doc_id)]


def evidence(
    kind: str,
    approved: bool,
    signature: Signature,
    approvers: tuple[Person, ...],
    forge_record: Evidence | None = None,
) -> Evidence:
    """How strongly the commit proves its approval (the threat model in README).
    ``forge_record``: the approval rests on reviews the forge recorded (a note), signed by a
    trusted forge key ("forge-api-signed") or not ("forge-api"); only an approver's own
    signature on the commit proves more."""
    if not approved or kind == "direct":
        return "none"
    verified = signature.verified_for if signature.status == "good" else None
    if verified != signatures.FORGE and verified in {a.person_id for a in approvers if a.person_id}:
        return "approver-signed"
    if forge_record is not None:
        return forge_record
    if verified == signatures.FORGE:
        return "forge-signed"
    return "unsigned"


def event_problems(
    commit: Commit,
    kind: str,
    config: Config,
    approvers: tuple[Person, ...],
    signature: Signature,
    listed_twice: Iterable[str] = (),
) -> list[HistoryProblem]:
    """The problems of the approval as a whole. ``listed_twice``: the paths the commit's tree
    lists twice (``_Deriver.listed_twice``)."""
    problems: list[HistoryProblem] = []
    if kind == "direct":
        return problems
    repeated = sorted(listed_twice)
    if repeated:
        # a crafted tree (git fsck: duplicateEntries): Git reads a path's first entry, a
        # checkout (the forge's diff, CI's check) its last; nobody can say which was reviewed
        problems.append(
            HistoryProblem.of(
                "problem.DC523", commit.sha, sha=commit.sha[:10], paths=", ".join(repeated)
            )
        )
    for person in approvers:
        if not person.person_id:
            problems.append(
                HistoryProblem.of(
                    "problem.DC512",
                    commit.sha,
                    "",
                    person.email,
                    sha=commit.sha[:10],
                    person=f"{person.name} <{person.email}>",
                    config=CONFIG_FILE,
                )
            )
    if config.approval.require_signed:
        sha = commit.sha[:10]
        if signature.status == "none":
            problems.append(HistoryProblem.of("problem.DC507", commit.sha, sha=sha))
        elif signature.status == "bad":
            problems.append(
                HistoryProblem.of("problem.DC508", commit.sha, sha=sha, key=signature.key)
            )
        elif signature.status != "good":
            problems.append(
                HistoryProblem.of(
                    "problem.DC509.unverified",
                    commit.sha,
                    sha=sha,
                    status=signature.status,
                    key=signature.key or "?",
                )
            )
        elif signature.verified_for != signatures.FORGE and signature.verified_for not in {
            a.person_id for a in approvers
        }:
            problems.append(
                HistoryProblem.of(
                    "problem.DC509.not-approver",
                    commit.sha,
                    "",
                    signature.verified_for or "",
                    sha=sha,
                    signer=Ref("person", signature.verified_for or ""),
                )
            )
    return problems


def _wrote_it(
    commit: Commit,
    doc_id: str,
    role: str,
    person: Person,
    authors: tuple[Person, ...],
    wrote: identities.People | None,
) -> HistoryProblem | None:
    """DC503 when ``person`` (an approver or reviewer, by ``role``) wrote the change: by id or
    address, or as a writer no listed address names who bears their name (``-named``: her
    own change, as far as anyone can tell; round 93)."""
    key = f"problem.DC503.{role}"
    args = {"person": person.name, "id": doc_id, "sha": commit.sha[:10]}
    if person not in authors and not (wrote is not None and wrote.holds(person)):
        named = wrote.named(person) if wrote is not None else None
        if named is None:
            return None
        key, args["email"] = f"{key}-named", named or "<>"
    return HistoryProblem.of(key, commit.sha, doc_id, person.email, **args)


def approval_problems(
    commit: Commit,
    doc_id: str,
    config: Config,
    rules_meta: dict[str, Any] | None,
    authors: tuple[Person, ...],
    approvers: tuple[Person, ...],
    reviewers: tuple[Person, ...],
) -> list[HistoryProblem]:
    sha = commit.sha[:10]
    problems: list[HistoryProblem] = []
    needed = set(meta_texts(rules_meta, "approver"))
    qualified = []
    wrote = identities.People.of(authors) if approvers or reviewers else None
    for approver in approvers:
        if not approver.person_id:
            continue
        wrote_it = _wrote_it(commit, doc_id, "approver", approver, authors, wrote)
        if not config.approval.allow_self_approval and wrote_it is not None:
            problems.append(wrote_it)
            continue
        qualified.append(approver)
    if not approvers:
        problems.append(
            HistoryProblem.of(
                "problem.DC504",
                commit.sha,
                doc_id,
                sha=sha,
                id=doc_id,
                trailers=", ".join(config.approval.approve_trailers),
            )
        )
    elif qualified and all(needed.isdisjoint(a.roles) for a in qualified):
        problems.append(
            HistoryProblem.of(
                "problem.DC502" if needed else "problem.DC502.none-listed",
                commit.sha,
                doc_id,
                qualified[0].email,
                people=tuple(a.name for a in qualified),
                id=doc_id,
                sha=sha,
                roles=tuple(Ref("role", r) for r in sorted(needed)),
            )
        )
    if config.approval.require_review:
        needed_review = set(meta_texts(rules_meta, "reviewer"))
        known = []
        approving = []  # reviewers who are also approvers of this change
        for reviewer in (r for r in reviewers if r.person_id):
            wrote_it = _wrote_it(commit, doc_id, "reviewer", reviewer, authors, wrote)
            if not config.approval.allow_self_approval and wrote_it is not None:
                problems.append(wrote_it)
                continue
            if not config.approval.allow_self_approval and any(
                identities.same_person(reviewer, a) for a in approvers
            ):
                # the review the rule asks for is a second person's: an approver who names
                # herself as reviewer too (one person may hold both roles) reviewed nothing
                approving.append(reviewer)
                continue
            known.append(reviewer)
        if not known and approving:
            problems.append(
                HistoryProblem.of(
                    "problem.DC505.approver",
                    commit.sha,
                    doc_id,
                    approving[0].email,
                    person=approving[0].name,
                    sha=sha,
                    id=doc_id,
                )
            )
        elif not known:
            problems.append(
                HistoryProblem.of(
                    "problem.DC505",
                    commit.sha,
                    doc_id,
                    sha=sha,
                    id=doc_id,
                    trailers=", ".join(config.approval.review_trailers),
                )
            )
        elif all(needed_review.isdisjoint(r.roles) for r in known):
            problems.append(
                HistoryProblem.of(
                    "problem.DC506",
                    commit.sha,
                    doc_id,
                    known[0].email,
                    people=tuple(r.name for r in known),
                    id=doc_id,
                    sha=sha,
                    roles=tuple(Ref("role", r) for r in sorted(needed_review)),
                )
            )
    return problems


def version_problems(
    commit: Commit,
    doc_id: str,
    new_meta: dict[str, Any] | None,
    new_body: str,
    approved_meta: dict[str, Any] | None,
    approved_body: str | None,
    config: Config,
) -> list[HistoryProblem]:
    sha = commit.sha[:10]
    if new_meta is None:  # no front matter, nested too deep, a tag, not a mapping
        return [
            HistoryProblem.of("problem.DC513.unreadable", commit.sha, doc_id, id=doc_id, sha=sha)
        ]
    doc_type = config.document_types.get(meta_text(new_meta, "type"))
    if doc_type is None:
        return [HistoryProblem.of("problem.DC513.type", commit.sha, doc_id, id=doc_id, sha=sha)]
    new = versions.parse(meta_text(new_meta, "version"), doc_type.version_scheme)
    if new is None:
        return [
            HistoryProblem.of(
                f"problem.DC513.{doc_type.version_scheme}",
                commit.sha,
                doc_id,
                id=doc_id,
                sha=sha,
                version=repr(meta_text(new_meta, "version")),
            )
        ]
    if approved_meta is None:
        return []
    verdict = _verdict(approved_meta, approved_body, new, new_body, doc_type.version_scheme)
    if verdict is None:
        return []
    if verdict.kind == "down":
        return [
            HistoryProblem.of(
                "problem.DC510",
                commit.sha,
                doc_id,
                id=doc_id,
                old=str(verdict.old),
                new=str(verdict.new),
                sha=sha,
            )
        ]
    return [
        HistoryProblem.of(
            "problem.DC511",
            commit.sha,
            doc_id,
            id=doc_id,
            sha=sha,
            version=str(verdict.new),
            fix=f"doccontrol bump {doc_id}",
        )
    ]


# the line alone: a carriage return inside it would end a line for YAML, and what followed
# (another key) must not pass as part of the date
_EFFECTIVE_LINE = re.compile(rb"(?m)^(['\"]?)effective_date\1[ \t]*:[^\r\n]*\r?\n")
_VERSION_LINES = re.compile(rb"(?m)^(['\"]?)(?:version|effective_date)\1[ \t]*:[^\r\n]*\r?\n")


def _sans_front_matter_lines(data: bytes, lines: re.Pattern[bytes], count: int) -> bytes:
    """``data`` without the first ``count`` front-matter lines ``lines`` matches (the body's
    own lines are never taken, whatever they say)."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM before the front matter
    # the loader's own cut ('---' or '...' closes it); latin-1 maps each byte to one
    # character, so its places are the bytes'
    end = frontmatter.closing_line(data.decode("latin-1"))
    if end < 0:
        return data
    return lines.sub(b"", data[:end], count=count) + data[end:]


def sans_effective(data: bytes) -> bytes:
    """A version without its 发布实施日期: the approver sets that date in the merge itself
    (``approve --effective``), which is part of approving, not writing the change."""
    return _sans_front_matter_lines(data, _EFFECTIVE_LINE, 1)


def sans_version(data: bytes) -> bytes:
    """A version without its ``version:`` and ``effective_date:`` lines: what two versions of
    a document hold, whichever number and date they carry (a stale branch is told by its
    text, not by its number)."""
    return _sans_front_matter_lines(data, _VERSION_LINES, 2)
