"""A secret figure moved to a new name by a public approval: ``brought_by_hidden`` is keyed by
path, so the moved bytes are read as the public approval's.

!1 approves the secret SM-P-07, which shows ``fig.png`` (secret pixels), with a wording change of
the public SM-P-01 (a mixed merge; the secret text names the figure, so it is kept back: the
round-100 rule). !2, a public approval, ``git mv``s ``fig.png`` to ``chart.png`` (not one byte
changed: Git reads a pure rename) and lets SM-P-01 V1.2 show ``chart.png``. The last change at
``chart.png`` is !2, an approval of public documents only: the public site serves the secret
pixels."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
CHART = "docs/procedures/chart.png"
PUBLIC = "docs/procedures/test.md"


def history(scenario, move: bool):
    s = site_repo(scenario)
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
            PUBLIC: procedure(version="V1.1", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 1)  # fmt: skip
    s.git.branch("cr-show")
    shown = "chart.png" if move else "fig.png"
    if move:
        s.git.run("mv", FIG, CHART, who="zhaolei")
    s.files.write(PUBLIC, procedure(version="V1.2", body=body(f"见下图。\n\n![图]({shown})")))
    s.git.commit("公开流程图（草稿）", who="zhaolei")
    s.git.merge("cr-show", "公开流程图", number=2, approvers=("liujing", "chenmy"))
    return s


def test_a_moved_secret_figure_never_reaches_the_public_page(scenario, tmp_path):
    site = built_site(history(scenario, move=True), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_the_secret_figure_at_its_own_name_is_kept_back(scenario, tmp_path):
    site = built_site(history(scenario, move=False), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
