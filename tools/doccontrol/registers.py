"""Registers: the document register, review due, clause coverage and the record index, as
plain rows computed from the loaded repository and its history."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from doccontrol import clauses as clause_catalogue
from doccontrol import publishing
from doccontrol.config import Config
from doccontrol.history.model import DocumentHistory, History
from doccontrol.load.repository import Repository
from doccontrol.model import Clause, Document, Record, RecordType

STATUS_LABELS = {"draft": "草稿", "effective": "有效", "obsolete": "作废"}
REGISTER_HEADERS = (
    "文件编号",
    "文件名称",
    "类型",
    "版本",
    "状态",
    "密级",
    "归口部门",
    "发布实施日期",
    "最近批准",
    "下次评审",
)
CONTROL_LABELS = {"controlled": "受控", "uncontrolled": "不受控"}


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str
    type: str
    type_label: str
    version: str
    status: str
    confidentiality: str
    confidentiality_label: str
    owner: str
    owner_name: str
    effective_date: str
    last_approval: str  # date of the last approved revision, or ""
    next_review: str  # YYYY-MM-DD, or ""
    path: str
    withdrawn: bool
    pending: int  # changes on main not yet approved

    @property
    def in_force(self) -> bool:
        return not self.withdrawn and self.status != "obsolete"


def register_cells(row: DocumentRow) -> list[str]:
    """A register row as the cells under REGISTER_HEADERS."""
    status = "已撤回" if row.withdrawn else STATUS_LABELS.get(row.status, row.status)
    return [
        row.id,
        row.title,
        row.type_label,
        row.version,
        status,
        row.confidentiality_label,
        row.owner_name,
        row.effective_date,
        row.last_approval,
        row.next_review,
    ]


def document_row(
    document: Document, config: Config, last_approval: str, next_review_date: str, pending: int = 0
) -> DocumentRow:
    """The register row of a document as written (now, or at some revision)."""
    doc_type = config.document_types.get(document.type or "")
    level = config.level(document.confidentiality)
    owner = document.text("owner") or ""
    return DocumentRow(
        id=document.id or "",
        title=document.title,
        type=document.type or "",
        type_label=doc_type.label if doc_type else (document.type or ""),
        version=document.version or "",
        status=document.status or "",
        confidentiality=document.confidentiality,
        confidentiality_label=level.label if level else document.confidentiality,
        owner=owner,
        owner_name=config.departments[owner].name if owner in config.departments else owner,
        effective_date=str(document.meta.get("effective_date") or ""),
        last_approval=last_approval,
        next_review=next_review_date,
        path=document.path,
        withdrawn=False,
        pending=pending,
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return datetime.date(year, month, min(day.day, last))


def _date(text: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def next_review(document: Document, doc_history: DocumentHistory | None) -> str:
    """Last approval (or review date, or effective date) plus the review interval."""
    interval = document.meta.get("review_interval_months")
    if not isinstance(interval, int) or document.status == "obsolete":
        return ""
    dates = [_date(document.meta.get("review_date")), _date(document.meta.get("effective_date"))]
    if doc_history and doc_history.last_approved and doc_history.last_approved.commit:
        dates.append(_date(doc_history.last_approved.date))
    known = [d for d in dates if d]
    return add_months(max(known), interval).isoformat() if known else ""


def document_rows(repo: Repository, history: History | None) -> list[DocumentRow]:
    config = repo.config
    assert config is not None
    rows = []
    present = set()
    for document in repo.documents:
        if not document.id:
            continue
        present.add(document.id)
        doc_history = history.documents.get(document.id) if history else None
        last = doc_history.last_approved if doc_history else None
        rows.append(
            document_row(
                document,
                config,
                last.date[:10] if last else "",
                next_review(document, doc_history),
                len(doc_history.pending) if doc_history else 0,
            )
        )
    for doc_history in history.documents.values() if history else ():
        if doc_history.id in present or not doc_history.withdrawn:
            continue
        last = doc_history.last_approved
        # the most restrictive level it ever had (unreadable ranks highest)
        strictest = max(
            doc_history.levels or (publishing.UNREADABLE_LEVEL,),
            key=lambda value: publishing.level_rank(config, value),
        )
        level = config.level(strictest)
        rows.append(
            DocumentRow(
                id=doc_history.id,
                title=doc_history.title,
                type="",
                type_label="",
                version=last.version if last else "",
                status="obsolete",
                confidentiality=strictest,
                confidentiality_label=level.label if level else "",
                owner="",
                owner_name="",
                effective_date="",
                last_approval=last.date[:10] if last else "",
                next_review="",
                path=doc_history.path,
                withdrawn=True,
                pending=0,
            )
        )
    return sorted(rows, key=lambda r: _id_key(r.id))


def _id_key(doc_id: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in doc_id.replace("-", " ").split())


def review_due(
    rows: Iterable[DocumentRow], today: datetime.date, within_days: int = 0
) -> list[DocumentRow]:
    """Documents in force whose next periodic review falls on or before today + within_days."""
    limit = today + datetime.timedelta(days=within_days)
    due = []
    for row in rows:
        day = _date(row.next_review) if row.next_review else None
        if row.in_force and day is not None and day <= limit:
            due.append(row)
    return sorted(due, key=lambda r: r.next_review)


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


def publishable_records(records: Iterable[Record], config: Config) -> list[Record]:
    limit = config.publish.max_confidentiality
    return [r for r in records if publishing.record_publishable(config, limit, r)]
