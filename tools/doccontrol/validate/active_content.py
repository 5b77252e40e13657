"""Active content in a document body: raw ``<script>`` (and its kin), event-handler
attributes and ``javascript:`` URLs.

The site strips all of it (site/sanitize.py); ``check`` reports it so the author learns that
what they wrote will not run, and a reviewer sees the attempt. Code blocks and code spans are
shown as text by Markdown, so they are left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

# elements that run or load code, or redirect the page, whatever their attributes
_ELEMENT = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta)\b", re.IGNORECASE
)
# an on…= attribute anywhere inside a tag (tags may span lines)
_HANDLER = re.compile(r"<[A-Za-z][^<>]*?[\s\"'/](on[A-Za-z]+)\s*=", re.IGNORECASE | re.DOTALL)
# where a URL can be written: a Markdown link or image, a reference definition, an autolink,
# an HTML attribute that holds a URL
_URLS = (
    re.compile(r"\]\(\s*<?([^\s)>]*)"),
    re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+)", re.MULTILINE),
    re.compile(r"<([A-Za-z][^\s<>]*:[^\s<>]*)>"),
    re.compile(
        r"\b(?:href|src|action|formaction|xlink:href|data|poster|background|cite|srcdoc)\s*=\s*"
        r"(\"[^\"]*\"|'[^']*'|[^\s>]+)",
        re.IGNORECASE,
    ),
)
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)[^`\n].*?\1")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]|\\(?=[!-/:-@\[-`{-~])")


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _without_code(body: str) -> str:
    """The body with fenced code blocks and code spans blanked out (offsets kept)."""
    out = []
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match[1]
            out.append(_blank(line))
        elif fence is not None:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
                fence = None
            out.append(_blank(line))
        else:
            out.append(_CODE_SPAN.sub(lambda m: _blank(m[0]), line))
    return "\n".join(out)


def _active_scheme(url: str) -> str | None:
    """The script-running scheme a URL starts with, however it is disguised, or None."""
    value = html.unescape(url.strip("\"'"))
    # browsers drop whitespace and control characters inside a scheme; Markdown drops a
    # backslash before punctuation
    value = _IGNORED_IN_SCHEME.sub("", value).lower()
    return next((scheme for scheme in _BAD_SCHEMES if value.startswith(scheme)), None)


def findings(body: str) -> Iterator[tuple[int, str, str]]:
    """(offset in the body, kind, what was found) for each piece of active content; the kind
    (element, handler, url) chooses the problem's text."""
    text = _without_code(body)
    for match in _ELEMENT.finditer(text):
        yield match.start(), "element", f"<{match[1].lower()}>"
    for match in _HANDLER.finditer(text):
        yield match.start(1), "handler", f"{match[1].lower()}="
    for pattern in _URLS:
        for match in pattern.finditer(text):
            scheme = _active_scheme(match[1])
            if scheme:
                yield match.start(1), "url", f"{scheme}…"
