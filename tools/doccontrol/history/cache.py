"""The derived history, cached in the Git directory and extended when commits arrive.

The cache lives at ``git rev-parse --git-path doccontrol``: inside .git, where no commit can
put a file, so a clone never starts from a cache someone committed. The key is the format,
the tool's version, the branch and the tip's committed doccontrol.yml (which says where
control began): any change to them derives afresh. A cache whose head is an ancestor of the
new head on the first-parent line is extended with only the new commits. The files are JSON
(never pickle: a cache must not be able to run code), written atomically; one of the wrong
shape is discarded and the history derived afresh.
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

CACHE_NAME = "doccontrol"  # under the Git directory
FORMAT = 5


def cache_key(config_bytes: bytes, branch: str) -> str:
    digest = hashlib.sha256()
    for part in (f"{FORMAT}:{__version__}:{branch}".encode(), config_bytes):
        digest.update(part)
    return digest.hexdigest()


class People:
    """Interns people while encoding: each person is written once and referred to by index."""

    def __init__(self, rows: list[list[Any]] | None = None) -> None:
        self.rows: list[list[Any]] = rows or []
        self.index: dict[Person, int] = {}
        self.decoded = [Person(r[0], r[1], r[2], tuple(r[3])) for r in self.rows]

    def ref(self, person: Person) -> int:
        if person not in self.index:
            self.index[person] = len(self.rows)
            self.rows.append([person.name, person.email, person.person_id, list(person.roles)])
        return self.index[person]

    def refs(self, people: tuple[Person, ...]) -> list[int]:
        return [self.ref(p) for p in people]

    def get(self, refs: list[int]) -> tuple[Person, ...]:
        return tuple(self.decoded[i] for i in refs)


def _enc_problem(p: HistoryProblem) -> list[str]:
    return [p.code, p.message, p.commit, p.document, p.person]


def _problems(items: list[list[str]]) -> tuple[HistoryProblem, ...]:
    return tuple(HistoryProblem(*p) for p in items)


def _enc_mr(mr: MergeRequest | None) -> list[Any] | None:
    return [mr.platform, mr.number, mr.url] if mr else None


def _mr(d: list[Any] | None) -> MergeRequest | None:
    return MergeRequest(d[0], d[1], d[2]) if d else None


def _enc_sig(s: Signature) -> list[Any]:
    return [s.status, s.key, s.signer, s.verified_for]


def _sig(d: list[Any]) -> Signature:
    return Signature(d[0], d[1], d[2], d[3])


def encode_revision(r: Revision, people: People) -> list[Any]:
    return [
        r.seq,
        r.kind,
        r.version,
        r.commit,
        r.date,
        r.change,
        list(r.sections),
        people.refs(r.authors),
        r.author_date,
        people.refs(r.reviewers),
        people.refs(r.approvers),
        _enc_mr(r.merge_request),
        _enc_sig(r.signature),
        r.approved,
        r.path,
        r.status,
        [_enc_problem(p) for p in r.problems],
        r.evidence,
        r.effective_date,
    ]


def decode_revision(d: list[Any], people: People) -> Revision:
    return Revision(
        seq=d[0],
        kind=d[1],
        version=d[2],
        commit=d[3],
        date=d[4],
        change=d[5],
        sections=tuple(d[6]),
        authors=people.get(d[7]),
        author_date=d[8],
        reviewers=people.get(d[9]),
        approvers=people.get(d[10]),
        merge_request=_mr(d[11]),
        signature=_sig(d[12]),
        approved=d[13],
        path=d[14],
        status=d[15],
        problems=_problems(d[16]),
        evidence=d[17],
        effective_date=d[18],
    )


def encode_event(e: ApprovalEvent, people: People) -> list[Any]:
    return [
        e.commit,
        e.date,
        e.kind,
        e.summary,
        _enc_mr(e.merge_request),
        people.refs(e.authors),
        people.refs(e.reviewers),
        people.refs(e.approvers),
        people.ref(e.merger),
        _enc_sig(e.signature),
        [[d.id, d.version, d.path, d.kind] for d in e.documents],
        e.approved,
        [_enc_problem(p) for p in e.problems],
        e.evidence,
        list(e.controlled),
    ]


def decode_event(d: list[Any], people: People) -> ApprovalEvent:
    return ApprovalEvent(
        commit=d[0],
        date=d[1],
        kind=d[2],
        summary=d[3],
        merge_request=_mr(d[4]),
        authors=people.get(d[5]),
        reviewers=people.get(d[6]),
        approvers=people.get(d[7]),
        merger=people.decoded[d[8]],
        signature=_sig(d[9]),
        documents=tuple(ApprovedDocument(*x) for x in d[10]),
        approved=d[11],
        problems=_problems(d[12]),
        evidence=d[13],
        controlled=tuple(d[14]),
    )


def _load(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


def read_history(folder: Path) -> dict[str, Any] | None:
    """The cached history, whatever its key (a rewrite is recognised against it)."""
    data = _load(folder / "history.json")
    if data is None or not isinstance(data.get("history"), dict):
        return None
    return data


def read_state(folder: Path, key: str, head: str) -> dict[str, Any] | None:
    """The derivation state (document texts and all), needed only to extend the history."""
    data = _load(folder / "state.json")
    if data is None or data.get("key") != key or data.get("head") != head:
        return None
    return data if isinstance(data.get("state"), dict) else None


def _write_json(folder: Path, name: str, data: dict[str, Any]) -> None:
    # json.dumps takes the C encoder (json.dump to a file would run the pure-Python one)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload.encode("utf-8", "surrogateescape"))
        os.replace(tmp, folder / name)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write(folder: Path, key: str, history: dict[str, Any], state: dict[str, Any]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # state first: a history.json is only ever next to the state it came from
        _write_json(
            folder,
            "state.json",
            {"key": key, "format": FORMAT, "head": history["head"], "state": state},
        )
        _write_json(folder, "history.json", {"key": key, "format": FORMAT, "history": history})
    except OSError:
        pass  # a cache that cannot be written only costs time next run


def safe_history_from(data: dict[str, Any]) -> History | None:
    """The cached history, or None when it is not the shape this version writes."""
    try:
        return history_from(data)
    except (KeyError, TypeError, IndexError, ValueError, AttributeError):
        return None


def history_from(data: dict[str, Any]) -> History:
    body = data["history"]
    people = People(body["people"])
    documents = {
        d[0]: DocumentHistory(
            d[0],
            d[1],
            d[2],
            tuple(decode_revision(r, people) for r in d[4]),
            d[3],
            decode_revision(d[5], people) if d[5] else None,
        )
        for d in body["documents"]
    }
    return History(
        branch=body["branch"],
        head=body["head"],
        documents=documents,
        events=tuple(decode_event(e, people) for e in body["events"]),
        incomplete=body["incomplete"],
        notices=_problems(body["notices"]),
    )


def history_to(history: History) -> dict[str, Any]:
    people = People()
    documents = [
        [
            d.id,
            d.path,
            d.title,
            d.withdrawn,
            [encode_revision(r, people) for r in d.revisions],
            encode_revision(d.baseline, people) if d.baseline else None,
        ]
        for d in history.documents.values()
    ]
    events = [encode_event(e, people) for e in history.events]
    return {
        "branch": history.branch,
        "head": history.head,
        "incomplete": history.incomplete,
        "people": people.rows,
        "documents": documents,
        "events": events,
        "notices": [_enc_problem(p) for p in history.notices],
    }
