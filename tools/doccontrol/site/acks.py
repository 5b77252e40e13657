"""The site's read-and-understood parts: a document's 阅知确认 x/y with who is outstanding,
and a page of what each person owes. Only published documents appear: an acknowledgement
owed for a document the site may not name is left out, never summarised."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from doccontrol import acks, reserved_pages
from doccontrol.site.html import relative_url

if TYPE_CHECKING:
    from doccontrol.history.model import HistoryProblem
    from doccontrol.model import Document
    from doccontrol.site.model import Site

PEOPLE_SRC = reserved_pages.PEOPLE_SRC


def enabled(site: Site) -> bool:
    return site.config.acknowledgement is not None and site.history is not None


def published(site: Site) -> list[acks.DocumentAcks]:
    """Who owes what for the published documents in force on the site's day."""
    if site.config.acknowledgement is None or site.history is None:
        return []
    stands = {k: v for k, v in site.standings.items() if k in site.documents}
    return acks.status(site.config, site.history, stands, site.as_of, site.acknowledgement_records)


def problems(site: Site) -> list[HistoryProblem]:
    """The acknowledgement records' problems (DC540–DC543) the site may show: those of
    records naming a document the site may name (a record's id and text name its document;
    one naming no such document is left out, failing closed)."""
    return [
        p
        for r in site.acknowledgement_records
        if r.document in site.visible_ids
        for p in r.problems
    ]


def block(site: Site, document: Document, from_src: str) -> list[str]:
    """The 阅知确认 block of a document page (nothing when none is owed)."""
    entry = site.acknowledgements_by_document.get(document.id or "")
    if entry is None:
        return []
    people_url = relative_url(site.url(from_src), site.url(PEOPLE_SRC))
    # who has acknowledged, and how strongly Git proves it was them (README, threat model)
    done = [
        {
            "person": o.person,
            "name": o.person_name,
            "day": o.acknowledged,
            "evidence": o.evidence,
            "label": acks.evidence_label(o.evidence, site.catalogue),
        }
        for o in entry.owed
        if o.done
    ]
    return [site.templates.render("acks-block", entry=entry, people_url=people_url, done=done)]


def people_page(site: Site) -> str:
    """Each person in doccontrol.yml and the published documents they still owe."""
    owed: dict[str, list[dict[str, Any]]] = {p.id: [] for p in site.config.people}
    here = site.url(PEOPLE_SRC)
    for entry in site.acknowledgements:
        src = site.src(entry.document)
        url = relative_url(here, site.url(src)) if src else ""
        for o in entry.outstanding:
            owed.setdefault(o.person, []).append({**o.to_json(), "url": url})
    people = [{"id": p.id, "name": p.name, "owed": owed.get(p.id, [])} for p in site.config.people]
    return site.templates.render("acks-people", people=people, day=site.as_of.isoformat()) + "\n"


def title(site: Site) -> str:
    return site.catalogue.text("acks.site.people_title")


def pages(site: Site) -> dict[str, tuple[str, str]]:
    """The generated page (src_uri → title, Markdown), when acknowledgements are asked for."""
    return {PEOPLE_SRC: (title(site), people_page(site))} if enabled(site) else {}


def nav(site: Site) -> list[dict[str, str]]:
    return [{title(site): PEOPLE_SRC}] if enabled(site) else []
