"""Question 3: main's own clean strict build (what the publishing job runs on a fresh clone)
after session 27, which hashes the work tree's inputs itself with no attribute of git's but
line ends (`publishing.work_tree_differs`) and checks every loaded hook
(`_unruled_hooks`)."""

from __future__ import annotations

import py_compile
import subprocess

from rt64_helpers import CONTROL_BLOCK, MARK, adopter_site, fresh_clone, stamp_of
from rt65_helpers import hooked_site, strict_outcome

from builders import RepoBuilder
from history_helpers import Scenario
from site_helpers import mkdocs


def _ident_site(scenario):
    """An adopter whose approved-as-baseline override carries a `$Id$` keyword and whose
    .gitattributes (baseline too) asks git to expand it in the work tree (`ident`), as a
    document-control team marks each file's version."""
    adopter_site(scenario, gitattributes="overrides/** ident\n")
    path = scenario.root / CONTROL_BLOCK
    path.write_text("<!-- $Id$ -->\n" + path.read_text("utf-8"), "utf-8")
    scenario.git.commit("模板版本标识", date="2026-01-01T13:00:00+08:00")
    return scenario


def test_an_approved_ident_attribute_drops_mains_templates_and_stamp(scenario, tmp_path):
    """Hole (low, denial): the clone is clean (`git status` empty), but git wrote
    `$Id: <blob> $` into the template as its attributes say; work_tree_differs hashes the raw
    bytes (no filter but CRLF is forgiven), calls `overrides` moved, and main's own strict
    build drops the approved templates and is not stamped: the publishing job
    (`test -f public/doccontrol-build.json`) fails on every run. Before session 27,
    `git hash-object` applied the same attribute and matched. Fixed in session 28: a file an
    attribute touches is compared with git's checkout of main's blob (`cat-file --filters`)."""
    s = _ident_site(scenario)
    clone = fresh_clone(s, tmp_path)
    assert b"$Id: " in (clone / CONTROL_BLOCK).read_bytes()
    assert s.git.run("-C", str(clone), "status", "--porcelain") == ""
    out = tmp_path / "site"
    result = mkdocs(clone, out, True)
    assert result.returncode == 0, result.stderr
    shown = MARK in (out / "procedures/test/index.html").read_text("utf-8")
    assert shown and stamp_of(out) is not None, (shown, stamp_of(out))


def test_control_without_ident_mains_templates_are_used_and_stamped(scenario, tmp_path):
    """Control (passes): the same adopter without the attribute."""
    s = adopter_site(scenario)
    clone = fresh_clone(s, tmp_path)
    out = tmp_path / "site"
    assert mkdocs(clone, out, True).returncode == 0
    assert MARK in (out / "procedures/test/index.html").read_text("utf-8")
    assert stamp_of(out) is not None


def test_held_a_hook_inside_the_custom_dir(scenario, tmp_path):
    """Held: the approved hook lives in the custom_dir (`overrides/hooks.py`, under
    controlled_paths). Importing it writes overrides/__pycache__/ into the theme's folder;
    work_tree_differs skips it, so a second build on the same tree is stamped too."""
    s = adopter_site(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    s.files.write("mkdocs.yml", yml + "hooks:\n  - overrides/hooks.py\n")
    s.files.write("overrides/hooks.py", '"""A no-op."""\n')
    s.git.commit("钩子", date="2026-01-01T13:00:00+08:00")
    clone = fresh_clone(s, tmp_path)
    for n in (1, 2):
        out = tmp_path / f"site{n}"
        result = mkdocs(clone, out, True)
        assert result.returncode == 0, result.stderr
        assert MARK in (out / "procedures/test/index.html").read_text("utf-8")
        assert stamp_of(out) is not None
        # The import writes the cache unless PYTHONDONTWRITEBYTECODE is set (as on some CI
        # machines); compile it here so the second build meets it either way.
        py_compile.compile(str(clone / "overrides/hooks.py"), doraise=True)
        assert (clone / "overrides/__pycache__").is_dir()


def _sha256_scenario(tmp_path) -> Scenario:
    """The baseline scenario (make_scenario's) in a repository of SHA-256 object ids."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    subprocess.run(
        ["git", "init", "-q", "--object-format=sha256", "-b", "main", str(builder.root)],
        check=True,
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    assert len(s.git.run("rev-parse", "HEAD")) == 64
    return s


def test_held_a_sha256_repository_with_an_approved_hook(tmp_path):
    """Held: on a SHA-256 repository, main's strict build with an approved hook is stamped
    (work_tree_differs hashes with SHA-256), with the 64-digit head."""
    s = hooked_site(_sha256_scenario(tmp_path))
    out = tmp_path / "site"
    assert strict_outcome(s, out) == (0, 0, True, [])
    assert stamp_of(out)["head"] == s.git.run("rev-parse", "main")
