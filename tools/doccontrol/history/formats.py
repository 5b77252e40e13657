"""The text a person copying from a file sees, one paragraph per line, for the formats a draft
is kept in besides plain text: an office document (Word .docx, PowerPoint .pptx, Excel .xlsx,
OpenDocument .odt/.odp/.ods: each a zip of XML; round 125), RTF (what Word and WordPad save)
and HTML or XML (round 127). A draft kept in one is still its writer's text when a colleague
copies it into a document. Bounded: a hostile zip (a bomb, thousands of parts, an XML entity
that expands) reads as no text; RTF and markup are read in one pass."""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from xml.etree import ElementTree

# the parts that hold what the reader sees (not styles, settings or relations)
_TEXT_PARTS = re.compile(
    r"word/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml"
    r"|ppt/(?:slides|notesSlides)/[^/]+\.xml"
    r"|xl/sharedStrings\.xml|xl/worksheets/[^/]+\.xml"
    r"|content\.xml"
)
# a paragraph by its local name: Word's w:p, DrawingML's a:p, OpenDocument's text:p and
# text:h, a string of Excel's (si, is)
_PARAGRAPHS = frozenset({"p", "h", "si", "is"})
_MOST_PARTS = 4096
_MOST_BYTES = 64 << 20  # XML read from one file, all parts together
_UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,  # an encrypted part
    NotImplementedError,  # a compression zipfile cannot read
    SyntaxError,  # ElementTree.ParseError
)


def paragraphs(data: bytes) -> str:
    """The paragraphs of the office document ``data``, one per line; "" for a zip that is no
    office document or cannot be read within the bounds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > _MOST_PARTS:
                return ""
            left = _MOST_BYTES
            found: list[str] = []
            for part in parts:
                if not _TEXT_PARTS.fullmatch(part.filename):
                    continue
                with archive.open(part) as handle:
                    xml = handle.read(left + 1)
                left -= len(xml)
                if left < 0:
                    return ""  # more than it may expand to
                found += _paragraphs(xml)
            return "\n".join(found)
    except _UNREADABLE:
        return ""


def _paragraphs(xml: bytes) -> list[str]:
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        return []  # no office part declares entities; one that does may expand without bound
    root = ElementTree.fromstring(xml)
    return [
        "".join(element.itertext())
        for element in root.iter()
        if isinstance(element.tag, str) and element.tag.rpartition("}")[2] in _PARAGRAPHS
    ]


def rtf_text(data: bytes) -> str:
    """The text of an RTF file: its paragraphs (``\\par``, ``\\line``) one per line, each
    character as its ``\\'hh`` bytes in the file's code page (``\\ansicpg``) or its ``\\uN``
    says; groups that hold no text (the font table, styles, pictures, ``{\\*…}``) left out."""
    source = data.decode("latin-1")
    codepage = re.search(r"\\ansicpg(\d+)", source[:4096])
    encoding = f"cp{codepage.group(1)}" if codepage else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    out: list[str] = []
    pending = bytearray()  # \'hh bytes of one character, decoded together
    skip_depth: list[int] = []  # depths of the groups left out
    depth = 0
    fallback, owed = 1, 0  # \\ucN: the characters after a \\uN that stand in for it
    for token in _RTF_TOKEN.finditer(source):
        hexed, word, argument, symbol, brace, text = token.groups()
        if hexed is None and pending:
            out.append(pending.decode(encoding, "replace"))
            pending.clear()
        if brace == "{":
            depth += 1
            following = source[token.end() : token.end() + 12]
            if following.startswith("\\*") or re.match(_RTF_HIDDEN, following):
                skip_depth.append(depth)
            continue
        if brace == "}":
            if skip_depth and skip_depth[-1] == depth:
                skip_depth.pop()
            depth -= 1
            continue
        if skip_depth:
            continue
        if owed and (hexed is not None or text is not None):
            if hexed is not None:
                owed -= 1
                continue
            assert text is not None
            dropped = min(owed, len(text))
            text, owed = text[dropped:], owed - dropped
        if hexed is not None:
            pending.append(int(hexed, 16))
        elif word in ("par", "line", "row", "sect", "page"):
            out.append("\n")
        elif word == "tab" or word == "cell":
            out.append(" ")
        elif word in _RTF_CHARACTERS:
            out.append(_RTF_CHARACTERS[word])
        elif word == "uc" and argument:
            fallback = max(0, int(argument))
        elif word == "u" and argument:
            code = int(argument) % 0x10000
            out.append(chr(code) if not 0xD800 <= code < 0xE000 else "")
            owed = fallback
        elif symbol is not None:
            out.append(symbol)
        elif token.group(0) in _RTF_SYMBOLS:
            out.append(_RTF_SYMBOLS[token.group(0)])
        elif text is not None:
            out.append(text.replace("\r", "").replace("\n", ""))
    if pending:
        out.append(pending.decode(encoding, "replace"))
    return "".join(out)


# an RTF token: \'hh, a control word with its argument, an escaped symbol, a brace, or text
_RTF_TOKEN = re.compile(
    r"\\'([0-9a-fA-F]{2})|\\([a-zA-Z]+)(-?\d+)? ?|\\([\\{}])|\\.|([{}])|([^\\{}]+)"
)
# control words and symbols that stand for a character (Word writes its quotes so, round 128)
_RTF_CHARACTERS = {
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "emdash": "\u2014",
    "endash": "\u2013",
    "bullet": "\u2022",
    "emspace": "\u2003",
    "enspace": "\u2002",
}
_RTF_SYMBOLS = {"\\~": "\u00a0", "\\_": "\u2011", "\\-": ""}
# the groups that hold no text a reader sees
_RTF_HIDDEN = r"\\(?:fonttbl|colortbl|stylesheet|info|pict|header|footer|listtable|object)\b"


def markup_text(text: str) -> str:
    """What a browser shows of HTML or XML: each element's text, a block (a paragraph, a
    heading, a list item, a row, a line break) on a line of its own; entities read."""
    shown = _HIDDEN_ELEMENTS.sub("", text)
    shown = _BLOCK_TAG.sub("\n", shown)
    shown = _TAG.sub("", shown)
    return html.unescape(shown)


_HIDDEN_ELEMENTS = re.compile(r"(?is)<(script|style|head)\b.*?</\1\s*>|<!--.*?-->")
_BLOCK_TAG = re.compile(
    r"(?i)</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|pre|dd|dt)"
    r"\b[^>]*>"
)
_TAG = re.compile(r"<[^>]*>")
