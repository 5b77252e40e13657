"""The site's read-and-understood parts: a document's 阅知确认 x/y with who is outstanding,
and a page of what each person owes. Only published documents appear: an acknowledgement
owed for a document the site may not name is left out, never summarised."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from doccontrol import acks
from doccontrol.site.html import relative_url
from doccontrol.site.templates import Templates

if TYPE_CHECKING:
    from doccontrol.model import Document
    from doccontrol.site.model import Site

PEOPLE_SRC = "registers/acknowledgements.md"


def _templates(site: Site) -> Templates:
    # the site's own: its language, and the adopter's overrides from a controlled custom_dir
    return site.templates


def enabled(site: Site) -> bool:
    return site.config.acknowledgement is not None and site.history is not None


def published(site: Site) -> list[acks.DocumentAcks]:
    """Who owes what for the published documents in force on the site's day."""
    if site.config.acknowledgement is None or site.history is None:
        return []
    records = acks.ledger(site.history.acknowledgements, site.config, site.history)
    stands = {k: v for k, v in site.standings.items() if k in site.documents}
    return acks.status(site.config, site.history, stands, site.as_of, records)


def block(site: Site, document: Document, from_src: str) -> list[str]:
    """The 阅知确认 block of a document page (nothing when none is owed)."""
    entry = next((d for d in site.acknowledgements if d.document == document.id), None)
    if entry is None:
        return []
    people_url = relative_url(site.url(from_src), site.url(PEOPLE_SRC))
    return [_templates(site).render("acks-block", entry=entry, people_url=people_url)]


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
    return _templates(site).render("acks-people", people=people, day=site.as_of.isoformat()) + "\n"


def title(site: Site) -> str:
    return site.catalogue.text("acks.site.people_title")


def pages(site: Site) -> dict[str, tuple[str, str]]:
    """The generated page (src_uri → title, Markdown), when acknowledgements are asked for."""
    return {PEOPLE_SRC: (title(site), people_page(site))} if enabled(site) else {}


def nav(site: Site) -> list[dict[str, str]]:
    return [{title(site): PEOPLE_SRC}] if enabled(site) else []
