"""The text of an office document, one paragraph per line, as a person copying from it sees
it: Word (.docx), PowerPoint (.pptx), Excel (.xlsx) and OpenDocument (.odt, .odp, .ods), each
a zip of XML. A draft kept in one is still its writer's text when a colleague copies it into a
document (round 125). Bounded: a hostile zip (a bomb, thousands of parts, an XML entity that
expands) reads as no text."""

from __future__ import annotations

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
