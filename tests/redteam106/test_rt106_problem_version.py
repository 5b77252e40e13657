"""Held: a secret figure redrawn alone while the secret text on main that shows it is a version
approved with problems (no reviewer, DC505). ``_named_by_hidden_versions`` reads only approved
hidden versions, so the path rule reads the redraw as public, but the picture still stays back
(``publishing.assets_ahead`` holds the secret's pictures back while its version with problems
is ahead); with the secret re-approved properly afterwards it stays back too.

!1 approves the secret SM-P-07 (its text shows no picture). !2 merges SM-P-07 V1.1, whose
text shows ``![图](fig.png)``, with ``fig.png`` (first secret pixels), approved by one approver
and no reviewer: the version is not approved (DC505) and the picture change is not accepted.
!3 redraws ``fig.png`` alone, approved by two reviewers (the ordinary fix-up of the figure the
secret text on main shows). !4 (variant ``reapproved``): the secret text is then approved
properly, unchanged in substance. !5, an approval of the public SM-P-01 alone, shows
``fig.png``. Neither the site nor ``pdf SM-P-01`` carries the secret's pixels. Control: the secret
V1.1 approved properly at !2 keeps the redraw back (round 105's fix)."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from secret_figures import pdf_images
from site_helpers import site_repo

FIRST = b"SECRETPIXELSMARK"
REDRAWN = b"REDRAWNSECRETMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"


def history(scenario, problems: bool, reapproved: bool = False):
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK")}, "新增受控文件", 1)
    s.git.branch("cr-figure")
    s.files.write(FIG, png(FIRST))
    s.files.write(SECRET, secret_doc(version="V1.1", text="SECRETBODYMARK\n\n![图](fig.png)"))
    s.git.commit("加流程图（草稿）", who="zhaolei")
    reviewers = () if problems else ("wangfang",)
    s.git.merge("cr-figure", "加流程图", number=2, approvers=("liujing",), reviewers=reviewers)
    approve(s, "cr-redraw", {FIG: png(REDRAWN)}, "更新流程图", 3)
    if reapproved:
        approve(s, "cr-again", {SECRET: secret_doc(version="V1.2", text="SECRETBODYMARK 。\n\n![图](fig.png)")},
                "重新批准", 4)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 5)  # fmt: skip
    return s


@pytest.mark.parametrize("reapproved", [False, True], ids=["problems", "reapproved"])
def test_held_a_figure_of_a_secret_version_with_problems_redrawn_alone_stays_back(
    scenario, tmp_path, reapproved
):
    s = history(scenario, problems=True, reapproved=reapproved)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [FIRST.decode(), REDRAWN.decode()]) == []


def test_held_a_public_copy_leaves_out_a_figure_of_a_secret_version_with_problems(
    scenario, tmp_path
):
    assert pdf_images(history(scenario, problems=True), tmp_path / "c.pdf") == 0


def test_control_a_figure_of_an_approved_secret_version_redrawn_alone_stays_back(
    scenario, tmp_path
):
    s = history(scenario, problems=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", FIRST.decode(), REDRAWN.decode()]) == []
    assert pdf_images(s, tmp_path / "c.pdf") == 0
