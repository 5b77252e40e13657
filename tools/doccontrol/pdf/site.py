"""``publish.pdf: true``: an uncontrolled PDF of every published document in force, built
with the site into ``pdf/<DOC_ID>.pdf`` (the control block links to it). The same facts and
refusals as ``doccontrol pdf``; one Git reader and one browser serve every document."""

from __future__ import annotations

from pathlib import Path

from doccontrol import catalogue, publishing
from doccontrol.approved_images import approved_reader, embedded
from doccontrol.atomic import write_atomic
from doccontrol.history.gitread import GitReader
from doccontrol.history.stored import StoredVersions
from doccontrol.pdf import facts as pdf_facts
from doccontrol.pdf.mermaid import Mermaid
from doccontrol.pdf.render import render
from doccontrol.site.copies import PDF_DIR, pdf_ids
from doccontrol.site.model import Site


def build(site: Site, site_dir: Path, mermaid_js: Path) -> list[str]:
    """Write the PDFs; returns the warnings (a diagram drawn as text, an image left out).
    A document that cannot be made is an error (raised as ``Refused``)."""
    assert site.history is not None
    t = catalogue.load(catalogue.language_for(site.config.language, {}))
    warnings: list[str] = []
    reader = GitReader(site.repo.root)
    try:
        # what no copy may name is the same for every copy of this build: judged once
        hidden = pdf_facts.hidden_ids(site.repo, site.history, site.limit, site.config)
        unnamed = publishing.unnamed_for(
            site.repo.root, site.history, site.repo.record_types, hidden
        )
        # a picture a document above the level names stays out, as from the page (round 98)
        hidden_at = site.picture_hidden_at
        with StoredVersions(site.repo.root) as meta_of, Mermaid(mermaid_js) as mermaid:
            # held back from a copy as from the page: the site's own answer (round 85)
            stored = site.stored or meta_of
            where = embedded(
                site.history, site.standings, site.as_of, stored.shown_images, stored.body_at
            )
            for doc_id in pdf_ids(site):
                found = pdf_facts.gather(
                    repo=site.repo,
                    history=site.history,
                    reader=reader,
                    doc_id=doc_id,
                    day=site.as_of,
                    limit=site.limit,
                    t=t,
                    meta_of=meta_of,
                    names=site.config,  # the approved names while doccontrol.yml is pending
                    judged=site.config,  # and the levels the site judges by
                    hidden=hidden,
                    unnamed=unnamed,
                )
                read = approved_reader(reader, where, found.commit, hidden_at)
                result = render(found, t, read, mermaid)
                write_atomic(site_dir / PDF_DIR / f"{doc_id}.pdf", result.data)
                warnings += [t.text("pdf.warning", doc=doc_id, text=w) for w in result.warnings]
    finally:
        reader.close()
    return warnings
