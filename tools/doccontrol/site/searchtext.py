"""What the site search indexes for a record page: one "field: value" paragraph per field.

A record page is a two-column table (field, value). Indexed as it is, the search plugin runs
every cell together ("变更编号CR-2026-007变更标题升级…"), so a search result shows a snippet
nobody can read. The page itself stays as it is; only the text the search index reads is
rewritten, from the page's own HTML (so whatever labels the page shows, the index shows).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

RECORD_TABLE = "dc-record"


@dataclass(frozen=True)
class Separators:
    """Punctuation between a label and its value, between nested fields and list items."""

    field: str  # "{label}：{value}" in Chinese, "{label}: {value}" in English
    nested: str
    item: str


class _RecordTable(HTMLParser):
    """Collects the rows of the first ``table.dc-record``: each row's cells as plain text,
    nested tables flattened to "label: value; …" and lists to "a, b"."""

    def __init__(self, separators: Separators) -> None:
        super().__init__(convert_charrefs=True)
        self.sep = separators
        self.depth = 0  # nesting depth of tables inside the record table (1 = its own rows)
        self.done = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.head = False  # inside the table's own <thead> (字段 / 内容): not a field

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self.depth or RECORD_TABLE in classes):
            self.depth += 1
        elif self.depth == 1 and tag == "thead":
            self.head = True
        elif self.depth == 1 and tag == "tr" and not self.head:
            self.rows.append([])
        elif self.depth == 1 and tag in ("td", "th") and not self.head:
            self.cell = []
        elif self.cell is not None and tag == "br":
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.done or not self.depth:
            return
        if tag == "table":
            self.depth -= 1
            self.done = self.depth == 0
        elif self.depth == 1 and tag == "thead":
            self.head = False
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(_clean("".join(self.cell), self.sep))
            self.cell = None
        elif self.cell is not None and self.depth > 1 and tag == "th":
            self.cell.append(self.sep.field)
        elif self.cell is not None and self.depth > 1 and tag == "tr":
            self.cell.append(self.sep.nested)
        elif self.cell is not None and tag == "li":
            self.cell.append(self.sep.item)

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _clean(text: str, sep: Separators) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # a list or nested table leaves a separator at its end
    for tail in (sep.item, sep.nested):
        stripped = tail.strip()
        while stripped and text.endswith(stripped):
            text = text[: -len(stripped)].rstrip()
    return text


def record_search_html(page_html: str, separators: Separators) -> str | None:
    """The HTML the search index reads for a record page, or None when the page holds no
    record table (then it is indexed as it is)."""
    parser = _RecordTable(separators)
    parser.feed(page_html)
    parser.close()
    fields = [row for row in parser.rows if len(row) == 2 and row[0]]
    if not fields:
        return None
    paragraphs = [
        "<p>" + html.escape(f"{label}{separators.field}{value}", quote=False) + "</p>"
        for label, value in fields
    ]
    return "\n".join(paragraphs)
