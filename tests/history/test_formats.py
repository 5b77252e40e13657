"""history/formats.py: the text a person sees in an office document, RTF or a web page, within
bounds (rounds 125 and 127)."""

from __future__ import annotations

import io
import zipfile

from doccontrol.history import formats

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
    assert formats.paragraphs(data) == "她起草的目的条款。\nSecond paragraph."


def test_an_opendocument_texts_paragraphs_and_headings():
    xml = (
        f'<office:document-content xmlns:office="urn:x" xmlns:text="{_ODF_TEXT}">'
        "<text:h>1 目的</text:h><text:p>规定变更记录的保存要求。</text:p>"
        "</office:document-content>"
    )
    assert formats.paragraphs(_zip({"content.xml": xml, "styles.xml": xml})) == (
        "1 目的\n规定变更记录的保存要求。"
    )


def test_what_is_no_office_text_or_too_much_reads_as_nothing():
    assert formats.paragraphs(b"PK\x03\x04 not really a zip") == ""
    assert formats.paragraphs(_zip({"notes.txt": "plain text in a zip"})) == ""
    entity = '<!DOCTYPE d [<!ENTITY a "aaaa">]><d><p>&a;</p></d>'
    assert formats.paragraphs(_zip({"word/document.xml": entity})) == ""
    assert formats.paragraphs(_zip({"word/document.xml": "<w:p>unclosed"})) == ""
    # a bomb: 65 MB of zeros compresses to a few dozen KB
    bomb = _zip({"word/document.xml": b"<d>" + b"0" * (65 << 20) + b"</d>"})
    assert len(bomb) < 1 << 20
    assert formats.paragraphs(bomb) == ""


def test_rtf_reads_as_its_paragraphs_in_its_code_page():
    hexed = "".join(f"\\'{b:02x}" for b in "变更记录".encode("gb18030"))
    data = (
        "{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0 SimSun;}}{\\*\\generator x;}\n"
        f"\\f0 {hexed}\\par\n"
        "Second \\{line\\}\\line \\uc1\\u21016?\\u38745?\\par}"
    ).encode("ascii")
    assert formats.rtf_text(data) == "变更记录\nSecond {line}\n刘静\n"


def test_markup_reads_as_a_browser_shows_it():
    page = "<html><head><title>t</title><style>p{}</style></head><body><p>第一段&amp;</p>"
    page += "<!-- note --><ul><li>一</li><li>二<br>三</li></ul></body></html>"
    lines = [line for line in formats.markup_text(page).split("\n") if line]
    assert lines == ["第一段&", "一", "二", "三"]
