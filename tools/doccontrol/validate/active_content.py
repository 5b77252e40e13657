"""Active content in a document body: raw ``<script>`` (and its kin), event-handler
attributes and ``javascript:`` URLs; and an attribute list renaming a picture or link.

The site strips all of it (site/sanitize.py); ``check`` reports it so the author learns that
what they wrote will not run, and a reviewer sees the attempt. Code blocks and code spans are
shown as text, so they are left alone, but only where every renderer a body meets reads them
as code: the site's Python-Markdown with pymdownx.superfences and the PDF copies' with
fenced_code pair fences and backticks differently, and text one shows as code the other may
pass on as HTML. Where they could differ, the text is searched (tests/validate holds this to
both renderers).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

# elements that run or load code, or redirect the page, whatever their attributes
_ELEMENT = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta)\b", re.IGNORECASE
)
# an on…= attribute anywhere inside a tag (tags may span lines; a quoted value may hold < or >)
_HANDLER = re.compile(
    r"<[A-Za-z](?:[^<>\"']|\"[^\"]*\"|'[^']*')*?[\s\"'/](on[A-Za-z]+)\s*=",
    re.IGNORECASE | re.DOTALL,
)
# …or in an attribute list, which the attr_list extension writes onto the element before it:
# ``![x](y){onerror=…}``, ``# h {: onclick=… }``
_ATTR_LIST_HANDLER = re.compile(r"\{:?[^{}\n]*?(?<![\w-])(on[A-Za-z]+)\s*=", re.IGNORECASE)
# …or a new name for a picture or link (``![x](a.png){: src="b.png" }``): the site keeps the
# Markdown's name, as the printed copies do (adapters/own_names.py), so it would do nothing.
# attr_list reads a list onto an image or link only right after it (its ")", "]" or an
# autolink's ">"); braces in prose ("{proto=tcp, src=10.0.0.0/8}") are text (round 92)
_ATTR_LIST_NAME = re.compile(r"(?<=[)\]>])\{:?[^{}\n]*?(?<![\w-])(src|href)\s*=", re.IGNORECASE)
# where a URL can be written: a Markdown link or image, a reference definition, an autolink,
# an HTML attribute that holds a URL. Each with the text any match of it must contain: a
# body without that text is not searched (a pattern starting with \b is tried at every
# character; over a thousand procedures that was most of the time ``check`` spent here).
_URLS = (
    ("](", re.compile(r"\]\(\s*<?([^\s)>]*)")),
    # a reference definition, in a block quote or a list too, its URL on the next line or not;
    # read ahead only, so a definition on that next line is read as one too ("[q]:" before
    # "[b]: javascript:…" takes "[b]:" for its URL, and Markdown may take neither)
    (
        "]:",
        re.compile(r"^(?=[ \t>*+-]*\[[^\]\n]+\]:[ \t]*(?:\n[ \t>]*)?<?([^\s>]+))", re.MULTILINE),
    ),
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
# a line that opens or closes a fence for some renderer (Python-Markdown's fenced_code, which
# the PDF copies use; pymdownx.superfences, which the site uses), blockquote marks and indents
# included
_FENCE_LIKE = re.compile(r"^([ \t>]*)(`{3,}|~{3,})(.*)$", re.MULTILINE)
# what both accept after an opening fence: nothing, or a language
_INFO = re.compile(r"[ \t]*(?:\.?[\w#.+-]+[ \t]*)?")
_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_TICKS = re.compile(r"`+")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]|\\(?=[!-/:-@\[-`{-~])")
# Python-Markdown drops these before it reads anything (they are its own placeholders)
_DROPPED = ("\x02", "\x03")


def _blank(text: str, fill: str = " ") -> str:
    return "\n".join(fill * len(line) for line in text.split("\n"))


def _fences(text: str) -> list[tuple[int, int]]:
    """Where the fenced code blocks are, as (start, end) offsets, when every renderer the
    body may meet reads the same ones: each fence opens at the margin with nothing or a
    language after it, and closes on a line of exactly its own marks. Anything else (an
    indented or quoted fence, other words after the marks, a fence never closed) is read
    differently by fenced_code and by superfences, and then no fence is trusted: the whole
    body is searched, since text one of them shows as code the other may pass on as HTML."""
    found: list[tuple[int, int]] = []
    fence, start = "", 0
    for match in _FENCE_LIKE.finditer(text):
        indent, marks, rest = match[1], match[2], match[3]
        if not fence:
            if indent or not _INFO.fullmatch(rest):
                return []
            fence, start = marks, match.start()
        elif not indent and marks == fence and not rest.strip(" \t"):
            found.append((start, match.end()))
            fence = ""
    return [] if fence else found


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the code spans are, when every renderer reads the same ones: in each paragraph,
    backtick runs all of one length, an even number on each line, no backslash before one,
    paired in order on their line, and none holding a table's pipe. Python-Markdown's own
    pairing has changed between versions (a span may now cross lines, and runs of unequal
    length pair), and raw HTML is not read for spans at all, so a body with raw HTML outside
    such spans has none."""
    found: list[tuple[int, int]] = []
    offset = 0
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        here = offset
        offset += len(paragraph)
        if "`" not in paragraph or "\\`" in paragraph:
            continue
        runs = [m for m in _TICKS.finditer(paragraph)]
        if len({len(m[0]) for m in runs}) != 1:
            continue
        pairs: list[tuple[int, int]] = []
        line_start = 0
        for line in paragraph.split("\n"):
            inside = [m for m in runs if line_start <= m.start() < line_start + len(line)]
            if len(inside) % 2:
                break
            pairs += [(o.start(), c.end()) for o, c in zip(inside[::2], inside[1::2], strict=True)]
            line_start += len(line) + 1
        else:
            if not any("|" in paragraph[a:b] for a, b in pairs):
                found += [(here + a, here + b) for a, b in pairs]
    return found


def _without(text: str, parts: list[tuple[int, int]], fill: str = " ") -> str:
    out, done = [], 0
    for start, end in parts:
        out += [text[done:start], _blank(text[start:end], fill)]
        done = end
    return "".join([*out, text[done:]])


def _without_code(body: str) -> str:
    """The body with the code blocks and code spans every renderer reads alike blanked out
    (offsets kept). Line endings are read as Python-Markdown reads them (a lone carriage
    return ends a line)."""
    if "`" not in body and "~~~" not in body:
        return body
    text = body.replace("\r\n", " \n").replace("\r", "\n")
    fences = _fences(text)
    # a fence is not a paragraph break to superfences: spans pair across it
    spans = _spans(_without(text, fences, "x"))
    text = _without(text, fences)
    if spans and _RAW_HTML.search(_without(text, spans)):
        return text
    return _without(text, spans)


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
    (element, handler, url, name) chooses the problem's text."""
    if any(c in body for c in _DROPPED):
        # searched as Python-Markdown reads it (``<scr\x02ipt>`` is a script to it), each
        # finding placed back in the body as written
        kept = [i for i, c in enumerate(body) if c not in _DROPPED]
        for offset, kind, what in findings("".join(body[i] for i in kept)):
            yield kept[offset] if offset < len(kept) else len(body), kind, what
        return
    text = _without_code(body)
    if "<" in text:
        for match in _ELEMENT.finditer(text):
            yield match.start(), "element", f"<{match[1].lower()}>"
        for match in _HANDLER.finditer(text):
            yield match.start(1), "handler", f"{match[1].lower()}="
    if "{" in text:
        for match in _ATTR_LIST_HANDLER.finditer(text):
            yield match.start(1), "handler", f"{match[1].lower()}="
        for match in _ATTR_LIST_NAME.finditer(text):
            yield match.start(1), "name", f"{match[1].lower()}="
    for needed, pattern in _URLS:
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            scheme = _active_scheme(match[1])
            if scheme:
                yield match.start(1), "url", f"{scheme}…"
