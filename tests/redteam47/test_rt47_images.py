"""Round 47 on page_links (images_used): text the scan counts as naming a file where
Python-Markdown shows no link or image at all. Each publishes the secret procedure's figure
(its bytes, at procedures/dd-topology.png) from a strict build, as round 45 hole 8 did."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks, png, secret_doc, site_with_secret
from rt44_helpers import public_with

HIDING = {
    # a label "used" only by an escaped bracket: Python-Markdown shows [旧拓扑图] as text and
    # removes the definition unseen; _labels_used matches the bracket pair all the same
    "escaped-label": "旧图见 \\[旧拓扑图]。\n\n[旧拓扑图]: dd-topology.png\n",
    # an inline HTML attribute value holding "](": nothing on the page, not even text
    "attribute": '见<span title="](dd-topology.png)">注</span>。\n',
    # a link's title (a tooltip): the link goes to the home page
    "link-title": '[首页](../index.md "旧图 ](dd-topology.png)")\n',
    # an angle-bracket target with a space, which Python-Markdown's reference definitions do
    # not take: the line stays text, and <dd topology.png> is an (invisible) HTML tag
    "angle-with-space": "旧图见[旧拓扑图]。\n\n[旧拓扑图]: <dd topology.png>\n",
}
FIGURE = {"angle-with-space": "dd topology.png"}


@pytest.mark.parametrize("case", HIDING.keys())
def test_text_that_shows_no_image_does_not_publish_a_secret_figure(scenario, tmp_path, case):
    text = HIDING[case]
    figure = FIGURE.get(case, "dd-topology.png")
    target = f"<{figure}>" if " " in figure else figure
    secret = secret_doc().replace("## 1 目的", f"![拓扑]({target})\n\n## 1 目的")
    s = site_with_secret(
        scenario,
        {
            "docs/procedures/secret.md": secret,
            f"docs/procedures/{figure}": png(b"SECRETIMAGEMARK"),
        },
    )
    public_with(s, "目的。\n\n" + text, {}, 2)
    site = built_site(s, tmp_path / "site", strict=True)
    html = (site / "procedures/test/index.html").read_text("utf-8")
    assert "<img" not in html.split("<article", 1)[1].split("</article>")[0]
    assert 'href="dd-topology.png"' not in html and 'src="dd-topology.png"' not in html
    assert leaks(site, ["SECRETIMAGEMARK"]) == []


def test_an_escaped_character_in_a_target_does_not_hide_a_public_figure(scenario, tmp_path):
    # Python-Markdown reads flow\_v2.png as flow_v2.png (a backslash escape, as some editors
    # write underscores); page_links keeps the backslash, so the public page's own figure is
    # left out of the site and the page shows a broken image (the strict build passes)
    s = site_with_secret(scenario)
    public_with(
        s, "目的。\n\n![流程图](flow\\_v2.png)\n", {"docs/procedures/flow_v2.png": png(b"F")}, 2
    )
    site = built_site(s, tmp_path / "site", strict=True)
    html = (site / "procedures/test/index.html").read_text("utf-8")
    assert 'src="../flow_v2.png"' in html or 'src="flow_v2.png"' in html
    assert (site / "procedures/flow_v2.png").is_file()
