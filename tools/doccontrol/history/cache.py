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

import contextlib
import datetime
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, get_args, get_type_hints, overload

from doccontrol import __version__
from doccontrol.history.gitread import GitError
from doccontrol.history.model import (
    AckChange,
    ApprovalEvent,
    ApprovedDocument,
    DistributionChange,
    DocumentHistory,
    Evidence,
    History,
    HistoryProblem,
    MergeRequest,
    Person,
    Revision,
    RevisionKind,
    Signature,
)
from doccontrol.history.rules_paths import NamedPaths
from doccontrol.package_digest import package_digest
from doccontrol.problems import args_from_json, args_to_json

CACHE_NAME = "doccontrol"  # under the Git directory
# 8: problems as keys and arguments; 9: acknowledgement changes; 10: their writers;
# 11: distribution records' changes (history/distributions.py)
# 12: dates on the main line never go back (derive.on_line), acknowledgement writers include
# committers
# 13: the approved mkdocs.yml (the files it names are controlled: history/rules_paths.py)
# 15: dates in the organisation's time zone (doccontrol.yml's timezone: doccontrol/days.py)
# 16: every approved change to control_since (history/derive._since_in_force)
# 17: control_since judged as places on the line (the checkpoint, where control began)
# 18: the last readable config in force (an unreadable one never hands the rules to the tip)
# 19: unapproved changes to doccontrol.yml kept for the set-up; where no rules could be read
# 20: the last change to control_since is read from the changes kept (derive._last_move)
# 21: which controlled files each event's approval put in force, and the rules in force at the
# end (one answer for approve, the registers and the site: publishing.approved_config)
# 22: an approval that would adopt a change to the rules nobody approved does not take effect
# 23: the same for every controlled file (each one's version in force is kept)
# 24: a merge of a controlled file must be git's own merge of its parents (merge_tree)
# 25: git's merge made without the repository's or the user's configuration and attributes
# (a verdict cached where a local merge driver shaped it is judged again)
# 26: a merge taking a stale branch's version of a document (DC522); the effective-date line
# read to its end alone (rules.sans_effective)
# 27: the effective-date line is looked for in the front matter only
# 28: DC522 judged against every merge base (a criss-cross), and for a merged version that
# claims another id against the document main held at that path; an octopus's controlled
# files too are judged against every merge base; DC522 follows the document main held at the
# path (its earlier paths, its date set in the merge, text git cannot merge), every document
# a merge's version could undo (withdrawn, renumbered, moved by the branch), as main held it
# 29–30: renumbering withdraws the old id; pre-control withdrawals in the baseline
# 31: DC520 on a renumbering in place whose new version takes effect after the merge; DC523
# on an approval whose tree lists a path twice
# 32: dates a commit cannot have (DC524), the removed revisions, `until`
# 33: the keyring a history's signatures were judged by; values read back with their types
# 34: every title a document carried (DocumentHistory.titles)
# 35: diffs and trailers pinned against the reader's configuration; 36: forced signing
# 37: trailers read from the message by trailer_block, whatever the reader configured
# 38: a hook named by mkdocs.yml controls its folder (its imports, its __pycache__)
# 39–41: what the files mkdocs.yml inherits name, read as MkDocs' loader reads them
# 42: mkdocs.yaml is the site's configuration when there is no mkdocs.yml
# 43: each revision's body digest (standing compares texts, not only approvals)
# 44: every version of an id before control began (baseline_files)
# 45 to 47: the commits no approval judged where they stand (unvouched: a later fork from one)
# 48: each line the line held at a path no approval judged (loose)
FORMAT = 48


def cache_key(config_blob: str, branch: str) -> str:
    """What a derivation depends on besides the commits: the tool (its version, and the code
    that derives, so a fix never meets a cache its predecessor wrote), the branch, and the
    tip's committed doccontrol.yml (by its blob id; where control began)."""
    text = f"{FORMAT}:{__version__}:{package_digest()}:{branch}:{config_blob}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class People:
    """Interns people while encoding: each person is written once and referred to by index."""

    def __init__(self, rows: list[list[Any]] | None = None) -> None:
        self.rows: list[list[Any]] = rows or []
        self.index: dict[Person, int] = {}
        self.decoded = [_person(r) for r in self.rows]

    def ref(self, person: Person) -> int:
        if person not in self.index:
            self.index[person] = len(self.rows)
            self.rows.append([person.name, person.email, person.person_id, list(person.roles)])
        return self.index[person]

    def refs(self, people: tuple[Person, ...]) -> list[int]:
        return [self.ref(p) for p in people]

    def get(self, refs: list[int]) -> tuple[Person, ...]:
        return tuple(self.person(i) for i in _list(refs))

    def person(self, i: Any) -> Person:
        if type(i) is not int or i < 0:  # a negative index would name another person
            raise TypeError("not a person's index")
        return self.decoded[i]


# A cache is read back with its types checked: a wrong type (a disk fault, a tool that wrote
# there) must end in a fresh derivation or git.cache-damaged, never a wrong value or a crash
# in whatever later reads it.
def _str(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise TypeError("not a flag")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("not a number")
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise TypeError("not a list")
    return value


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(_str(v) for v in _list(value))


_REVISION_KINDS = frozenset(get_args(RevisionKind))
_EVIDENCE = frozenset(get_args(Evidence))
_EVENT_KINDS = frozenset(get_args(get_type_hints(ApprovalEvent)["kind"]))


def _one_of(value: Any, allowed: frozenset[str]) -> Any:
    """One of a Literal type's values (Any: the check stands in for the type)."""
    if type(value) is not str or value not in allowed:
        raise TypeError("not one of the values written")
    return value


def _approved_document(value: Any) -> ApprovedDocument:
    doc_id, version, path, kind = _list(value)
    return ApprovedDocument(_str(doc_id), _str(version), _str(path), _one_of(kind, _REVISION_KINDS))


def _person(row: Any) -> Person:
    """A cached person, its types checked: a cache of the wrong types is no cache."""
    name, email, person_id, roles = row
    if not (
        isinstance(name, str)
        and isinstance(email, str)
        and (person_id is None or isinstance(person_id, str))
        and isinstance(roles, list)
        and all(isinstance(r, str) for r in roles)
    ):
        raise ValueError("a cached person of the wrong types")
    return Person(name, email, person_id, tuple(roles))


def encode_problem(p: HistoryProblem) -> list[Any]:
    return [p.code, p.key, args_to_json(p.args), p.commit, p.document, p.person]


def decode_problems(items: list[list[Any]]) -> tuple[HistoryProblem, ...]:
    return tuple(
        HistoryProblem(
            _str(code), _str(key), args_from_json(args), _str(commit), _str(document), _str(person)
        )
        for code, key, args, commit, document, person in _list(items)
    )


def _enc_mr(mr: MergeRequest | None) -> list[Any] | None:
    return [mr.platform, mr.number, mr.url] if mr else None


def _mr(d: list[Any] | None) -> MergeRequest | None:
    return MergeRequest(_str(d[0]), _str(d[1]), _opt_str(d[2])) if d else None


def _enc_sig(s: Signature) -> list[Any]:
    return [s.status, s.key, s.signer, s.verified_for]


def _sig(d: list[Any]) -> Signature:
    return Signature(_str(d[0]), _str(d[1]), _str(d[2]), _opt_str(d[3]))


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
        [encode_problem(p) for p in r.problems],
        r.evidence,
        r.effective_date,
        r.editorial,
        r.removed,
        r.body_digest,
        r.level,
    ]


def decode_revision(d: list[Any], people: People) -> Revision:
    return Revision(
        seq=_int(d[0]),
        kind=_one_of(d[1], _REVISION_KINDS),
        version=_str(d[2]),
        commit=_str(d[3]),
        date=_str(d[4]),
        change=_str(d[5]),
        sections=_strs(d[6]),
        authors=people.get(d[7]),
        author_date=_str(d[8]),
        reviewers=people.get(d[9]),
        approvers=people.get(d[10]),
        merge_request=_mr(d[11]),
        signature=_sig(d[12]),
        approved=_flag(d[13]),
        path=_str(d[14]),
        status=_str(d[15]),
        problems=decode_problems(d[16]),
        evidence=_one_of(d[17], _EVIDENCE),
        effective_date=_str(d[18]),
        editorial=_flag(d[19]),
        removed=_flag(d[20]),
        body_digest=_str(d[21]),
        level=_str(d[22]),
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
        [encode_problem(p) for p in e.problems],
        e.evidence,
        list(e.controlled),
        list(e.accepted),
    ]


def decode_event(d: list[Any], people: People) -> ApprovalEvent:
    return ApprovalEvent(
        commit=_str(d[0]),
        date=_str(d[1]),
        kind=_one_of(d[2], _EVENT_KINDS),
        summary=_str(d[3]),
        merge_request=_mr(d[4]),
        authors=people.get(d[5]),
        reviewers=people.get(d[6]),
        approvers=people.get(d[7]),
        merger=people.person(d[8]),
        signature=_sig(d[9]),
        documents=tuple(_approved_document(x) for x in _list(d[10])),
        approved=_flag(d[11]),
        problems=decode_problems(d[12]),
        evidence=_one_of(d[13], _EVIDENCE),
        controlled=_strs(d[14]),
        accepted=_strs(d[15]),
    )


def encode_ack(a: AckChange) -> list[Any]:
    return [
        a.path,
        a.commit,
        a.date,
        a.status,
        list(a.writers),
        a.signer,
        a.person,
        a.document,
        a.version,
        a.claimed,
    ]


def decode_ack(d: list[Any]) -> AckChange:
    return AckChange(
        str(d[0]),
        str(d[1]),
        str(d[2]),
        str(d[3]),
        tuple(str(w) for w in d[4]),
        str(d[5]),
        str(d[6]),
        str(d[7]),
        str(d[8]),
        str(d[9]),
    )


def encode_distribution(d: DistributionChange) -> list[Any]:
    return [
        d.path,
        d.commit,
        d.date,
        d.status,
        list(d.writers),
        d.signer,
        list(d.controllers),
        d.baseline,
        dict(d.fields),
    ]


def decode_distribution(d: list[Any]) -> DistributionChange:
    fields = d[8]
    return DistributionChange(
        str(d[0]),
        str(d[1]),
        str(d[2]),
        str(d[3]),
        tuple(str(w) for w in d[4]),
        str(d[5]),
        tuple(str(w) for w in d[6]),
        bool(d[7]),
        dict(fields) if isinstance(fields, dict) else {},
    )


def encode_named(n: NamedPaths) -> list[Any]:
    return [
        sorted(n.files),
        list(n.folders),
        sorted(n.modules),
        list(n.inherits),
        n.root_hook,
        n.opaque,
    ]


def decode_named(n: list[Any]) -> NamedPaths:
    return NamedPaths(
        frozenset(str(f) for f in n[0]),
        tuple(str(f) for f in n[1]),
        frozenset(str(m) for m in n[2]),
        tuple(str(f) for f in n[3]),
        n[4] is True,
        n[5] is True,
    )


def _read_file(path: Path, at: int = 0, length: int = -1) -> bytes:
    """A cache file's bytes (``length`` of them from ``at``, or all): a regular file only,
    never through a link (a link to /dev/zero would be read for ever), a device or a pipe
    (opened without waiting for a writer, then refused)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            handle.seek(at)
            return handle.read(length)
    finally:
        os.close(fd)


def _load(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(_read_file(path))
    except (OSError, ValueError, RecursionError, MemoryError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


def read_state(
    folder: Path,
    key: str,
    head: str,
    now: datetime.datetime | None = None,
    keyring: str | None = None,
) -> dict[str, Any] | None:
    """The derivation state (document texts and all), needed only to extend the history."""
    data = _load(folder / "state.json")
    if data is None or data.get("key") != key or data.get("head") != head:
        return None
    if _expired(data, now) or _other_keyring(data, keyring):
        return None
    return data if isinstance(data.get("state"), dict) else None


def _write_bytes(folder: Path, name: str, payload: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, folder / name)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _dumps(data: Any) -> bytes:
    # json.dumps takes the C encoder (json.dump to a file would run the pure-Python one)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8", "surrogateescape")


def write(
    folder: Path,
    key: str,
    history: History,
    state: dict[str, Any],
    until: datetime.datetime | None = None,
    keyring: str = "",
) -> None:
    """The history as three files: a small header (key, head, people, notices and where each
    document starts), one line per document and the events. A run that needs one document
    reads the header and that line; one that needs the trail reads the events. ``until``: the
    moment the history stops holding (a commit dated after the run: derive.on_line).
    ``keyring``: the keyring's state the history's signatures were judged by (empty when it
    holds none: signatures.keyring_state)."""
    people = People()
    lines: list[bytes] = []
    index: dict[str, list[int]] = {}
    offset = 0
    for document in history.documents.values():
        line = _dumps(_enc_document(document, people)) + b"\n"
        index[document.id] = [offset, len(line)]
        offset += len(line)
        lines.append(line)
    events = _dumps([encode_event(e, people) for e in history.events])
    # named by the head they describe: a reader still on the previous files keeps them intact
    tag = history.head[:16]
    documents_name, events_name = f"documents-{tag}.jsonl", f"events-{tag}.json"
    valid = until.isoformat() if until is not None else ""
    header = {
        "key": key,
        "format": FORMAT,
        "until": valid,
        "keyring": keyring,
        "branch": history.branch,
        "head": history.head,
        "incomplete": history.incomplete,
        "notices": [encode_problem(p) for p in history.notices],
        "people": people.rows,
        "index": index,
        "documents": documents_name,
        "events": events_name,
        "acknowledgements": [encode_ack(a) for a in history.acknowledgements],
        "distributions": [encode_distribution(d) for d in history.distributions],
        "rules": [
            history.config_in_force,
            history.mailmap_in_force,
            history.rules_unreadable,
            history.mkdocs_in_force,
        ],
        "in_force_files": dict(history.in_force_files),
        "site_named": encode_named(history.site_named),
        "signing_forced": history.signing_forced,
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_bytes(folder, documents_name, b"".join(lines))
        _write_bytes(folder, events_name, events)
        # state before the header: a header is only ever next to the state it came from
        state_data = {
            "key": key,
            "format": FORMAT,
            "head": history.head,
            "until": valid,
            "keyring": keyring,
            "state": state,
        }
        _write_bytes(folder, "state.json", _dumps(state_data))
        _write_bytes(folder, "history.json", _dumps(header))
        for old in folder.iterdir():
            if _PART.fullmatch(old.name) and old.name not in (documents_name, events_name):
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only costs time next run


def _other_keyring(data: dict[str, Any], keyring: str | None) -> bool:
    """Whether the cache's signatures were judged by a keyring other than today's."""
    written = data.get("keyring")
    if keyring is None:
        return False
    if not isinstance(written, str):
        return True
    return bool(written) and written != keyring


def _expired(data: dict[str, Any], now: datetime.datetime | None) -> bool:
    """Whether a cache written while a commit was dated after its run no longer holds: that
    date (less the clock allowance) has come, and the commit's date now counts."""
    until = data.get("until")
    if now is None or not until:
        return False
    try:
        return now >= datetime.datetime.fromisoformat(str(until))
    except ValueError:
        return True


_PART = re.compile(r"(?:documents-[0-9a-f]{1,64}\.jsonl|events-[0-9a-f]{1,64}\.json)")


def open_history(
    folder: Path,
    key: str | None = None,
    head: str | None = None,
    now: datetime.datetime | None = None,
    keyring: str | None = None,
) -> History | None:
    """The cached history, read lazily: documents one by one as they are asked for, events on
    first use. With ``key`` and ``head``, only a cache of exactly that derivation, and with
    ``now`` only one that still holds then; without, whatever is there (a rewrite is recognised
    against it). None when there is none, or it is not the shape this version writes."""
    data = _load(folder / "history.json")
    if data is None:
        return None
    if key is not None and (data.get("key") != key or data.get("head") != head):
        return None
    if _expired(data, now) or _other_keyring(data, keyring):
        return None
    try:
        people = People(data["people"])
        names = (str(data["documents"]), str(data["events"]))
        if not all(_PART.fullmatch(name) for name in names):
            return None
        found = os.lstat(folder / names[0])
        if not stat.S_ISREG(found.st_mode):
            return None
        size = found.st_size
        index = {_str(k): (_int(v[0]), _int(v[1])) for k, v in data["index"].items()}
        if any(at < 0 or length < 0 or at + length > size for at, length in index.values()):
            return None  # a line the file does not hold
        return History(
            branch=str(data["branch"]),
            head=str(data["head"]),
            documents=CachedDocuments(folder, folder / names[0], index, people),
            events=CachedEvents(folder, folder / names[1], people),
            incomplete=bool(data["incomplete"]),
            notices=decode_problems(data["notices"]),
            acknowledgements=tuple(decode_ack(a) for a in data["acknowledgements"]),
            distributions=tuple(decode_distribution(d) for d in data["distributions"]),
            config_in_force=_blob_id(data["rules"][0]),
            mailmap_in_force=_blob_id(data["rules"][1]),
            rules_unreadable=bool(data["rules"][2]),
            mkdocs_in_force=_blob_id(data["rules"][3]),
            in_force_files={
                str(path): _blob_id(blob) for path, blob in data["in_force_files"].items()
            },
            site_named=decode_named(data["site_named"]),
            signing_forced=data["signing_forced"] is True,
        )
    except (OSError, KeyError, TypeError, IndexError, ValueError, AttributeError):
        return None


def _blob_id(value: Any) -> str | None:
    """A blob id as the cache holds it; anything else (a planted cache) is refused."""
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", value):
        raise ValueError("not a blob id")
    return value


def discard(folder: Path) -> None:
    """Remove the cache (it was found damaged): the next run derives afresh."""
    for name in ("history.json", "state.json"):
        with contextlib.suppress(OSError):
            (folder / name).unlink()


def _damaged(folder: Path, path: Path) -> GitError:
    discard(folder)
    return GitError("git.cache-damaged", name=path.name, folder=str(folder))


# what reading a damaged cache file can raise: each means git.cache-damaged
_DAMAGE = (
    OSError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    MemoryError,
    RecursionError,
)


class CachedDocuments(Mapping[str, DocumentHistory]):
    """Documents decoded from the cache as they are asked for."""

    def __init__(
        self, folder: Path, path: Path, index: dict[str, tuple[int, int]], people: People
    ) -> None:
        self.folder, self.path, self.index, self.people = folder, path, index, people
        self.decoded: dict[str, DocumentHistory] = {}
        self.data: bytes | None = None

    def __getitem__(self, doc_id: str) -> DocumentHistory:
        found = self.decoded.get(doc_id)
        if found is not None:
            return found
        offset, length = self.index[doc_id]
        try:
            if self.data is None and len(self.decoded) < 8:
                raw = _read_file(self.path, offset, length)  # one document: only its line
            else:
                if self.data is None:  # many documents: read the file once
                    self.data = _read_file(self.path)
                raw = self.data[offset : offset + length]
            found = _dec_document(json.loads(raw), self.people)
        except _DAMAGE:
            raise _damaged(self.folder, self.path) from None
        self.decoded[doc_id] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)


class CachedEvents(Sequence[ApprovalEvent]):
    """The approval events, decoded from the cache on first use."""

    def __init__(self, folder: Path, path: Path, people: People) -> None:
        self.folder, self.path, self.people = folder, path, people
        self.items: tuple[ApprovalEvent, ...] | None = None

    def _all(self) -> tuple[ApprovalEvent, ...]:
        if self.items is None:
            try:
                self.items = tuple(
                    decode_event(e, self.people) for e in _list(json.loads(_read_file(self.path)))
                )
            except _DAMAGE:
                raise _damaged(self.folder, self.path) from None
        return self.items

    @overload
    def __getitem__(self, index: int) -> ApprovalEvent: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ApprovalEvent]: ...
    def __getitem__(self, index: int | slice) -> ApprovalEvent | Sequence[ApprovalEvent]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())


def _enc_document(d: DocumentHistory, people: People) -> list[Any]:
    return [
        d.id,
        d.path,
        d.title,
        d.withdrawn,
        [encode_revision(r, people) for r in d.revisions],
        encode_revision(d.baseline, people) if d.baseline else None,
        list(d.levels),
        list(d.titles),
        [list(found) for found in d.baseline_files],
    ]


def _dec_document(d: list[Any], people: People) -> DocumentHistory:
    return DocumentHistory(
        _str(d[0]),
        _str(d[1]),
        _str(d[2]),
        tuple(decode_revision(r, people) for r in _list(d[4])),
        _flag(d[3]),
        decode_revision(d[5], people) if d[5] else None,
        _strs(d[6]),
        _strs(d[7]),
        tuple((_str(c), _str(p), _str(v)) for c, p, v in _list(d[8])),
    )
