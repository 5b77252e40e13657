"""A secret figure brought by a mixed merge, shown by the secret text in a form
``images_named_by`` does not read: a Mermaid image node (``A@{ img: "../fig.png" }``,
Mermaid 11's image shape, which the vendored mermaid.min.js 11.17 draws as an SVG <image>).

!1 approves the secret SM-P-07 (its flowchart shows ``fig.png``: secret pixels) together with
a wording change of the public SM-P-01 (a mixed merge). ``brought_by_hidden`` keeps a mixed
merge's picture back only when a hidden text *names* it (``page_links.images_named``: Markdown
links and images, reference definitions, ``src=``/``href=``); ``img: "…"`` is none of these, so
the picture counts as the public document's. !2 approves SM-P-01 V1.2 showing ``fig.png``: the
public site serves the secret pixels."""

from __future__ import annotations

from rt41_helpers import built_site, leaks

from secret_figures import SECRET_PIXELS, mixed_then_shown

MERMAID = '```mermaid\nflowchart LR\n  A@{ img: "../fig.png", label: "拓扑", pos: "t", w: 60, h: 60 }\n```'


def history(scenario, secret_text: str):
    return mixed_then_shown(scenario, secret_text)


def test_a_secret_flowcharts_image_never_reaches_the_public_page(scenario, tmp_path):
    site = built_site(history(scenario, MERMAID), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_a_secret_text_naming_the_figure_keeps_it_back(scenario, tmp_path):
    site = built_site(history(scenario, "![图](fig.png)"), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
