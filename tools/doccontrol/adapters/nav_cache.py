"""Material's navigation rendered once for the pages outside it.

Every page carries the whole navigation, and Material renders it again for each page: with a
thousand documents that is most of the cost of a small page, such as a record's. For a page
that is not in the navigation nothing in it is marked active, so its HTML depends on the page
only through its relative links. Those are the same for every page in one folder at one depth
(``records/change/X/`` and ``records/change/Y/``), unless a page of the navigation lies under
the page's own folder. Such pages get the navigation rendered once per folder.

Material's own ``partials/nav.html`` is still what renders it (included under another name),
so nothing of Material's is copied here. Where the theme's ``custom_dir`` overrides a template
the navigation uses, nothing is cached: an override may depend on the page.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

NAV = "partials/nav.html"
# the templates Material's navigation includes for a page outside it (the page's own table of
# contents, partials/toc.html, is only included for the page the navigation marks current)
NAV_TEMPLATES = (NAV, "partials/nav-item.html", "partials/logo.html", "partials/source.html")
ORIGINAL = "doccontrol-theme"  # the prefix under which the theme's own templates stay reachable

# Material's base.html includes partials/nav.html; this stands in for it and includes the theme's
# own. It writes nothing of its own, so the page's HTML is the same byte for byte.
WRAPPER = (
    "{%- set key = doccontrol_nav_key(page) -%}"
    "{%- if key is none -%}"
    '{%- include "' + ORIGINAL + "/" + NAV + '" -%}'
    "{%- elif doccontrol_nav_has(key) -%}"
    "{{- doccontrol_nav_get(key) -}}"
    "{%- else -%}"
    '{%- set html -%}{%- include "' + ORIGINAL + "/" + NAV + '" -%}{%- endset -%}'
    "{{- doccontrol_nav_put(key, html) -}}"
    "{%- endif -%}"
)


class NavCache:
    """One build's rendered navigations, by the folder of the pages that share one."""

    def __init__(self, nav_urls: list[str], nav_pages: set[int]) -> None:
        # every leading run of folders of the navigation's URLs
        self._prefixes = {
            tuple(parts[:size]) for parts in map(_parts, nav_urls) for size in range(len(parts) + 1)
        }
        self._nav_pages = nav_pages  # id() of the navigation's pages
        self._html: dict[tuple[int, tuple[str, ...]], Markup] = {}

    def key(self, page: Any) -> tuple[int, tuple[str, ...]] | None:
        """What the page's links to the navigation depend on, or None: a page in it.

        A link from folder B to T climbs out of B to the folders B and T share, then down T.
        Taking B's longest leading run that starts some navigation URL (``shared``), every T
        shares with B what it shares with ``shared``: the links depend on B's depth and on
        ``shared`` alone."""
        if page is None or id(page) in self._nav_pages:
            return None
        base = _parts(_folder(str(page.url)))
        size = len(base)
        while tuple(base[:size]) not in self._prefixes:
            size -= 1
        return len(base), tuple(base[:size])

    def has(self, key: tuple[int, tuple[str, ...]]) -> bool:
        return key in self._html

    def get(self, key: tuple[int, tuple[str, ...]]) -> Markup:
        return self._html[key]

    def put(self, key: tuple[int, tuple[str, ...]], html: str) -> Markup:
        self._html[key] = Markup(html)
        return self._html[key]


def install(env: jinja2.Environment, nav: Any, config: Any, theme_dir: Path) -> NavCache | None:
    """Put the caching navigation into ``env`` when the navigation's templates are the theme's
    own, from ``theme_dir`` (Material's templates); None where it is left as it is."""
    loader = env.loader
    if loader is None:
        return None
    own = theme_dir.resolve()
    for name in NAV_TEMPLATES:
        try:
            _source, filename, _uptodate = loader.get_source(env, name)
        except jinja2.TemplateNotFound:
            return None
        if filename is None or Path(filename).resolve().parent.parent != own:
            return None  # an override (custom_dir), or not Material's layout
    cache = NavCache([str(page.url) for page in nav.pages], {id(page) for page in nav.pages})
    env.loader = jinja2.ChoiceLoader(
        [
            jinja2.DictLoader({NAV: WRAPPER}),
            jinja2.PrefixLoader({ORIGINAL: loader}),
            loader,
        ]
    )
    env.globals.update(
        doccontrol_nav_key=cache.key,
        doccontrol_nav_has=cache.has,
        doccontrol_nav_get=cache.get,
        doccontrol_nav_put=cache.put,
    )
    return cache


def _items(items: list[Any]) -> list[Any]:
    found = []
    for item in items:
        found.append(item)
        found += _items(getattr(item, "children", None) or [])
    return found


def _folder(url: str) -> str:
    # as mkdocs.utils.get_relative_url reads a page's URL: a last part with a dot is a file
    head, _, last = url.rpartition("/")
    return head if "." in last else url


def _parts(url: str) -> list[str]:
    # as mkdocs.utils._norm_parts splits a URL
    path = posixpath.normpath("/" + url)[1:]
    return path.split("/") if path else []
