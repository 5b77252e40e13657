"""What a controlled PDF copy says, gathered from Git: never from the work tree.

The version is the one in force on the day (standing.py), its text and images are read at its
commit, the cover's people, dates and evidence are that revision's (history), and a numbered
copy must have been issued by a 文件发放与签收 record (copies.py). Nothing here imports the
PDF library: the core stays light, and every refusal is a plain message (``Refused``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from doccontrol import copies, page_links, publishing, registers, standing
from doccontrol.catalogue import Catalogue
from doccontrol.config import Config
from doccontrol.directives import REGISTER_DIRECTIVE
from doccontrol.history.gitread import GitReader
from doccontrol.history.model import DocumentHistory, History, Person, Revision
from doccontrol.history.sections import shown
from doccontrol.labels import Labels
from doccontrol.load import frontmatter
from doccontrol.load.repository import Repository
from doccontrol.problems import names_for
from doccontrol.validate.documents import unrenderable


class Refused(Exception):
    """A PDF that must not be made, or cannot be: one clear line for the user, as a catalogue
    key and its arguments (the shell speaks the user's language)."""

    def __init__(self, message: tuple[str, Mapping[str, str]]) -> None:
        super().__init__(message[0])
        self.key, self.values = message

    def text(self, t: Catalogue) -> str:
        return t.text(self.key, **self.values)


@dataclass(frozen=True)
class Stamp:
    controlled: bool
    copy_number: str = ""
    holder: str = ""
    issued: str = ""
    record: str = ""


@dataclass(frozen=True)
class Signoff:
    step: str  # 编制 / 审核 / 批准
    people: str
    day: str


@dataclass(frozen=True)
class CopyFacts:
    doc_id: str
    title: str
    version: str
    state: str
    effective: str
    level: str
    owner: str
    signoffs: tuple[Signoff, ...]
    evidence: str
    merge_request: str
    commit: str
    created: str  # the approval commit's date (ISO 8601): the PDF's creation date
    history: tuple[tuple[str, ...], ...]  # the 变更履历 rows, as far as this version
    body: str  # Markdown, placeholders filled
    path: str  # the document's path at that commit (relative links resolve from it)
    stamp: Stamp
    organization: Mapping[str, str]


def _names(people: tuple[Person, ...], t: Catalogue) -> str:
    return t.join(p.name for p in people) or "—"


def _body(text: str) -> str:
    split = frontmatter.split_text(text.lstrip("\ufeff").replace("\r\n", "\n"))
    return split[1] if split is not None else text


def level_ok(
    config: Config,
    limit: str,
    doc_id: str,
    repo: Repository,
    doc: DocumentHistory,
    histories: Mapping[str, DocumentHistory],
) -> None:
    """Fail closed: the level now and in every version on main must be at or below ``limit``."""
    current = repo.document(doc_id)
    before = publishing.held_before(histories, repo.documents, current)
    if not publishing.document_publishable(config, limit, current, doc, before):
        worst = max(
            [
                *doc.levels,
                *(str(d.meta.get("confidentiality")) for d in repo.documents if d.id == doc_id),
            ],
            key=lambda v: publishing.level_rank(config, v),
            default="?",
        )
        raise Refused(("pdf.error.level", {"doc": doc_id, "level": worst, "limit": limit}))


def gather(
    *,
    repo: Repository,
    history: History,
    reader: GitReader,
    doc_id: str,
    day: datetime.date,
    limit: str,
    t: Catalogue,
    copy_number: str | None = None,
    holder: str | None = None,
    meta_of: Callable[[Revision], Mapping[str, Any]],
    names: Config | None = None,
    judged: Config | None = None,
    hidden: frozenset[str] | None = None,
    unnamed: frozenset[str] | None = None,
) -> CopyFacts:
    """What a copy of the document in force on ``day`` shows. ``names``: the configuration
    whose names and labels it carries (the approved one while doccontrol.yml has a change
    nobody approved, as the register and the site take it), else the repository's.
    ``judged``: the configuration whose levels rank ``limit`` and the documents' (the one in
    force, config_in_force; never a direct commit that lists `secret` first), else ``names``.
    ``hidden``, ``unnamed``: hidden_ids and publishing.unnamed_for, when a caller making many
    copies has them already (the same for every copy of one build)."""
    config = names or repo.config
    assert config is not None
    ranks = judged or config
    doc = history.documents.get(doc_id)
    if doc is None:
        raise Refused(("pdf.error.no_document", {"doc": doc_id, "branch": history.branch}))
    level_ok(ranks, limit, doc_id, repo, doc, history.documents)
    stand = standing.standing(doc, day, meta_of)
    revision = stand.in_force
    if stand.shown is None:  # nothing of it had reached the main branch by that day
        raise Refused(("pdf.error.not_yet", {"doc": doc_id, "day": day.isoformat()}))
    if revision is None:
        raise Refused(
            (
                "pdf.error.not_in_force",
                {
                    "doc": doc_id,
                    "day": day.isoformat(),
                    "state": t.text(stand.label_key),
                },
            )
        )
    data = reader.read_file_at(revision.stored_at, revision.path)
    if data is None:
        raise Refused(
            ("pdf.error.unreadable", {"path": revision.path, "commit": revision.commit[:10]})
        )
    # the front matter every register reads (a periodic review's, approved since): one title
    meta = stand.meta
    stamp = _stamp(history, config, doc_id, revision.version, day, copy_number, holder, t)
    level = config.level(str(meta.get("confidentiality") or "internal"))
    owner = str(meta.get("owner") or "")
    text = data.decode("utf-8", "replace")
    body = _body(text)
    # what the renderer would crash or hang on (validate.documents.unrenderable): refused
    first_line = text.count("\n", 0, max(len(text) - len(body), 0)) + 1
    problems = unrenderable(revision.path, body, first_line)
    if problems:
        said = min(problems).format(t, names_for(config, repo.record_types))
        raise Refused(("pdf.error.unrenderable", {"doc": doc_id, "problem": said}))
    if REGISTER_DIRECTIVE.search(body):
        body = REGISTER_DIRECTIVE.sub(
            lambda m: _register(repo, history, day, limit, m[1], t, config, ranks), body
        )
    # who signed this version off, as the site's control block says (Standing.signed_off):
    # its own approval, a later one of it (the adoption baseline, a periodic review), or none
    approval = stand.signed_off or revision
    title = str(meta.get("title") or doc.title)
    return CopyFacts(
        doc_id=doc_id,
        title=title,
        version=revision.version,
        state=t.text(stand.label_key),
        effective=stand.in_force_from,
        level=level.label if level else str(meta.get("confidentiality") or ""),
        owner=config.departments[owner].name if owner in config.departments else owner,
        signoffs=_signoffs(approval, t),
        evidence=t.label("label.evidence", approval.evidence)
        if approval.approvers
        else t.text("pdf.baseline"),
        merge_request=approval.merge_request.label if approval.merge_request else "—",
        commit=approval.commit or revision.commit,  # a paper approval has no commit
        created=revision.date,
        history=_history_rows(
            doc,
            approval,
            t,
            _hidden_names(
                repo,
                history,
                hidden if hidden is not None else hidden_ids(repo, history, limit, ranks),
                title,
                unnamed,
            ),
        ),
        body=body,
        # images are read where the approval that vouches for the text left them (a review that
        # moved the folder moved them too; round 84)
        path=approval.path if approval.commit else revision.path,
        stamp=stamp,
        organization=config.organization,
    )


def _register(
    repo: Repository,
    history: History,
    day: datetime.date,
    limit: str,
    wanted: str | None,
    t: Catalogue,
    names: Config | None = None,
    judged: Config | None = None,
) -> str:
    """The register a document embeds, as of the day, with only what may be published (by
    the levels of ``judged``), in the names and labels of ``names`` (see gather)."""
    config = names or repo.config
    assert config is not None
    rows = [
        r
        for r in registers.listed(registers.document_rows(repo, history, day), wanted)
        if publishing.document_publishable(
            judged or config,
            limit,
            repo.document(r.id),
            history.documents.get(r.id),
            publishing.held_before(history.documents, repo.documents, repo.document(r.id)),
        )
    ]

    def cell(text: str) -> str:
        # one line of text: a title cannot end its cell with raw </td><tr> and add a row
        flat = " ".join(text.split()).replace("\\", "\\\\").replace("&", "&amp;")
        return flat.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|") or " "

    labels = Labels(config, t)
    headers = registers.register_headers(t)
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
        *(
            "| " + " | ".join(cell(c) for c in registers.register_cells(r, labels)) + " |"
            for r in rows
        ),
    ]
    return "\n\n" + "\n".join(lines) + "\n\n"


def _signoffs(revision: Revision, t: Catalogue) -> tuple[Signoff, ...]:
    approved = revision.date[:10]
    return (
        Signoff(
            t.text("pdf.field.prepared"), _names(revision.authors, t), revision.author_date[:10]
        ),
        Signoff(
            t.text("pdf.field.reviewed"),
            _names(revision.reviewers, t),
            approved if revision.reviewers else "—",
        ),
        Signoff(
            t.text("pdf.field.approved"),
            _names(revision.approvers, t),
            approved if revision.approvers else "—",
        ),
    )


def hidden_ids(
    repo: Repository, history: History, limit: str, judged: Config | None = None
) -> frozenset[str]:
    """The document ids a PDF made at ``limit`` must not name, as the site judges them
    (site/model.py): every id known now or in history, but those published at the level and
    those withdrawn from main whose every level was publishable. ``judged``: the
    configuration that ranks the levels (see gather), else the repository's."""
    config = judged or repo.config
    assert config is not None
    present = {d.id for d in repo.documents if d.id}
    visible = {
        d.id
        for d in publishing.publishable_documents(config, limit, repo.documents, history.documents)
    }
    visible |= {
        h.id
        for h in history.documents.values()
        if h.id not in present
        and h.withdrawn
        and publishing.document_publishable(config, limit, None, h)
    }
    return frozenset((present | set(history.documents)) - visible)


def _hidden_names(
    repo: Repository,
    history: History,
    hidden: frozenset[str],
    title: str,
    unnamed: frozenset[str] | None = None,
) -> frozenset[str]:
    """What the 变更履历 may not say, as the site and the audit pack judge it
    (publishing.output_names): hidden documents' ids and titles and their procedures' record
    types' names. Spared: the title the copy gives (its approved version's; never a title a
    work-tree edit gave another document)."""
    return publishing.output_names(
        repo.root, history, repo.documents, repo.record_types, hidden, [title], unnamed
    )


def _history_rows(
    doc: DocumentHistory, upto: Revision, t: Catalogue, hidden: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], ...]:
    """The 变更履历 as it stood for this version: the revisions up to and including it; the
    change notes (merge titles, typed by authors) name no document in ``hidden``."""
    # a pre-control baseline nobody approved since: what paper recorded before Git, if anything
    listed = (
        doc.revisions[: doc.revisions.index(upto) + 1]
        if upto in doc.revisions
        else [r for r in doc.revisions if r.kind == "legacy"]
    )
    rows = []
    placeholder = t.text("site.not_published")
    for r in listed:
        change = publishing.redact_names(r.change, hidden, placeholder)
        if r.kind in ("review", "withdrawal", "baseline"):
            change += t.text(f"label.history.note.{r.kind}")
        if not r.approved:
            change += t.text("pdf.history.unapproved")
        rows.append(
            (
                str(r.seq),
                r.version,
                t.join(shown(r.sections, t)) or "—",
                change,
                _names(r.authors, t),
                r.author_date[:10],
                _names(r.reviewers, t) if r.reviewers else "",
                r.date[:10] if r.reviewers else "",
                _names(r.approvers, t) if r.approvers else "",
                r.date[:10] if r.approvers else "",
                t.label("label.evidence", r.evidence),
            )
        )
    return tuple(rows)


def _stamp(
    history: History,
    config: Config,
    doc_id: str,
    version: str,
    day: datetime.date,
    copy_number: str | None,
    holder: str | None,
    t: Catalogue,
) -> Stamp:
    if copy_number is None:
        if holder is not None:
            raise Refused(("pdf.error.holder_without_copy", {}))
        return Stamp(controlled=False)
    # issued by a record on main (never one only in the work tree), as far as it counts
    found = copies.ledger(history, config)
    issued = copies.find_issued(found.copies, doc_id, copy_number)
    if not issued:
        raise Refused(
            (
                "pdf.error.copy_not_issued",
                {"copy": copy_number, "doc": doc_id, "branch": history.branch},
            )
        )
    this_version = [c for c in issued if c.version == version]
    if not this_version:
        raise Refused(
            (
                "pdf.error.copy_version",
                {
                    "copy": copy_number,
                    "doc": doc_id,
                    "issued": t.join(sorted({c.version for c in issued})),
                    "version": version,
                    "day": day.isoformat(),
                },
            )
        )
    if len(this_version) > 1:
        records = t.join(c.record for c in this_version)
        raise Refused(
            (
                "pdf.error.copy_ambiguous",
                {"copy": copy_number, "doc": doc_id, "version": version, "records": records},
            )
        )
    copy = this_version[0]
    printed = min(day, config.today()).isoformat()  # --as-of may be a day to come
    if not copy.issued or copy.issued > printed:
        # a copy printed before its issue would never reach the recall list in time
        raise Refused(
            (
                "pdf.error.copy_not_yet_issued",
                {
                    "copy": copy.copy_number,
                    "doc": doc_id,
                    "issued": copy.issued or "?",
                    "record": copy.record,
                    "day": printed,
                },
            )
        )
    if copy.returned_by(day.isoformat()):
        raise Refused(
            (
                "pdf.error.copy_returned",
                {
                    "copy": copy.copy_number,
                    "doc": doc_id,
                    "version": version,
                    "returned": copy.returned,
                },
            )
        )
    if holder is not None and holder not in (copy.holder, copy.holder_name):
        person = config.person_by_id(holder)
        if person is None or person.id != copy.holder:
            raise Refused(
                (
                    "pdf.error.holder",
                    {"copy": copy.copy_number, "recorded": copy.holder_name, "holder": holder},
                )
            )
    return Stamp(
        controlled=True,
        copy_number=copy.copy_number,
        holder=copy.holder_name,
        issued=copy.issued,
        record=copy.record,
    )


def image_path(document_path: str, src: str) -> str | None:
    """The repository path a body image refers to, when it may be embedded (the site's rule:
    page_links.asset_target)."""
    return page_links.asset_target(document_path, src)
