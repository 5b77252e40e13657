"""What the round 96 tests share: the built site served at its site_url
(https://sms.example.com/, the project's mkdocs.yml) to a real Chromium, which reads each
link of a page as a browser does (``a.href``); a plain static server then reads the path's
%-escapes once (python -m http.server, nginx)."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rt88_helpers import colour_at

CHROMIUM = "/usr/bin/chromium"
SITE = "https://sms.example.com/"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _served(out: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).lstrip("/")
    target = out / path
    return target / "index.html" if target.is_dir() else target


def browser_links(out: Path, page: str, selector: str) -> dict[str, str]:
    """title → the URL Chromium resolves each ``selector`` link's href to, on ``page``
    served at SITE (every request to the site answered from ``out``; nothing else loaded)."""
    from playwright.sync_api import sync_playwright

    def answer(route):
        url = route.request.url
        if not url.startswith(SITE):
            return route.abort()
        target = _served(out, url)
        if not target.is_file():
            return route.fulfill(status=404, body="")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return route.fulfill(status=200, body=target.read_bytes(), content_type=kind)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            tab = browser.new_page()
            tab.route("**/*", answer)
            tab.goto(SITE + page.removesuffix("index.html"))
            pairs = tab.eval_on_selector_all(
                selector,
                "links => links.map(a => [a.title, a.getAttribute('href') === null ? '' : a.href])",
            )
        finally:
            browser.close()
    return dict(pairs)


def led_to(out: Path, url: str):
    """The colour of the picture a link to ``url`` opens when the site answers it (its host,
    without a final dot, is the site's; the path's %-escapes read once). None: no link, or
    another site."""
    if not url:
        return None
    parts = urlsplit(url)
    if (parts.hostname or "").rstrip(".") != urlsplit(SITE).hostname:
        return None
    return colour_at(_served(out, url))
