"""Change impact: who refers to a document, and what a change to it left suspect.

A document or record type that refers to another document (``related``, ``supersedes``, a
``doc:`` link in the body, an id in a table of the manual, a record type's governing
``procedure``, a record's document field) depends on it. When a dependency changes by an
approved revision, every dependent becomes **suspect** until a later approval or periodic review
of the dependent clears it (doorstop's idea, on merges instead of hashes). Everything is derived
from the history already read (its revisions and approval events), in the order of the main
branch's first-parent line, never by dates an author can write. A dependent is judged as its
last approval left it (``approved``): its references, status and presence are read from its
last approved revision, not from the work tree, so an unapproved commit on main clears nothing.

A revision that changed only the front matter (a new effective date, an owner, a version bump
with the same text) leaves dependents alone: they rely on what the document says, and that did
not change. A change of ``status`` (a document made obsolete) or a withdrawal does make them
suspect, as does any change of the body's text.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from doccontrol.catalogue import Catalogue
from doccontrol.errors import KeyedError
from doccontrol.history.model import DocumentHistory, History, Revision
from doccontrol.model import Document, Record, RecordType
from doccontrol.validate.documents import LINK
from doccontrol.validate.records import references

if TYPE_CHECKING:
    from doccontrol.history.stored import StoredVersions

NodeKind = Literal["document", "record-type"]
# how a dependent refers to its source, in the order they are listed
VIA_ORDER = ("related", "supersedes", "link", "mapping", "procedure", "record-field")
# a document id as written in running text or a table cell (SM-P-18, EXT-01, SM-A)
_ID_TOKEN = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?![\w-])")


@dataclass(frozen=True)
class Dependent:
    """Something that refers to a document: a document or a record type, and how."""

    kind: NodeKind
    id: str
    title: str
    via: tuple[str, ...]
    # for "record-field": the records that name the source
    records: tuple[str, ...] = ()

    @property
    def follows(self) -> bool:
        """Whether a change to the source makes this dependent suspect. A record type only
        follows its governing procedure: a record citing a document is evidence of what was
        done under the version then in force, and needs no review when the document moves on
        (``impact`` still lists the records that cite it)."""
        return self.kind == "document" or "procedure" in self.via

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "via": list(self.via),
            "records": list(self.records),
        }


@dataclass(frozen=True)
class Graph:
    """source document id → what depends on it."""

    dependents_of: Mapping[str, tuple[Dependent, ...]]

    def dependents(self, doc_id: str) -> tuple[Dependent, ...]:
        return self.dependents_of.get(doc_id, ())

    def sources(self) -> dict[tuple[NodeKind, str], set[str]]:
        """(kind, dependent id) → the document ids it depends on."""
        out: dict[tuple[NodeKind, str], set[str]] = {}
        for source, dependents in self.dependents_of.items():
            for dep in dependents:
                if dep.follows:
                    out.setdefault((dep.kind, dep.id), set()).add(source)
        return out


def _table_ids(body: str) -> Iterable[str]:
    """Ids written in the rows of Markdown tables (the manual's clause and process tables)."""
    for line in body.split("\n"):
        if line.lstrip().startswith("|"):
            for match in _ID_TOKEN.finditer(line):
                yield match[1]


def body_references(body: str, manual: bool) -> Iterator[tuple[str, str]]:
    """(document id, how) for each reference a document's text makes: its doc: links, and for
    a manual the ids in its tables. All the graph reads of a document's text."""
    for match in LINK.finditer(body):
        if match[1] == "doc":
            yield match[2], "link"
    if manual:
        for target in _table_ids(body):
            yield target, "mapping"


def dependencies(
    documents: Sequence[Document],
    record_types: Mapping[str, RecordType],
    records: Sequence[Record],
    manual_types: Iterable[str] = ("manual",),
    known: Iterable[str] = (),
) -> Graph:
    """Every reference between the given documents and record types. ``known``: further
    document ids that may be referred to (a source withdrawn since, or deleted from the work
    tree without approval, is still a source)."""
    return _graph(
        documents,
        {t: (rt.name, rt.procedure) for t, rt in record_types.items()},
        record_types,
        records,
        manual_types,
        known,
    )


def _graph(
    documents: Sequence[Document],
    governed: Mapping[str, tuple[str, str]],
    record_types: Mapping[str, RecordType],
    records: Sequence[Record],
    manual_types: Iterable[str],
    known_ids: Iterable[str],
) -> Graph:
    """``governed``: record type id → (name, governing procedure); ``record_types``: the
    schemas the records are read with."""
    known = {d.id for d in documents if d.id} | set(known_ids)
    manuals = set(manual_types)
    edges: dict[tuple[str, NodeKind, str], dict[str, None]] = {}
    titles: dict[tuple[NodeKind, str], str] = {}
    cited: dict[tuple[str, str], dict[str, None]] = {}  # (source, record type) → record ids

    def add(source: str, kind: NodeKind, dependent: str, via: str) -> None:
        if source in known and not (kind == "document" and source == dependent):
            edges.setdefault((source, kind, dependent), {})[via] = None

    for document in documents:
        if not document.id:
            continue
        titles[("document", document.id)] = document.title
        for target in document.texts("related"):
            add(target, "document", document.id, "related")
        for target in document.texts("supersedes"):
            add(target, "document", document.id, "supersedes")
        for target, via in body_references(document.body, document.type in manuals):
            add(target, "document", document.id, via)
    for type_id, (name, procedure) in governed.items():
        titles[("record-type", type_id)] = name
        if procedure:
            add(procedure, "record-type", type_id, "procedure")
    for record in records:
        of_type = record_types.get(record.type)
        if of_type is None:
            continue
        titles.setdefault(("record-type", record.type), of_type.name)
        for _path, ref_kind, value in references(of_type.schema, record.data):
            if ref_kind == "document":
                add(value, "record-type", record.type, "record-field")
                cited.setdefault((value, record.type), {})[record.id or record.path] = None
    grouped: dict[str, list[Dependent]] = {}
    for (source, kind, dependent), vias in edges.items():
        grouped.setdefault(source, []).append(
            Dependent(
                kind=kind,
                id=dependent,
                title=titles.get((kind, dependent), ""),
                via=tuple(v for v in VIA_ORDER if v in vias),
                records=tuple(sorted(cited.get((source, dependent), {})))
                if kind == "record-type"
                else (),
            )
        )
    return Graph(
        {
            source: tuple(sorted(deps, key=lambda d: (d.kind != "document", _id_key(d.id))))
            for source, deps in grouped.items()
        }
    )


def _id_key(doc_id: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", doc_id))


def graph_of(repo: Any) -> Graph:
    """The dependencies of a loaded repository (doccontrol.load.repository.Repository) as its
    work tree stands: for a repository without history. With history, ``approved`` says."""
    return dependencies(repo.documents, repo.record_types, repo.records)


# --- as approved -----------------------------------------------------------------------


@dataclass(frozen=True)
class Approved:
    """The dependents as their approvals left them by the end of a day: their references,
    status and presence read from the last approved revision, never from the work tree, so an
    unapproved commit on main (a reference dropped, ``status: obsolete``, the file deleted)
    clears nothing. Records are read as they stand: a record's reference never makes anything
    suspect (``Dependent.follows``), it is only listed by ``impact``."""

    graph: Graph
    # (kind, id) of each dependent in force → the place on the main line of its last approval
    # or review (-1: in force since before control began, not approved since)
    cleared: Mapping[tuple[NodeKind, str], int]
    titles: Mapping[tuple[NodeKind, str], str]
    # commit → its place on the main line, for the approval events by the end of the day
    order: Mapping[str, int]

    def in_force(self, kind: NodeKind, dep_id: str) -> bool:
        return (kind, dep_id) in self.cleared


def _order(history: History, as_of: datetime.date | None) -> dict[str, int]:
    limit = as_of.isoformat() if as_of is not None else None
    order: dict[str, int] = {}
    for index, event in enumerate(history.events):
        if limit is None or event.date[:10] <= limit:
            order.setdefault(event.commit, index)
    return order


def approved(
    repo: Any,
    history: History,
    as_of: datetime.date | None = None,
    manual_types: Iterable[str] = ("manual",),
    stored: StoredVersions | None = None,
) -> Approved:
    """The dependency graph and the dependents in force, as approved by the end of ``as_of``
    (default: everything on the main branch). ``repo``: a loaded Repository (its root, record
    types and records); ``stored``: the caller's reader of versions, kept open (else one is
    opened and closed here)."""
    from doccontrol.history.gitread import GitReader
    from doccontrol.history.stored import StoredVersions

    order = _order(history, as_of)
    day = as_of or datetime.date.max
    cleared: dict[tuple[NodeKind, str], int] = {}
    documents: list[Document] = []
    governed: dict[str, tuple[str, str]] = {}
    current = {d.id: d for d in repo.documents if d.id}
    # the caller's reader stays open for its next question; one opened here closes here
    own = contextlib.nullcontext(stored) if stored is not None else StoredVersions(repo.root)
    with own as versions, GitReader(repo.root) as reader:
        versions.know(repo.documents, getattr(repo, "digests", {}))
        approved_texts = {
            doc_id: (place, revision)
            for doc_id, doc_history in history.documents.items()
            if (place := _document_cleared(doc_history, order, day)) is not None
            # None: never in force, or ended by an approval (withdrawn, obsolete)
            and (revision := _approved_text(doc_history, order, day)) is not None
        }
        versions.prefetch(revision for _place, revision in approved_texts.values())
        for doc_id, (place, revision) in approved_texts.items():
            # the full parse: the fast reader knows only the keys history needs, not ``related``
            document = versions.document(revision) or current.get(doc_id)
            if document is None:
                continue
            cleared[("document", doc_id)] = place
            documents.append(document)
        for type_id, path in _schema_paths(repo.record_types, history).items():
            schema = _approved_schema(reader, repo.record_types, history, order, type_id, path)
            if schema is not None:
                governed[type_id] = schema[1]
                cleared[("record-type", type_id)] = schema[0]
    graph = _graph(
        documents,
        governed,
        repo.record_types,
        repo.records,
        manual_types,
        set(history.documents) | set(current),
    )
    titles: dict[tuple[NodeKind, str], str] = {("document", d.id or ""): d.title for d in documents}
    titles.update({("record-type", t): name for t, (name, _procedure) in governed.items()})
    return Approved(graph, cleared, titles, order)


def _no_meta(_revision: Revision) -> Mapping[str, Any]:
    return {}


def _document_cleared(
    doc_history: DocumentHistory, order: Mapping[str, int], day: datetime.date
) -> int | None:
    """The place of the document's last approval or review (-1: in force since before control
    began, never approved since); None when no approval put it in force or an approval ended
    it: where it stands is standing.py's answer, the register's."""
    from doccontrol import standing

    if standing.standing(doc_history, day, _no_meta).state not in ("effective", "pending"):
        return None
    clearing = [order[r.commit] for r in _clearing(doc_history) if r.commit in order]
    if clearing:
        return max(clearing)
    return -1 if doc_history.baseline is not None else None


def _approved_text(
    doc_history: DocumentHistory, order: Mapping[str, int], day: datetime.date
) -> Revision | None:
    """The revision whose text is the document as approved: the last approval or review
    merged by ``day``, else the pre-control baseline. An adoption's baseline revision approves
    the text already approved, and a draft approved while a version is in force is not what
    is in force, nor an obsolete version dated ahead (standing: upcoming, it ends the document
    on its own day): all are passed over."""
    for revision in reversed(doc_history.revisions):
        if (
            revision.approved
            and revision.commit in order
            and revision.kind in ("approval", "review")
            and revision.status not in ("draft", "obsolete")
        ):
            return revision
    baseline = doc_history.baseline
    if (
        baseline is not None
        and baseline.kind != "withdrawal"  # withdrawn before control began: no text
        and baseline.date[:10] <= day.isoformat()
    ):
        return baseline
    return None


_SCHEMAS = "schemas/records/"
_SCHEMA_SUFFIX = ".schema.json"


def _schema_paths(record_types: Mapping[str, RecordType], history: History) -> dict[str, str]:
    """Record type id → its schema's path: those in the work tree, and those a commit on the
    main line added, changed or deleted (one deleted without approval is still in force)."""
    paths = {type_id: rt.path for type_id, rt in record_types.items()}
    for event in history.events:
        for path in event.controlled:
            name = path.removeprefix(_SCHEMAS)
            if path.startswith(_SCHEMAS) and "/" not in name and name.endswith(_SCHEMA_SUFFIX):
                paths.setdefault(name.removesuffix(_SCHEMA_SUFFIX), path)
    return paths


def _approved_schema(
    reader: Any,
    record_types: Mapping[str, RecordType],
    history: History,
    order: Mapping[str, int],
    type_id: str,
    path: str,
) -> tuple[int, tuple[str, str]] | None:
    """(the place of the last approval of the record type's schema, or -1; (its name, its
    governing procedure)) as approved; None when no approved schema is there."""
    touching = [(i, e) for i, e in enumerate(history.events) if path in e.controlled]
    approvals = [(i, e) for i, e in touching if e.commit in order and e.approved]
    place = -1
    if approvals:
        place, event = approvals[-1]
        data = reader.read_file_at(event.commit, path)
    elif touching:  # changed only without approval: the schema as control began
        data = reader.read_file_at(f"{touching[0][1].commit}^", path)
    else:  # never changed since control began: the work tree is as approved
        known = record_types.get(type_id)
        return (place, (known.name, known.procedure)) if known is not None else None
    if data is None:
        return None  # deleted by an approval, or added without one
    block = _schema_block(data)
    if block is None:  # unreadable as approved: its schema is reported; keep it as it stands
        known = record_types.get(type_id)
        return (place, (known.name, known.procedure)) if known is not None else None
    name, procedure = block.get("name"), block.get("procedure")
    return place, (
        name if isinstance(name, str) else type_id,
        procedure if isinstance(procedure, str) else "",
    )


def _schema_block(data: bytes) -> Mapping[str, Any] | None:
    import json

    try:
        schema = json.loads(data)
    except (ValueError, RecursionError):
        return None
    block = schema.get("x-doccontrol") if isinstance(schema, dict) else None
    return block if isinstance(block, dict) else None


# --- suspect ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cause:
    """An approved change of a source document that a dependent has not been reviewed since."""

    source: str
    version: str
    commit: str
    date: str
    withdrawal: bool
    via: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "version": self.version,
            "commit": self.commit,
            "date": self.date,
            "withdrawal": self.withdrawal,
            "via": list(self.via),
        }


@dataclass(frozen=True)
class Suspect:
    kind: NodeKind
    id: str
    title: str
    causes: tuple[Cause, ...]  # oldest first; the first is the change that made it suspect

    @property
    def since(self) -> Cause:
        return self.causes[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "since": self.since.to_json(),
            "causes": [c.to_json() for c in self.causes],
        }


@dataclass(frozen=True)
class _Change:
    order: int
    revision: Revision


def triggering(history: DocumentHistory) -> list[Revision]:
    """The approved revisions of a document that make its dependents suspect: every change
    of its text, a change of status and a withdrawal; not a change of front matter alone,
    a periodic review or the adoption baseline."""
    out: list[Revision] = []
    status = history.baseline.status if history.baseline is not None else None
    for revision in history.revisions:
        if not revision.approved or not revision.commit:
            continue
        text_or_status = revision.sections or status is None or revision.status != status
        if revision.kind == "withdrawal" or (revision.kind == "approval" and text_or_status):
            out.append(revision)
        status = revision.status
    return out


def _clearing(history: DocumentHistory) -> list[Revision]:
    """Approvals and reviews of a dependent: each clears what it was suspect of."""
    return [
        r
        for r in history.revisions
        if r.approved and r.commit and r.kind in ("approval", "review", "baseline")
    ]


@dataclass(frozen=True)
class Suspects:
    items: tuple[Suspect, ...] = field(default_factory=tuple)

    def get(self, kind: NodeKind, dep_id: str) -> Suspect | None:
        return self._by_key.get((kind, dep_id))

    def documents(self) -> Mapping[str, Suspect]:
        return self._documents

    # each page asks for its own entry: looked up, not searched for (a site has thousands)
    @cached_property
    def _by_key(self) -> dict[tuple[NodeKind, str], Suspect]:
        found: dict[tuple[NodeKind, str], Suspect] = {}
        for s in self.items:
            found.setdefault((s.kind, s.id), s)
        return found

    @cached_property
    def _documents(self) -> Mapping[str, Suspect]:
        return MappingProxyType({s.id: s for s in self.items if s.kind == "document"})


def suspects(
    repo: Any,
    history: History,
    as_of: datetime.date | None = None,
    manual_types: Iterable[str] = ("manual",),
    stored: StoredVersions | None = None,
) -> Suspects:
    """What is suspect at the end of ``as_of`` (default: everything on the main branch), judged
    from what was approved (``approved``): the CLI, the site and the audit pack all ask this."""
    return suspects_of(approved(repo, history, as_of, manual_types, stored), history)


def suspects_of(state: Approved, history: History) -> Suspects:
    graph, order = state.graph, state.order
    sources = graph.sources()
    changes: dict[str, list[_Change]] = {}
    for source in {s for found in sources.values() for s in found}:
        doc_history = history.documents.get(source)
        if doc_history is None:
            continue
        changes[source] = [
            _Change(order[r.commit], r) for r in triggering(doc_history) if r.commit in order
        ]
    # how each dependent depends on each source: the first edge of the graph, looked up once
    via_of: dict[tuple[str, NodeKind, str], tuple[str, ...]] = {}
    for source, dependents in graph.dependents_of.items():
        for dep in dependents:
            via_of.setdefault((source, dep.kind, dep.id), dep.via)
    found: list[Suspect] = []
    for (kind, dep_id), dep_sources in sources.items():
        cleared = state.cleared.get((kind, dep_id))
        if cleared is None:
            continue  # not in force as approved (a draft, withdrawn, obsolete): nothing to review
        causes = [
            (change.order, _cause(source, change.revision, via_of.get((source, kind, dep_id), ())))
            for source in dep_sources
            for change in changes.get(source, ())
            if change.order > cleared
        ]
        if causes:
            causes.sort(key=lambda c: (c[0], c[1].source))
            title = state.titles.get((kind, dep_id), "")
            found.append(Suspect(kind, dep_id, title, tuple(c for _, c in causes)))
    found.sort(key=lambda s: (s.kind != "document", _id_key(s.id)))
    return Suspects(tuple(found))


def _cause(source: str, revision: Revision, via: tuple[str, ...]) -> Cause:
    return Cause(
        source=source,
        version=revision.version,
        commit=revision.commit,
        date=revision.date,
        withdrawal=revision.kind == "withdrawal",
        via=via,
    )


# --- a branch before it is merged ------------------------------------------------------


@dataclass(frozen=True)
class BranchChange:
    """A document the branch changes, and whether the change would make dependents suspect."""

    id: str
    path: str
    change: Literal["added", "modified", "deleted"]
    text_changed: bool  # False: front matter only, dependents stay as they are

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "change": self.change,
            "text_changed": self.text_changed,
        }


@dataclass(frozen=True)
class Impact:
    """What approving a change would make suspect."""

    changed: tuple[BranchChange, ...]
    # dependent → the changed documents it refers to
    suspect: tuple[tuple[Dependent, tuple[str, ...]], ...]
    # dependents the change itself revises: reviewed together with it
    reviewed_with: tuple[str, ...]
    # record types whose records cite a changed document (they stay as they are)
    cited: tuple[tuple[Dependent, tuple[str, ...]], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "changed": [c.to_json() for c in self.changed],
            "suspect": [
                {**dep.to_json(), "sources": list(sources)} for dep, sources in self.suspect
            ],
            "reviewed_with": list(self.reviewed_with),
            "cited_by_records": [
                {"record_type": dep.id, "title": dep.title, "records": list(records)}
                for dep, records in self.cited
            ],
        }


InForce = Callable[[NodeKind, str], bool]


def as_it_stands(documents: Sequence[Document]) -> InForce:
    """Whether a dependent is in force by the work tree's ``status``: for a repository without
    history only (with history, ``Approved.in_force`` says)."""
    status = {d.id: d.status for d in documents if d.id}
    return lambda kind, dep_id: (
        kind != "document"
        or status.get(dep_id)
        not in (
            "draft",
            "obsolete",
        )
    )


def impact(
    graph: Graph,
    changed: Sequence[BranchChange],
    in_force: InForce,
    schema_paths: Iterable[str] = (),
    record_types: Mapping[str, RecordType] | None = None,
) -> Impact:
    """The dependents of the changed documents whose change would make them suspect. Those
    the same change revises (a document it changes, a record type whose schema it changes)
    are approved together with it, so they are not suspect."""
    revised = {c.id for c in changed}
    schemas = set(schema_paths)
    revised_types = {t for t, rt in (record_types or {}).items() if rt.path in schemas}
    found: dict[tuple[NodeKind, str], tuple[Dependent, list[str]]] = {}
    reviewed: dict[str, None] = {}
    cited: dict[str, tuple[Dependent, dict[str, None]]] = {}
    for change in changed:
        if not change.text_changed:
            continue
        for dep in graph.dependents(change.id):
            if dep.records:
                entry_c = cited.setdefault(dep.id, (dep, {}))
                entry_c[1].update(dict.fromkeys(dep.records))
            if not dep.follows:
                continue
            if (dep.kind == "document" and dep.id in revised) or (
                dep.kind == "record-type" and dep.id in revised_types
            ):
                reviewed[dep.id] = None
                continue
            if not in_force(dep.kind, dep.id):
                continue
            entry = found.setdefault((dep.kind, dep.id), (dep, []))
            entry[1].append(change.id)
    suspect = tuple(
        (dep, tuple(sources))
        for dep, sources in sorted(
            found.values(), key=lambda e: (e[0].kind != "document", _id_key(e[0].id))
        )
    )
    return Impact(
        tuple(changed),
        suspect,
        tuple(sorted(reviewed, key=_id_key)),
        tuple(
            (dep, tuple(sorted(records)))
            for dep, records in sorted(cited.values(), key=lambda e: e[0].id)
        ),
    )


def document_change(doc_id: str, documents: Sequence[Document]) -> BranchChange | None:
    """A change to one document as it stands (``doccontrol impact DOC_ID``)."""
    document = next((d for d in documents if d.id == doc_id), None)
    if document is None:
        return None
    return BranchChange(doc_id, document.path, "modified", True)


class BranchError(KeyedError):
    """A branch that cannot be compared with the main branch (exit 2, one line): a catalogue
    key and its arguments, as GitError."""


def branch_changes(root: Path, main: str, branch: str) -> tuple[list[BranchChange], list[str]]:
    """The documents a branch changes since it left the main branch (merge-base), read in one
    ``git diff`` and one ``git cat-file``; and the controlled schemas it changes."""
    from doccontrol.history import sections
    from doccontrol.history.gitread import GitError, GitReader, run_git
    from doccontrol.paths import DOC_PATH

    try:
        with GitReader(root) as reader:
            _ref, main_tip = reader.resolve_branch(main)
            tip = reader.resolve_commit(branch)
            if tip is None:
                raise BranchError("git.no-such-branch", branch=branch)
            base = run_git(root, ["merge-base", main_tip, tip])
            if base.returncode != 0:
                raise BranchError("git.unrelated", branch=branch, main=main)
            start = base.stdout.decode().strip()
            diff = run_git(
                root,
                [
                    "diff",
                    "-z",
                    "--name-status",
                    "--no-renames",
                    "--ignore-submodules=none",
                    start,
                    tip,
                    "--",
                ],
            )
            if diff.returncode != 0:
                raise BranchError(
                    "git.failed",
                    command="diff",
                    detail=diff.stderr.decode("utf-8", "replace").strip(),
                )
            parts = diff.stdout.decode("utf-8", "surrogateescape").split("\0")
            out: list[BranchChange] = []
            schemas: list[str] = []
            for _status, path in zip(parts[0::2], parts[1::2], strict=False):
                if path.startswith("schemas/"):
                    schemas.append(path)
                if not DOC_PATH.match(path):
                    continue
                old = _split(reader.read_file_at(start, path))
                new = _split(reader.read_file_at(tip, path))
                ruling = new or old
                if ruling is None:
                    continue
                doc_id = str(ruling[0].get("id") or "")
                if not doc_id:
                    continue
                old_id = str(old[0].get("id") or "") if old is not None else ""
                if old is not None and new is not None and old_id and old_id != doc_id:
                    # renumbered: the old id leaves the set (history withdraws it), the new
                    # one comes in
                    out.append(BranchChange(old_id, path, "deleted", True))
                    out.append(BranchChange(doc_id, path, "added", True))
                elif old is None:
                    out.append(BranchChange(doc_id, path, "added", True))
                elif new is None:
                    out.append(BranchChange(doc_id, path, "deleted", True))
                else:
                    text = bool(
                        sections.changed_between(sections.outline(old[1]), sections.outline(new[1]))
                    ) or (old[0].get("status") != new[0].get("status"))
                    out.append(BranchChange(doc_id, path, "modified", text))
            return out, schemas
    except GitError as exc:
        raise BranchError(exc.key, **exc.values) from None


def _split(data: bytes | None) -> tuple[Mapping[str, Any], str] | None:
    from doccontrol.history.stored import front_matter
    from doccontrol.load import frontmatter

    if data is None:
        return None
    text = data.decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n")
    split = frontmatter.split_text(text)
    if split is None:
        return None
    return front_matter(data), split[1]


# the columns of every suspect list (CLI csv and table, audit pack): impact.head.<column>
SUSPECT_COLUMNS = ("kind", "id", "title", "source", "version", "date", "commit", "via", "changes")


def suspect_headers(t: Catalogue) -> tuple[str, ...]:
    return t.headers("impact.head", SUSPECT_COLUMNS)
