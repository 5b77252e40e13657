"""A withdrawal's level is read from the last committed front matter (state.meta), which an
unapproved direct push can have set to a public level: the approval of the withdrawal of a
confidential version then counts as a public approval, and a picture brought with it alone is
given to the public pages."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from secret_figures import pdf_images
from site_helpers import site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"
FIG2 = "docs/procedures/fig2.png"
MARKS = ["SECRETPIXELSMARK", "SECRETBODYMARK"]


def withdrawn_with_figure(scenario, push_public: bool):
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK")}, "新增受控文件", 1)
    if push_public:
        # nobody approves this: only the front matter says "internal"
        s.files.write(SECRET, secret_doc(text="SECRETBODYMARK", level="internal", version="V1.1"))
        s.git.commit("直接提交", who="zhaolei")
    # the approval withdraws the secret procedure and brings a chart with it alone
    s.git.branch("cr-withdraw")
    s.git.run("rm", "-q", SECRET, who="zhaolei")
    s.files.write(FIG2, png(b"SECRETPIXELSMARK"))
    s.git.commit("废止（草稿）", who="zhaolei")
    s.git.merge("cr-withdraw", "废止保密流程", number=2, approvers=("liujing", "chenmy"))
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](fig2.png)"))},
            "公开流程图", 3)  # fmt: skip
    return s


def test_control_withdrawal_of_a_secret_version_brings_a_secret_figure(scenario, tmp_path):
    s = withdrawn_with_figure(scenario, push_public=False)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_an_unapproved_public_level_push_does_not_make_the_withdrawal_public(scenario, tmp_path):
    s = withdrawn_with_figure(scenario, push_public=True)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_pdf_copy_leaves_the_withdrawals_chart_out(scenario, tmp_path):
    s = withdrawn_with_figure(scenario, push_public=True)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_withdrawal_records_the_level_of_the_last_approved_version(scenario):
    """Fixed (session 38): the level history records for the withdrawal is the last
    approved version's, not the front matter an unapproved push left."""
    s = withdrawn_with_figure(scenario, push_public=True)
    revisions = s.history().documents["SM-P-07"].revisions
    assert [(r.kind, r.approved, r.level) for r in revisions][-1] == (
        "withdrawal", True, "secret",
    )  # fmt: skip
