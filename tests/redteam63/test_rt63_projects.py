"""Material's own `projects` plugin (installed with mkdocs-material, so in every adopter's
environment) builds every `projects/*/mkdocs.yml` into the site: a nested MkDocs project that
the doccontrol plugin never sees, reading any folder it names."""

from __future__ import annotations

import json

import pytest
from rt41_helpers import SECRET_BODY, SECRET_ID, SECRET_TITLE, approve, leaks, site_with_secret

from history_helpers import cli
from site_helpers import mkdocs

MARKERS = [SECRET_BODY, SECRET_TITLE]
PLUGIN = "  - material/projects:\n      concurrency: 1\n      cache: false\n"
NESTED = "site_name: 笔记\ndocs_dir: ../../docs\ntheme:\n  name: material\n"


def _with_projects(scenario):
    """Round 41's site (secret SM-P-07 approved beside the public SM-P-01), then one approved
    merge (刘静 + 陈明远) enabling Material's projects plugin in mkdocs.yml: no project yet."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    assert "plugins:\n" in yml
    approve(
        s,
        "cr-projects",
        {"mkdocs.yml": yml.replace("plugins:\n", "plugins:\n" + PLUGIN)},
        "启用多项目站点",
        2,
    )
    return s


def test_the_approved_plugin_alone_stops_the_build(scenario, tmp_path):
    """Session 27: material/projects builds other MkDocs configurations into the site, out of
    doccontrol's reach, so enabling it stops every build and names it (it was this round's
    passing control before)."""
    s = _with_projects(scenario)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode != 0
    assert "material/projects" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists() or leaks(tmp_path / "site", MARKERS) == []


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_nested_project_pushed_to_main_does_not_publish_the_secret(scenario, tmp_path, strict):
    """赵磊 pushes `projects/notes/mkdocs.yml` (docs_dir: ../../docs, no doccontrol plugin)
    straight to main. Nothing approved it, yet `check`, `trail --strict` and the strict build
    all pass, the site is stamped, and site/notes/ holds every document under docs/ as raw
    Markdown rendered: SM-P-07's page, title and text, and its search index."""
    s = _with_projects(scenario)
    s.files.write("projects/notes/mkdocs.yml", NESTED)
    s.git.commit("笔记", who="zhaolei")
    out = tmp_path / "site"
    result = mkdocs(s.root, out, strict)
    if result.returncode == 0:
        found = leaks(out, MARKERS)
        assert found == [], sorted({f for f, _ in found})


def test_the_nested_project_is_no_unapproved_change_to_the_trail_or_the_stamp(scenario, tmp_path):
    """The same push, as CI's pipeline sees it: `doccontrol trail --strict` reports nothing
    (projects/ is no controlled path), and the strict build stamps the site as main's, level
    internal, SM-P-01 only: the stamp vouches for a site that holds SM-P-07."""
    s = _with_projects(scenario)
    s.files.write("projects/notes/mkdocs.yml", NESTED)
    s.git.commit("笔记", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    stamped = out / "doccontrol-build.json"
    published = result.returncode == 0 and stamped.is_file()
    if published:
        stamp = json.loads(stamped.read_text("utf-8"))
        assert SECRET_ID not in stamp["documents"]
    # a fix either flags the push (trail fails, or the build stops) or leaves nothing out
    assert trail.returncode != 0 or not published or leaks(out, MARKERS) == []
