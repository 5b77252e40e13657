"""Round 44 on page_links.images_used / asset_target (round 41's fix for secret figures):
what the regex and MkDocs resolve differently, and files beside a secret document that are
not raster images."""

from __future__ import annotations

from rt41_helpers import (
    approve,
    built_site,
    leaks,
    pack_leaks,
    png,
    secret_doc,
    site_with_secret,
)
from rt44_helpers import public_with

ATTACHMENT = "docs/procedures/acme-takeover-dd-checklist.pdf"
ATTACHMENT_MARK = "acme-takeover"


def test_the_trail_does_not_name_a_secret_documents_pdf_attachment(scenario, tmp_path):
    # the secret procedure's attachment, a PDF beside it (the site never copies a PDF, but the
    # merge that approved the secret procedure lists it among its controlled paths); the
    # round 41 fix filters raster images only
    s = site_with_secret(scenario, {ATTACHMENT: b"%PDF-1.4\n% acme takeover\n"})
    site = built_site(s, tmp_path / "site")
    assert leaks(site, [ATTACHMENT_MARK]) == []


def test_the_audit_pack_does_not_name_a_secret_documents_pdf_attachment(scenario, tmp_path):
    s = site_with_secret(scenario, {ATTACHMENT: b"%PDF-1.4\n% acme takeover\n"})
    found = pack_leaks(s.root, tmp_path / "pack.zip", [ATTACHMENT_MARK])
    assert found == [], found


def test_a_raw_html_image_a_public_page_shows_is_published(scenario, tmp_path):
    # md_in_html is on; an author sizing a figure writes <img>. MkDocs leaves raw HTML as it
    # is, so with directory URLs (procedures/test/) the browser reads src from the page's URL:
    # the working spelling is ../topology.png. asset_target reads it from the document's
    # folder (docs/topology.png) and the real figure is dropped as "no page uses it"
    s = site_with_secret(scenario)
    public_with(
        s,
        '网络拓扑见下图。\n\n<img src="../topology.png" alt="拓扑" width="300">\n',
        {"docs/procedures/topology.png": png(b"public figure")},
        2,
    )
    site = built_site(s, tmp_path / "site", strict=True)
    html = (site / "procedures/test/index.html").read_text("utf-8")
    assert 'src="../topology.png"' in html  # MkDocs did not rewrite it
    assert (site / "procedures/topology.png").is_file()  # what the browser asks for


def test_a_logo_the_approved_mkdocs_yml_names_is_published(scenario, tmp_path):
    # Material's theme.logo / theme.favicon under docs/: named by the approved mkdocs.yml (a
    # controlled file), shown on every page, linked from no document's text
    s = site_with_secret(scenario)
    text = (s.root / "mkdocs.yml").read_text("utf-8")
    text = text.replace(
        "  name: material\n",
        "  name: material\n  logo: assets/logo.png\n  favicon: assets/logo.png\n",
    )
    approve(
        s,
        "cr-logo",
        {"mkdocs.yml": text, "docs/assets/logo.png": png(b"logo")},
        "站点标志",
        2,
    )
    site = built_site(s, tmp_path / "site", strict=True)
    html = (site / "procedures/test/index.html").read_text("utf-8")
    assert "assets/logo.png" in html
    assert (site / "assets/logo.png").is_file()


def test_a_reference_definition_with_its_target_on_the_next_line_is_published(scenario, tmp_path):
    # Python-Markdown reads a reference definition whose target is on the next line
    # (CommonMark allows it too); the regex wants it on the same line
    s = site_with_secret(scenario)
    public_with(
        s,
        "流程见下图。\n\n![流程][flow]\n\n[flow]:\n    flow.png\n",
        {"docs/procedures/flow.png": png(b"flow")},
        2,
    )
    site = built_site(s, tmp_path / "site", strict=True)
    html = (site / "procedures/test/index.html").read_text("utf-8")
    assert "flow.png" in html  # MkDocs resolved the reference
    assert (site / "procedures/flow.png").is_file()


def test_a_secret_figure_named_only_in_a_public_pages_html_comment_is_not_published(
    scenario, tmp_path
):
    # the public page's approved text holds the secret figure's path only inside an HTML
    # comment (nothing on the page shows or links it); the regex reads it all the same
    secret = secret_doc().replace("## 1 目的", "![拓扑](dd-topology.png)\n\n## 1 目的")
    s = site_with_secret(
        scenario,
        {
            "docs/procedures/secret.md": secret,
            "docs/procedures/dd-topology.png": png(b"SECRETIMAGEMARK"),
        },
    )
    public_with(s, "目的。\n\n<!-- 旧图 ![](dd-topology.png) 已删除 -->\n", {}, 2)
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, ["SECRETIMAGEMARK"]) == []


def test_an_image_an_earlier_public_version_showed_stays_named_in_the_trail(scenario, tmp_path):
    # SM-P-01 V1.1 was approved with its figure; V1.2 drew a new one. With any document
    # hidden, the trail's V1.1 row loses the figure it approved (images_used is today's pages
    # only), although that figure was published with the page and names nothing secret
    s = site_with_secret(scenario)
    public_with(s, "![旧图](old-flow.png)\n", {"docs/procedures/old-flow.png": png(b"o")}, 2)
    public_with(
        s, "![新图](new-flow.png)\n", {"docs/procedures/new-flow.png": png(b"n")}, 3, "V1.2"
    )
    site = built_site(s, tmp_path / "site", strict=True)
    trail = (site / "registers/approvals/index.html").read_text("utf-8")
    assert "new-flow.png" in trail
    assert "old-flow.png" in trail
