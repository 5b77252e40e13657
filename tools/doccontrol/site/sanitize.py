"""The body HTML of a document page, cleaned by nh3 (Ammonia) so nothing in it runs.

Authors may write raw HTML in Markdown, and MkDocs passes it through. What Markdown, the
configured extensions and doccontrol's own control block legitimately emit is allowed:
tables (with their text-align), admonitions, code (and the Mermaid ``<pre class="mermaid">``
that Material turns into a diagram), heading ids and permalinks, images, classes. Scripts,
event handlers, ``javascript:`` and other active URLs, styles, forms and frames are removed.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote, urlsplit

import nh3

from doccontrol.page_links import browser_url
from doccontrol.publishing import is_asset_path

_TAGS = set(nh3.ALLOWED_TAGS) | {"tfoot", "section"}
_EVERYWHERE = {"id", "class", "title", "lang", "dir", "align"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _EVERYWHERE,
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "headers", "style"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "ol": {"start", "type"},
    "li": {"value"},
    "code": {"data-lang"},
    # the control block and the change-history rows doccontrol writes itself
    "div": {"data-doc-id"},
    "tr": {"data-commit"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}
# removed together with their content (their text is code or markup, not prose)
_DROPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "textarea",
    "select",
    "title",
    "xmp",
    "noembed",
    "noframes",
}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_LINKS = {("img", "src"), ("a", "href")}  # where a body names a picture the page shows


def _attribute(element: str, attribute: str, value: str) -> str | None:
    # Material's own elements have ids starting with "__" (its configuration is read from
    # #__config): a body element with such an id could stand in for them
    if attribute == "id" and value.startswith("__"):
        return None
    return value


def _body_attribute(element: str, attribute: str, value: str) -> str | None:
    # doccontrol's own classes (dc-…: the stamp, the control block, the banners) are styled to
    # carry authority; a document body using them could draw a fake 受控副本 stamp or control
    # block over the real one
    if attribute == "class":
        kept = " ".join(c for c in value.split() if not c.lower().startswith("dc-"))
        return kept or None
    if (element, attribute) in _LINKS and _from_elsewhere(element, value):
        return None
    return _attribute(element, attribute, value)


def _from_elsewhere(element: str, value: str) -> bool:
    """A picture a body shows from anywhere but its own place: control reads a page's
    pictures from the page's own place only, so it cannot say which bytes such a name shows
    (rounds 87, 89): never shown, never linked. An ``<img>`` with a scheme or a host
    (``https://…``, ``//host/…``, ``https:../x.png``) or named from the site's root
    (``/x.png``, ``\\x.png``); a link to a picture from the site's root or by a scheme with no
    host. A link to another site stays."""
    url = browser_url(value)
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    if element == "img":
        return bool(parts.scheme or parts.netloc) or url.startswith("/")
    if parts.netloc:
        return False
    # the path as the server reads it: ``/flow.p%6eg`` is /flow.png (round 96)
    return (url.startswith("/") or bool(parts.scheme)) and is_asset_path(unquote(parts.path))


def body_marks(nonce: str) -> tuple[str, str]:
    """The HTML comments that fence a document's own text on its page. ``nonce`` is secret to
    the build (the comments never reach the output), so a body cannot write them itself."""
    return f"<!-- dc-body {nonce} -->", f"<!-- /dc-body {nonce} -->"


def clean_page(html: str, nonce: str) -> str:
    """A document page cleaned: doccontrol's own parts (control block, banners, change history)
    keep their classes, the text between the body marks loses the reserved ones. When the marks
    are not both found once, in order (an unclosed fence or HTML block in the body swallowed
    one), the whole page is cleaned as body: nothing of the author's may pass as doccontrol's."""
    parts = clean_parts(html, nonce)
    return "".join(parts) if parts is not None else clean(html, body=True)


def clean_parts(
    html: str, nonce: str, links: Callable[[str], str | None] | None = None
) -> tuple[str, str, str] | None:
    """``clean_page``'s result as (head, body, tail), the body being the document's own text;
    None when the marks are not both found once, in order. ``links``: a new value for an
    image's ``src`` or a link's ``href`` in the body (None: as it is; "": none at all)."""
    start, end = body_marks(nonce)
    head, found_start, rest = html.partition(start)
    body, found_end, tail = rest.partition(end)
    if not (found_start and found_end) or start in tail or end in tail or start in head:
        return None
    cleaner = _CLEANERS[True] if links is None else _cleaner(True, links)
    return clean(head), cleaner.clean(body), clean(tail)


def _cleaner(body: bool, links: Callable[[str], str | None] | None = None) -> nh3.Cleaner:
    kept = _body_attribute if body else _attribute

    def linked(element: str, attribute: str, value: str) -> str | None:
        if links is not None and (element, attribute) in _LINKS:
            given = links(value)
            if given is not None:
                if not given:
                    return None
                value = given
        return kept(element, attribute, value)

    return nh3.Cleaner(
        tags=_TAGS,
        clean_content_tags=_DROPPED,
        attributes=_ATTRIBUTES,
        attribute_filter=kept if links is None else linked,
        strip_comments=True,
        link_rel=None,
        url_schemes=_URL_SCHEMES,
        filter_style_properties={"text-align"},
    )


# built once: setting up Ammonia's rules took a third of each clean (three per page)
_CLEANERS = {False: _cleaner(False), True: _cleaner(True)}


def clean(html: str, body: bool = False) -> str:
    """``html`` with everything that could run removed; ``body``: a document's own text,
    which may not use doccontrol's reserved ``dc-`` classes either."""
    return _CLEANERS[body].clean(html)
