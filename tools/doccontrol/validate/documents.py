"""Rules for controlled documents that need the config and the rest of the repository."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from doccontrol import publishing, versions
from doccontrol.config import Config
from doccontrol.directives import MEANT_FOR_DOCCONTROL, REGISTER_DIRECTIVE
from doccontrol.model import Clause, Document
from doccontrol.problems import Problem, Ref
from doccontrol.validate import active_content, ids, renderable

LINK = re.compile(r"\]\((doc|record|form):([^)#\s]+)(#[^)\s]*)?\)")
PLACEHOLDER = re.compile(r"\{\{\s*org\.([A-Za-z0-9_]+)\s*\}\}")
HEADING = re.compile(r"^##\s+(?:\d+(?:\.\d+)*\.?\s+)?(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class DocumentIndex:
    by_id: Mapping[str, tuple[Document, ...]]
    # by ids.same_key: the documents whose ids print alike (duplicates are judged here)
    by_key: Mapping[str, tuple[Document, ...]] = field(default_factory=dict)
    # by publishing.page_key: the documents that would make one page of the site
    by_page: Mapping[str, tuple[Document, ...]] = field(default_factory=dict)


def index_documents(documents: tuple[Document, ...]) -> DocumentIndex:
    by_id: dict[str, list[Document]] = {}
    by_key: dict[str, list[Document]] = {}
    by_page: dict[str, list[Document]] = {}
    for document in documents:
        # pages that differ only in letter case or Unicode form are one page on a disk or
        # web host that does not tell them apart
        by_page.setdefault(ids.same_key(publishing.page_key(document.path)), []).append(document)
        if document.id:
            by_id.setdefault(document.id, []).append(document)
            by_key.setdefault(ids.same_key(document.id), []).append(document)
    return DocumentIndex(
        {k: tuple(v) for k, v in by_id.items()},
        {k: tuple(v) for k, v in by_key.items()},
        {k: tuple(v) for k, v in by_page.items() if len(v) > 1},
    )


def _at(
    document: Document, field: str, message: str, index: int | None = None, /, **args: Any
) -> Problem:
    """A problem at the value of front matter ``field`` (its ``index``-th item)."""
    path: tuple[str | int, ...] = (field,) if index is None else (field, index)
    return Problem.at(document.path, *document.positions.of_value(path), message, **args)


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


def _id_problems(document: Document, doc_id: str, index: DocumentIndex) -> list[Problem]:
    """Another document with an id that prints alike; characters no id may hold."""
    problems = []
    same = index.by_key.get(ids.same_key(doc_id), ())
    if len(same) > 1:
        others = tuple(d.path for d in same if d.path != document.path)
        problems.append(_at(document, "id", "problem.DC201", id=ids.shown(doc_id), others=others))
    refused = ids.refused_character(doc_id)
    if refused is not None:
        problems.append(
            _at(document, "id", "problem.DC202.character", id=ids.shown(doc_id), char=refused)
        )
    return problems


def check_document(
    document: Document,
    config: Config,
    index: DocumentIndex,
    clauses: Mapping[str, Clause],
    record_types: Collection[str],
    headings_of: Callable[[Document], list[str]] | None = None,
) -> list[Problem]:
    """``headings_of``: the level-2 headings of a document's body, remembered by a caller
    that checks again and again (``check.Remembered``); else read here."""
    problems: list[Problem] = []
    doc_id = document.id
    doc_type = config.document_types.get(document.type or "")
    if doc_id:
        problems += _id_problems(document, doc_id, index)
    same_page = index.by_page.get(ids.same_key(publishing.page_key(document.path)), ())
    if same_page:
        others = tuple(d.path for d in same_page if d.path != document.path)
        page = publishing.page_key(document.path) or "/"
        problems.append(Problem.at(document.path, 1, 1, "problem.DC026", page=page, others=others))
    if document.type and doc_type is None:
        problems.append(_at(document, "type", "problem.DC212", type=document.type))
    # the whole id: '$' alone also matches before a final newline
    if doc_type and doc_id and not doc_type.id_pattern.fullmatch(doc_id):
        problems.append(
            _at(
                document,
                "id",
                "problem.DC202",
                id=ids.shown(doc_id),
                type=Ref("document-type", doc_type.id),
                pattern=doc_type.id_pattern.pattern,
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
                    f"problem.DC203.{doc_type.version_scheme}",
                    version=repr(document.version),
                    example=versions.EXAMPLES[doc_type.version_scheme],
                )
            )
    for key in ("author", "reviewer", "approver"):
        for i, role in _listed(document, key):
            if role not in config.roles:
                problems.append(_at(document, key, "problem.DC204", i, key=key, role=role))
    owner = document.text("owner")
    if owner and owner not in config.departments:
        problems.append(_at(document, "owner", "problem.DC213", owner=owner))
    for i, target in _listed(document, "distribution"):
        if target not in config.departments and target not in config.roles:
            problems.append(_at(document, "distribution", "problem.DC211", i, target=target))
    for key in ("related", "supersedes", "superseded_by"):
        for i, other in _listed(document, key):
            if other not in index.by_id:
                problems.append(_at(document, key, "problem.DC205", i, key=key, other=other))
    for i, clause in _listed(document, "clauses"):
        if clause not in clauses:
            problems.append(_at(document, "clauses", "problem.DC206", i, clause=clause))
    for i, record_type in _listed(document, "records"):
        if record_type not in record_types:
            problems.append(_at(document, "records", "problem.DC207", i, type=record_type))
    status = document.status
    if (
        status == "obsolete"
        and not document.meta.get("superseded_by")
        and not document.meta.get("withdrawal_reason")
    ):
        problems.append(_at(document, "status", "problem.DC208"))
    if status != "obsolete" and document.meta.get("superseded_by"):
        problems.append(_at(document, "superseded_by", "problem.DC215", status=str(status)))
    if status == "effective":
        if not document.meta.get("effective_date"):
            problems.append(_at(document, "status", "problem.DC209"))
        if doc_type and version and version < versions.first_effective(doc_type.version_scheme):
            first = versions.FIRST_EFFECTIVE[doc_type.version_scheme]
            problems.append(
                _at(document, "version", "problem.DC210", version=str(version), first=first)
            )
    problems += _paper_problems(
        document, version, doc_type.version_scheme if doc_type else None, config.today()
    )
    problems += _review_date_problems(document, config.today())
    problems += _check_body(document, config, index, record_types)
    if doc_type and doc_type.sections:
        present = headings_of(document) if headings_of else headings(document.body)
        for section in doc_type.sections:
            if section not in present:
                problems.append(
                    Problem.at(
                        document.path,
                        document.body_first_line,
                        1,
                        "problem.DC217",
                        section=section,
                        type=Ref("document-type", doc_type.id),
                    )
                )
    return problems


def _paper_problems(
    document: Document, version: versions.Version | None, scheme: str | None, on: datetime.date
) -> list[Problem]:
    """Paper approvals (``legacy_history``) that cannot be what they say: dated after today, or
    of a version above the document's own (paper records come before the versions in Git)."""
    entries = document.meta.get("legacy_history")
    if not isinstance(entries, list):
        return []
    today = on.isoformat()
    problems = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        for key in ("date", "approval_date"):
            day = str(entry.get(key) or "")[:10]
            if day and day > today:
                where = document.positions.of_value(("legacy_history", i, key))
                problems.append(
                    Problem.at(document.path, *where, "problem.DC219.future", key=key, day=day)
                )
        paper = versions.parse(str(entry.get("version", "")), scheme) if scheme else None
        if paper is not None and version is not None and paper > version:
            where = document.positions.of_value(("legacy_history", i, "version"))
            problems.append(
                Problem.at(
                    document.path,
                    *where,
                    "problem.DC219.version",
                    paper=str(paper),
                    version=str(version),
                )
            )
    return problems


def _review_date_problems(document: Document, on: datetime.date) -> list[Problem]:
    """A 最近评审日期 after today (DC221): a review that has not happened. History counts it
    no later than the approval that records it (``standing.reviewed``); ``check`` says so
    before it is committed, as for a paper approval dated ahead (DC219). A value that is no
    date is the schema's to report."""
    text = str(document.meta.get("review_date") or "")[:10]
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return []
    if day <= on:
        return []
    return [_at(document, "review_date", "problem.DC221", day=day.isoformat())]


def active_problems(document: Document) -> list[Problem]:
    """Active content in the document's body (DC220): a problem of this file alone, whatever
    else the repository holds."""
    problems = []
    for offset, kind, what in sorted(set(active_content.findings(document.body))):
        col = offset - (document.body.rfind("\n", 0, offset) + 1) + 1
        problems.append(
            Problem.at(
                document.path, _body_line(document, offset), col, f"problem.DC220.{kind}", what=what
            )
        )
    return problems


def unrenderable(path: str, body: str, first_line: int) -> list[Problem]:
    """What in a body the renderers (the site's and the PDF copies' Python-Markdown) cannot
    take (DC223 nesting too deep, DC222 brackets or tags too costly to read): ``check`` reports it,
    and the site and ``pdf`` refuse to render such a body. ``first_line``: the body's first
    line in its file."""
    problems = []
    for found in renderable.findings(body):
        line = first_line + body.count("\n", 0, found.offset)
        col = found.offset - (body.rfind("\n", 0, found.offset) + 1) + 1
        if found.kind == "brackets":
            key, args = "problem.DC222", {"unclosed": found.unclosed, "depth": found.depth}
        elif found.kind == "tags":
            key, args = "problem.DC222.tags", {"unclosed": found.unclosed}
        else:
            key = "problem.DC223" if found.kind == "nesting" else "problem.DC223.html"
            args = {"depth": found.depth, "limit": renderable.MAX_NESTING}
        problems.append(Problem.at(path, line, col, key, **args))
    return problems


def render_problems(document: Document, path: str | None = None) -> list[Problem]:
    """``unrenderable`` for a document: a problem of this file alone. ``path``: the file the
    problems name (the document's own when None; the site names the work tree's file for the
    text in force it renders)."""
    named = document.path if path is None else path
    return unrenderable(named, document.body, document.body_first_line)


def _check_body(
    document: Document, config: Config, index: DocumentIndex, record_types: Collection[str]
) -> list[Problem]:
    problems = []
    for match in LINK.finditer(document.body):
        kind, target = match[1], match[2]
        known = target in index.by_id if kind == "doc" else target in record_types
        if not known:
            col = match.start() - (document.body.rfind("\n", 0, match.start()) + 1) + 2
            problems.append(
                Problem.at(
                    document.path,
                    _body_line(document, match.start()),
                    col,
                    "problem.DC216.document" if kind == "doc" else "problem.DC216.record-type",
                    link=f"{kind}:{target}",
                )
            )
    if "doccontrol" in document.body:
        for match in MEANT_FOR_DOCCONTROL.finditer(document.body):
            directive = REGISTER_DIRECTIVE.fullmatch(match[0])
            if directive is not None and (directive[1] or "") in ("", *config.document_types):
                continue
            col = match.start() - (document.body.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(
                Problem.at(
                    document.path,
                    _body_line(document, match.start()),
                    col,
                    "problem.DC218.type" if directive is not None else "problem.DC218",
                    directive=" ".join(match[0].split()),
                    types=", ".join(sorted(config.document_types)),
                )
            )
    for match in PLACEHOLDER.finditer(document.body):
        if match[1] not in config.organization:
            col = match.start() - (document.body.rfind("\n", 0, match.start()) + 1) + 1
            names = ", ".join(sorted(config.organization))
            problems.append(
                Problem.at(
                    document.path,
                    _body_line(document, match.start()),
                    col,
                    "problem.DC214",
                    placeholder=match[0],
                    names=names,
                )
            )
    return problems
