"""A public document's body pointing at a secret document."""

from __future__ import annotations

from rt41_helpers import SECRET_ID, approve, body, mkdocs, procedure, site_with_secret


def test_a_reference_style_doc_link_to_a_secret_document_is_rewritten_like_an_inline_one(
    scenario, tmp_path
):
    # `[text](doc:SM-P-07)` becomes `#dc-not-published`; the same link written as a reference
    # definition must not keep the secret id in the page
    s = site_with_secret(scenario)
    text = body("见[联络表][lx]和[附图](doc:SM-P-07)。\n\n[lx]: doc:SM-P-07\n")
    approve(
        s,
        "cr-link",
        {"docs/procedures/test.md": procedure(version="V1.1", body=text)},
        "修订程序",
        2,
    )
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert "dc-not-published" in page
    assert SECRET_ID not in page and SECRET_ID.lower() not in page
