"""Everything the site shows, computed once per build from the repository and its history."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from doccontrol import registers, standing
from doccontrol.config import Config
from doccontrol.history.model import ApprovalEvent, DocumentHistory, History
from doccontrol.load.repository import Repository
from doccontrol.model import Document, Record
from doccontrol.problems import Problem

DOCS_PREFIX = "docs/"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown page (relative to the site root)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


REGISTER_SRC = "registers/documents.md"
TRAIL_SRC = "registers/approvals.md"
COVERAGE_SRC = "registers/coverage.md"
REVIEW_SRC = "registers/review-due.md"
RECORDS_SRC = "records/index.md"
HOME_SRC = "index.md"


def record_src(record: Record) -> str:
    return f"records/{record.type}/{record.id}.md"


def form_src(type_id: str) -> str:
    return f"forms/{type_id}.md"


@dataclass(frozen=True)
class Site:
    repo: Repository
    config: Config
    history: History | None
    as_of: datetime.date
    problems: tuple[Problem, ...] = ()
    directory_urls: bool = True
    repo_url: str | None = None
    extra_pages: tuple[str, ...] = field(default_factory=tuple)

    @cached_property
    def documents(self) -> dict[str, Document]:
        """Published documents by id: nothing above the publishing level."""
        return {
            d.id: d
            for d in self.repo.documents
            if d.id and self.config.publishable(d.confidentiality)
        }

    @cached_property
    def hidden_paths(self) -> frozenset[str]:
        return frozenset(
            d.path for d in self.repo.documents if not self.config.publishable(d.confidentiality)
        )

    @cached_property
    def hidden_ids(self) -> frozenset[str]:
        hidden = {
            d.id
            for d in self.repo.documents
            if d.id and not self.config.publishable(d.confidentiality)
        }
        return frozenset(hidden - set(self.documents))

    def src(self, doc_id: str) -> str | None:
        document = self.documents.get(doc_id)
        return (
            document.path[len(DOCS_PREFIX) :]
            if document and document.path.startswith(DOCS_PREFIX)
            else None
        )

    def url(self, src_uri: str) -> str:
        return page_url(src_uri, self.directory_urls)

    @cached_property
    def standings(self) -> dict[str, standing.Standing]:
        """Where each document stood on ``as_of`` (the one computation every register uses)."""
        return registers.standings(self.repo, self.history, self.as_of)

    @cached_property
    def all_rows(self) -> list[registers.DocumentRow]:
        """The register as of ``as_of``: the same rows ``doccontrol register`` gives."""
        return registers.document_rows(self.repo, self.history, self.as_of, self.standings)

    @cached_property
    def rows(self) -> list[registers.DocumentRow]:
        """The register rows that may be published: nothing hidden in the work tree, nothing
        whose registered version is above the publishing level."""
        return [
            r
            for r in self.all_rows
            if r.id not in self.hidden_ids and self.config.publishable(r.confidentiality)
        ]

    def row(self, doc_id: str) -> registers.DocumentRow | None:
        return next((r for r in self.rows if r.id == doc_id), None)

    @cached_property
    def records(self) -> list[Record]:
        return registers.publishable_records(self.repo.records, self.config)

    @cached_property
    def record_ids(self) -> frozenset[tuple[str, str]]:
        return frozenset((r.type, r.id or "") for r in self.records)

    def doc_history(self, doc_id: str) -> DocumentHistory | None:
        return self.history.documents.get(doc_id) if self.history else None

    @cached_property
    def events(self) -> list[ApprovalEvent]:
        """Approval events, limited to what may be published."""
        if not self.history:
            return []
        out = []
        for event in self.history.events:
            documents = tuple(d for d in event.documents if d.id not in self.hidden_ids)
            if not documents and not event.controlled:
                continue
            problems = tuple(p for p in event.problems if p.document not in self.hidden_ids)
            out.append(_replace_event(event, documents, problems))
        return out


def _replace_event(event: ApprovalEvent, documents: tuple, problems: tuple) -> ApprovalEvent:  # type: ignore[type-arg]
    from dataclasses import replace

    return replace(event, documents=documents, problems=problems)
