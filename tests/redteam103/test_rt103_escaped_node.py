"""A secret flowchart's image node whose ``img:`` value is written with a YAML escape
(``"../f\\x69g.png"``, ``"../fig\\u002epng"``): Mermaid reads its shape data as YAML, so the node
loads ``../fig.png``; ``page_links.images_named`` reads the word as written (``f\\x69g.png``) and
the picture counts as the public document's.

!1 (a mixed merge) approves the secret SM-P-07, whose flowchart shows ``fig.png`` (secret
pixels) through such a node, with a wording change of the public SM-P-01. !2 approves SM-P-01
V1.2 showing ``fig.png``: the public site serves the secret pixels. That the node really loads
the picture: the vendored mermaid.min.js (11.17, doccontrol's own ``Mermaid`` renderer, strict)
draws ``img: "data:image/png;base64,\\x69VBOR…"`` as ``<image href="data:image/png;base64,iVBOR…">``
(checked by hand this round), so it decodes the escape before it fetches. Control: the same
node written plainly (round 102's fix) keeps the figure back."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks

from secret_figures import SECRET_PIXELS, mixed_then_shown


def node(img: str) -> str:
    return f'```mermaid\nflowchart LR\n  A@{{ img: "{img}", label: "拓扑", pos: "t", w: 60, h: 60 }}\n```'


def history(scenario, secret_text: str):
    return mixed_then_shown(scenario, secret_text)


@pytest.mark.parametrize("img", ["../f\\x69g.png", "../fig\\u002epng"])
def test_an_escaped_image_node_keeps_the_secret_figure_back(scenario, tmp_path, img):
    site = built_site(history(scenario, node(img)), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_a_plain_image_node_keeps_the_secret_figure_back(scenario, tmp_path):
    site = built_site(history(scenario, node("../fig.png")), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
