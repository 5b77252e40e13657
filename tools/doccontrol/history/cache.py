"""The derived history, cached under .cache/doccontrol/ and extended when commits arrive.

The key is the tool's version, the config and .mailmap bytes and the branch: any change to
them derives afresh. A cache whose head is an ancestor of the new head on the first-parent
line is extended with only the new commits. The file is JSON (never pickle: a cache someone
planted must not be able to run code) and is written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from doccontrol import __version__
from doccontrol.history.model import (
    ApprovalEvent,
    ApprovedDocument,
    DocumentHistory,
    History,
    HistoryProblem,
    MergeRequest,
    Person,
    Revision,
    Signature,
)

CACHE_DIR = Path(".cache/doccontrol")
FORMAT = 1


def cache_key(config_bytes: bytes, mailmap: bytes, branch: str) -> str:
    digest = hashlib.sha256()
    for part in (f"{FORMAT}:{__version__}:{branch}".encode(), config_bytes, b"\0", mailmap):
        digest.update(part)
    return digest.hexdigest()


def _person(d: dict[str, Any]) -> Person:
    return Person(d["name"], d["email"], d.get("person_id"), tuple(d.get("roles", ())))


def _people(items: list[dict[str, Any]]) -> tuple[Person, ...]:
    return tuple(_person(d) for d in items)


def _enc_person(p: Person) -> dict[str, Any]:
    return {"name": p.name, "email": p.email, "person_id": p.person_id, "roles": list(p.roles)}


def _enc_problem(p: HistoryProblem) -> dict[str, Any]:
    return p.to_json()


def _problem(d: dict[str, Any]) -> HistoryProblem:
    return HistoryProblem(
        d["code"], d["message"], d.get("commit", ""), d.get("document", ""), d.get("person", "")
    )


def _mr(d: dict[str, Any] | None) -> MergeRequest | None:
    return MergeRequest(d["platform"], d["number"], d.get("url")) if d else None


def _sig(d: dict[str, Any]) -> Signature:
    return Signature(d["status"], d.get("key", ""), d.get("signer", ""), d.get("verified_for"))


def _enc_sig(s: Signature) -> dict[str, Any]:
    return {"status": s.status, "key": s.key, "signer": s.signer, "verified_for": s.verified_for}


def encode_revision(r: Revision) -> dict[str, Any]:
    return {
        "seq": r.seq,
        "kind": r.kind,
        "version": r.version,
        "commit": r.commit,
        "date": r.date,
        "change": r.change,
        "sections": list(r.sections),
        "authors": [_enc_person(p) for p in r.authors],
        "author_date": r.author_date,
        "reviewers": [_enc_person(p) for p in r.reviewers],
        "approvers": [_enc_person(p) for p in r.approvers],
        "merge_request": r.merge_request.to_json() if r.merge_request else None,
        "signature": _enc_sig(r.signature),
        "approved": r.approved,
        "path": r.path,
        "status": r.status,
        "problems": [_enc_problem(p) for p in r.problems],
    }


def decode_revision(d: dict[str, Any]) -> Revision:
    return Revision(
        seq=d["seq"],
        kind=d["kind"],
        version=d["version"],
        commit=d["commit"],
        date=d["date"],
        change=d["change"],
        sections=tuple(d["sections"]),
        authors=_people(d["authors"]),
        author_date=d["author_date"],
        reviewers=_people(d["reviewers"]),
        approvers=_people(d["approvers"]),
        merge_request=_mr(d["merge_request"]),
        signature=_sig(d["signature"]),
        approved=d["approved"],
        path=d["path"],
        status=d.get("status", ""),
        problems=tuple(_problem(p) for p in d["problems"]),
    )


def encode_event(e: ApprovalEvent) -> dict[str, Any]:
    return {
        "commit": e.commit,
        "date": e.date,
        "kind": e.kind,
        "summary": e.summary,
        "merge_request": e.merge_request.to_json() if e.merge_request else None,
        "authors": [_enc_person(p) for p in e.authors],
        "reviewers": [_enc_person(p) for p in e.reviewers],
        "approvers": [_enc_person(p) for p in e.approvers],
        "merger": _enc_person(e.merger),
        "signature": _enc_sig(e.signature),
        "documents": [[d.id, d.version, d.path, d.kind] for d in e.documents],
        "approved": e.approved,
        "problems": [_enc_problem(p) for p in e.problems],
    }


def decode_event(d: dict[str, Any]) -> ApprovalEvent:
    return ApprovalEvent(
        commit=d["commit"],
        date=d["date"],
        kind=d["kind"],
        summary=d["summary"],
        merge_request=_mr(d["merge_request"]),
        authors=_people(d["authors"]),
        reviewers=_people(d["reviewers"]),
        approvers=_people(d["approvers"]),
        merger=_person(d["merger"]),
        signature=_sig(d["signature"]),
        documents=tuple(ApprovedDocument(*x) for x in d["documents"]),
        approved=d["approved"],
        problems=tuple(_problem(p) for p in d["problems"]),
    )


def read(root: Path, key: str) -> dict[str, Any] | None:
    path = root / CACHE_DIR / "history.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or data.get("format") != FORMAT:
        return None
    return data


def write(root: Path, data: dict[str, Any]) -> None:
    folder = root / CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".history.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"), default=str)
        os.replace(tmp, folder / "history.json")
    except OSError:
        pass  # a cache that cannot be written only costs time next run


def history_from(data: dict[str, Any]) -> History:
    documents = {
        d["id"]: DocumentHistory(
            d["id"],
            d["path"],
            d["title"],
            tuple(decode_revision(r) for r in d["revisions"]),
            d["withdrawn"],
        )
        for d in data["history"]["documents"]
    }
    return History(
        branch=data["history"]["branch"],
        head=data["history"]["head"],
        documents=documents,
        events=tuple(decode_event(e) for e in data["history"]["events"]),
        incomplete=data["history"]["incomplete"],
    )


def history_to(history: History) -> dict[str, Any]:
    return {
        "branch": history.branch,
        "head": history.head,
        "incomplete": history.incomplete,
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "withdrawn": d.withdrawn,
                "revisions": [encode_revision(r) for r in d.revisions],
            }
            for d in history.documents.values()
        ],
        "events": [encode_event(e) for e in history.events],
    }
