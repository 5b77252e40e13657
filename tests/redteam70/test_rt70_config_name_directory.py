"""Hole (low, denial): with mkdocs.yaml as the site's configuration, a direct push of any file
under a folder named `mkdocs.yml/` is no controlled change (`Config.controls` matches the name
`mkdocs.yml` exactly, and folders only for entries written with a trailing slash), so
`trail --strict` passes; MkDocs' `_open_config_file` then opens the folder `mkdocs.yml`, gets
IsADirectoryError (only FileNotFoundError passes to the next name) and CI's strict build dies
in a traceback: nothing is published until someone removes it."""

from __future__ import annotations

from rt70_helpers import strict_build, trail_strict, yaml_site

from doccontrol.config import CONTROLLED_PATHS


def _push_folder(s, name: str) -> None:
    (s.root / name).mkdir()
    (s.root / name / "README.md").write_text("说明\n", "utf-8")
    s.git.commit("整理目录", who="zhaolei")


def test_a_pushed_folder_named_mkdocs_yml_is_reported(tmp_path):
    s = yaml_site(tmp_path)
    assert strict_build(s.root, tmp_path / "before").returncode == 0
    _push_folder(s, "mkdocs.yml")
    built = strict_build(s.root, tmp_path / "out")
    assert built.returncode != 0  # the site cannot be built any more
    assert "IsADirectoryError" in built.stderr
    # the push that stops publication should be a problem of the gate before the build
    trail = trail_strict(s)
    assert trail.returncode != 0, trail.stdout + trail.stderr


def test_control_a_pushed_file_named_mkdocs_yml_is_reported(tmp_path):
    s = yaml_site(tmp_path)
    (s.root / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    s.git.commit("加配置", who="zhaolei")
    assert trail_strict(s).returncode != 0


def test_the_entry_under_a_controlled_file_name_is_not_controlled(tmp_path):
    """The unit: `Config.controls` (tools/doccontrol/config.py) for a path under either
    name. Like `tools` for the folder `tools/`, the entry that stands where a controlled file
    is should be judged like it."""
    from builders import RepoBuilder
    from doccontrol.load import repository

    builder = RepoBuilder(tmp_path / "repo")
    config = repository.load(builder.root, only=set()).config
    assert config is not None
    approval = config.approval
    assert "mkdocs.yml" in CONTROLLED_PATHS and approval.controls("mkdocs.yaml")
    assert approval.controls("mkdocs.yml/README.md"), "a folder named mkdocs.yml is free"
