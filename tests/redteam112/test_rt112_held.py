"""Held attacks on round 110's per-version secrecy."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, pack_leaks, png, procedure, secret_doc

from secret_figures import pdf_images
from site_helpers import site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"
FIG = "docs/procedures/fig.png"
MARKS = ["SECRETPIXELSMARK", "SECRETBODYMARK"]


def test_a_later_public_level_version_bringing_the_secret_bytes_again_under_another_name(
    scenario, tmp_path
):
    """Secret v1 brings fig.png; a later public-level approval of the same document (its own
    merge) copies those bytes to copy.png, which a public page shows: the bytes stay secret."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
                             FIG: png(b"SECRETPIXELSMARK")}, "新增受控文件", 1)  # fmt: skip
    approve(s, "cr-level", {SECRET: secret_doc(text="公开。\n\n![图](copy.png)", level="internal",
                                               version="V1.1"),
                            "docs/procedures/copy.png": png(b"SECRETPIXELSMARK")},
            "密级调整", 2)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](copy.png)"))},
            "公开流程图", 3)  # fmt: skip
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_an_unapproved_public_level_merge_makes_no_figure_public(scenario, tmp_path):
    """A merge of the document at a public level that lacks its approvals (one approver, the
    author) brings a chart: the version was never approved, so the chart stays the secret's."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK")}, "新增受控文件", 1)
    s.git.branch("cr-level")
    s.files.write(SECRET, secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)", level="internal",
                                     version="V1.1"))  # fmt: skip
    s.files.write(FIG, png(b"SECRETPIXELSMARK"))
    s.git.commit("密级调整（草稿）", who="zhaolei")
    s.git.merge("cr-level", "密级调整", who="zhaolei", approvers=("zhaolei",), number=2)
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 3)  # fmt: skip
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_audit_pack_holds_no_secret_bytes_after_the_withdrawal_hole(scenario, tmp_path):
    """Hole 1's history: the audit pack carries neither the chart's bytes nor the text."""
    from test_rt112_withdrawal_level import withdrawn_with_figure

    s = withdrawn_with_figure(scenario, push_public=True)
    assert pack_leaks(s.root, tmp_path / "pack.zip", MARKS) == []
