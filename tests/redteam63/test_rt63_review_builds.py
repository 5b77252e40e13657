"""Round 63, question 3: the builds an adopter runs every day after session 27's fixes. A
pull request's strict review build (docs, mkdocs.yml, overrides/, doccontrol.yml changed on
the branch), and main's own build of an adopter's approved templates."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, leaks, mkdocs, procedure, site_with_secret

from builders import PROJECT
from doccontrol.site.templates import PACKAGE_TEMPLATES

MARK = "ADOPTERTEMPLATEMARK"


def _adopter_site(scenario, *, hook: bool, site_dir: str = "site"):
    """Before control began (2026-01-01 12:00): the project's mkdocs.yml with
    ``custom_dir: overrides`` (a controlled path), an approved-as-baseline override of the
    control block that prints MARK, and, with ``hook``, a MkDocs hook kept under the
    custom_dir as Material's own repository keeps its hooks (``overrides/hooks/``)."""
    yml = (PROJECT / "mkdocs.yml").read_text("utf-8")
    yml = yml.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    yml = yml.replace("site_dir: site\n", f"site_dir: {site_dir}\n")
    if hook:
        yml += "hooks:\n  - overrides/hooks/shortcodes.py\n"
        scenario.files.write(
            "overrides/hooks/shortcodes.py",
            '"""Site hooks (a no-op here)."""\n\n\ndef on_page_markdown(markdown, **kwargs):\n'
            "    return markdown\n",
        )
    scenario.files.write("mkdocs.yml", yml)
    scenario.files.write(".gitignore", "__pycache__/\n.cache/\nsite/\npublic/\n")
    scenario.set_config("approval:\n", "approval:\n  controlled_paths: [overrides/]\n")
    shipped = (PACKAGE_TEMPLATES / "doccontrol/control-block.html").read_text("utf-8")
    scenario.files.write(
        "overrides/doccontrol/control-block.html", f'<p class="org">{MARK}</p>\n' + shipped
    )
    vendor = scenario.root / ".cache/vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    (vendor / "mermaid.min.js").write_bytes((PROJECT / ".cache/vendor/mermaid.min.js").read_bytes())
    scenario.git.commit("站点配置与模板", date="2026-01-01T12:00:00+08:00")
    return scenario


@pytest.fixture
def bytecode(monkeypatch):
    """Python writes __pycache__ as it does by default on a CI runner."""
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_control_mains_build_uses_the_approved_override(scenario, tmp_path, strict, bytecode):
    s = _adopter_site(scenario, hook=False)
    result = mkdocs(s.root, tmp_path / "site", strict)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert MARK in page


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_hook_under_the_custom_dir_does_not_drop_mains_approved_templates(
    scenario, tmp_path, strict, bytecode
):
    """Hole: MkDocs imports the hook before any plugin runs, and Python caches its bytecode in
    overrides/hooks/__pycache__/ (untracked, ignored). work_tree_differs counts ignored files
    (ls-files --others without --exclude-standard), so main's own clean build holds the
    custom_dir "otherwise than main's tip" and drops the adopter's approved templates, in
    every build, with only a warning."""
    s = _adopter_site(scenario, hook=True)
    assert s.git.run("status", "--porcelain") == ""
    result = mkdocs(s.root, tmp_path / "site", strict)
    assert result.returncode == 0, result.stderr
    assert (s.root / "overrides/hooks/__pycache__").is_dir()  # what the import left
    page = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert MARK in page, [line for line in result.stderr.splitlines() if "custom_dir" in line]


def _branch(s, files: dict[str, str]) -> None:
    s.git.branch("cr-review")
    for rel, content in files.items():
        s.files.write(rel, content)
    s.git.commit("评审中的修改", who="zhaolei")
    # the branch really holds every file otherwise than main
    changed = s.git.run("diff", "--name-only", "main", "HEAD").split()
    assert sorted(changed) == sorted(files), changed


def _mkdocs_yml_with_nav_title(s) -> str:
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    return yml.replace("site_name: 服务管理体系文件发布平台", "site_name: 服务管理体系文件")


@pytest.mark.parametrize("change", ["docs", "mkdocs.yml", "overrides", "doccontrol.yml"])
def test_control_a_pull_requests_strict_review_build_passes(scenario, tmp_path, change):
    """Held: the review build of a pull request that changes only a document, mkdocs.yml,
    a template under overrides/ or doccontrol.yml passes strict. Only the first is stamped
    (session 27): the others ran inputs that are not main's, and the stamp names main's head;
    the CI templates check the stamp only where they publish."""
    s = _adopter_site(scenario, hook=False)
    files = {
        "docs": {"docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。"))},
        "mkdocs.yml": {"mkdocs.yml": _mkdocs_yml_with_nav_title(s)},
        "overrides": {"overrides/doccontrol/control-block.html": "<p>新模板</p>\n"},
        "doccontrol.yml": {
            "doccontrol.yml": (s.root / "doccontrol.yml")
            .read_text("utf-8")
            .replace("address: 示例市高新区信息路 8 号", "address: 示例市高新区信息路 9 号")
        },
    }[change]
    _branch(s, files)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/doccontrol-build.json").is_file() == (change == "docs")


def test_control_site_dir_public_on_main_builds(scenario, tmp_path):
    """GitLab Pages publishes public/: the adopter's approved mkdocs.yml says so, and CI runs
    `mkdocs build --site-dir public` (.gitlab-ci.yml). main's strict build passes."""
    s = _adopter_site(scenario, hook=False, site_dir="public")
    out = s.root / "public"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    assert (out / "doccontrol-build.json").is_file()


def test_a_merge_requests_review_build_that_changes_mkdocs_yml_passes_with_site_dir_public(
    scenario, tmp_path
):
    """Hole (denial, new in session 27): the same adopter's merge request changes one line of
    mkdocs.yml (the site's name). mkdocs.yml is now among the inputs the work tree holds
    otherwise than main's tip ("moved"), so it counts as unvouched, and _site_dir_from sees
    `site_dir: public` equal to the folder CI gave: site.plugin.site-dir-pending stops the
    build, lenient or strict, for every merge request that touches mkdocs.yml."""
    s = _adopter_site(scenario, hook=False, site_dir="public")
    _branch(s, {"mkdocs.yml": _mkdocs_yml_with_nav_title(s)})
    out = s.root / "public"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr


def test_control_the_secret_stays_off_a_review_build(scenario, tmp_path):
    """The review builds above leak nothing: round 41's secret beside them."""
    s = site_with_secret(scenario)
    _branch(s, {"docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。"))})
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", ["SECRETBODYMARK"]) == []


__all__ = ["approve"]
