"""Registers: the document register, review due, clause coverage and the record index, as
plain rows computed from the loaded repository and its history."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from doccontrol import clauses as clause_catalogue
from doccontrol import publishing, standing
from doccontrol.catalogue import Catalogue
from doccontrol.config import Config
from doccontrol.history.model import History
from doccontrol.history.stored import StoredVersions
from doccontrol.load.repository import Repository
from doccontrol.model import Clause, Document, Record, RecordType

if TYPE_CHECKING:
    from doccontrol.labels import Labels

# the register's columns: catalogue keys label.register.<column>
REGISTER_COLUMNS = (
    "id",
    "name",
    "type",
    "version",
    "state",
    "confidentiality",
    "owner",
    "effective",
    "last-approval",
    "next-review",
    "upcoming",
)


# the columns of the documents due for review (CLI review-due, the site's review page)
REVIEW_COLUMNS = ("id", "name", "owner", "last-approval", "next-review", "state")
# the columns of clause coverage every output shows, before its own column of the verdict:
# catalogue keys label.coverage.<column>
COVERAGE_COLUMNS = ("clause", "title", "documents", "record-types")


def register_headers(cat: Catalogue) -> tuple[str, ...]:
    """The column headers of the document register (受控文件清单), under register_cells."""
    return cat.headers("label.register", REGISTER_COLUMNS)


def review_headers(cat: Catalogue) -> tuple[str, ...]:
    """The column headers of the documents due for review."""
    return cat.headers("label.register", REVIEW_COLUMNS)


@dataclass(frozen=True)
class DocumentRow:
    """One line of the register as of a day, read from where the document stood that day
    (standing.standing): the version in force, or else the one approved and not yet effective,
    or else the latest draft."""

    id: str
    title: str
    type: str  # ids: what they are called is the reader's language's (labels.Labels)
    version: str
    status: str  # the front matter's status of that version
    confidentiality: str
    owner: str
    effective_date: str  # the day it took (or takes) effect, or ""
    last_approval: str  # date of the last approval (Git or paper), or ""
    next_review: str  # YYYY-MM-DD, or ""
    path: str
    withdrawn: bool
    pending: int  # changes on main after the last approval that nobody approved
    state: standing.State = "draft"
    upcoming: str = ""  # a later version approved and not yet effective
    upcoming_from: str = ""
    overdue: bool = False
    # the catalogue key naming the state (standing.state_label_key)
    state_key: str = "label.state.draft"
    # the version the last approval approved ("" when none): not always this row's
    last_approved_version: str = ""
    # the version in force on the register's day ("" when none: a draft, a version approved
    # for a later day, a baseline not yet effective, an obsolete or withdrawn document)
    in_force_version: str = ""

    @property
    def current(self) -> bool:
        """Listed among the current documents (not obsolete, not withdrawn); not the same
        as having a version in force (``in_force_version``)."""
        return self.state not in ("obsolete", "withdrawn")

    def state_label(self, cat: Catalogue) -> str:
        """What the state is called (a baseline not yet in effect is not "approved")."""
        return cat.text(self.state_key) if self.state_key in cat.entries else self.state

    def state_text(self, cat: Catalogue) -> str:
        """The state as the register shows it, noting changes nobody approved since."""
        note = cat.text("label.register.unapproved-note")
        flagged = self.pending and self.state != "unapproved"
        state = self.state_label(cat)
        return cat.text("label.register.state-noted", state=state, note=note) if flagged else state

    def last_approval_text(self, cat: Catalogue) -> str:
        """The last approval's date, naming the version it approved when that is not this
        row's (a paper approval of V1.0 on the row of V1.1, the approval of a version not yet
        in effect on the row of the one in force): never read as this version's approval."""
        if not self.last_approval or self.last_approved_version in ("", self.version):
            return self.last_approval
        return cat.text(
            "label.register.approved-other",
            day=self.last_approval,
            version=self.last_approved_version,
        )

    def upcoming_text(self, cat: Catalogue) -> str:
        return (
            cat.text(
                "label.register.upcoming-value", version=self.upcoming, since=self.upcoming_from
            )
            if self.upcoming
            else ""
        )

    def to_json(self, labels: Labels) -> dict[str, object]:
        """The row for programs: its ids, and (``*_label``, ``owner_name``) what they are
        called in the language of ``labels``."""
        return {
            # state_key is how the catalogue is asked; programs get state and state_label
            **{k: v for k, v in self.__dict__.items() if k != "state_key"},
            "type_label": labels.document_type(self.type),
            "confidentiality_label": labels.level(self.confidentiality),
            "owner_name": labels.department(self.owner),
            "current": self.current,
            "state_label": self.state_label(labels.catalogue),
        }


def listed(rows: Iterable[DocumentRow], doc_type: str | None = None) -> list[DocumentRow]:
    """The rows a register of current documents lists (``{{ register }}`` in a page, on the
    site and in a PDF copy): of one type, when given."""
    return [r for r in rows if r.current and (doc_type is None or r.type == doc_type)]


def register_cells(row: DocumentRow, labels: Labels) -> list[str]:
    """A register row as the cells under register_headers (the CLI, the pack, a PDF copy),
    in the language of ``labels``, as the site names the same ids."""
    cat = labels.catalogue
    return [
        row.id,
        row.title,
        labels.document_type(row.type),
        row.version,
        row.state_text(cat),
        labels.level(row.confidentiality),
        labels.department(row.owner),
        row.effective_date,
        row.last_approval_text(cat),
        row.next_review,
        row.upcoming_text(cat),
    ]


def row_from(doc_id: str, stand: standing.Standing, path: str) -> DocumentRow:
    """The register row of a document from where it stands."""
    meta = stand.meta
    confidentiality = str(meta.get("confidentiality") or "internal")
    owner = str(meta.get("owner") or "")
    effective = {"effective": stand.in_force_from, "pending": stand.upcoming_from}.get(
        stand.state, ""
    )
    if stand.shown is None and stand.state != "draft":
        effective = str(meta.get("effective_date") or "")[:10]
    return DocumentRow(
        id=doc_id,
        title=str(meta.get("title") or ""),
        type=str(meta.get("type") or ""),
        version=stand.shown.version if stand.shown else str(meta.get("version") or ""),
        status=str(meta.get("status") or ""),
        confidentiality=confidentiality,
        owner=owner,
        effective_date=effective,
        last_approval=stand.last_approval_day,
        last_approved_version=stand.last_approval.version if stand.last_approval else "",
        next_review=stand.next_review,
        path=path,
        withdrawn=stand.state == "withdrawn",
        pending=len(stand.unapproved),
        state=stand.state,
        state_key=stand.label_key,
        upcoming=stand.upcoming.version if stand.upcoming and stand.in_force else "",
        upcoming_from=stand.upcoming_from if stand.upcoming and stand.in_force else "",
        overdue=stand.overdue,
        in_force_version=stand.in_force.version
        if stand.in_force and stand.state not in ("obsolete", "withdrawn")
        else "",
    )


def standings(
    repo: Repository,
    history: History | None,
    day: datetime.date | None = None,
    stored: StoredVersions | None = None,
) -> dict[str, standing.Standing]:
    """Where every document stood on ``day`` (default: today): those on the main branch by
    then, and those only in the work tree (nothing about them is approved). ``stored``: the
    caller's reader of versions, kept open (else one is opened and closed here)."""
    day = day or (repo.config.today() if repo.config else datetime.date.today())
    out: dict[str, standing.Standing] = {}
    if history is not None:
        # the caller's reader stays open for its next question; one opened here closes here
        own = contextlib.nullcontext(stored) if stored is not None else StoredVersions(repo.root)
        with own as meta_of:
            meta_of.know(repo.documents, repo.digests)
            meta_of.prefetch(standing.described(d, day) for d in history.documents.values())
            for doc_id, doc_history in history.documents.items():
                found = standing.standing(doc_history, day, meta_of)
                if found.shown is not None:
                    out[doc_id] = found
    for document in repo.documents:
        if document.id and (history is None or document.id not in history.documents):
            out[document.id] = standing.without_history(document.meta, day)
    return out


def document_rows(
    repo: Repository,
    history: History | None,
    day: datetime.date | None = None,
    stands: Mapping[str, standing.Standing] | None = None,
) -> list[DocumentRow]:
    """The register as of ``day`` (default: today). Its rows hold ids: a shell names them
    with ``labels.Labels`` of the configuration it shows (the approved one while
    doccontrol.yml has a change nobody approved)."""
    paths = {d.id: d.path for d in repo.documents if d.id}
    rows = []
    if stands is None:
        stands = standings(repo, history, day)
    for doc_id, stand in stands.items():
        path = paths.get(doc_id) or (stand.shown.path if stand.shown else "")
        rows.append(row_from(doc_id, stand, path))
    return sorted(rows, key=lambda r: _id_key(r.id))


def _id_key(doc_id: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in doc_id.replace("-", " ").split())


def review_due(
    rows: Iterable[DocumentRow], today: datetime.date, within_days: int = 0
) -> list[DocumentRow]:
    """Documents in force whose next periodic review falls on or before today + within_days."""
    limit = (today + datetime.timedelta(days=within_days)).isoformat()
    due = [
        row
        for row in rows
        if row.state in ("effective", "pending") and row.next_review and row.next_review <= limit
    ]
    return sorted(due, key=lambda r: (r.next_review, _id_key(r.id)))


@dataclass(frozen=True)
class CoverageRow:
    clause: Clause
    documents: tuple[str, ...]
    record_types: tuple[str, ...]
    leaf: bool

    @property
    def covered(self) -> bool:
        return bool(self.documents or self.record_types)


def coverage(
    documents: Iterable[Document],
    record_types: Mapping[str, RecordType],
    catalogue: Mapping[str, Clause] | None = None,
) -> list[CoverageRow]:
    """Every clause with the documents (in force) and record types that address it.

    A parent clause counts as covered through its sub-clauses as well."""
    catalogue = dict(catalogue or clause_catalogue.load_catalogue())
    leaves = {c.id for c in clause_catalogue.leaves(catalogue)}
    docs_for: dict[str, list[str]] = {c: [] for c in catalogue}
    records_for: dict[str, list[str]] = {c: [] for c in catalogue}
    for document in documents:
        if document.status == "obsolete" or not document.id:
            continue
        for clause_id in document.texts("clauses"):
            if clause_id in docs_for:
                docs_for[clause_id].append(document.id)
    for type_id, record_type in record_types.items():
        for clause_id in record_type.clauses:
            if clause_id in records_for:
                records_for[clause_id].append(type_id)
    rows = []
    for clause in catalogue.values():
        if clause.depth == 1:
            continue
        prefix = clause.id + "."
        docs = set(docs_for[clause.id])
        recs = set(records_for[clause.id])
        if clause.id not in leaves:
            for other in catalogue:
                if other.startswith(prefix):
                    docs |= set(docs_for[other])
                    recs |= set(records_for[other])
        rows.append(
            CoverageRow(
                clause, tuple(sorted(docs, key=_id_key)), tuple(sorted(recs)), clause.id in leaves
            )
        )
    return rows


def records_by_type(records: Iterable[Record]) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {}
    for record in sorted(records, key=lambda r: r.id or ""):
        out.setdefault(record.type, []).append(record)
    return out


def publishable_documents(
    documents: Iterable[Document], config: Config, history: History | None = None
) -> list[Document]:
    """Documents that may be published (publishing.document_publishable decides)."""
    return publishing.publishable_documents(
        config,
        config.publish.max_confidentiality,
        documents,
        history.documents if history else None,
    )


def publishable_records(
    records: Iterable[Record], config: Config, record_types: Mapping[str, RecordType]
) -> list[Record]:
    limit = config.publish.max_confidentiality
    return [
        r
        for r in records
        if publishing.record_publishable(config, limit, r, record_types.get(r.type))
    ]
