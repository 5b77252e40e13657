"""The theme's custom_dir as a branch (or the work tree) has it: judged by main's pending list
only, so a change that is on no commit of main is not "unapproved"."""

from __future__ import annotations

import shutil

import pytest
from rt41_helpers import SECRET_BODY, SECRET_TITLE, approve, leaks, mkdocs, secret_doc

from builders import PROJECT
from history_helpers import make_scenario

HONEST = '{% extends "base.html" %}\n{% block content %}{{ super() }}{% endblock %}\n'
# a MkDocs template reaches the whole build (README, known limits): here, every document loaded
DUMP = (
    '{% extends "base.html" %}\n{% block content %}{{ super() }}'
    '{% for d in config.plugins["doccontrol"].site.repo.documents %}'
    "<p>{{ d.title }} {{ d.body }}</p>{% endfor %}{% endblock %}\n"
)
MARKERS = [SECRET_BODY, SECRET_TITLE]


def _themed(tmp_path):
    """overrides/ controlled (approval.controlled_paths) and the theme's custom_dir, from the
    pre-control import; then an approved secret SM-P-07 beside the public SM-P-01."""
    s = make_scenario(
        tmp_path,
        "  trusted_forge_keys: []",
        "  trusted_forge_keys: []\n  controlled_paths: [overrides/]",
    )
    yml = (PROJECT / "mkdocs.yml").read_text("utf-8")
    assert "  name: material\n" in yml
    s.files.write(
        "mkdocs.yml",
        yml.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
    )
    s.files.write("overrides/main.html", HONEST)
    vendor = s.root / ".cache/vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / ".cache/vendor/mermaid.min.js", vendor / "mermaid.min.js")
    s.git.commit("站点配置", date="2026-01-01T11:00:00+08:00")
    approve(s, "cr-secret", {"docs/procedures/secret.md": secret_doc()}, "新增受控文件", 1)
    return s


def _built(s, out, strict):
    result = mkdocs(s.root, out, strict)
    assert result.returncode == 0, result.stderr
    return sorted({f for f, _ in leaks(out, MARKERS)})


def test_control_a_template_pushed_to_main_is_not_used(tmp_path):
    s = _themed(tmp_path)
    s.files.write("overrides/main.html", DUMP)
    s.git.commit("调整页面模板", who="zhaolei")  # straight to main: pending, the folder is dropped
    assert _built(s, tmp_path / "site", False) == []


@pytest.mark.parametrize("where", ["branch", "work-tree"])
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_template_changed_off_main_is_not_used(tmp_path, where, strict):
    s = _themed(tmp_path)
    if where == "branch":
        s.git.branch("cr-theme")
    s.files.write("overrides/main.html", DUMP)
    if where == "branch":
        s.git.commit("调整页面模板", who="zhaolei")  # a review branch: nothing on main yet
    assert _built(s, tmp_path / "site", strict) == []
