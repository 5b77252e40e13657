"""Small HTML helpers: escaping and relative URLs."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two paths below the same root, without its calls
    to the file system's current folder (a large site has thousands of links per build)."""
    to = [p for p in posixpath.normpath("/" + path).split("/") if p]
    base = [p for p in posixpath.normpath("/" + start).split("/") if p]
    common = 0
    while common < len(to) and common < len(base) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both relative to the site root)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = to_url or "./"
    rel = relative_path(target, base) if base else target
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def link(href: str | None, text: object, css: str = "") -> str:
    cls = f' class="{esc(css)}"' if css else ""
    return (
        f'<a href="{esc(href)}"{cls}>{esc(text)}</a>' if href else f"<span{cls}>{esc(text)}</span>"
    )


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    css: str = "",
    row_attrs: Sequence[str] | None = None,
) -> str:
    """A table whose cells are already HTML (escape values before passing them)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    attrs = list(row_attrs or [])
    body = "".join(
        f"<tr{(' ' + attrs[i]) if i < len(attrs) and attrs[i] else ''}>"
        + "".join(f"<td>{c}</td>" for c in row)
        + "</tr>"
        for i, row in enumerate(rows)
    )
    cls = f' class="{esc(css)}"' if css else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --- values handed to the templates -----------------------------------------------------
# Pages are data: each cell is one of these, and the template macro ``show`` (macros.html)
# turns it into HTML with every text escaped. ``kind`` tells the macro which one it has.


@dataclass(frozen=True)
class Link:
    """A link, or plain text when there is nothing (or nothing publishable) to link to."""

    text: str
    href: str | None = None
    kind: str = "link"


@dataclass(frozen=True)
class Flag:
    """A warning word (未批准, 逾期…), styled as a flag (or as ``css`` says: dc-required)."""

    text: str
    css: str = "dc-flag"
    kind: str = "flag"


@dataclass(frozen=True)
class Code:
    text: str
    kind: str = "code"


@dataclass(frozen=True)
class Seq:
    """Values shown one after the other, with ``sep`` between them."""

    items: tuple[Any, ...]
    sep: str = ""
    kind: str = "seq"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Any, ...]
    kind: str = "bullets"


@dataclass(frozen=True)
class Nested:
    """A nested object of a record: (field title, value) rows."""

    rows: tuple[tuple[str, Any], ...]
    kind: str = "nested"


@dataclass(frozen=True)
class Lines:
    """A multi-line text: one line per item, with line breaks between them."""

    items: tuple[str, ...]
    kind: str = "lines"


@dataclass(frozen=True)
class ProblemNote:
    code: str
    message: str
    kind: str = "problem"


@dataclass(frozen=True)
class Row:
    cells: tuple[Any, ...]
    css: str = ""
    data: tuple[tuple[str, str], ...] = ()  # data-* attributes


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    css: str = ""


def text_value(value: str) -> Any:
    """A free text: kept as is, with its line breaks shown."""
    return Lines(tuple(value.split("\n"))) if "\n" in value else value
