"""The site's part of change impact: a banner on a suspect document and the suspect list on
the review page. Nothing above the publishing level is named: a source document that may not
be published is described, never identified (no id, title or version)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from doccontrol.impact import Cause, Suspect
from doccontrol.model import Document
from doccontrol.site.html import esc, link, relative_url
from doccontrol.site.model import Site


def _doc_html(site: Site, doc_id: str, from_src: str, text: str) -> str:
    src = site.src(doc_id)
    if src is None:
        return esc(text)  # visible but without a page (withdrawn): named, not linked
    return link(relative_url(site.url(from_src), site.url(src)), text)


def _source_named(site: Site, cause: Cause) -> bool:
    return cause.source in site.visible_ids


def banner(site: Site, document: Document, from_src: str) -> list[str]:
    """The banner of a suspect document, naming the change that made it suspect."""
    suspect = site.suspects.documents().get(document.id or "")
    if suspect is None:
        return []
    t = site.catalogue
    cause = suspect.since
    if _source_named(site, cause):
        text = Markup(
            t.text(
                "site.suspect.text",
                source=_doc_html(site, cause.source, from_src, cause.source),
                version=esc(cause.version),
                date=esc(cause.date[:10]),
                commit=esc(cause.commit[:10]),
            )
        )
    else:
        text = Markup(esc(t.text("site.suspect.hidden", date=cause.date[:10])))
    return [site.templates.render("suspect-banner", text=text, more=len(suspect.causes) - 1)]


@dataclass(frozen=True)
class _Row:
    kind: str
    id_html: Markup
    title_html: Markup
    source_html: Markup
    version: str
    date: str
    via: str
    changes: int


def _row(site: Site, suspect: Suspect, from_src: str) -> _Row | None:
    t = site.catalogue
    if suspect.kind == "document":
        if suspect.id not in site.documents:
            return None  # not published: not listed
        id_html = Markup(_doc_html(site, suspect.id, from_src, suspect.id))
        title_html = Markup(_doc_html(site, suspect.id, from_src, suspect.title))
    else:
        if suspect.id not in site.record_types:
            return None
        record_type = site.record_types[suspect.id]
        href = relative_url(site.url(from_src), site.url(f"forms/{suspect.id}.md"))
        # a record type is named, never shown by its id (readers do not know the ids)
        name = record_type.name_en if site.language == "en" and record_type.name_en else None
        id_html = Markup(link(href, name or record_type.name))
        title_html = Markup(esc(suspect.title))
    cause = suspect.since
    named = _source_named(site, cause)
    return _Row(
        kind=t.text(f"impact.kind.{suspect.kind}"),
        id_html=id_html,
        title_html=title_html,
        source_html=Markup(
            _doc_html(site, cause.source, from_src, cause.source)
            if named
            else esc(t.text("site.suspect.hidden-source"))
        ),
        version=cause.version if named else "",
        date=cause.date[:10],
        via=t.join(t.text(f"impact.via.{v}") for v in cause.via),
        changes=len(suspect.causes),
    )


def suspect_list(site: Site, from_src: str) -> str:
    """The suspect list (for the review page): published dependents only."""
    rows = [r for s in site.suspects.items if (r := _row(site, s, from_src)) is not None]
    return site.templates.render("suspect-list", rows=rows, day=site.as_of.isoformat())
