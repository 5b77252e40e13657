"""Small HTML helpers: escaping and relative URLs."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Sequence


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both relative to the site root)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = to_url or "./"
    rel = posixpath.relpath("/" + target, "/" + base) if base else target
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
