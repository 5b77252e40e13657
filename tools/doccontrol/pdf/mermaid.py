"""Mermaid flowcharts drawn as SVG by the vendored Mermaid in headless Chromium.

WeasyPrint runs no JavaScript, and Mermaid lays a diagram out by measuring text in a browser,
so the diagrams are drawn by the same Mermaid the site uses, offline (``make vendor``), in the
Chromium the browser tests use, with text labels (no ``foreignObject``, which WeasyPrint's SVG
renderer cannot draw). One browser serves every diagram of a build; it is started on first use.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from doccontrol import catalogue, vendor

DEFAULT_MERMAID = Path(vendor.MERMAID_JS)
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# the flags keep Chromium from calling home on a machine with no internet
_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_RENDER = """async ([blocks, font]) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict', theme: 'neutral',
    htmlLabels: false, flowchart: {htmlLabels: false}, fontFamily: font,
    deterministicIds: true});
  const out = [];
  for (let i = 0; i < blocks.length; i++) {
    try {
      const r = await mermaid.render('dc-mermaid-' + i, blocks[i]);
      out.push([r.svg, '']);
    } catch (e) {
      out.push(['', String(e && e.message || e).split('\\n')[0]]);
    }
  }
  return out;
}"""
FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"


class Unavailable(Exception):
    """No browser or no Mermaid: diagrams are shown as their source text, and said so."""


def chromium() -> str | None:
    wanted = os.environ.get("DOCCONTROL_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    return next((found for name in _BROWSERS if (found := shutil.which(name))), None)


class Mermaid:
    """Draws diagrams; ``close()`` (or ``with``) ends the browser."""

    def __init__(self, script: Path) -> None:
        self.script = script
        self._playwright: Any = None
        self._browser: Any = None

    def __enter__(self) -> Mermaid:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def _page(self) -> Any:
        # the pinned Mermaid only, never through a link: a committed copy could be any script
        # (or a link to a secret document), and Chromium runs it with the pages' text
        found = vendor.mermaid_file(self.script)
        if isinstance(found, vendor.Refusal):
            raise Unavailable(found.text(catalogue.load()))
        executable = chromium()
        if executable is None:
            raise Unavailable("chromium")
        if self._browser is None:
            try:
                from playwright.sync_api import Error, sync_playwright
            except ImportError:
                raise Unavailable("playwright") from None
            try:
                self._playwright = sync_playwright().start()
                self._browser = self._playwright.chromium.launch(
                    executable_path=executable, args=_FLAGS
                )
            except Error as exc:
                self.close()
                raise Unavailable(str(exc).splitlines()[0]) from None
        page = self._browser.new_page()
        page.set_content("<!DOCTYPE html><html><body></body></html>")
        page.add_script_tag(content=found.data.decode("utf-8"))
        return page

    def render(self, blocks: list[str]) -> list[tuple[str, str]]:
        """(svg, "") per diagram, or ("", why) for one Mermaid could not parse."""
        if not blocks:
            return []
        page = self._page()
        try:
            result: list[list[str]] = page.evaluate(_RENDER, [blocks, FONT])
        finally:
            page.close()
        return [(svg, error) for svg, error in result]
