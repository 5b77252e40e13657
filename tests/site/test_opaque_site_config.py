"""An approved mkdocs.yml history cannot read as MkDocs does (aliases replayed past every
bound): history counts every file as controlled, and the site says so; a strict build, the
one CI publishes, stops (red-team round 66, hole 1's fail-closed case)."""

from __future__ import annotations

from builders import PROJECT, RepoBuilder
from site_helpers import adopted_site, mkdocs

# six levels of ten aliases each: a million nodes for a replay (past the bound), a few lines
# for PyYAML, which shares them (and MkDocs' own debug log writes them out in a second)
LAUGHS = "x_anchors:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 6)
)


def test_an_opaque_site_configuration_stops_the_strict_build(tmp_path):
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    yml = (PROJECT / "mkdocs.yml").read_text("utf-8") + LAUGHS
    s = adopted_site(builder, yml)
    assert s.history().site_named.opaque
    strict = mkdocs(s.root, tmp_path / "strict", True)
    assert strict.returncode != 0, strict.stderr
    assert "无法按 MkDocs 的方式读懂" in strict.stderr, strict.stderr
    assert not (tmp_path / "strict/doccontrol-build.json").exists()
    lenient = mkdocs(s.root, tmp_path / "lenient")
    assert lenient.returncode == 0, lenient.stderr
    assert "无法按 MkDocs 的方式读懂" in lenient.stderr


def test_the_same_site_without_the_aliases_builds(tmp_path):
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    s = adopted_site(builder)
    assert not s.history().site_named.opaque
    assert mkdocs(s.root, tmp_path / "strict", True).returncode == 0
