"""Numbered controlled copies (受控副本) and the ones due for recall (回收).

Copies are issued through the 文件发放与签收 record (``records/document-distribution/``): each
entry of its ``copies`` lists a copy number and its holder for the document and version the
record distributes, on its ``distributed_date``. The older form (``copy_numbers`` with the
holders in ``acknowledgements``) is read too. A copy is returned by its own ``returned_date``,
or by a later controlled-copy distribution of another, approved version of the same document
whose ``obsolete_recall`` names its number (exchanging a new copy for the old one under the same
number, as paper practice does).

The records are read from the main branch's history (``History.distributions``, from the one
streaming pass), never from the work tree: a record only in the work tree issues nothing. They
are judged like acknowledgements (acks.py): what a record says about a copy (issued, to whom,
returned, recalled) counts only when the commit that wrote it was written (or signed) by the
person who distributed it (``distributed_by``, as the record first said) or by a document
controller (the ``document-controller`` role, by the rules in force then); anything else is a
problem (DC550, DC551) and the copy stands as it was recorded before. Changes before control
began (the baseline) stand as they are.

A copy is **due for recall** on a day when it was not returned by then and its version is no
longer the one in force (a newer version took effect), or the document was withdrawn or made
obsolete. Where the document stood is standing.py's answer, never recomputed here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

from doccontrol import publishing, standing
from doccontrol.approved_images import (
    ApprovedImages,
    ImageSource,
    approved_images,
    held_back,
    picture_standings,
    picturing,
)
from doccontrol.config import Config
from doccontrol.history.distributions import RECORD_TYPE
from doccontrol.history.model import (
    DistributionChange,
    DocumentHistory,
    History,
    HistoryProblem,
    Revision,
)
from doccontrol.history.stored import StoredVersions
from doccontrol.problems import NO_NAMES, Names, Ref

DISTRIBUTION = RECORD_TYPE
CONTROLLED_COPY_TYPES = ("printed-controlled", "electronic-controlled")
Reason = Literal["superseded", "withdrawn", "obsolete"]


@dataclass(frozen=True)
class IssuedCopy:
    document: str
    version: str
    copy_number: str
    holder: str  # a person id, or the text the record gives
    holder_name: str
    issued: str  # YYYY-MM-DD, or "" when the record gives no valid date
    record: str  # the distribution record's id
    returned: str = ""  # YYYY-MM-DD, or ""

    def returned_by(self, day: str) -> bool:
        return bool(self.returned) and self.returned <= day

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class RecallDue:
    copy: IssuedCopy
    reason: Reason
    current_version: str  # the version in force on the day ("" when none)
    since: str  # the day the copy's version stopped being the one in force (or "")
    days: int  # days since then, on the day asked

    def to_json(self) -> dict[str, Any]:
        return {
            **self.copy.to_json(),
            "reason": self.reason,
            "current_version": self.current_version,
            "since": self.since,
            "days": self.days,
        }


def _day(value: object) -> str:
    text = value.isoformat() if isinstance(value, datetime.date) else str(value or "")
    try:
        return datetime.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return ""


def _holder_name(config: Config, holder: str) -> str:
    person = config.person_by_id(holder)
    return person.name if person else holder


# --- the records as main's history makes them ------------------------------------------------

# A record's facts about copies: ("record",) -> (id, document, version, copy type, distributed
# date); ("by",) -> distributed_by; ("copy", n) -> (holder, returned date); ("recall", n) -> the
# recalled date of an obsolete_recall entry naming copy n.
Fact = tuple[str, ...]


def _facts(fields: Mapping[str, Any]) -> dict[Fact, Any]:
    if not fields:
        return {}
    out: dict[Fact, Any] = {
        ("record",): tuple(
            str(fields.get(k) or "")
            for k in ("id", "document", "version", "copy_type", "distributed_date")
        ),
        ("by",): str(fields.get("distributed_by") or ""),
    }
    signed = {str(n): str(p) for n, p in fields.get("signed") or ()}
    for number, holder, returned in fields.get("copies") or ():
        if number:
            out.setdefault(("copy", str(number)), (str(holder), _day(returned)))
    for number in fields.get("copy_numbers") or ():
        out.setdefault(("copy", str(number)), (signed.get(str(number), ""), ""))
    for number, recalled in fields.get("recalls") or ():
        day = _day(recalled)
        if number and day:
            before = out.get(("recall", str(number)))
            out[("recall", str(number))] = min(before, day) if before else day
    return out


def _may(change: DistributionChange, person: str, signed_only: bool) -> bool:
    """Whether the change was made by ``person`` or a document controller (all its writers,
    or its signer; with ``approval.require_signed``, only its signer)."""
    if change.baseline:
        return True
    allowed = {person, *change.controllers} - {""}
    if change.signer and change.signer in allowed:
        return True
    return not signed_only and bool(change.writers) and set(change.writers) <= allowed


@dataclass
class _Record:
    """One record path while the history is read (never leaves this module)."""

    claimed: dict[Fact, Any] = field(default_factory=dict)  # as its last version says
    accepted: dict[Fact, Any] = field(default_factory=dict)  # what counts
    written: dict[Fact, DistributionChange] = field(default_factory=dict)  # by whom it counts
    levels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Distribution:
    """A distribution record on the main branch, as far as it counts."""

    path: str
    id: str
    document: str
    version: str
    copy_type: str
    distributed_by: str
    distributed_date: str  # YYYY-MM-DD, or ""
    copies: tuple[tuple[str, str, str], ...]  # (copy number, holder, returned date or "")
    recalls: Mapping[str, tuple[str, DistributionChange]]  # copy number -> (day, written by)
    levels: tuple[str, ...]  # every confidentiality it had on main

    def publishable(self, config: Config, limit: str) -> bool:
        return all(publishing.level_allowed(config, v, limit) for v in self.levels or ("",))


@dataclass(frozen=True)
class Ledger:
    """Every distribution record on main as it counts, the copies they issued (with their
    returns) and the problems of changes that do not count."""

    distributions: tuple[Distribution, ...] = ()
    copies: tuple[IssuedCopy, ...] = ()
    problems: tuple[HistoryProblem, ...] = ()

    def publishable(self, config: Config, limit: str) -> list[IssuedCopy]:
        """The copies issued by records that may be published up to ``limit``."""
        shown = {d.id for d in self.distributions if d.publishable(config, limit)}
        hidden = {d.id for d in self.distributions} - shown
        return [c for c in self.copies if c.record in shown and c.record not in hidden]


def _record_name(path: str, facts: Mapping[Fact, Any]) -> str:
    record = facts.get(("record",))
    return str(record[0]) if record and record[0] else path.rsplit("/", 1)[-1].split(".")[0]


def _writers(change: DistributionChange) -> str:
    return ", ".join(w.strip("<>") for w in change.writers) or "?"


def history_problems(history: History, config: Config) -> list[HistoryProblem]:
    """The distribution records' problems (DC550, DC551): the one list ``trail``,
    ``recall-due``, the site and the audit pack show."""
    return list(ledger(history, config).problems)


def ledger(history: History | None, config: Config) -> Ledger:
    """The distribution records on the main branch and the copies they issued, judged by who
    wrote each change (the module's docstring says how)."""
    if history is None:
        return Ledger()
    signed_only = config.approval.require_signed
    states: dict[str, _Record] = {}
    problems: list[HistoryProblem] = []
    for change in history.distributions:
        state = states.setdefault(change.path, _Record())
        new = _facts(change.fields)
        if change.fields:
            state.levels.append(str(change.fields.get("confidentiality") or "internal"))
        changed = [
            k for k in state.claimed.keys() | new.keys() if state.claimed.get(k) != new.get(k)
        ]
        # who may change it: the distributor as the record counts (as it first said)
        owner = str(state.accepted.get(("by",)) or new.get(("by",)) or "")
        if _may(change, owner, signed_only):
            for key in changed:
                if key in new:
                    state.accepted[key], state.written[key] = new[key], change
                else:
                    state.accepted.pop(key, None)
                    state.written.pop(key, None)
        elif changed:
            numbers = sorted({k[1] for k in changed if len(k) > 1})
            problems.append(
                HistoryProblem.of(
                    "problem.DC550.signed" if signed_only else "problem.DC550",
                    change.commit,
                    change.path,
                    owner,
                    record=_record_name(change.path, state.claimed or new),
                    commit=change.commit[:10],
                    writers=_writers(change),
                    owner=Ref("person", owner) if owner else "?",
                    copies=tuple(numbers) or "—",
                )
            )
        state.claimed = new
    distributions = [_distribution(path, s) for path, s in states.items()]
    kept = [d for d in distributions if d is not None]
    copies, recall_problems = _issued(kept, history, config, signed_only)
    return Ledger(tuple(kept), tuple(copies), tuple(problems + recall_problems))


def _distribution(path: str, state: _Record) -> Distribution | None:
    record = state.accepted.get(("record",))
    if record is None:
        return None
    rid, document, version, copy_type, distributed = record
    return Distribution(
        path,
        rid or path.rsplit("/", 1)[-1].split(".")[0],
        document,
        version,
        copy_type,
        str(state.accepted.get(("by",)) or ""),
        _day(distributed),
        tuple(
            (key[1], value[0], value[1])
            for key, value in state.accepted.items()
            if key[0] == "copy"
        ),
        {
            key[1]: (str(value), state.written[key])
            for key, value in state.accepted.items()
            if key[0] == "recall"
        },
        tuple(state.levels),
    )


def _approved(history: History, document: str, version: str) -> bool:
    doc = history.documents.get(document)
    if doc is None:
        return False
    if doc.baseline is not None and doc.baseline.version == version:
        return True
    return any(r.approved and r.version == version for r in doc.revisions)


def _issued(
    distributions: Sequence[Distribution], history: History, config: Config, signed_only: bool
) -> tuple[list[IssuedCopy], list[HistoryProblem]]:
    out: list[IssuedCopy] = []
    problems: list[HistoryProblem] = []
    # the records that may recall a copy of another version: controlled copies of an
    # approved version (a made-up distribution of a draft recalls nothing)
    exchanges = [
        d
        for d in distributions
        if d.recalls
        and d.copy_type in CONTROLLED_COPY_TYPES
        and _approved(history, d.document, d.version)
    ]
    for record in distributions:
        if record.copy_type not in CONTROLLED_COPY_TYPES or not record.document:
            continue
        for number, holder, returned in record.copies:
            if not returned:
                # a later distribution of another version exchanged it (recalled the old copy
                # under this number); its own record never returns the copy it issues
                days = []
                for other in exchanges:
                    recall = other.recalls.get(number)
                    if (
                        recall is None
                        or other.path == record.path
                        or other.document != record.document
                        or other.version == record.version
                        or other.distributed_date < record.distributed_date
                    ):
                        continue
                    day, change = recall
                    if _may(change, record.distributed_by, signed_only):
                        days.append(day)
                    else:
                        problems.append(
                            HistoryProblem.of(
                                "problem.DC551",
                                change.commit,
                                other.path,
                                record.distributed_by,
                                record=other.id,
                                copy=number,
                                issued=record.id,
                                owner=Ref("person", record.distributed_by)
                                if record.distributed_by
                                else "?",
                                commit=change.commit[:10],
                                writers=_writers(change),
                            )
                        )
                returned = min(days) if days else ""
            out.append(
                IssuedCopy(
                    document=record.document,
                    version=record.version,
                    copy_number=number,
                    holder=holder,
                    holder_name=_holder_name(config, holder),
                    issued=record.distributed_date,
                    record=record.id,
                    returned=returned,
                )
            )
    return sorted(out, key=lambda c: (c.document, c.issued, c.copy_number)), problems


def recall_due(
    copies: Iterable[IssuedCopy],
    stands: Mapping[str, standing.Standing],
    day: datetime.date,
    history: History | None,
    stored: StoredVersions,
) -> list[RecallDue]:
    """The copies outstanding on ``day`` whose version is no longer the one in force, or
    whose text or pictures are not those in force (``history``: the approvals they were
    printed from; ``stored``: the versions, and the images each embeds)."""
    today = day.isoformat()
    documents = history.documents if history is not None else {}
    prints = _Prints(history, stored, day, stands)
    out: list[RecallDue] = []
    for copy in copies:
        if copy.issued > today or copy.returned_by(today):
            continue
        stand = stands.get(copy.document)
        if stand is None:
            continue
        reason: Reason
        if stand.state in ("withdrawn", "obsolete"):
            reason = "withdrawn" if stand.state == "withdrawn" else "obsolete"
            since = standing.approval_day(stand.shown) if stand.shown else ""
            current = ""
        elif stand.in_force is not None and not _prints_in_force(
            copy,
            stand,
            documents.get(copy.document),
            prints.on(copy.issued, copy.document),
            prints.on(today),
        ):
            number = standing.version_number(copy.version)
            if any(standing.version_number(r.version) == number for r in stand.waiting):
                continue  # issued ahead of the day it takes effect
            reason, since, current = "superseded", stand.in_force_from, stand.in_force.version
        else:
            continue
        days = (day - datetime.date.fromisoformat(since)).days if since else 0
        out.append(RecallDue(copy, reason, current, since, max(days, 0)))
    return out


def _prints_in_force(
    copy: IssuedCopy,
    stand: standing.Standing,
    doc: DocumentHistory | None,
    then: Callable[[Revision], Mapping[str, str] | None],
    now_embeds: Callable[[Revision], Mapping[str, str] | None],
) -> bool:
    """Whether the copy holds the text in force, judged by the approval it was printed from
    (the last approval of its number by the day it was issued; round 80): its version is the
    one in force (another spelling of the number too); that approval's text is the text in
    force (not a text rewritten before its day, round 78, nor one changed at the version,
    DC511; the very text brought back after a withdrawal is, round 79); and the images that
    text names are those a copy printed now embeds (round 81: a chart redrawn at a review or
    a restore). ``then``: what a copy printed on the day it was issued embeds; ``now_embeds``:
    what one printed on the recall day embeds."""
    assert stand.in_force is not None
    number = standing.version_number(copy.version)
    if standing.version_number(stand.in_force.version) != number:
        return False
    superseded = {r.seq for r in stand.superseded}
    printed = [
        r
        for r in (
            *((doc.baseline,) if doc is not None and doc.baseline is not None else ()),
            *(doc.revisions if doc is not None else ()),
        )
        if r.approved
        and r.commit
        and r.kind != "withdrawal"
        and standing.version_number(r.version) == number
        and standing.approval_day(r) <= copy.issued
        # a change at the version while it was in force (DC511) is never printed: a copy
        # names the approval that vouches for the text in force (round 82)
        and not (r.seq in stand.off_text and r.seq not in superseded)
    ]
    if not printed:
        return True  # issued ahead of any approval of it on main (DC550 says so)
    # a record gives a day, not an hour: of approvals on the day it was issued, it may hold any
    # (round 82), so each must give what is in force
    sources = [r for r in printed if standing.approval_day(r) == copy.issued] or printed[-1:]
    text = stand.described or stand.in_force
    now = stand.vouched_by or text  # the approval a copy printed now names and embeds
    if not now.commit:
        now = text  # a paper approval: a copy printed now embeds the text's own images
    return all(_same_print(source, text, now, then, now_embeds) for source in sources)


def _same_print(
    source: Revision,
    text: Revision,
    now: Revision,
    then: Callable[[Revision], Mapping[str, str] | None],
    now_embeds: Callable[[Revision], Mapping[str, str] | None],
) -> bool:
    """Whether a copy printed from ``source`` (embedding ``then``'s pictures) holds the text
    in force (``text``) with the pictures a copy printed now (from ``now``) embeds."""
    if not standing.same_text(source, text):
        return False
    before = then(source)
    return before is not None and before == now_embeds(now)


class _Prints:
    """What a copy printed on a day embeds (``StoredVersions.pictures``), remembered per day:
    the images held back that day are judged by that day's standings, not the recall day's
    (round 86: a copy printed while a shared chart was held keeps the old chart after the
    hold is released)."""

    def __init__(
        self,
        history: History | None,
        stored: StoredVersions,
        day: datetime.date,
        stands: Mapping[str, standing.Standing],
    ) -> None:
        self.history = history
        self.stored = stored
        self.standings: dict[str, Mapping[str, standing.Standing]] = {day.isoformat(): stands}
        self.images: dict[str, ApprovedImages] = {}
        self.found: dict[tuple[str, str, str, str], Mapping[str, str] | None] = {}
        self.where: dict[tuple[str, str], ImageSource] = {}
        # the standings of a past day are taken of these alone (all that can hold a picture)
        self.picturing = picturing(history.events) if history is not None else frozenset()

    def on(self, when: str, given: str = "") -> Callable[[Revision], Mapping[str, str] | None]:
        """What a copy printed on ``when`` embeds. ``given``: the document of a copy printed
        then, whose own approvals hold nothing back from it (it may be issued ahead of the
        day its version takes effect)."""
        return lambda revision: self._pictures(revision, when, given)

    def _pictures(self, revision: Revision, when: str, given: str) -> Mapping[str, str] | None:
        key = (when, given, revision.commit, revision.path)
        if key not in self.found:
            self.found[key] = self.stored.pictures(revision, self._where(when, given))
        return self.found[key]

    def _where(self, when: str, given: str) -> ImageSource | None:
        history = self.history
        if history is None:
            return None
        if (when, given) not in self.where:
            on = datetime.date.fromisoformat(when)
            if when not in self.standings:
                self.standings[when] = picture_standings(history, on, self.stored, self.picturing)
            stands = self.standings[when]
            shows, texts = self.stored.shown_images, self.stored.body_at
            if when not in self.images:
                self.images[when] = approved_images(history, stands, shows)
            held = publishing.assets_ahead(history.events, stands, on, shows, texts, given)
            self.where[(when, given)] = held_back(self.images[when], held)
        return self.where[(when, given)]


def find_issued(copies: Iterable[IssuedCopy], document: str, copy_number: str) -> list[IssuedCopy]:
    """The copies of ``document`` issued under ``copy_number`` (``3`` also finds ``03`` and
    ``SM-P-18-03``: the number people write on the command line)."""

    def same(number: str) -> bool:
        if number == copy_number:
            return True
        if not copy_number.isdigit():
            return False
        tail = number.rsplit("-", 1)[-1]
        return tail.isdigit() and int(tail) == int(copy_number)

    return [c for c in copies if c.document == document and same(c.copy_number)]


# the columns of every recall list (CLI, site, audit pack): recall.col.<column> in the catalogue
RECALL_COLUMNS = (
    "document",
    "copy",
    "holder",
    "version",
    "issued",
    "record",
    "reason",
    "current",
    "since",
    "days",
)


def pack_files(
    found: Ledger,
    config: Config,
    stands: Mapping[str, standing.Standing],
    end: datetime.date,
    nameable: Callable[[str], bool],
    limit: str,
    history: History | None,
    stored: StoredVersions,
    language: str = "zh",
    names: Names = NO_NAMES,
) -> dict[str, bytes]:
    """The audit pack's recall list as of its end date (CSV and JSON): copies of documents
    the pack may name, issued by records at or below its level ``limit``; and the problems
    (DC550, DC551) of those records, as ``trail`` shows them."""
    import json

    from doccontrol import catalogue, spreadsheets

    t = catalogue.load(language)
    issued = [c for c in found.publishable(config, limit) if nameable(c.document)]
    due = recall_due(issued, stands, end, history, stored)
    table = spreadsheets.csv_file(
        t.headers("recall.col", RECALL_COLUMNS),
        [
            [
                d.copy.document,
                d.copy.copy_number,
                d.copy.holder_name,
                d.copy.version,
                d.copy.issued,
                d.copy.record,
                t.text(f"recall.reason.{d.reason}"),
                d.current_version,
                d.since,
                d.days,
            ]
            for d in due
        ],
    )
    data = json.dumps([d.to_json() for d in due], ensure_ascii=False, indent=2) + "\n"
    records = {c.record for c in issued}
    problems = [
        {**p.to_json(t, names), "record": PurePosixPath(p.document).stem}
        for p in found.problems
        if PurePosixPath(p.document).stem in records
    ]
    return {
        "register/recall-due.csv": table,
        "register/recall-due.json": data.encode("utf-8"),
        "register/recall-problems.json": (
            json.dumps(problems, ensure_ascii=False, indent=2) + "\n"
        ).encode("utf-8"),
    }
