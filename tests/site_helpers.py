"""Reading built HTML in tests: table rows as text, elements by class."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _Tables(HTMLParser):
    def __init__(self, css: str) -> None:
        super().__init__()
        self.css = css
        self.depth = 0
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self.depth or self.css in classes):
            self.depth += 1
        elif self.depth == 1 and tag == "tr":
            self.row = []
        elif self.depth == 1 and tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "table" and self.depth:
            self.depth -= 1
        elif (
            self.depth == 1
            and tag in ("td", "th")
            and self.cell is not None
            and self.row is not None
        ):
            self.row.append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif self.depth == 1 and tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, css: str) -> list[list[str]]:
    """Rows (header included) of every table with class ``css``, cells as plain text."""
    parser = _Tables(css)
    parser.feed(html)
    return parser.rows


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")
