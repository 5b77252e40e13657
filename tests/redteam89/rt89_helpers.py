"""What the round 89 tests share: round 87's two texts (SM-P-01 V1.1 red, approved
2026-03-10; SM-P-02 V1.0 redrawing the shared chart blue, in force 2026-04-01), and a
browser's reading of a built page served over HTTPS at the configured ``site_url``
(https://sms.example.com/): the WHATWG URL parser reads ``https:x`` as relative to a base of
the same scheme, and an absolute URL to the site's own host fetches the site's own file."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from rt88_helpers import BLUE, PAGE, RED, built, colour_at, two_texts

__all__ = ["BLUE", "PAGE", "RED", "SITE", "built", "https_colours", "two_texts"]

SITE = "https://sms.example.com/"  # the project's site_url


def https_colours(out: Path, page: str = PAGE, attribute: str = "src", tag: str = "img") -> list:
    """The colour of every picture the page's ``<tag attribute>`` shows, the page served at
    ``SITE``: each value read as a browser does (entities decoded, trimmed, tabs and line
    breaks dropped, ``\\`` as ``/``) and joined to the page's URL (``urljoin`` reads
    ``https:x`` as relative, as the URL standard does for a special scheme equal to the
    base's). None: nothing served there, or another host."""
    text = (out / page).read_text(encoding="utf-8")
    base = SITE + page
    found = []
    for raw in re.findall(rf'<{tag} [^>]*?{attribute}="([^"]*)"', text):
        value = html_lib.unescape(raw).strip(" \t\n\r\f")
        value = re.sub(r"[\t\n\r]", "", value).replace("\\", "/")
        url = urlsplit(urljoin(base, value))
        if url.scheme != "https" or url.netloc != "sms.example.com":
            found.append(None)
            continue
        found.append(colour_at(out / unquote(url.path).lstrip("/")))
    return found
