"""Rules for controlled documents that need the config and the rest of the repository."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from doccontrol import versions
from doccontrol.config import Config
from doccontrol.model import Clause, Document, RecordType
from doccontrol.problems import Problem
from doccontrol.validate import active_content

LINK = re.compile(r"\]\((doc|record|form):([^)#\s]+)(#[^)\s]*)?\)")
PLACEHOLDER = re.compile(r"\{\{\s*org\.([A-Za-z0-9_]+)\s*\}\}")
HEADING = re.compile(r"^##\s+(?:\d+(?:\.\d+)*\.?\s+)?(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class DocumentIndex:
    by_id: Mapping[str, tuple[Document, ...]]


def index_documents(documents: tuple[Document, ...]) -> DocumentIndex:
    by_id: dict[str, list[Document]] = {}
    for document in documents:
        if document.id:
            by_id.setdefault(document.id, []).append(document)
    return DocumentIndex({k: tuple(v) for k, v in by_id.items()})


def _at(document: Document, key: str, code: str, message: str, index: int | None = None) -> Problem:
    path: tuple[str | int, ...] = (key,) if index is None else (key, index)
    return Problem(document.path, *document.positions.of_value(path), code, message)


def _body_line(document: Document, offset: int) -> int:
    return document.body_first_line + document.body.count("\n", 0, offset)


def headings(body: str) -> list[str]:
    """The titles of the level-2 headings, without their section numbers."""
    in_fence = False
    titles = []
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if not in_fence:
            match = HEADING.match(line)
            if match:
                titles.append(match[1].strip())
    return titles


def _listed(document: Document, key: str) -> Iterator[tuple[int | None, str]]:
    value = document.meta.get(key)
    if isinstance(value, str):
        yield None, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def check_document(
    document: Document,
    config: Config,
    index: DocumentIndex,
    clauses: Mapping[str, Clause],
    record_types: Mapping[str, RecordType],
) -> list[Problem]:
    problems: list[Problem] = []
    doc_id = document.id
    doc_type = config.document_types.get(document.type or "")
    if doc_id and len(index.by_id.get(doc_id, ())) > 1:
        others = [d.path for d in index.by_id[doc_id] if d.path != document.path]
        problems.append(
            _at(
                document, "id", "DC201", f"document id {doc_id} is also used by {', '.join(others)}"
            )
        )
    if document.type and doc_type is None:
        problems.append(
            _at(
                document,
                "type",
                "DC212",
                f"document type '{document.type}' is not configured in doccontrol.yml document_types",
            )
        )
    if doc_type and doc_id and not doc_type.id_pattern.search(doc_id):
        problems.append(
            _at(
                document,
                "id",
                "DC202",
                f"id {doc_id} does not follow the {doc_type.id} ({doc_type.label}) numbering {doc_type.id_pattern.pattern}",
            )
        )
    version = None
    if doc_type and document.version is not None:
        version = versions.parse(document.version, doc_type.version_scheme)
        if version is None:
            problems.append(
                _at(
                    document,
                    "version",
                    "DC203",
                    f"version {document.version!r} is not a {doc_type.version_scheme} version (e.g. {versions.EXAMPLES[doc_type.version_scheme]})",
                )
            )
    for key in ("author", "reviewer", "approver"):
        for i, role in _listed(document, key):
            if role not in config.roles:
                problems.append(
                    _at(
                        document,
                        key,
                        "DC204",
                        f"{key} role '{role}' is not a role in doccontrol.yml",
                        i,
                    )
                )
    owner = document.text("owner")
    if owner and owner not in config.departments:
        problems.append(
            _at(
                document,
                "owner",
                "DC213",
                f"owner (归口部门) '{owner}' is not a department in doccontrol.yml",
            )
        )
    for i, target in _listed(document, "distribution"):
        if target not in config.departments and target not in config.roles:
            problems.append(
                _at(
                    document,
                    "distribution",
                    "DC211",
                    f"distribution (分发范围) '{target}' is neither a department nor a role",
                    i,
                )
            )
    for key in ("related", "supersedes", "superseded_by"):
        for i, other in _listed(document, key):
            if other not in index.by_id:
                problems.append(
                    _at(
                        document,
                        key,
                        "DC205",
                        f"{key} names document {other}, which does not exist",
                        i,
                    )
                )
    for i, clause in _listed(document, "clauses"):
        if clause not in clauses:
            problems.append(
                _at(
                    document,
                    "clauses",
                    "DC206",
                    f"clause {clause} is not an ISO/IEC 20000-1:2018 clause",
                    i,
                )
            )
    for i, record_type in _listed(document, "records"):
        if record_type not in record_types:
            problems.append(
                _at(
                    document,
                    "records",
                    "DC207",
                    f"record type '{record_type}' has no schema in schemas/records/",
                    i,
                )
            )
    status = document.status
    if (
        status == "obsolete"
        and not document.meta.get("superseded_by")
        and not document.meta.get("withdrawal_reason")
    ):
        problems.append(
            _at(
                document,
                "status",
                "DC208",
                "an obsolete document names its successor (superseded_by) or a withdrawal_reason",
            )
        )
    if status != "obsolete" and document.meta.get("superseded_by"):
        problems.append(
            _at(
                document,
                "superseded_by",
                "DC215",
                f"names a successor but its status is {status}, not obsolete",
            )
        )
    if status == "effective":
        if not document.meta.get("effective_date"):
            problems.append(
                _at(
                    document,
                    "status",
                    "DC209",
                    "an effective document needs an effective_date (发布实施日期)",
                )
            )
        if doc_type and version and version < versions.first_effective(doc_type.version_scheme):
            first = versions.FIRST_EFFECTIVE[doc_type.version_scheme]
            problems.append(
                _at(
                    document,
                    "version",
                    "DC210",
                    f"version {version} is a draft; an effective document is at least {first}",
                )
            )
    problems += _check_body(document, config, index, record_types)
    if doc_type and doc_type.sections:
        present = headings(document.body)
        for section in doc_type.sections:
            if section not in present:
                problems.append(
                    Problem(
                        document.path,
                        document.body_first_line,
                        1,
                        "DC217",
                        f"missing section '## {section}' required for a {doc_type.label}",
                    )
                )
    return problems


def _check_body(
    document: Document, config: Config, index: DocumentIndex, record_types: Mapping[str, RecordType]
) -> list[Problem]:
    problems = []
    for match in LINK.finditer(document.body):
        kind, target = match[1], match[2]
        known = target in index.by_id if kind == "doc" else target in record_types
        if not known:
            what = "document" if kind == "doc" else "record type"
            col = match.start() - (document.body.rfind("\n", 0, match.start()) + 1) + 2
            problems.append(
                Problem(
                    document.path,
                    _body_line(document, match.start()),
                    col,
                    "DC216",
                    f"link to {kind}:{target}: no such {what}",
                )
            )
    for offset, what in sorted(set(active_content.findings(document.body))):
        col = offset - (document.body.rfind("\n", 0, offset) + 1) + 1
        problems.append(
            Problem(
                document.path,
                _body_line(document, offset),
                col,
                "DC220",
                f"{what} in the document body: the site removes it, so it never runs; "
                "remove it from the document",
            )
        )
    for match in PLACEHOLDER.finditer(document.body):
        if match[1] not in config.organization:
            col = match.start() - (document.body.rfind("\n", 0, match.start()) + 1) + 1
            names = ", ".join(sorted(config.organization))
            problems.append(
                Problem(
                    document.path,
                    _body_line(document, match.start()),
                    col,
                    "DC214",
                    f"placeholder {match[0]} is not in doccontrol.yml organization ({names})",
                )
            )
    return problems
