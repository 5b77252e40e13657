"""Everything the site shows, computed once per build from the repository and its history."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from doccontrol import (
    acks,
    approved_images,
    impact,
    page_links,
    publishing,
    registers,
    reserved_pages,
    standing,
)
from doccontrol import catalogue as catalogues
from doccontrol import labels as display
from doccontrol.config import Config
from doccontrol.history import content
from doccontrol.history.dispositions import NONE, Dispositions
from doccontrol.history.gitread import GitError, GitReader
from doccontrol.history.model import ApprovalEvent, DocumentHistory, History, HistoryProblem
from doccontrol.history.stored import StoredVersions
from doccontrol.load.repository import Repository
from doccontrol.model import Document, Record, RecordType
from doccontrol.problems import Names, Problem, names_for
from doccontrol.site.templates import Templates, templates
from doccontrol.validate.documents import render_problems

DOCS_PREFIX = "docs/"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown page (relative to the site root)."""
    stem = publishing.page_stem(src_uri)
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


# the generated pages' places (reserved_pages), named from here by the site's modules
REGISTER_SRC = reserved_pages.REGISTER_SRC
TRAIL_SRC = reserved_pages.TRAIL_SRC
COVERAGE_SRC = reserved_pages.COVERAGE_SRC
REVIEW_SRC = reserved_pages.REVIEW_SRC
RECORDS_SRC = reserved_pages.RECORDS_SRC
HOME_SRC = reserved_pages.HOME_SRC
form_src = reserved_pages.form_src


def record_src(record: Record) -> str:
    return reserved_pages.record_src(record.type, str(record.id))


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
    # the site's language (doccontrol.yml `language`; the site speaks Chinese by default) and
    # the folders whose doccontrol/*.html override the shipped templates (the theme's custom_dir)
    language: str = catalogues.DEFAULT_LANGUAGE
    template_dirs: tuple[Path, ...] = ()
    # versions read from Git, shared by the register and the impact analysis (and kept by the
    # plugin across `mkdocs serve` rebuilds); None: each opens its own
    stored: StoredVersions | None = None
    # the templates, compiled by an earlier build with the same language and folders (Jinja
    # reloads a template whose file changed); None: compiled for this site
    compiled: Templates | None = None
    # what is suspect, as an earlier build found it from the same inputs (site/reuse.py: a
    # `mkdocs serve` rebuild after an edit that changes none of them); None: judged here
    suspects_found: impact.Suspects | None = None
    # a preview (`mkdocs serve`, or the plugin's `preview` option): each page gives the work
    # tree's text, marked where it is not the published one; never stamped, never a
    # controlled copy. Otherwise each page gives the text in force, read from Git.
    preview: bool = False
    # files under docs/ (relative to it) the approved site configuration shows on every page:
    # the theme's logo and favicon, as the adapter reads them (published with the pages)
    site_files: tuple[str, ...] = ()
    # record types whose schema in the work tree may not be the one in force
    # (publishing.unsettled_record_types): left out like a hidden procedure's. The plugin
    # gives them for a build that is not a preview (a preview shows the work tree's schemas)
    unsettled_types: frozenset[str] = frozenset()
    # what the renderers cannot take in a text, naming a file (validate.documents
    # .render_problems); the plugin gives the one its `check` remembered, which has read
    # most page texts already (the text in force is most often the work tree's own object)
    render_problems: Callable[[Document, str], list[Problem]] = render_problems

    @cached_property
    def catalogue(self) -> catalogues.Catalogue:
        return catalogues.load(self.language)

    @cached_property
    def templates(self) -> Templates:
        if self.compiled is not None:
            return self.compiled
        return templates(self.catalogue, self.template_dirs)

    @cached_property
    def labels(self) -> display.Labels:
        """Display values; the usual zone is the one most published records are written in."""
        usual = display.usual_offset(display.record_datetimes(self.records, self.record_types))
        return display.Labels(self.config, self.catalogue, usual)

    @property
    def limit(self) -> str:
        return self.config.publish.max_confidentiality

    @cached_property
    def documents(self) -> dict[str, Document]:
        """The documents that get a page, by id: as the register of ``as_of`` has them. The
        work tree's publishable ones, but one the main branch held only after that day (not
        yet issued then: no page, never one called unapproved); and one gone from the work tree
        since, whose text the site gave that day (standing.published), read from Git at the
        path it then had."""
        known = self.history.documents if self.history is not None else {}
        pages = {
            doc_id: document
            for doc_id, document in self._publishable.items()
            if doc_id not in known or doc_id in self.standings
        }
        taken = {d.path for d in self.repo.documents}
        for doc_id, document in self._gone_in_force.items():
            # a file the work tree holds at its old path (another document now) is that
            # file's page, never this one's: it gets none
            if document.path in taken or os.path.lexists(self.repo.root / document.path):
                continue
            pages[doc_id] = document
            taken.add(document.path)
        return pages

    @cached_property
    def _publishable(self) -> dict[str, Document]:
        """The work tree's documents that may be published, by id: nothing above the
        publishing level, now or ever."""
        return {
            d.id: d
            for d in publishing.publishable_documents(
                self.config,
                self.limit,
                self.repo.documents,
                self.history.documents if self.history else None,
            )
            # MkDocs renders these suffixes only as written (lower case); it would copy
            # an `.MD` file as it is, so such a document is not published at all
            if d.id and d.path.endswith(publishing.MARKDOWN_SUFFIXES)
        }

    @cached_property
    def published_paths(self) -> frozenset[str]:
        """The repository paths of the documents whose pages are published."""
        return frozenset(d.path for d in self.documents.values())

    @cached_property
    def document_paths(self) -> frozenset[str]:
        """The paths of every loaded document with an id, published or not."""
        return frozenset(d.path for d in self.repo.documents if d.id)

    @cached_property
    def visible_ids(self) -> frozenset[str]:
        """Every document id the site may name: the published documents and the withdrawn
        or deleted ones whose every level was publishable."""
        return frozenset(self._publishable) | frozenset(h.id for h in self._withdrawn)

    @cached_property
    def _withdrawn(self) -> tuple[DocumentHistory, ...]:
        """The documents gone from the work tree by a change on main whose every level was
        publishable: a file still there that cannot be read is refused, never shown from its
        history."""
        present = {d.id for d in self.repo.documents}
        return tuple(
            h
            for h in (self.history.documents.values() if self.history else ())
            if h.id not in present
            and h.withdrawn
            and publishing.document_publishable(self.config, self.limit, None, h)
        )

    @cached_property
    def _gone_in_force(self) -> dict[str, Document]:
        """The withdrawn documents whose text the site gave on ``as_of`` (a site built as of a
        day before the withdrawal), as Git holds that version, by id."""
        wanted = {
            h.id: revision
            for h in self._withdrawn
            for stand in [self.standings.get(h.id)]
            if stand is not None and (revision := standing.published(stand)) is not None
        }
        if not wanted:
            return {}
        store = self.stored
        if store is None:
            store = StoredVersions(self.repo.root)
        try:
            store.prefetch(wanted.values())
            read = {doc_id: store.document(revision) for doc_id, revision in wanted.items()}
        finally:
            if self.stored is None:
                store.close()
        return {
            doc_id: document
            for doc_id, document in read.items()
            # as a work-tree document: one MkDocs renders (lower-case suffix), under its id
            if document is not None
            and document.id == doc_id
            and document.path.startswith(DOCS_PREFIX)
            and document.path.endswith(publishing.MARKDOWN_SUFFIXES)
        }

    @cached_property
    def hidden_ids(self) -> frozenset[str]:
        """Ids the site must not name (above the level, now or in any version)."""
        known = {d.id for d in self.repo.documents if d.id}
        if self.history:
            known |= set(self.history.documents)
        return frozenset(known - self.visible_ids)

    @cached_property
    def hidden_names(self) -> frozenset[str]:
        """What author-typed text on the site may not say: hidden ids and titles, and a hidden
        procedure's record types' ids and names; the titles the pages give are spared."""
        return publishing.output_names(
            self.repo.root,
            self.history,
            self.repo.documents,
            self.repo.record_types,
            self.hidden_ids,
            [self.page_title(d) for d in self.documents.values()],
            self.hidden_schema_paths,
        )

    @cached_property
    def _by_path(self) -> dict[str, Document]:
        return {d.path: d for d in self.documents.values()}

    def document_at(self, path: str) -> Document | None:
        """The published document at a repository path (``docs/…``), if any."""
        return self._by_path.get(path)

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
    def published_texts(self) -> dict[str, Document | None]:
        """Each published document's text as the controlled site gives it: the version in
        force (standing.published), read from Git, however the work tree differs; None when
        nothing is in force, when there is no history to say what is, or when that version
        cannot be read. Fails closed: a draft, a version not yet effective and a change
        nobody approved are never given as a document's text."""
        if self.history is None:
            return dict.fromkeys(self.documents)
        wanted = {
            doc_id: standing.published(stand) if stand is not None else None
            for doc_id in self.documents
            for stand in [self.standings.get(doc_id)]
        }
        store = self.stored
        if store is None:
            store = StoredVersions(self.repo.root)
            store.know(self.repo.documents, self.repo.digests)
        try:
            store.prefetch(wanted.values())
            return {
                doc_id: store.document(revision) if revision is not None else None
                for doc_id, revision in wanted.items()
            }
        finally:
            if self.stored is None:
                store.close()

    def page_text(self, doc_id: str) -> Document | None:
        """The text a document's page gives: the published one, or in a preview the work
        tree's."""
        if self.preview:
            return self.documents.get(doc_id)
        return self.published_texts.get(doc_id)

    @cached_property
    def unrenderable(self) -> dict[str, Problem]:
        """Published documents whose page text the site's Markdown cannot render (nested too
        deep, brackets too costly: validate.documents.unrenderable), by path, with the first
        such problem: their pages are left out (the build warns, or fails when strict), never
        handed to the renderer to crash or hang on."""
        found = {}
        for doc_id, document in self.documents.items():
            text = self.page_text(doc_id)
            if text is None:
                continue
            problems = self.render_problems(text, document.path)
            if problems:
                found[document.path] = min(problems)
        return found

    @cached_property
    def images_used(self) -> frozenset[str]:
        """The images under docs/ the published pages show or link to (page_links.images_used),
        each page's links read from where its text was approved (a page moved by a change not
        in force yet gives the text in force, and the site points its links there, as copies
        and the audit pack read them), but those whose bytes an approval holding a hidden
        document last changed; and those the approved site configuration shows on every page
        (site_files), but those ``images_kept_back`` holds: only these are published."""
        return (self._images_shown | self._site_file_images) - self.images_kept_back

    @cached_property
    def images_kept_back(self) -> frozenset[str]:
        """Images a published page shows whose bytes, as that page gives them, were last
        changed by an approval that holds a document above the publishing level
        (approved_images.brought_by_hidden): a secret procedure's figure, or a shared chart a
        secret approval redrew, stays out whichever page shows it (rounds 98, 100). The site's
        own files (a theme's logo and favicon) are judged too, by the bytes main's tip holds
        and the last approved ones (round 107)."""
        shown = self._images_shown | self._site_file_images
        if not shown or not self.hidden_ids or self.history is None:
            return frozenset()
        hidden_at = self.picture_hidden_at
        if self.stored is None or self.preview:  # the latest bytes (a preview serves them)
            return frozenset(p for p in shown if hidden_at(p, ""))
        kept = {
            path
            for pictures in self.pictures_at.values()
            for path, at in pictures.items()
            if at and hidden_at(path, at)
        }
        if self._site_file_images:
            images = approved_images.approved_images(self.history)
            head = self.history.head
            kept |= {
                path
                for path in self._site_file_images
                if hidden_at(path, "") or hidden_at(path, images.source(path, head))
            }
        return frozenset(kept & shown)

    @cached_property
    def picture_hidden_at(self) -> Callable[[str, str], bool]:
        """approved_images.brought_by_hidden for this site's hidden documents (every level
        now and in any version); fails closed (every picture) when Git cannot answer."""
        if self.history is None or not self.hidden_ids:
            return lambda path, at: False
        try:
            with GitReader(self.repo.root) as reader:
                return approved_images.brought_by_hidden(
                    reader,
                    self.history,
                    self.hidden_ids,
                    lambda level: publishing.level_allowed(self.config, level, self.limit),
                )
        except GitError:
            return lambda path, at: True

    @cached_property
    def pictures_at(self) -> dict[str, dict[str, str]]:
        """Per published document, each picture its page shows → the commit its bytes are
        read at (approved_images.pages_in_force, as a copy embeds them; "" for none approved).
        Empty without ``stored`` or in a preview (the work tree's pictures)."""
        if self.history is None or self.preview or self.stored is None:
            return {}
        stored = self.stored
        shows = stored.shown_images
        events = self.history.events
        held = publishing.assets_ahead(events, self.standings, self.as_of, shows, stored.body_at)
        images = approved_images.approved_images(self.history, self.standings, shows)
        where = approved_images.held_back(images, held)
        # only what the site shows decides: a confidential text's approval never picks the
        # bytes published beside another's (round 85)
        shown = {k: v for k, v in self.standings.items() if k in self.visible_ids}
        return approved_images.pages_in_force(shown, where, shows)

    @cached_property
    def _images_shown(self) -> frozenset[str]:
        return page_links.images_used(
            (
                (text.path, text.body)
                for doc_id in self.documents
                for text in [self.page_text(doc_id)]
                if text is not None
            ),
            self.directory_urls,
        )

    @cached_property
    def _site_file_images(self) -> frozenset[str]:
        return page_links.images_used((), self.directory_urls, self.site_files)

    @cached_property
    def images_withheld(self) -> frozenset[str]:
        """The images a document the site does not publish names anywhere in its text, or a
        hidden one named in any version main held (page_links.images_named): never named for
        having gone out with public text."""
        return self._images_named_by(lambda d: d.id not in self.documents)

    def _images_named_by(self, left_out: Callable[[Document], bool]) -> frozenset[str]:
        """The images the work tree's documents ``left_out`` picks name, and those a hidden
        document named in any version main held."""
        hidden = self._hidden_texts
        if hidden is None:  # what they said cannot be read: no file under docs/ is named
            assert self.history is not None
            return frozenset(path for e in self.history.events for path in e.controlled)
        texts = [(d.path, d.body) for d in self.repo.documents if left_out(d)]
        return page_links.images_named(texts + hidden, self.directory_urls)

    @cached_property
    def _hidden_texts(self) -> list[tuple[str, str]] | None:
        """(path, body) of every version of a hidden document main held; None when Git
        cannot give them."""
        if self.history is None or not self.hidden_ids:
            return []
        try:
            with GitReader(self.repo.root) as reader:
                return list(content.every_text(reader, self.history.documents, self.hidden_ids))
        except GitError:
            return None

    def page_title(self, document: Document) -> str:
        """The title a document's page and its navigation entry give: the published text's;
        when that is withheld, the register's (what the main branch holds), never the work
        tree's edit; in a preview, the work tree's."""
        text = self.page_text(document.id or "")
        if text is not None:
            return text.title
        row = self.row(document.id or "")
        return row.title if row is not None else document.title

    @cached_property
    def standings(self) -> dict[str, standing.Standing]:
        """Where each document stood on ``as_of`` (the one computation every register uses)."""
        return registers.standings(self.repo, self.history, self.as_of, self.stored)

    @cached_property
    def all_rows(self) -> list[registers.DocumentRow]:
        """The register as of ``as_of``: the same rows ``doccontrol register`` gives."""
        return registers.document_rows(self.repo, self.history, self.as_of, self.standings)

    @cached_property
    def rows(self) -> list[registers.DocumentRow]:
        """The register rows that may be published: nothing hidden in the work tree, nothing
        whose registered version is above the publishing level."""
        return [r for r in self.all_rows if r.id in self.visible_ids]

    @cached_property
    def record_types(self) -> dict[str, RecordType]:
        """Record types whose id can name a generated page (forms/<type>.md) and that may be
        published (not one of a hidden procedure: publishing.record_type_publishable)."""
        return {t: rt for t, rt in self._shown_record_types.items() if publishing.safe_name(t)}

    @cached_property
    def _shown_record_types(self) -> dict[str, RecordType]:
        return publishing.publishable_record_types(
            self.repo.record_types, self._hidden_keys, self.unsettled_types
        )

    @cached_property
    def _hidden_record_types(self) -> frozenset[str]:
        """Record types of a hidden procedure, or whose schema is not the one in force: their
        records are left out, not refused."""
        return frozenset(self.repo.record_types.keys() - self._shown_record_types.keys())

    @cached_property
    def hidden_schema_paths(self) -> frozenset[str]:
        """The schema paths of record types of a hidden procedure (publishing.
        unnamed_schema_paths): the site never names them."""
        if self.history is None:
            types = self.repo.record_types
            return publishing.hidden_schema_paths(
                types, publishing.publishable_record_types(types, self._hidden_keys)
            )
        return publishing.unnamed_schema_paths(
            self.repo.root,
            self.history,
            self.repo.record_types,
            self._hidden_keys,
            self.unsettled_types,
        )

    def _publishable_records(self) -> list[Record]:
        return [
            r
            for r in registers.publishable_records(
                self.repo.records, self.config, self.repo.record_types
            )
            if r.type not in self._hidden_record_types
        ]

    @cached_property
    def refused_records(self) -> list[Record]:
        """Publishable records whose id cannot name a page: left out (the build warns, or
        fails when strict)."""
        return [
            r
            for r in self._publishable_records()
            if r.type not in self.record_types
            or not publishing.record_id_valid(r, self.record_types[r.type])
        ]

    def row(self, doc_id: str) -> registers.DocumentRow | None:
        return next((r for r in self.rows if r.id == doc_id), None)

    @cached_property
    def records(self) -> list[Record]:
        refused = {id(r) for r in self.refused_records}
        return [
            r
            for r in self._publishable_records()
            if id(r) not in refused and not self._names_hidden_document(r)
        ]

    def _names_hidden_document(self, record: Record) -> bool:
        """Whether the record refers to a document the site must not name: its id, title or
        text would tell what the document is (an acknowledgement of a once-secret procedure
        carries both), whatever level the record itself says."""
        record_type = self.repo.record_types.get(record.type)
        if record_type is None or not self.hidden_ids:
            return False
        return publishing.record_names_hidden(record_type.schema, record.data, self._hidden_keys)

    def hides(self, value: str) -> bool:
        """Whether ``value`` names, in any spelling (publishing.id_key), a document the site
        must not name."""
        return bool(self.hidden_ids) and not self._hidden_keys.may_name(value)

    @cached_property
    def _hidden_keys(self) -> publishing.DocumentIds:
        return publishing.DocumentIds.of(self.hidden_ids)

    @cached_property
    def record_ids(self) -> frozenset[tuple[str, str]]:
        return frozenset((r.type, r.id or "") for r in self.records)

    @cached_property
    def public_problems(self) -> tuple[Problem, ...]:
        """Validation problems the site may list: those of published files and of the
        configuration and schemas, but a hidden record type's (a problem of an unpublished file
        can quote it, and a hidden type's schema path names the type)."""
        published_records = {r.path for r in self.records}
        return tuple(
            p
            for p in self.problems
            if p.path in self.published_paths
            or p.path in published_records
            or (
                not p.path.startswith((DOCS_PREFIX, "records/"))
                and p.path not in self.hidden_schema_paths
            )
        )

    @cached_property
    def names(self) -> Names:
        """What the repository's ids are called (roles, people, departments, types)."""
        return names_for(self.config, self.repo.record_types)

    def problem_text(self, problem: Problem | HistoryProblem) -> str:
        """A problem's text in the site's language, ids shown by their names; a value it
        quotes that names a hidden document in any spelling (DC205's 'sm-p-07') is redacted."""
        return self.redact(problem.text(self.catalogue, self.names))

    @cached_property
    def acknowledgements(self) -> list[acks.DocumentAcks]:
        """Read-and-understood acknowledgements owed for the published documents in force."""
        from doccontrol.site import acks as site_acks

        return site_acks.published(self)

    @cached_property
    def acknowledgements_by_document(self) -> dict[str, acks.DocumentAcks]:
        """``acknowledgements`` by document id (the first for each), for the document pages."""
        found: dict[str, acks.DocumentAcks] = {}
        for entry in self.acknowledgements:
            found.setdefault(entry.document, entry)
        return found

    @cached_property
    def acknowledgement_records(self) -> list[acks.Acknowledgement]:
        """Every acknowledgement record on the main branch, judged once (doccontrol.acks)."""
        if self.config.acknowledgement is None or self.history is None:
            return []
        return acks.ledger(self.history.acknowledgements, self.config, self.history)

    @cached_property
    def dispositions(self) -> Dispositions:
        """The past problems the approved rules say were handled as nonconformities, judged
        once (history/dispositions.py) against every problem of the history."""
        if not self.history:
            return NONE
        from doccontrol import trail

        records = trail.record_problems(self.history, self.config)
        return trail.dispositions(self.repo.root, self.history, records)

    @cached_property
    def suspects(self) -> impact.Suspects:
        """What is suspect as of ``as_of`` (doccontrol.impact), for banners and the review page."""
        if self.suspects_found is not None:
            return self.suspects_found
        if not self.history:
            return impact.Suspects()
        return impact.suspects(self.repo, self.history, self.as_of, stored=self.stored)

    def doc_history(self, doc_id: str) -> DocumentHistory | None:
        return self.history.documents.get(doc_id) if self.history else None

    @cached_property
    def events(self) -> list[ApprovalEvent]:
        """Approval events, limited to what may be published: documents the site may not name
        are dropped from each event, and an event left with none is dropped; and to those made
        by ``as_of`` (standing.dated_by: a site built as of a past day names no later one)."""
        if not self.history:
            return []
        events = [e for e in self.history.events if standing.dated_by(e.date, self.as_of)]
        needed = publishing.names_docs_files(events, self.hidden_names)
        return publishing.visible_events(
            events,
            self.visible_ids,
            self.hidden_names,
            self.not_published,
            self.images_used if needed else frozenset(),
            self.images_withheld if needed else frozenset(),
            unnamed=self.hidden_schema_paths,
            schemas={t.path for t in self.repo.record_types.values()} - self.hidden_schema_paths,
        )

    @property
    def not_published(self) -> str:
        return self.catalogue.text("site.not_published")

    def redact(self, text: str) -> str:
        """Author-typed text as the site may show it: no id or title of a hidden document."""
        return publishing.redact_names(text, self.hidden_names, self.not_published)
