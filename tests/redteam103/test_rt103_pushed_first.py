"""Bytes a direct push (no approval) brought first are "first brought" by no secret approval:
a secret figure whose bytes were once pushed elsewhere loses round 102's by-bytes rule.

``brought_by_hidden`` walks every event of main's first parents, direct pushes among them, and
records each picture's bytes as first brought by ``first.setdefault(oid, secret)``; a direct
push holds no hidden document, so its bytes count as public. 赵磊 pushes the secret pixels
straight to main as ``scratch.png`` (an unapproved picture nobody shows; variant ``removed``:
an approved branch !9 then removes it, the documented way out, after which even the strict build
stands). !1 (a mixed merge) then approves the secret SM-P-07 showing ``fig.png`` with the same
bytes, and a wording change of SM-P-01 (kept back: correct). !2, an approval of SM-P-01 only,
``git mv``s ``fig.png`` to ``chart.png`` (not one byte changed) and lets V1.2 show it: the last
change at ``chart.png`` is a public approval, and the bytes' "first" bringer is the push, not
the secret approval: the public site serves the secret pixels. Without the push (control,
round 102's hole 3) they stay back."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import mkdocs, site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
CHART = "docs/procedures/chart.png"
SCRATCH = "docs/procedures/scratch.png"
PUBLIC = "docs/procedures/test.md"


def history(scenario, push: bool, remove: bool = False):
    s = site_repo(scenario)
    if push:
        s.files.write(SCRATCH, png(SECRET_PIXELS))
        s.git.commit("草图", who="zhaolei")
        if remove:  # the documented way out of a direct push: an approved branch undoes it
            s.git.branch("cr-undo")
            s.git.run("rm", "-q", SCRATCH, who="zhaolei")
            s.files.write(PUBLIC, procedure(version="V1.1", body=body("撤销误推。")))
            s.git.commit("撤销误推（草稿）", who="zhaolei")
            s.git.merge("cr-undo", "撤销误推", number=9, approvers=("liujing", "chenmy"))
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
            PUBLIC: procedure(version="V1.1" if not remove else "V1.2", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 1)  # fmt: skip
    s.git.branch("cr-show")
    s.git.run("mv", FIG, CHART, who="zhaolei")
    s.files.write(
        PUBLIC,
        procedure(version="V1.3" if remove else "V1.2", body=body("见下图。\n\n![图](chart.png)")),
    )
    s.git.commit("公开流程图（草稿）", who="zhaolei")
    s.git.merge("cr-show", "公开流程图", number=2, approvers=("liujing", "chenmy"))
    return s


@pytest.mark.parametrize("remove", [False, True], ids=["kept", "removed"])
def test_a_moved_secret_figure_once_pushed_never_reaches_the_public_page(
    scenario, tmp_path, remove
):
    site = built_site(history(scenario, push=True, remove=remove), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_the_removed_variant_fails_a_strict_build_naming_the_picture(scenario, tmp_path):
    # the hole's reach was a strict, stamped build serving the secret pixels: now it stops
    result = mkdocs(history(scenario, push=True, remove=True).root, tmp_path / "site", True)
    assert result.returncode != 0
    assert "procedures/chart.png" in result.stderr
    assert not (tmp_path / "site" / "doccontrol-build.json").exists()


def test_control_without_the_push_the_moved_figure_is_kept_back(scenario, tmp_path):
    site = built_site(history(scenario, push=False), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
