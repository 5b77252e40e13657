"""history/office.py: the paragraphs of an office document, within bounds (round 125)."""

from __future__ import annotations

import io
import zipfile

from doccontrol.history import office

_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _zip(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return out.getvalue()


def _word(*paragraphs: str) -> str:
    runs = "".join(
        f"<w:p><w:r><w:t>{p[:3]}</w:t></w:r><w:r><w:t>{p[3:]}</w:t></w:r></w:p>" for p in paragraphs
    )
    return f'<w:document xmlns:w="{_WORD}"><w:body>{runs}</w:body></w:document>'


def test_a_word_documents_paragraphs_one_per_line_runs_joined():
    data = _zip({"word/document.xml": _word("她起草的目的条款。", "Second paragraph.")})
    assert office.paragraphs(data) == "她起草的目的条款。\nSecond paragraph."


def test_an_opendocument_texts_paragraphs_and_headings():
    xml = (
        f'<office:document-content xmlns:office="urn:x" xmlns:text="{_ODF_TEXT}">'
        "<text:h>1 目的</text:h><text:p>规定变更记录的保存要求。</text:p>"
        "</office:document-content>"
    )
    assert office.paragraphs(_zip({"content.xml": xml, "styles.xml": xml})) == (
        "1 目的\n规定变更记录的保存要求。"
    )


def test_what_is_no_office_text_or_too_much_reads_as_nothing():
    assert office.paragraphs(b"PK\x03\x04 not really a zip") == ""
    assert office.paragraphs(_zip({"notes.txt": "plain text in a zip"})) == ""
    entity = '<!DOCTYPE d [<!ENTITY a "aaaa">]><d><p>&a;</p></d>'
    assert office.paragraphs(_zip({"word/document.xml": entity})) == ""
    assert office.paragraphs(_zip({"word/document.xml": "<w:p>unclosed"})) == ""
    # a bomb: 65 MB of zeros compresses to a few dozen KB
    bomb = _zip({"word/document.xml": b"<d>" + b"0" * (65 << 20) + b"</d>"})
    assert len(bomb) < 1 << 20
    assert office.paragraphs(bomb) == ""
