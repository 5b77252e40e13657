"""Author-typed text that names a secret document by its title rather than its id."""

from __future__ import annotations

from rt41_helpers import (
    SECRET_TITLE,
    approve,
    body,
    leaks,
    mkdocs,
    pack_leaks,
    procedure,
    secret_doc,
    site_with_secret,
)

MERGE_TITLE = f"修订 SM-P-01 并同步《{SECRET_TITLE}》的联络表"


def merged_with_a_title(scenario):
    """SM-P-01 and the secret SM-P-07 revised in one approved merge, titled after both; the
    secret one by its title, as an author naturally writes it."""
    s = site_with_secret(scenario)
    approve(
        s,
        "cr-both",
        {
            "docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。")),
            "docs/procedures/secret.md": secret_doc(version="V1.1"),
        },
        MERGE_TITLE,
        2,
    )
    return s


def test_a_merge_title_naming_a_secret_documents_title_is_redacted_on_the_site(scenario, tmp_path):
    s = merged_with_a_title(scenario)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    # the public change is on the site (its 变更履历, the 审批记录)...
    page = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert "修订 SM-P-01 并同步" in page
    # ...but not the secret document's title, which the site knows it may not name
    found = leaks(tmp_path / "site", [SECRET_TITLE])
    assert found == [], sorted(found)


def test_a_merge_title_naming_a_secret_documents_title_is_redacted_in_the_pack(scenario, tmp_path):
    s = merged_with_a_title(scenario)
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_TITLE])
    assert found == [], found


def test_a_merge_title_naming_a_secret_documents_title_is_redacted_in_a_pdf_copy(
    scenario, tmp_path
):
    from pypdf import PdfReader

    from history_helpers import cli

    s = merged_with_a_title(scenario)
    out = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "-o", str(out))
    assert made.returncode == 0, made.stderr
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "联络表" in text  # the change note is there
    assert "SECRETTITLE" not in text and "并购尽调程序" not in text
