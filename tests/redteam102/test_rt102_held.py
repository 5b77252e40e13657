"""Held: the ways a secret text in a mixed merge can show its figure that ``images_named_by``
does read. !1 approves the secret SM-P-07 (showing ``fig.png`` in the given form: secret
pixels) with a wording change of the public SM-P-01; !2 lets SM-P-01 show ``fig.png``. The
secret pixels never reach the public site."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"

FORMS = {
    "reference": "![拓扑][topo]\n\n[topo]: ./fig.png",
    "html-from-page-url": '<img src="../fig.png" alt="拓扑">',
    "escaped": "![拓扑](fig%2Epng)",
    "entity": '<img src="../&#102;ig.png">',
    "mermaid-html-label": "```mermaid\nflowchart LR\n  A[\"<img src='../fig.png'>\"]\n```",
    "comment-only": "<!-- ![拓扑](fig.png) -->",
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_secret_text_naming_its_figure_keeps_it_back(scenario, tmp_path, form):
    s = site_repo(scenario)
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS),
            "docs/procedures/secret.md": secret_doc(text=f"SECRETBODYMARK\n\n{FORMS[form]}"),
            PUBLIC: procedure(version="V1.1", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 1)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_a_secret_figure_pushed_without_approval_is_never_published(scenario, tmp_path):
    """The secret pixels come by a direct push (no approval; no approval's ``controlled`` holds
    them); then a mixed merge whose secret text shows them, then a public page shows them: the
    unapproved bytes are no page's (the build says so), nothing leaks."""
    s = site_repo(scenario)
    s.files.write(FIG, png(SECRET_PIXELS))
    s.git.commit("直接推送图", who="zhaolei")
    approve(s, "cr-mixed", {
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
            PUBLIC: procedure(version="V1.1", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 1)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
