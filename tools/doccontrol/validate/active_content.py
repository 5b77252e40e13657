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
# …or in an attribute list, which the attr_list extension writes onto the element before it:
# ``![x](y){onerror=…}``, ``# h {: onclick=… }``
_ATTR_LIST_HANDLER = re.compile(r"\{:?[^{}\n]*?(?<![\w-])(on[A-Za-z]+)\s*=", re.IGNORECASE)
# where a URL can be written: a Markdown link or image, a reference definition, an autolink,
# an HTML attribute that holds a URL. Each with the text any match of it must contain: a
# body without that text is not searched (a pattern starting with \b is tried at every
# character; over a thousand procedures that was most of the time ``check`` spent here).
_URLS = (
    ("](", re.compile(r"\]\(\s*<?([^\s)>]*)")),
    ("]:", re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+)", re.MULTILINE)),
    ("<", re.compile(r"<([A-Za-z][^\s<>]*:[^\s<>]*)>")),
    (
        "=",
        re.compile(
            r"\b(?:href|src|srcset|action|formaction|xlink:href|data|poster|background|cite|srcdoc)"
            r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)",
            re.IGNORECASE,
        ),
    ),
)
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
# a fence's opening or closing line (up to three spaces in)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)[^`\n].*?\1")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]|\\(?=[!-/:-@\[-`{-~])")


def _blank(text: str) -> str:
    return "\n".join(" " * len(line) for line in text.split("\n"))


def _spans_blanked(text: str) -> str:
    # a code span never reaches past its line, so one pass over many lines finds what a pass
    # over each line would
    return _CODE_SPAN.sub(lambda m: _blank(m[0]), text) if "`" in text else text


def _without_code(body: str) -> str:
    """The body with fenced code blocks and code spans blanked out (offsets kept). A fence
    runs from a line of three or more backticks or tildes to a line of at least as many of
    the same, or to the end. Only the fences' lines are visited, not every line (the
    definition, line by line, is held to this in tests/validate/test_active_content.py)."""
    if "`" not in body and "~~~" not in body:
        return body
    out: list[str] = []
    done = 0  # the end of what is already in ``out``
    fence = ""  # the open fence's marks
    for match in _FENCE.finditer(body):
        marks = match[1]
        if not fence:
            out.append(_spans_blanked(body[done : match.start()]))
            fence, done = marks, match.start()
        elif marks[0] == fence[0] and len(marks) >= len(fence):
            end = body.find("\n", match.end())
            end = len(body) if end < 0 else end
            out.append(_blank(body[done:end]))
            fence, done = "", end
    out.append(_blank(body[done:]) if fence else _spans_blanked(body[done:]))
    return "".join(out)


def _active_scheme(url: str) -> str | None:
    """The script-running scheme a URL starts with, however it is disguised, or None."""
    if ":" not in url and "&" not in url:
        return None  # no scheme, nor an entity that could spell its colon
    value = html.unescape(url.strip("\"'"))
    # browsers drop whitespace and control characters inside a scheme; Markdown drops a
    # backslash before punctuation
    value = _IGNORED_IN_SCHEME.sub("", value).lower()
    return next((scheme for scheme in _BAD_SCHEMES if value.startswith(scheme)), None)


def findings(body: str) -> Iterator[tuple[int, str, str]]:
    """(offset in the body, kind, what was found) for each piece of active content; the kind
    (element, handler, url) chooses the problem's text."""
    text = _without_code(body)
    if "<" in text:
        for match in _ELEMENT.finditer(text):
            yield match.start(), "element", f"<{match[1].lower()}>"
        for match in _HANDLER.finditer(text):
            yield match.start(1), "handler", f"{match[1].lower()}="
    if "{" in text:
        for match in _ATTR_LIST_HANDLER.finditer(text):
            yield match.start(1), "handler", f"{match[1].lower()}="
    for needed, pattern in _URLS:
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            scheme = _active_scheme(match[1])
            if scheme:
                yield match.start(1), "url", f"{scheme}…"
