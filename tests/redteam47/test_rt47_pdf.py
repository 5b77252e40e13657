"""Round 47: the PDF copy's 变更履历 against the names the site and the pack redact."""

from __future__ import annotations

from pypdf import PdfReader
from rt41_helpers import approve, body, procedure, site_with_secret
from test_rt44_records import dd_schema

from history_helpers import cli

OLD = "schemas/records/acme-dd.schema.json"


def test_a_pdf_copy_does_not_name_a_hidden_record_type_in_its_change_history(scenario, tmp_path):
    # round 45 hole 10, fixed for the site and the pack: one approved merge revises the
    # public SM-P-01 and adds the secret procedure's record type (acme-dd, 并购尽调记录),
    # titled after both. The PDF copy of SM-P-01 gives that title as its change note
    s = site_with_secret(scenario)
    approve(
        s,
        "cr-type",
        {
            "docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。")),
            OLD: dd_schema(),
        },
        "修订 SM-P-01 并新增并购尽调记录（acme-dd）",
        2,
    )
    out = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-12-01", "-o", str(out))
    assert made.returncode == 0, made.stdout + made.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "修订 SM-P-01" in text
    assert "acme-dd" not in text
    assert "并购尽调记录" not in text.replace("\n", "")
