"""Held (round 104): a *public* page that points at a secret document's figure (approved by a
secret-only merge) through a Mermaid image node, a node written from another folder, a
``click … href``, an HTML label, or plain Markdown: the public site serves no secret pixels
(the figure's last change is the secret's, ``brought_by_hidden``)."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"

FORMS = {
    "node": 'flowchart LR\n  A@{ img: "fig.png" }',
    "node-up": 'flowchart LR\n  A@{ img: "../procedures/fig.png" }',
    "click": 'flowchart LR\n  A-->B\n  click A href "fig.png"',
    "html-label": "flowchart LR\n  A[\"<img src='fig.png'>\"]",
    "plain-md": None,
}


@pytest.mark.parametrize("form", list(FORMS))
def test_held_a_public_page_pointing_at_a_secret_figure_gets_no_pixels(scenario, tmp_path, form):
    s = site_repo(scenario)
    approve(s, "cr-secret", {FIG: png(SECRET_PIXELS),
            SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")}, "新增受控文件", 1)  # fmt: skip
    shown = "![图](fig.png)" if FORMS[form] is None else f"```mermaid\n{FORMS[form]}\n```"
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1", body=body(f"见下图。\n\n{shown}"))},
            "公开流程图", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
