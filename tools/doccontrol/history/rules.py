"""The rules every approval event, and every document it changes, is checked against.

Plain functions of the commit, the rules in force before it (doccontrol.yml and the document's
last approved front matter) and the people involved; each finding is a HistoryProblem with a
stable code and a message naming the commit, the document and the person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from doccontrol import versions
from doccontrol.config import CONFIG_FILE, Config
from doccontrol.history import identities, signatures
from doccontrol.history.gitread import Commit
from doccontrol.history.model import ApprovalEvent, Evidence, HistoryProblem, Person, Signature

# Problems that mean the approval cannot be counted (as opposed to flagged but still valid).
# A review the config requires (DC505/DC506 arise only under require_review) is part of the
# approval: without it the approval is incomplete, so it does not count.
APPROVAL_BLOCKING = frozenset(
    {"DC502", "DC503", "DC504", "DC505", "DC506", "DC507", "DC508", "DC509"}
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
            refused = event.kind == "direct" or any(
                p.code in APPROVAL_BLOCKING | {"DC516"} and p.document in (path, "")
                for p in event.problems
            )
            latest[path] = not refused
    return sorted(path for path, approved in latest.items() if not approved)


def evidence(
    kind: str, approved: bool, signature: Signature, approvers: tuple[Person, ...]
) -> Evidence:
    """How strongly the commit proves its approval (the threat model in README)."""
    if not approved or kind == "direct":
        return "none"
    if signature.status == "good" and signature.verified_for:
        if signature.verified_for == signatures.FORGE:
            return "forge-signed"
        if signature.verified_for in {a.person_id for a in approvers if a.person_id}:
            return "approver-signed"
    return "unsigned"


def event_problems(
    commit: Commit,
    kind: str,
    config: Config,
    approvers: tuple[Person, ...],
    signature: Signature,
) -> list[HistoryProblem]:
    problems: list[HistoryProblem] = []
    if kind == "direct":
        return problems
    for person in approvers:
        if not person.person_id:
            problems.append(
                HistoryProblem(
                    "DC512",
                    f"approval {commit.sha[:10]} names {person.name} <{person.email}>, who is not among the people in {CONFIG_FILE}; it does not count",
                    commit.sha,
                    "",
                    person.email,
                )
            )
    if config.approval.require_signed:
        sha = commit.sha[:10]
        if signature.status == "none":
            problems.append(
                HistoryProblem(
                    "DC507",
                    f"approval {sha} is not signed; signed approvals are required, so its trailers cannot be trusted",
                    commit.sha,
                )
            )
        elif signature.status == "bad":
            problems.append(
                HistoryProblem(
                    "DC508",
                    f"approval {sha} carries a bad signature (key {signature.key})",
                    commit.sha,
                )
            )
        elif signature.status != "good":
            problems.append(
                HistoryProblem(
                    "DC509",
                    f"approval {sha} is signed by a key that cannot be verified ({signature.status}, key {signature.key or '?'})",
                    commit.sha,
                )
            )
        elif signature.verified_for != signatures.FORGE and signature.verified_for not in {
            a.person_id for a in approvers
        }:
            problems.append(
                HistoryProblem(
                    "DC509",
                    f"approval {sha} is signed by {signature.verified_for}, who is not one of its approvers",
                    commit.sha,
                    "",
                    signature.verified_for or "",
                )
            )
    return problems


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
    for approver in approvers:
        if not approver.person_id:
            continue
        if not config.approval.allow_self_approval and (
            approver in authors  # most often the very same (interned) record
            or any(identities.same_person(approver, a) for a in authors)
        ):
            problems.append(
                HistoryProblem(
                    "DC503",
                    f"{approver.name} approved {doc_id} in {sha} but is also an author of the change (segregation of duties)",
                    commit.sha,
                    doc_id,
                    approver.email,
                )
            )
            continue
        qualified.append(approver)
    if not approvers:
        problems.append(
            HistoryProblem(
                "DC504",
                f"approval {sha} of {doc_id} names no approver ({', '.join(config.approval.approve_trailers)} trailer)",
                commit.sha,
                doc_id,
            )
        )
    elif qualified and all(needed.isdisjoint(a.roles) for a in qualified):
        names = ", ".join(a.name for a in qualified)
        problems.append(
            HistoryProblem(
                "DC502",
                f"{names} approved {doc_id} in {sha} without holding an approver role for it ({', '.join(sorted(needed)) or 'none listed'})",
                commit.sha,
                doc_id,
                qualified[0].email,
            )
        )
    if config.approval.require_review:
        needed_review = set(meta_texts(rules_meta, "reviewer"))
        known = []
        for reviewer in (r for r in reviewers if r.person_id):
            if not config.approval.allow_self_approval and any(
                identities.same_person(reviewer, a) for a in authors
            ):
                problems.append(
                    HistoryProblem(
                        "DC503",
                        f"{reviewer.name} reviewed {doc_id} in {sha} but is also an author of the change (segregation of duties)",
                        commit.sha,
                        doc_id,
                        reviewer.email,
                    )
                )
                continue
            known.append(reviewer)
        if not known:
            problems.append(
                HistoryProblem(
                    "DC505",
                    f"approval {sha} of {doc_id} names no reviewer ({', '.join(config.approval.review_trailers)} trailer)",
                    commit.sha,
                    doc_id,
                )
            )
        elif all(needed_review.isdisjoint(r.roles) for r in known):
            names = ", ".join(r.name for r in known)
            problems.append(
                HistoryProblem(
                    "DC506",
                    f"{names} reviewed {doc_id} in {sha} without holding a reviewer role for it ({', '.join(sorted(needed_review))})",
                    commit.sha,
                    doc_id,
                    known[0].email,
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
    doc_type = config.document_types.get(meta_text(new_meta, "type"))
    if doc_type is None or new_meta is None:
        return [
            HistoryProblem(
                "DC513",
                f"{doc_id} at {sha} has front matter that cannot be read (no valid type)",
                commit.sha,
                doc_id,
            )
        ]
    new = versions.parse(meta_text(new_meta, "version"), doc_type.version_scheme)
    if new is None:
        return [
            HistoryProblem(
                "DC513",
                f"{doc_id} at {sha} has version {meta_text(new_meta, 'version')!r}, not a {doc_type.version_scheme} version",
                commit.sha,
                doc_id,
            )
        ]
    if approved_meta is None:
        return []
    verdict = _verdict(approved_meta, approved_body, new, new_body, doc_type.version_scheme)
    if verdict is None:
        return []
    if verdict.kind == "down":
        message = f"{doc_id} went from {verdict.old} down to {verdict.new} in {sha}"
        return [HistoryProblem("DC510", message, commit.sha, doc_id)]
    message = f"{doc_id} text changed in {sha} but its version stayed {verdict.new}; bump it (doccontrol bump {doc_id})"
    return [HistoryProblem("DC511", message, commit.sha, doc_id)]
