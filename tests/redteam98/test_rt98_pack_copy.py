"""Hole 3 (medium): the audit pack's Markdown copy of a public document keeps its front matter
as written, so a `related:` entry naming a secret document gives the secret's id, which the
site and a PDF copy of the same version drop."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from rt41_helpers import (
    SECRET_ID,
    approve,
    body,
    built_site,
    leaks,
    made_pack,
    procedure,
    site_with_secret,
)

from history_helpers import cli

LEVEL = ("--max-confidentiality", "internal")


@pytest.fixture
def related(scenario):
    """SM-P-07 (secret) approved; then the public SM-P-01 V1.1 with `related: [SM-P-07]` in
    its front matter and nothing about it in its text."""
    s = site_with_secret(scenario)
    public = procedure(version="V1.1", extra=f"related: [{SECRET_ID}]\n", body=body("公开"))
    approve(s, "cr-related", {"docs/procedures/test.md": public}, "修订测试程序", 2)
    return s


def test_control_the_site_and_a_pdf_copy_drop_the_related_secret(related, tmp_path):
    for strict in (False, True):
        assert (
            leaks(built_site(related, tmp_path / f"site{strict}", strict=strict), [SECRET_ID]) == []
        )
    out = tmp_path / "SM-P-01.pdf"
    assert cli(related.root, "pdf", "SM-P-01", "-o", str(out)).returncode == 0
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "测试程序" in text and SECRET_ID not in text
    with made_pack(related.root, tmp_path / "p.zip", *LEVEL) as z:
        assert "documents/SM-P-01 V1.1.md" in z.namelist()
        assert [n for n in z.namelist() if SECRET_ID in n] == []


def test_the_packs_copy_of_a_public_document_does_not_name_the_secret(related, tmp_path):
    with made_pack(related.root, tmp_path / "p.zip", *LEVEL) as z:
        copy = z.read("documents/SM-P-01 V1.1.md").decode("utf-8")
    # today: line "related: [SM-P-07]" as written
    assert SECRET_ID not in copy
