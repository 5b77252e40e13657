"""Numbered controlled copies (受控副本) and the ones due for recall (回收).

Copies are issued through the 文件发放与签收 record (``records/document-distribution/``): each
entry of its ``copies`` lists a copy number and its holder for the document and version the
record distributes, on its ``distributed_date``. The older form (``copy_numbers`` with the
holders in ``acknowledgements``) is read too. A copy is returned by its own ``returned_date``,
or by a later distribution of the same document whose ``obsolete_recall`` names its number
(exchanging a new copy for the old one under the same number, as paper practice does).

A copy is **due for recall** on a day when it was not returned by then and its version is no
longer the one in force (a newer version took effect), or the document was withdrawn or made
obsolete. Where the document stood is standing.py's answer, never recomputed here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from doccontrol import standing
from doccontrol.config import Config
from doccontrol.model import Record

DISTRIBUTION = "document-distribution"
CONTROLLED_COPY_TYPES = ("printed-controlled", "electronic-controlled")
Reason = Literal["superseded", "withdrawn", "obsolete"]


@dataclass(frozen=True)
class IssuedCopy:
    document: str
    version: str
    copy_number: str
    holder: str  # a person id, or the text the record gives
    holder_name: str
    issued: str  # YYYY-MM-DD
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


def issued_copies(records: Iterable[Record], config: Config) -> list[IssuedCopy]:
    """Every numbered controlled copy the distribution records issued, oldest first."""
    distributions = [
        r for r in records if r.type == DISTRIBUTION and isinstance(r.data.get("document"), str)
    ]
    # (document, copy number) -> (record, version, distributed, recalled) of the distributions
    # that recalled that number
    recalled: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    for record in distributions:
        for item in _list(record.data.get("obsolete_recall")):
            number, day = str(item.get("copy_number") or ""), _day(item.get("recalled_date"))
            if number and day:
                key = (str(record.data["document"]), number)
                recalled.setdefault(key, []).append(
                    (
                        record.id or "",
                        str(record.data.get("version") or ""),
                        _day(record.data.get("distributed_date")),
                        day,
                    )
                )
    out: list[IssuedCopy] = []
    for record in distributions:
        data = record.data
        if data.get("copy_type") not in CONTROLLED_COPY_TYPES:
            continue
        document, version = str(data["document"]), str(data.get("version") or "")
        issued = _day(data.get("distributed_date"))
        entries = [
            (
                str(c.get("copy_number") or ""),
                str(c.get("holder") or ""),
                _day(c.get("returned_date")),
            )
            for c in _list(data.get("copies"))
        ]
        listed = {number for number, _, _ in entries}
        signed = {
            str(a.get("copy_number")): str(a.get("person") or "")
            for a in _list(data.get("acknowledgements"))
            if a.get("copy_number")
        }
        for number in data.get("copy_numbers") or []:
            if isinstance(number, str) and number not in listed:
                entries.append((number, signed.get(number, ""), ""))
        for number, holder, returned in entries:
            if not number:
                continue
            if not returned:
                # a later distribution of another version exchanged it (recalled the old
                # copy under this number); its own record never returns the copy it issues
                later = [
                    day
                    for other, other_version, issued_then, day in recalled.get(
                        (document, number), []
                    )
                    if other != record.id and other_version != version and issued_then >= issued
                ]
                returned = min(later) if later else ""
            out.append(
                IssuedCopy(
                    document=document,
                    version=version,
                    copy_number=number,
                    holder=holder,
                    holder_name=_holder_name(config, holder),
                    issued=issued,
                    record=record.id or "",
                    returned=returned,
                )
            )
    return sorted(out, key=lambda c: (c.document, c.issued, c.copy_number))


def _list(value: object) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def recall_due(
    copies: Iterable[IssuedCopy],
    stands: Mapping[str, standing.Standing],
    day: datetime.date,
) -> list[RecallDue]:
    """The copies outstanding on ``day`` whose version is no longer the one in force."""
    today = day.isoformat()
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
        elif stand.in_force is not None and stand.in_force.version != copy.version:
            if stand.upcoming is not None and stand.upcoming.version == copy.version:
                continue  # issued ahead of the day it takes effect
            reason, since, current = "superseded", stand.in_force_from, stand.in_force.version
        else:
            continue
        days = (day - datetime.date.fromisoformat(since)).days if since else 0
        out.append(RecallDue(copy, reason, current, since, max(days, 0)))
    return out


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
    records: Iterable[Record],
    config: Config,
    stands: Mapping[str, standing.Standing],
    end: datetime.date,
    nameable: Callable[[str], bool],
    language: str = "zh",
) -> dict[str, bytes]:
    """The audit pack's recall list as of its end date (CSV and JSON): copies of documents
    the pack may name, issued by records at or below its level (``records`` is filtered)."""
    import csv
    import io
    import json

    from doccontrol import catalogue

    t = catalogue.load(language)
    issued = [c for c in issued_copies(records, config) if nameable(c.document)]
    due = recall_due(issued, stands, end)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(t.headers("recall.col", RECALL_COLUMNS))
    for d in due:
        writer.writerow(
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
        )
    data = json.dumps([d.to_json() for d in due], ensure_ascii=False, indent=2) + "\n"
    return {
        "register/recall-due.csv": buffer.getvalue().encode("utf-8"),
        "register/recall-due.json": data.encode("utf-8"),
    }
