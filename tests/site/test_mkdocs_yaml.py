"""A site whose configuration is named mkdocs.yaml, which `mkdocs build` opens when there is no
mkdocs.yml: the approved file and the hooks it names build the published site; a hook a push
adds to it stops the strict build, as one added to mkdocs.yml would (red-team round 69)."""

from __future__ import annotations

from builders import PROJECT, RepoBuilder
from history_helpers import Scenario
from site_helpers import adopted_site, mkdocs

HOOK = "def on_page_content(html, **kwargs):\n    return html + '<p>yaml-hook-ran</p>'\n"


def _site(tmp_path) -> Scenario:
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write("site_hooks/pages.py", HOOK)
    site = (PROJECT / "mkdocs.yml").read_text("utf-8")
    return adopted_site(builder, site + "hooks:\n  - site_hooks/pages.py\n", "mkdocs.yaml")


def test_the_approved_mkdocs_yaml_and_its_hook_build_the_published_site(tmp_path):
    s = _site(tmp_path)
    assert not (s.root / "mkdocs.yml").exists()
    result = mkdocs(s.root, tmp_path / "out", True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/doccontrol-build.json").is_file()
    pages = [p.read_text("utf-8") for p in (tmp_path / "out").rglob("index.html")]
    assert any("yaml-hook-ran" in p for p in pages)


def test_a_hook_a_push_adds_to_mkdocs_yaml_stops_the_strict_build(tmp_path):
    s = _site(tmp_path)
    text = (s.root / "mkdocs.yaml").read_text("utf-8")
    (s.root / "mkdocs.yaml").write_text(text + "  - pushed/leak.py\n", "utf-8")
    (s.root / "pushed").mkdir()
    (s.root / "pushed/leak.py").write_text("x = 1\n", "utf-8")
    s.git.commit("加钩子", who="zhaolei")
    result = mkdocs(s.root, tmp_path / "out", True)
    assert result.returncode != 0, result.stderr
    assert "pushed/leak.py" in result.stderr, result.stderr
    assert not (tmp_path / "out/doccontrol-build.json").exists()
