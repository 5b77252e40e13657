"""Denial: a public figure approved in a mixed merge is lost once any version of a secret text
names it, even one no one approved.

!1 approves the public SM-P-01 V1.1 showing ``fig.png`` (public pixels) together with the
secret SM-P-07, which does not name the figure (a mixed merge: the figure is SM-P-01's, and
round 100's refinement publishes it). Then 赵磊 pushes straight to main (no approval) an edit
of the secret text that names ``fig.png`` in an HTML comment. ``images_named_by`` reads every
version main held, approved or not, comments included, so ``brought_by_hidden`` now reads !1's
bytes as the secret's and the public page loses its approved figure."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

PUBLIC_PIXELS = b"PUBLICPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"


def history(scenario, push: bool, names: bool = True):
    s = site_repo(scenario)
    approve(s, "cr-mixed", {FIG: png(PUBLIC_PIXELS),
            SECRET: secret_doc(text="SECRETBODYMARK"),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图并新增受控文件", 1)  # fmt: skip
    if push:
        note = "<!-- fig.png: ![](fig.png) -->" if names else "<!-- 草稿 -->"
        s.files.write(SECRET, secret_doc(text=f"SECRETBODYMARK\n\n{note}"))
        s.git.commit("直接推送", who="zhaolei")
    return s


def test_an_unapproved_secret_edit_does_not_take_a_public_figure(scenario, tmp_path):
    site = built_site(history(scenario, push=True), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PUBLIC_PIXELS.decode()]) != []


def test_control_the_mixed_merges_public_figure_is_published(scenario, tmp_path):
    site = built_site(history(scenario, push=False), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PUBLIC_PIXELS.decode()]) != []


def test_control_an_unapproved_secret_edit_not_naming_it_changes_nothing(scenario, tmp_path):
    site = built_site(history(scenario, push=True, names=False), tmp_path / "site")
    assert leaks(site, [PUBLIC_PIXELS.decode()]) != []
