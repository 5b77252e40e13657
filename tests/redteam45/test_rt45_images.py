"""Round 45 on publishing.shown_text / images_used (round 44, holes 7, 9 and 10's fix): what
the page shows, as Python-Markdown reads it, against what the scan reads."""

from __future__ import annotations

from rt41_helpers import built_site, leaks, mkdocs, png, secret_doc, site_with_secret
from rt44_helpers import public_with

from site_helpers import site_repo


def test_a_stray_backtick_does_not_hide_a_public_pages_figure(scenario, tmp_path):
    # one backtick typed as a character ("the ` key"), a figure two paragraphs on, and an
    # ordinary code span after it. Python-Markdown pairs backticks within a paragraph only:
    # the lone one is a character and the figure shows. shown_text pairs it with the next
    # single backtick anywhere in the body and drops everything between, the figure too:
    # the image is left out of the site and the published page shows a broken image
    s = site_repo(scenario)
    text = "字段之间用 ` 键分隔。\n\n![流程图](flow.png)\n\n用 `ls` 命令列出文件。\n"
    public_with(s, text, {"docs/procedures/flow.png": png(b"FLOWIMAGE")}, 1)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr[-1500:]
    html = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert '<img alt="流程图"' in html  # the page shows it (as src="flow.png", broken)
    assert (tmp_path / "site/procedures/flow.png").is_file(), result.stderr[-1500:]


def test_an_escaped_backtick_does_not_hide_a_public_pages_figure(scenario, tmp_path):
    # the same with "\`", the way Markdown writes a literal backtick
    s = site_repo(scenario)
    text = "反引号写作 \\` 。\n\n![流程图](flow.png)\n\n用 `ls` 命令列出文件。\n"
    public_with(s, text, {"docs/procedures/flow.png": png(b"FLOWIMAGE")}, 1)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr[-1500:]
    html = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert '<img alt="流程图"' in html
    assert (tmp_path / "site/procedures/flow.png").is_file(), result.stderr[-1500:]


def test_a_secret_figure_named_only_by_an_unused_reference_definition_is_not_published(
    scenario, tmp_path
):
    # round 44 hole 10 with a reference definition no link uses: Python-Markdown removes it
    # and the page shows and links nothing, but _LINK_TARGET reads every definition
    secret = secret_doc().replace("## 1 目的", "![拓扑](dd-topology.png)\n\n## 1 目的")
    s = site_with_secret(
        scenario,
        {
            "docs/procedures/secret.md": secret,
            "docs/procedures/dd-topology.png": png(b"SECRETIMAGEMARK"),
        },
    )
    public_with(s, "目的。\n\n[旧拓扑图]: dd-topology.png\n", {}, 2)
    site = built_site(s, tmp_path / "site", strict=True)
    html = (site / "procedures/test/index.html").read_text("utf-8")
    assert "dd-topology" not in html  # nothing on the page shows or links it
    assert leaks(site, ["SECRETIMAGEMARK"]) == []
