"""mkdocs.yml's own ``nav:``, as the site may give it.

An explicit nav is ordinary MkDocs practice, and it is author-typed text approved once: a
document listed in it while public may since have been raised above the publishing level,
withdrawn or left out. MkDocs would turn such an entry into a link with the typed title on
every page (and the 404 page). So the nav is walked before MkDocs builds it: an entry for a
page the build does not render is dropped, a link whose title names something hidden is
dropped, and a published document's entry gives the published title, as the generated
navigation does (pages.navigation).
"""

from __future__ import annotations

import html
import posixpath
import re
import urllib.parse
from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from doccontrol import publishing
from doccontrol.site.model import DOCS_PREFIX, Site


@dataclass(frozen=True)
class Adopted:
    nav: list[Any]  # the nav MkDocs is given
    dropped: int  # how many entries were left out (said as a count, never their titles)


def adopted(site: Site, nav: list[Any], rendered: Set[str]) -> Adopted:
    """``nav`` (mkdocs.yml's, as MkDocs reads it) with only what the site may show.
    ``rendered``: the pages this build renders (src_uri, relative to docs/)."""
    dropped = 0

    def entry(title: str | None, value: Any) -> Any | None:
        nonlocal dropped
        if isinstance(value, list):  # a section: its title redacted, kept while it holds any
            items = [e for e in (item(child) for child in value) if e is not None]
            if not items:
                dropped += 1
                return None
            return items if title is None else {site.redact(title): items}
        if not isinstance(value, str):
            return {title: value} if title is not None else value  # MkDocs says what is wrong
        path, anchored = _page_path(value)
        if path is not None and path not in rendered:
            dropped += 1  # a page this build leaves out: never a link with its title
            return None
        document = site.document_at(DOCS_PREFIX + path) if path is not None else None
        if document is not None and not anchored:
            return {html.escape(f"{document.id} {site.page_title(document)}"): value}
        if _names_hidden(site, value) or (title is not None and _names_hidden(site, title)):
            # typed like a merge title (the address too: every page carries it in an href,
            # and the browser shows it), and names a hidden document
            dropped += 1
            return None
        return value if title is None else {title: value}

    def item(value: Any) -> Any | None:
        if isinstance(value, dict) and len(value) == 1:
            [(title, target)] = value.items()
            return entry(str(title) if title is not None else None, target)
        return entry(None, value)

    kept = [e for e in (item(v) for v in nav) if e is not None]
    return Adopted(kept, dropped)


def _names_hidden(site: Site, text: str) -> bool:
    """Whether ``text`` names something the site may not, as typed or as a browser may show
    it: HTML character references, percent-escapes and the tabs and line breaks a URL parser
    drops, read in any order and again, until nothing more changes (a few rounds)."""
    return any(site.redact(form) != form for form in _read_forms(text))


_DROPPED_BY_URL_PARSERS = re.compile(r"[\t\n\r]")


def _read_forms(text: str) -> set[str]:
    seen, frontier = {text}, [text]
    for _ in range(4):  # each round undoes one layer; four cover any honest or odd address
        found = []
        for before in frontier:
            for form in (
                _DROPPED_BY_URL_PARSERS.sub("", before),
                html.unescape(before),
                urllib.parse.unquote(before),
            ):
                if form not in seen:
                    seen.add(form)
                    found.append(form)
        if not found:
            break
        frontier = found
    return seen


def _page_path(target: str) -> tuple[str | None, bool]:
    """The Markdown page (relative to docs/) a nav target names, and whether it names a place
    in it (``#…``/``?…``: MkDocs makes that a link); None for a URL or any other file."""
    if "://" in target or target.startswith(("/", "mailto:")):
        return None, False
    base = target.split("#", 1)[0].split("?", 1)[0]
    path = posixpath.normpath(base) if base else ""
    if not publishing.is_document_path(path) or path.startswith("../"):
        return None, False
    return path, base != target
