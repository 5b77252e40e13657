"""Which files a page's text shows or links to: the images a published page uses are
published with it, and an image only a document that may not be published uses (its figure,
named after it) is not (publishing decides from these; the site and the audit pack ask)."""

from __future__ import annotations

import bisect
import functools
import html
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import unquote, urljoin, urlsplit

from doccontrol.publishing import ASSET_SUFFIXES, is_asset_path, page_stem, unsafe_character


def asset_target(document_path: str, target: str) -> str | None:
    """The repository path of the image a document's link or ``src`` points at, resolved as
    MkDocs resolves it (from the document's folder, %-escapes read): only a relative path to a
    raster image under docs/, never a URL, an absolute path or one leaving docs/. A colon
    makes a URL only after a scheme, as MkDocs and a browser read one: ``./chart:v2.png`` is
    the file chart:v2.png (MkDocs writes ``chart%3Av2.png``), ``chart:v2.png`` is no file
    (round 118)."""
    target = target.split("#")[0].split("?")[0]
    if not target or "://" in target or target.startswith(("/", "data:", "\\")):
        return None
    try:
        if urlsplit(target).scheme:
            return None
    except ValueError:
        return None
    joined = posixpath.join(posixpath.dirname(document_path), unquote(target))
    path = posixpath.normpath(joined)
    if not path.startswith("docs/") or ".." in path.split("/"):
        return None
    if not is_asset_path(path) or unsafe_character(path):
        return None
    return path


# every place Markdown or HTML names a file: an inline link or image target (one level of
# parentheses inside it, as in fig(1).png), a reference definition (its target on the same
# line or the next; its label is the group "label"), an HTML src or href. Generous on purpose:
# what it finds is published, what it misses is left out (and the build names it), so the
# error falls on the closed side. Read from shown_text: what a comment or code holds is not on
# the page.
_MARKDOWN_GROUPS = 5  # the groups before these are Markdown's (resolved from the file's folder)
# an inline target: escaped characters, one level of parentheses; it ends at ASCII white space
# only (Python-Markdown keeps an ideographic space in it)
_INLINE_TARGET = r"""(?:\\.|[^()\\ \t\n\r\f\v]|\((?:\\.|[^()\\ \t\n\r\f\v])*\))+"""
_LINK_TARGET = re.compile(
    rf"""\]\(\s*<([^<>\n]+)>|\]\(\s*({_INLINE_TARGET})"""
    r"""|^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?"""
    r"""\[(?P<label>[^\]\n]+)\]:[ \t]*(?:\n[ \t]*)?(?:<([^<>\n]+)>|(\S+))"""
    r"""|\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""",
    re.MULTILINE | re.IGNORECASE,
)
_DEFINITION_ANGLE_GROUP = 3  # a reference definition's <target>: Python-Markdown takes none
# with white space in it (the line stays text, and <dd topology.png> is an HTML tag)
# where a page shows no link although "](" stands there (read from shown_text only; images_named
# stays generous): an HTML tag (Markdown there is an attribute value; its src or href counts)
# and a reference definition's title; a link's title is found as the links are read (_title)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_DEFINITION_TITLE = re.compile(
    r"""^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?:\n[ \t]*)?(?:<[^<>\s]+>|\S+)(?:[ \t]+|[ \t]*\n[ \t]*)"""
    r"""("[^\n]*"|'[^\n]*'|\([^\n]*\))[ \t]*$""",
    re.MULTILINE,
)
# a link's title after its target (white space, then a quote or a parenthesis), and where each
# kind ends: at the first closing quote (or parenthesis) the link's own ")" follows, as
# Python-Markdown reads [a](x.md "t) ![b](y.png "u") (one link, title t) ![b](y.png "u)
_TITLE_OPEN = re.compile(r"""(?=\s)[ \t]*(?:\n[ \t]*)?(["'(])""")
_TITLE_CLOSE = {
    '"': re.compile(r'"[ \t]*\)'),
    "'": re.compile(r"'[ \t]*\)"),
    "(": re.compile(r"\)[ \t]*\)"),
}
# the characters Python-Markdown's backslash escapes (its ESCAPED_CHARS, with the tables
# extension's "|"): "flow\_v2.png" is flow_v2.png on the page
_ESCAPED = re.compile(r"\\([!#()*+\-.>\[\\\]_`{|}])")
# a fence opening or closing a code block (``` or ~~~, at any indentation: inside a list too)
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
# a word as ``images_named`` reads one: what stands between white space, quotes, brackets and
# the separators of Mermaid's shape data and of HTML attributes
_NAME_WORD = re.compile(r"""[^\s"'`,;:{}()\[\]<>|=]+""")
# what stands between white space, quotes and angle brackets: each part of it that ends in a
# picture's suffix and starts at its start or after a separator (_SEPARATORS) is a name, so
# srcset="../chart(1).png 2x", url(../chart=v2.png) and ./chart:v2.png name their files
# (rounds 118, 119)
_RUN = re.compile(r"""[^\s"'`<>]+""")
_SEPARATORS = frozenset("()[]{}=;:,|")
_SUFFIX = re.compile("|".join(re.escape(s) for s in ASSET_SUFFIXES), re.IGNORECASE)
# a name starting after a separator further back than these is not read (bounds the work a
# run of separators and suffixes costs: one of 240 KB takes seconds, not minutes)
_LONGEST_NAME = 256
_MOST_STARTS = 64
_QUOTED = re.compile(r""""([^"\n]*)"|'([^'\n]*)'""")
_SCRIPT_ESCAPE = re.compile(
    r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S
)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})(?:\r\n|[ \t\r\n\f])?|(.))", re.S)
_MERMAID_ENTITY = re.compile(r"#(\d{1,7}|[A-Za-z][A-Za-z0-9]{0,31});")


def shown_text(body: str) -> str:
    """A Markdown text without what its page does not show as a link or an image: fenced code
    blocks (``` and ~~~; one left open runs to the end), HTML comments (one left open runs to
    the end) and inline code spans (a run of backticks up to the next run of its width in the
    same paragraph, an escaped backtick opening none: _span_runs).
    Each is replaced by the line breaks it held, so the lines around it stay lines. One linear
    pass; where it reads otherwise than Markdown, it drops more than the page hides (the closed
    side): an image it drops is left out of the site. Indented code blocks are not told."""
    return _without_spans(_without_fences(body))


def _without_fences(body: str) -> str:
    lines = body.split("\n")
    fence = ""
    for number, line in enumerate(lines):
        found = _FENCE.match(line)
        if not fence:
            # an info string with a backtick opens no fence (it is inline code)
            if found and not (found[1][0] == "`" and "`" in line[found.end() :]):
                fence = found[1]
                lines[number] = ""
            continue
        lines[number] = ""
        if (
            found
            and found[1][0] == fence[0]
            and len(found[1]) >= len(fence)
            and not line[found.end() :].strip()
        ):
            fence = ""
    return "\n".join(lines)


def _without_spans(text: str) -> str:
    runs = _span_runs(text)
    out: list[str] = []
    pos, run = 0, 0
    comment = text.find("<!--")
    while pos < len(text):
        while run < len(runs) and runs[run][1] <= pos:
            run += 1
        if 0 <= comment < pos:
            comment = text.find("<!--", pos)
        tick = runs[run][0] if run < len(runs) else -1
        if tick < 0 and comment < 0:
            out.append(text[pos:])
            break
        if tick >= 0 and (comment < 0 or tick < comment):
            start, stop, closing = runs[run]
            if closing is None:  # nothing closes it in its paragraph: plain backticks
                out.append(text[pos:stop])
                pos = stop
                continue
            tick = start  # an escaped backtick before it stays text
            out.append(text[pos:tick])
            end = runs[closing][1]
        else:
            out.append(text[pos:comment])
            close = text.find("-->", comment + 4)
            end = len(text) if close < 0 else close + 3
            tick = comment
        out.append("\n" * text.count("\n", tick, end) or " ")
        pos = end
    return "".join(out)


# a line with nothing but spaces and tabs: it ends a paragraph, and a code span with it
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")


def _span_runs(text: str) -> list[tuple[int, int, int | None]]:
    """Each run of backticks as (where it opens a span, its end, the run that closes that span),
    read as Python-Markdown reads them: a span closes at the next run of exactly its width
    within the paragraph (a blank line ends it; no span crosses one), else at the next of a
    width its first backticks make (Python-Markdown tries the whole run, then shorter ones);
    a backtick after an odd number of backslashes is escaped and opens nothing (the rest of
    its run may), while a closing run is read whole (a backslash in code is a character)."""
    found = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    # the paragraph of each run: the blank lines before it, counted in one pass
    paragraph: list[int] = []
    blanks = _BLANK_LINE.finditer(text)
    blank = next(blanks, None)
    count = 0
    for start, _ in found:
        while blank is not None and blank.start() < start:
            count += 1
            blank = next(blanks, None)
        paragraph.append(count)
    runs: list[tuple[int, int, int | None]] = [(0, 0, None)] * len(found)
    last: dict[int, int] = {}  # the nearest run after this one of each width, this paragraph
    current = -1
    for i in range(len(found) - 1, -1, -1):
        start, end = found[i]
        if paragraph[i] != current:
            current, last = paragraph[i], {}
        backslashes = 0
        while start - backslashes > 0 and text[start - backslashes - 1] == "\\":
            backslashes += 1
        opens = start + backslashes % 2  # an escaped first backtick is text
        closing = next((last[w] for w in range(end - opens, 0, -1) if w in last), None)
        runs[i] = (opens, end, closing)
        last[end - start] = i
    return runs


def _page_folder(document_path: str, directory_urls: bool) -> str:
    """The folder (as a repository path) a document's page is served from, which the browser
    resolves a raw HTML src or href from: with directory URLs, docs/a/b.md is served at a/b/,
    and README.md or index.md at its own folder."""
    folder, _, name = document_path.rpartition("/")
    stem = page_stem(name)
    if not directory_urls or stem in ("index", "README") or stem == name:
        return folder
    return f"{folder}/{stem}"


_LABEL_GROUP = _LINK_TARGET.groupindex["label"] - 1  # its index in match.groups()
# a reference definition's label (skipped: it uses nothing), else any bracketed text: the
# labels [text][label], [label][] and [label] may use (more than they do: generous); an
# escaped bracket (\[label]) is text
_LABEL_USE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:|(?<!\\)(?:\\\\)*\[([^\[\]]*)\]", re.MULTILINE)


def _label_key(label: str) -> str:
    """A reference label as Markdown matches it: case and runs of white space aside."""
    return " ".join(label.split()).casefold()


def _labels_used(text: str) -> set[str]:
    return {_label_key(m[1]) for m in _LABEL_USE.finditer(text) if m[1] is not None}


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``spans`` (ordered, disjoint)."""
    at = bisect.bisect_left(spans, (position + 1, 0)) - 1  # the last span starting by then
    return at >= 0 and position < spans[at][1]


class _Titles:
    """Where a link's title that starts right after ``end`` ends (0: it has none). Each kind
    of close is searched forward from where the last search found it, as the links are read
    in order: a run of titles never closed costs one pass, not one each. A title does not
    run past a blank line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
        self.found: dict[str, tuple[int, re.Match[str] | None]] = {}

    def end(self, end: int) -> int:
        opened = _TITLE_OPEN.match(self.text, end)
        if opened is None:
            return 0
        quote, start = opened[1], opened.end()
        since, close = self.found.get(quote, (-1, None))
        if since < 0 or start < since or (close is not None and close.start() < start):
            since, close = start, _TITLE_CLOSE[quote].search(self.text, start)
            self.found[quote] = (since, close)
        if close is None:
            return 0
        blank = bisect.bisect_left(self.blanks, start)
        if blank < len(self.blanks) and self.blanks[blank] < close.start():
            return 0
        return close.end()


def _targets(
    path: str, written: tuple[tuple[str, frozenset[str]], ...], directory_urls: bool | None
) -> set[str]:
    """The files the targets a text writes (``_written``) name, read from the document at
    ``path``. ``directory_urls`` None: a raw HTML name is read from the page's URL in either
    style."""
    found: set[str] = set()
    styles = (True, False) if directory_urls is None else (directory_urls,)
    served = tuple(_page_folder(path, style) + "/page" for style in styles)
    for kind, names in written:
        # Markdown targets are rewritten by MkDocs from the file; raw HTML is left as written,
        # which the browser reads from the page's URL: both are counted; a name from the
        # site's root is read under docs/
        bases = {"markdown": (path,), "html": (path, *served), "root": ("docs/index.md",)}[kind]
        for base in bases:
            for name in names:
                resolved = asset_target(base, name)
                if resolved is not None:
                    found.add(resolved)
    return found


@functools.lru_cache(maxsize=4096)
def _shown_targets(body: str) -> tuple[tuple[str, frozenset[str]], ...]:
    # kept per text: the site asks it of each page in its own URL style and of each stored
    # version in both, most of them the same texts
    return _written(shown_text(body), shown=True)


def _written(text: str, shown: bool) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each target ``text`` writes, as (how it is read: "markdown" from the file's folder,
    "html" from there and from the page's URL, "root" under docs/; the names a page may read
    it as).
    ``shown``: the text is what a page shows, where a reference definition no link or image
    uses names nothing (Python-Markdown removes it unseen), nor one it does not take (an angle
    target with white space), nor "](" in an HTML tag, a link's or a definition's title. A
    Markdown target is read unescaped (``flow\\_v2.png`` is flow_v2.png); ``images_named``
    (not ``shown``) counts it as written too."""
    targets: list[tuple[str, frozenset[str]]] = []
    used: set[str] | None = None  # read at the first labelled link: most texts have none
    tags = [m.span() for m in _TAG.finditer(text)] if shown else []
    titles = [m.span(1) for m in _DEFINITION_TITLE.finditer(text)] if shown else []
    links = _Titles(text)
    title_end = 0  # the end of the title of the last link read: what stands before it is title
    for match in _LINK_TARGET.finditer(text):
        label = match["label"]
        if label is not None and shown:
            if used is None:
                used = _labels_used(text)
            if _label_key(label) not in used:
                continue
        index, target = next(
            (i, g) for i, g in enumerate(match.groups()) if g is not None and i != _LABEL_GROUP
        )
        target = target.strip()
        markdown = index < _MARKDOWN_GROUPS
        if shown:
            start = match.start()
            if start < title_end or _inside(titles, start) or (markdown and _inside(tags, start)):
                continue
            if index == _DEFINITION_ANGLE_GROUP and any(c.isspace() for c in target):
                continue
            if index < _LABEL_GROUP:  # an inline link or image: its title shows no link
                title_end = links.end(match.end())
        written = {_ESCAPED.sub(r"\1", target)} if markdown else {target}
        if not shown:
            written.add(target)
        # as the page gives it: an entity read (flow&#46;png), a backslash read as a slash by
        # the browser (..\flow.png); round 83
        written |= {html.unescape(name) for name in written}
        written |= {name.replace("\\", "/") for name in written}
        # a browser drops tabs and line breaks from a URL (round 85)
        written |= {re.sub(r"[\t\n\r]", "", name) for name in written}
        # read generously (``images_named``), a Markdown target is read from the page's URL
        # too, as a browser reads what MkDocs leaves as written (chart&#46;png, round 119)
        kind = "markdown" if markdown and shown else "html"
        targets.append((kind, frozenset(written)))
    if not shown:
        targets += _named_words(text)
    return tuple(targets)


def _named_words(text: str) -> list[tuple[str, frozenset[str]]]:
    """Every word and quoted string of ``text`` that ends as a picture's name, and each part
    of a run between white space and quotes that does from its start or after a separator
    (``srcset="../chart(1).png 2x"``, ``url(../chart=v2.png)``), as written, with its
    %-escapes and entities read, and with the escapes a script reads decoded: a Mermaid image node (``A@{ img: "../fig.png" }``,
    its value YAML, where ``\\x69`` is ``i``; a label's ``#46;`` is ``.``; CSS, where
    ``\\2e `` is ``.``), which the browser draws from the page's URL once the sanitizer has
    run, names its picture too (rounds 102, 103, 105). A name from the site's root (``/procedures/fig.png``) or a full address
    (``https://sms.example.com/procedures/fig.png``, ``//host/…``) is read under docs/, each
    tail of its path (round 104)."""
    found: list[tuple[str, frozenset[str]]] = []
    variants = {text, html.unescape(text), *_decoded(text)}
    # %-escapes read too: %2Fprocedures%2Ffig.png is from the site's root (round 119)
    variants |= {unquote(variant) for variant in variants}
    candidates: set[str] = set()
    for variant in variants:
        candidates.update(_NAME_WORD.findall(variant))
        candidates.update(_names_in_runs(variant))
        candidates.update(a or b for a, b in _QUOTED.findall(variant))
    for name in sorted(candidates):
        name = name.strip()
        if not unquote(name.split("#")[0].split("?")[0]).lower().endswith(ASSET_SUFFIXES):
            continue
        # a backslash is a slash to a browser: \procedures\fig.png is from the root
        slashed = name.replace("\\", "/")
        if slashed.startswith("/") or "://" in slashed:
            # from the site's root or by a full address (the site may be served under a
            # folder, on any host): each tail of its path, under docs/ (round 104)
            try:
                parts = urlsplit(slashed).path.strip("/").split("/")
            except ValueError:  # a malformed host: its path is what follows it
                parts = slashed.strip("/").split("/")
            # each read from docs/ ("./": a colon in it is no scheme either)
            tails = {"./" + "/".join(parts[k:]) for k in range(len(parts))}
            found.append(("root", frozenset(tails)))
            continue
        # generous: a colon read as part of the name, not as a scheme (round 118)
        names = {name, html.unescape(name)}
        found.append(("html", frozenset(names | {f"./{n}" for n in names if ":" in n})))
    return found


def _names_in_runs(text: str) -> set[str]:
    """Each part of a run of ``text`` (_RUN) that ends in a picture's suffix and starts where
    the run does or after a separator, at most _LONGEST_NAME characters back."""
    found: set[str] = set()
    for run in _RUN.finditer(text):
        word = run[0]
        ends = [m.end() for m in _SUFFIX.finditer(word)]
        if not ends:
            continue
        starts = [0, *(i + 1 for i, c in enumerate(word) if c in _SEPARATORS)]
        for end in ends:
            last = bisect.bisect_left(starts, end)
            first = max(bisect.bisect_left(starts, end - _LONGEST_NAME), last - _MOST_STARTS)
            found.update(word[s:end] for s in starts[first:last])
    return found


def _decoded(text: str) -> tuple[str, str]:
    """``text`` as a script reads it, two ways: with the escapes of YAML's double-quoted
    strings (and JSON's, JavaScript's), and with CSS's (``\\2e `` and ``\\00002e`` are
    ``.``); each then with Mermaid's entity codes (``#46;``, ``#lt;``) and HTML's entities
    read."""

    def character(code: str, base: int) -> str:
        number = int(code, base)
        return chr(number) if number < 0x110000 else ""

    def script(match: re.Match[str]) -> str:
        code = match[1] or match[2] or match[3]
        if code:
            return character(code, 16)
        return {"n": "\n", "t": "\t", "\n": ""}.get(match[4], match[4])

    def css(match: re.Match[str]) -> str:
        return character(match[1], 16) if match[1] else match[2]

    def entity(match: re.Match[str]) -> str:
        code = match[1]
        return character(code, 10) if code.isdigit() else html.unescape(f"&{code};")

    def entities(value: str) -> str:
        return html.unescape(_MERMAID_ENTITY.sub(entity, value))

    return entities(_SCRIPT_ESCAPE.sub(script, text)), entities(_CSS_ESCAPE.sub(css, text))


def images_used(
    documents: Iterable[tuple[str, str]],
    directory_urls: bool | None = True,
    site_files: Iterable[str] = (),
) -> frozenset[str]:
    """The images (repository paths under docs/) the given texts show or link to, from
    (document path, body) pairs, read from what the page shows (shown_text): what a published
    page uses is published with it, and an image only a document that may not be published uses
    (its figure, named after it) is not. A raw HTML ``src`` or ``href`` counts from the file's
    folder and from the page's URL (``directory_urls``: MkDocs' option; None: either style, in
    one pass). ``site_files``: paths relative to docs/ the approved site configuration shows on
    every page (a theme's logo and favicon, as the site's adapter reads them)."""
    found: set[str] = set()
    for path, body in documents:
        found |= _targets(path, _shown_targets(body), directory_urls)
    for name in site_files:
        resolved = asset_target("docs/index.md", name)
        if resolved is not None:
            found.add(resolved)
    return frozenset(found)


_HTML_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)


def html_sources(body: str) -> frozenset[str]:
    """The ``src`` values of the raw HTML tags a page shows, entities read: MkDocs leaves them
    as written, so the browser resolves them from the page's URL (``served_target``), not
    from the file's folder as it does a Markdown image."""
    found: set[str] = set()
    for tag in _TAG.finditer(shown_text(body)):
        for match in _HTML_SRC.finditer(tag[0]):
            value = next(g for g in match.groups() if g is not None)
            found.add(html.unescape(value).strip())
    return frozenset(found)


_URL_ENDS = "".join(chr(c) for c in range(0x21))  # C0 controls and space


def browser_url(value: str) -> str:
    """A ``src`` or ``href`` as a browser reads it before resolving it (the WHATWG URL
    parser): C0 controls and spaces at either end trimmed, tabs and line breaks inside dropped,
    a backslash read as a slash (round 87)."""
    return re.sub(r"[\t\n\r]", "", value.strip(_URL_ENDS)).replace("\\", "/")


def may_name_picture(value: str) -> bool:
    """Whether a URL could name a picture at all: a picture's suffix somewhere in it, once
    its %-escapes are read (``fetched_target``'s path is made of the URL's own segments and
    its page's). Most of a page's links name other pages: this spares them the resolving."""
    lowered = unquote(value).lower()
    return any(suffix in lowered for suffix in ASSET_SUFFIXES)


def browser_host(value: str) -> str:
    """The host a browser reads in a URL (``browser_url`` first): its %-escapes read, NFKC and
    lower case (as IDNA maps it), no user name or port, no trailing dot; "" for none.
    ``SMS.EXAMPLE.COM.``, ``ｓｍｓ.example.com``, ``sms%2Eexample.com`` and
    ``u@sms.example.com:443`` are all sms.example.com (round 96)."""
    try:
        netloc = urlsplit(browser_url(value)).netloc
    except ValueError:
        return ""
    host = unquote(netloc).rpartition("@")[2]
    # the port goes (an IPv6 address has its own colons, inside its brackets)
    bracket = host.startswith("[")
    host = host.partition("]")[0] + "]" if bracket else host.partition(":")[0]
    return unicodedata.normalize("NFKC", host).casefold().rstrip(".")


_SITE = "http://site.invalid/"  # where fetched_target takes the site to be served from


def fetched_target(page_url: str, value: str) -> str | None:
    """The file under docs/ a browser fetches for ``value`` (read by ``browser_url``) on the
    page served at ``page_url`` (relative to the site), the site being at its host's root:
    %-escapes read, dot segments above the root dropped (a browser stops there), a name from
    the root taken from the site's root. None for another host or scheme."""
    try:
        joined = urlsplit(urljoin(_SITE + page_url, browser_url(value)))
    except ValueError:
        return None
    if f"{joined.scheme}://{joined.netloc}/" != _SITE:
        return None
    path = posixpath.normpath("/" + unquote(joined.path)).lstrip("/")
    return f"docs/{path}" if path and path != "." else None


def served_target(document_path: str, target: str, directory_urls: bool = True) -> str | None:
    """The image a raw HTML ``src`` on the document's page shows, as the browser resolves it
    from the page's URL (``directory_urls``: MkDocs' option, on by default)."""
    return asset_target(_page_folder(document_path, directory_urls) + "/page", target)


def images_named(
    documents: Iterable[tuple[str, str]], directory_urls: bool | None = True
) -> frozenset[str]:
    """The images the given texts name anywhere, comments and code included (images_used
    without shown_text): what a document that may not be published names, kept back.
    ``directory_urls`` None: a raw HTML name is read from the page's URL in either style."""
    found: set[str] = set()
    for path, body in documents:
        found |= _targets(path, _written(body, shown=False), directory_urls)
    return frozenset(found)
