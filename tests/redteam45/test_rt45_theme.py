"""Round 45 on the theme's logo and favicon (round 44, hole 8's fix: `_theme_files` in the
site's adapter): "only as the approved mkdocs.yml names them"."""

from __future__ import annotations

from rt41_helpers import leaks, mkdocs, png, secret_doc, site_with_secret

FIGURE = "docs/procedures/dd-topology.png"


def with_secret_figure(scenario):
    secret = secret_doc().replace("## 1 目的", "![拓扑](dd-topology.png)\n\n## 1 目的")
    return site_with_secret(
        scenario,
        {"docs/procedures/secret.md": secret, FIGURE: png(b"SECRETIMAGEMARK")},
    )


def set_logo(s, value: str) -> None:
    path = s.root / "mkdocs.yml"
    text = path.read_text("utf-8")
    anchor = "  name: material\n"
    assert anchor in text
    path.write_text(text.replace(anchor, f"{anchor}  logo: {value}\n", 1), "utf-8")


def test_held_a_direct_commit_naming_a_secret_figure_as_logo_publishes_nothing(scenario, tmp_path):
    s = with_secret_figure(scenario)
    set_logo(s, "procedures/dd-topology.png")
    s.git.commit("换标志", who="zhaolei")  # straight to main: nobody approved it
    result = mkdocs(s.root, tmp_path / "site", False)
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", ["SECRETIMAGEMARK"]) == []


def test_a_branchs_unapproved_logo_does_not_publish_a_secret_figure(scenario, tmp_path):
    # the merge request's strict build (not a preview) of a branch whose one commit names
    # the secret procedure's figure as the theme's logo. `unvouched` asks main's history
    # (which has never seen the branch's mkdocs.yml) and `git diff HEAD` compares with the
    # branch's own commit: so the branch's unapproved mkdocs.yml counts as approved
    s = with_secret_figure(scenario)
    s.git.branch("cr-logo")
    set_logo(s, "procedures/dd-topology.png")
    s.git.commit("换标志", who="zhaolei")
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", ["SECRETIMAGEMARK"]) == []
