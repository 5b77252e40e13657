"""The site's part of controlled copies: the PDF link in a document's control block and the
register of copies due for recall (待回收受控副本). Kept apart from pages.py, which calls in."""

from __future__ import annotations

from doccontrol import copies, publishing, reserved_pages
from doccontrol.history.model import HistoryProblem
from doccontrol.history.stored import StoredVersions
from doccontrol.model import Document
from doccontrol.site.html import Link, esc, relative_url, table
from doccontrol.site.model import Site

PDF_DIR = "pdf"
RECALL_SRC = reserved_pages.RECALL_SRC


def pdf_ids(site: Site) -> list[str]:
    """The published documents that get a PDF with the site (publish.pdf): those with a
    version in force on the site's day, named by a plain file name."""
    if not site.config.publish.pdf or site.history is None:
        return []
    return sorted(
        doc_id
        for doc_id in site.documents
        if publishing.safe_name(doc_id)
        # a page left out as unrenderable gets no PDF either (the same renderer)
        and site.documents[doc_id].path not in site.unrenderable
        and (stand := site.standings.get(doc_id)) is not None
        and stand.in_force is not None
    )


def pdf_link(site: Site, document: Document) -> Link | None:
    """The control block's link to the document's PDF, when the site builds one."""
    doc_id = document.id or ""
    src = site.src(doc_id)
    if src is None or doc_id not in pdf_ids(site):
        return None
    href = relative_url(site.url(src), f"{PDF_DIR}/{doc_id}.pdf")
    return Link(site.catalogue.text("site.pdf.link"), href)


def recall_rows(site: Site) -> list[copies.RecallDue]:
    """Copies due for recall on the site's day: issued by records on main that may be
    published, of documents the site may name."""
    found = copies.ledger(site.history, site.config)
    issued = [
        c for c in found.publishable(site.config, site.limit) if c.document in site.visible_ids
    ]
    if site.stored is not None:
        return copies.recall_due(issued, site.standings, site.as_of, site.history, site.stored)
    with StoredVersions(site.repo.root) as stored:
        return copies.recall_due(issued, site.standings, site.as_of, site.history, stored)


def recall_page(site: Site) -> str:
    t = site.catalogue
    due = recall_rows(site)
    intro = f"<p>{esc(t.text('recall.page.intro', day=site.as_of.isoformat()))}</p>"
    if not due:
        return intro + f'\n\n<p class="dc-recall-none">{esc(t.text("recall.page.none"))}</p>\n'
    rows = [
        [
            esc(d.copy.document),
            esc(d.copy.copy_number),
            esc(d.copy.holder_name),
            esc(d.copy.version),
            esc(d.copy.issued),
            esc(d.copy.record),
            esc(t.text(f"recall.reason.{d.reason}")),
            esc(d.current_version or "—"),
            esc(d.since),
            esc(str(d.days)),
        ]
        for d in due
    ]
    headers = [esc(h) for h in t.headers("recall.col", copies.RECALL_COLUMNS)]
    return intro + "\n\n" + table(headers, rows, "dc-recall") + "\n"


def recall_title(site: Site) -> str:
    return site.catalogue.text("recall.page.title")


def problems(site: Site) -> list[HistoryProblem]:
    """The distribution records' problems (DC550, DC551) the site may show: those about a
    record the site publishes (a problem names its record and copies; one about a record the
    site leaves out is left out too, failing closed)."""
    if site.history is None:
        return []
    shown = {r.path for r in site.records}
    return [p for p in copies.history_problems(site.history, site.config) if p.document in shown]
