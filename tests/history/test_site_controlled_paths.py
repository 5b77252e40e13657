"""What the approved mkdocs.yml makes part of the build is controlled like it (red-team round 2,
holes 2 and 6): the paths it names, read from real mkdocs.yml text, and a real repository whose
history judges a direct change to a named file (DC516) by the mkdocs.yml approved before it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builders import PROJECT, RepoBuilder
from doccontrol.history.rules_paths import Opened, named_paths
from history_helpers import Scenario, cli

SITE = b"""site_name: x
docs_dir: src
INHERIT: base.yml
hooks: [site_hooks.py, ./h/x.py, ../outside.py, /abs.py]
theme: {name: material, custom_dir: overrides}
extra_css: [css/a.css, "https://cdn.example/y.css", {path: css/b.css}]
extra_javascript:
  - path: js/m.js
    type: module
  - //cdn.example/x.js
markdown_extensions:
  - myext.sub
  - other: {a: 1}
  - pymdownx.emoji:
      emoji_index: !!python/name:icons.emoji.index
plugins:
  - doccontrol:
      strict: !ENV [DOCCONTROL_STRICT, false]
"""


def test_every_local_path_an_mkdocs_yml_names_is_found():
    named = named_paths(SITE)
    for path in (
        "base.yml",
        "site_hooks.py",
        "h/x.py",
        "overrides/main.html",
        "src/css/a.css",
        "src/css/b.css",
        "src/js/m.js",
        "myext.py",
        "myext/sub.py",
        "other/__init__.py",
        "icons.py",
        "pymdownx/__init__.py",
        "myext.cpython-311-x86_64-linux-gnu.so",
    ):
        assert named.controls(path), path
    for path in ("tools/myext.txt", "css/a.css", "deep/x.md", "other2/x.json"):
        assert not named.controls(path), path


def test_a_hook_at_the_root_controls_what_it_can_import_from_there():
    """MkDocs puts a hook's folder first on sys.path while it loads: for a hook at the root,
    every entry at the root (a module, a link named like one, `shlex.py` shadowing the
    standard library's) and every Python file, which it may import as a module of a package
    or of a namespace package (red-team rounds 66, hole 3, and 67, hole 3)."""
    named = named_paths(SITE)
    for path in ("outside.py", "shlex.py", "README.md", "hook_helpers", "pkg/__init__.py"):
        assert named.controls(path), path
    for path in ("pkg/mod.py", "ns/sub/x.cpython-311-x86_64-linux-gnu.so", "a/__pycache__/b"):
        assert named.controls(path), path
    for path in ("records/a.yml", "pkg/data.json", "docs/procedures/a.md"):
        assert not named.controls(path), path
    in_folder = named_paths(b"hooks: [site_hooks/pages.py]\n")
    for path in ("site_hooks/shared.py", "site_hooks/__pycache__/x.pyc"):
        assert in_folder.controls(path), path
    for path in ("shlex.py", "README.md", "pkg/__init__.py"):
        assert not in_folder.controls(path), path


def test_an_entry_standing_where_a_named_folder_or_file_is_is_controlled():
    """A submodule or a link named `overrides` (no slash) stands for every file under it: its
    change is a change of the folder mkdocs.yml names, and so of a folder above a named file."""
    named = named_paths(SITE.replace(b"site_hooks.py, ", b""))  # no hook at the root
    for path in ("overrides", "src", "src/css", "src/js", "h"):
        assert named.controls(path), path
    for path in ("overrides2", "sr", "css", "js"):
        assert not named.controls(path), path


def test_an_entry_standing_where_a_controlled_folder_is_is_controlled():
    """The same for controlled_paths: `tools` (a submodule) where `tools/` is controlled, and
    `.github` above `.github/workflows/`."""
    from doccontrol.config import ApprovalRules

    rules = ApprovalRules(controlled_paths=("tools/", "ops/scripts/", "deploy/run.sh"))
    for path in ("tools", "tools/a.sh", "ops", "ops/scripts", ".github", "schemas", "deploy"):
        assert rules.controls(path), path
    for path in ("tool", "toolsx", "ops/other.sh", "opsx", "docs", "deploy/other.sh"):
        assert not rules.controls(path), path


def test_a_folder_named_like_a_controlled_file_stands_in_its_place():
    """`mkdocs.yml/README.md` makes `mkdocs build` fail (IsADirectoryError, not the missing
    file that passes over to mkdocs.yaml); `base.yml/x` the same for an inherited file
    (red-team round 70, hole 1)."""
    from doccontrol.config import ApprovalRules

    rules = ApprovalRules(controlled_paths=("deploy/run.sh",))
    for path in ("mkdocs.yml/README.md", "mkdocs.yaml/a/b", "doccontrol.yml/x", "deploy/run.sh/x"):
        assert rules.controls(path), path
    for path in ("mkdocs.yml.bak", "mkdocs.ymlx/README.md", "deploy/run.shx"):
        assert not rules.controls(path), path
    named = named_paths(b"INHERIT: config/base.yml\n")
    assert named.controls("config/base.yml/x") and not named.controls("config/base.yml.d/x")


def test_an_unreadable_mkdocs_yml_names_nothing_and_raises_nothing():
    for data in (b"hooks: [a.py\n", b"\xff\xfe", b"[" * 100_000, b"a: *undefined\n"):
        assert not named_paths(data).controls("a.py")
    # a node that holds itself loads (PyYAML shares it) but never ends as a replay: opaque
    assert named_paths(b"a: &x [*x]\n").opaque


def test_a_markdown_extension_is_a_module_in_every_form_mkdocs_takes():
    """`- module:Class`, with options, and the list written as a mapping (round 68, hole 2)."""
    for data in (
        b"markdown_extensions:\n  - site_ext:SiteExtension\n",
        b"markdown_extensions:\n  - site_ext:SiteExtension: {a: 1}\n",
        b"markdown_extensions:\n  site_ext: {}\n",
        b"markdown_extensions:\n  - !ENV [EXT, site_ext]\n",
    ):
        named = named_paths(data)
        assert named.controls("site_ext.py") and not named.opaque, data
    assert named_paths(b"markdown_extensions:\n  - !!python/object/apply:str [x]\n").opaque


def test_the_shipped_mkdocs_yml_names_only_extension_modules():
    named = named_paths((PROJECT / "mkdocs.yml").read_bytes())
    assert not named.files and not named.folders
    assert "pymdownx" in named.modules


HOOK_TEXT = "def on_page_content(html, **kwargs):\n    return html\n"


def _scenario(tmp_path: Path, files: dict[str, str] | None = None) -> Scenario:
    """The project's site with ``files`` (default: a hook at the root that mkdocs.yml names),
    imported before control began."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    site = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    files = files or {
        "mkdocs.yml": site.replace("plugins:\n", "hooks:\n  - site_hooks.py\nplugins:\n"),
        "site_hooks.py": HOOK_TEXT,
    }
    for path, text in files.items():
        builder.write(path, text.replace("{site}", site) if path == "mkdocs.yml" else text)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T09:00:00+08:00")
    s.git.day = 9
    return s


def test_a_direct_change_to_a_named_hook_is_dc516(tmp_path):
    s = _scenario(tmp_path)
    (s.root / "site_hooks.py").write_text("def on_post_page(output, **kw):\n    return ''\n")
    s.git.commit("钩子", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    assert trail.returncode != 0
    assert re.search(r"DC516.*site_hooks\.py|site_hooks\.py.*DC516", trail.stdout), trail.stdout


def test_a_hook_is_judged_by_the_approved_mkdocs_yml_not_an_unapproved_one(tmp_path):
    """Dropping the hook from mkdocs.yml by a direct push (itself DC516) does not free it."""
    s = _scenario(tmp_path)
    site = (s.root / "mkdocs.yml").read_text(encoding="utf-8")
    (s.root / "mkdocs.yml").write_text(site.replace("hooks:\n  - site_hooks.py\n", ""))
    s.git.commit("去掉钩子", who="zhaolei")
    (s.root / "site_hooks.py").write_text("x = 1\n")
    hook = s.git.commit("改钩子", who="zhaolei")
    trail = cli(s.root, "trail", "--strict", "--format", "json")
    assert trail.returncode != 0
    assert hook in trail.stdout and "site_hooks.py" in trail.stdout, trail.stdout


def test_a_file_no_mkdocs_yml_names_is_not_controlled(tmp_path):
    s = _scenario(tmp_path)
    (s.root / "ops").mkdir()
    (s.root / "ops/notes.txt").write_text("x = 1\n")
    s.git.commit("笔记", who="zhaolei")
    assert cli(s.root, "trail", "--strict").returncode == 0


# --- the files mkdocs.yml inherits (MkDocs' INHERIT:, red-team round 65, hole 3) ------------

CHAIN = {
    "mkdocs.yml": b"site_name: x\nINHERIT: config/base.yml\n",
    "config/base.yml": b"INHERIT: common.yml  # beside it\ndocs_dir: src\n",
    "config/common.yml": b"hooks: [site_hooks/pages.py]\nextra_css: [a.css]\nINHERIT: ../mkdocs.yml\n",
}


def test_the_files_mkdocs_yml_inherits_name_paths_too():
    """Each INHERIT is relative to the file that names it; every other path to mkdocs.yml; the
    nearest docs_dir wins, as MkDocs merges the chain; a loop ends it."""
    asked: list[str] = []

    def read(path: str) -> Opened | None:
        asked.append(path)
        return Opened(path, CHAIN[path]) if path in CHAIN else None

    named = named_paths(CHAIN["mkdocs.yml"], read)
    assert named.inherits == ("config/base.yml", "config/common.yml")
    assert asked == ["config/base.yml", "config/common.yml", "site_hooks/pages.py"]
    for path in (
        "config/base.yml",
        "config/common.yml",
        "site_hooks/pages.py",
        "site_hooks/shared.py",
        "site_hooks/__pycache__/pages.cpython-311.pyc",
        "src/a.css",
    ):
        assert named.controls(path), path
    for path in ("common.yml", "docs/a.css", "pages.py"):
        assert not named.controls(path), path
    # without the tree, only mkdocs.yml's own names (and the file it inherits)
    alone = named_paths(CHAIN["mkdocs.yml"])
    assert alone.controls("config/base.yml") and not alone.controls("site_hooks/pages.py")


def test_a_missing_or_unreadable_inherited_file_names_nothing_more():
    chain = dict(CHAIN, **{"config/base.yml": b"INHERIT: [common.yml\n"})
    named = named_paths(chain["mkdocs.yml"], lambda p: Opened(p, chain[p]) if p in chain else None)
    assert named.inherits == ("config/base.yml",)
    assert not named.controls("site_hooks/pages.py")
    named = named_paths(chain["mkdocs.yml"], lambda path: None)
    assert named.controls("config/base.yml") and not named.controls("config/common.yml")


def _inheriting(tmp_path: Path) -> Scenario:
    """A site whose hook only a file mkdocs.yml inherits names, two files up the chain."""
    return _scenario(
        tmp_path,
        {
            "mkdocs.yml": "INHERIT: config/base.yml\n{site}",
            "config/base.yml": "INHERIT: common.yml\n",
            "config/common.yml": "hooks:\n  - site_hooks/pages.py\n",
            "site_hooks/pages.py": HOOK_TEXT,
        },
    )


def _pushed(s: Scenario, path: str, text: str) -> str:
    (s.root / path).parent.mkdir(parents=True, exist_ok=True)
    (s.root / path).write_text(text, encoding="utf-8")
    return s.git.commit("直接推送", who="zhaolei")


def test_a_push_to_a_hook_an_inherited_file_names_is_dc516(tmp_path):
    for path in ("site_hooks/pages.py", "site_hooks/shared.py", "config/common.yml"):
        s = _inheriting(tmp_path / path.replace("/", "_"))
        pushed = _pushed(s, path, "x = 1\n")
        trail = cli(s.root, "trail", "--strict", "--format", "json")
        assert trail.returncode != 0, path
        assert pushed in trail.stdout and "DC516" in trail.stdout, (path, trail.stdout)


def test_what_an_approved_change_of_an_inherited_file_names_is_controlled_after_it(tmp_path):
    """The approved chain is what judges: a hook an approved change of common.yml names is
    controlled from the merge on, and the history says which files are inherited in force."""

    s = _inheriting(tmp_path)
    assert _pushed(s, "ops/extra.py", "x = 1\n")
    assert cli(s.root, "trail", "--strict").returncode == 0  # named by nothing yet
    s.git.branch("cr-hooks")
    (s.root / "config/common.yml").write_text(
        "hooks:\n  - site_hooks/pages.py\n  - ops/extra.py\n", encoding="utf-8"
    )
    s.git.commit("加钩子", who="zhaolei")
    s.git.merge("cr-hooks", "加钩子", approvers=("liujing", "chenmy"))
    assert cli(s.root, "trail", "--strict").returncode == 0
    history = s.history()
    assert history.site_named.inherits == ("config/base.yml", "config/common.yml")
    assert history.site_named.controls("ops/extra.py")
    pushed = _pushed(s, "ops/extra.py", "x = 2\n")
    trail = cli(s.root, "trail", "--strict", "--format", "json")
    assert trail.returncode != 0 and pushed in trail.stdout, trail.stdout


# --- what MkDocs' loader resolves: !ENV, aliases, merge keys (red-team round 66, hole 1) ----


def test_every_form_of_inherit_mkdocs_resolves_is_followed():
    forms = {
        "env-default": b"INHERIT: !ENV [SITE_BASE, base.yml]\n",
        "alias": b"extra: {base: &b base.yml}\nINHERIT: *b\n",
        "merge-key": b"<<: {INHERIT: base.yml}\n",
        "merge-alias": b"x: &m {INHERIT: base.yml}\n<<: *m\n",
        "merge-list": b"x: &m {site_name: a}\n<<: [*m, {INHERIT: base.yml}]\n",
        # PyYAML merges by the key's tag, whatever its text (red-team round 67, hole 1)
        "merge-tag": b"!!merge site_base: {INHERIT: base.yml}\n",
        "merge-verbatim": b"!<tag:yaml.org,2002:merge> x: {INHERIT: base.yml}\n",
        "relative": b"INHERIT: !relative $config_dir/base.yml\n",
        "env-nested": b"INHERIT: !ENV [A, !ENV [B, base.yml]]\n",
        # the same bytes MkDocs' loader reads (round 67, hole 2)
        "yaml-1.3": b"%YAML 1.3\n---\nINHERIT: base.yml\n",
        "utf-16": "INHERIT: base.yml\n".encode("utf-16"),
    }
    chain = {"base.yml": b"hooks: [site_hooks/pages.py]\n"}
    for name, data in forms.items():
        named = named_paths(data, lambda p: Opened(p, chain[p]) if p in chain else None)
        assert "base.yml" in named.inherits, name
        assert named.controls("site_hooks/pages.py") and named.controls("base.yml"), name


def test_hooks_and_folders_named_through_aliases_and_merge_keys_are_found():
    data = (
        b"anchors:\n  hook: &h site_hooks/pages.py\n  theme: &t {name: material, custom_dir: ov}\n"
        b"hooks: [*h, !ENV [EXTRA_HOOK, more/x.py]]\n"
        b"theme:\n  <<: *t\n"
    )
    named = named_paths(data)
    for path in ("site_hooks/pages.py", "more/x.py", "more/y.py", "ov/main.html"):
        assert named.controls(path), path
    assert not named.opaque


def test_aliases_replayed_past_the_bound_make_the_configuration_opaque():
    """A few nested aliases stand for billions of nodes (PyYAML shares them; a replay would
    not): past the bound, every path counts as controlled, documents still as documents."""
    from builders import PROJECT_CONFIG as config
    from doccontrol.history.rules_paths import controlled_path

    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    named = named_paths("\n".join(lines).encode() + b"\nsite_name: x\n")
    assert named.opaque and named.controls("records/any.yml")
    assert not controlled_path("records/any.yml", config, named_paths(b"site_name: x\n"), False)
    assert controlled_path("records/any.yml", config, named, False)
    assert not controlled_path("docs/procedures/a.md", config, named, True)
    assert not named_paths(b"a: &a [1, 2]\nb: [*a, *a]\n").opaque


def test_an_alias_to_no_anchor_names_nothing():
    assert not named_paths(b"hooks: [*nothing]\n").controls("nothing")


def test_a_key_or_a_path_the_loader_builds_makes_the_configuration_opaque():
    """MkDocs' loader builds a key from `!ENV`, a path from `!!python/object/apply`: it could
    be any, so nothing is followed and everything is controlled (round 67, hole 1)."""
    for data in (
        b"? !ENV [KEY, INHERIT]\n: base.yml\n",
        b"INHERIT: !!python/object/apply:posixpath.join [a, base.yml]\n",
        b"hooks: [!!python/object/apply:builtins.str [x.py]]\n",
        b"? [a, b]\n: c\n",
        b"INHERIT: !relative $docs_dir/base.yml\n",
    ):
        assert named_paths(data).opaque, data
    # a tag where no path is named is MkDocs' own business (an extension's option, say)
    assert not named_paths(b"markdown_extensions:\n  - x: {f: !!python/name:m.f}\n").opaque


def test_each_link_followed_to_a_file_is_controlled_with_it():
    """Retargeting a middle link moves the file MkDocs inherits (round 67, hole 4)."""
    chain = {
        "base.yml": Opened("site_config/base.yml", b"hooks: [h/x.py]\n", ("base.yml", "shared.yml"))
    }
    named = named_paths(b"INHERIT: base.yml\n", chain.get)
    for path in ("base.yml", "shared.yml", "site_config/base.yml", "h/x.py"):
        assert named.controls(path), path
    assert named.inherits == ("base.yml", "shared.yml", "site_config/base.yml")


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.yaml"])
def test_a_site_configuration_that_is_a_link_makes_it_opaque(tmp_path, name):
    """MkDocs opens mkdocs.yml (or, without one, mkdocs.yaml) through a link; history reads no
    configuration through it, so it cannot tell what the build runs: every file counts as
    controlled (fail closed)."""
    import os

    site = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    s = _scenario(tmp_path, {"config/site.yml": site + "hooks: [h/x.py]\n"})
    os.symlink("config/site.yml", s.root / name)
    s.git.commit("站点配置改为链接", who="wangfang", date="2026-01-01T10:00:00+08:00")
    named = s.history().site_named
    assert named.opaque and named.controls("h/x.py")


# --- mkdocs.yaml: MkDocs' other name for its configuration (red-team round 69) -------------


def test_an_mkdocs_yaml_is_the_site_configuration_when_there_is_no_mkdocs_yml(tmp_path):
    """`mkdocs build` opens mkdocs.yaml when there is no mkdocs.yml: it is controlled, and
    what it names is controlled like what mkdocs.yml would name."""
    site = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in ("site_hooks/pages.py", "mkdocs.yaml"):
        s = _scenario(
            tmp_path / path.replace("/", "_"),
            {"mkdocs.yaml": site + "hooks: [site_hooks/pages.py]\n", "site_hooks/pages.py": "x\n"},
        )
        assert not (s.root / "mkdocs.yml").exists()
        assert s.history().site_named.controls("site_hooks/shared.py")
        pushed = _pushed(s, path, "x = 1\n")
        trail = cli(s.root, "trail", "--strict", "--format", "json")
        assert trail.returncode != 0 and pushed in trail.stdout, (path, trail.stdout)
        assert "DC516" in trail.stdout, trail.stdout


def test_a_pushed_mkdocs_yaml_is_a_change_to_a_controlled_file(tmp_path):
    """Beside an mkdocs.yml it is not read, and without one it would be: either way a push
    that adds one is DC516."""
    plain = _scenario(tmp_path / "beside")
    bare = _scenario(tmp_path / "alone", {"README.md": "x\n"})
    for s in (plain, bare):
        pushed = _pushed(s, "mkdocs.yaml", "site_name: x\nhooks: [h.py]\n")
        trail = cli(s.root, "trail", "--strict", "--format", "json")
        assert trail.returncode != 0 and pushed in trail.stdout, trail.stdout
        assert "mkdocs.yaml" in trail.stdout and "DC516" in trail.stdout, trail.stdout


def test_an_approved_removal_of_mkdocs_yml_puts_mkdocs_yaml_in_force(tmp_path):
    """With both files, MkDocs reads mkdocs.yml: what mkdocs.yaml alone names is free until an
    approved change removes mkdocs.yml; from then on it is controlled."""
    site = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    s = _scenario(
        tmp_path,
        {
            "mkdocs.yml": site,
            "mkdocs.yaml": site + "hooks: [yaml_hooks/pages.py]\n",
            "yaml_hooks/pages.py": HOOK_TEXT,
        },
    )
    assert not s.history().site_named.controls("yaml_hooks/pages.py")
    assert _pushed(s, "yaml_hooks/pages.py", HOOK_TEXT + "# 1\n")
    assert cli(s.root, "trail", "--strict").returncode == 0
    s.git.branch("cr-site")
    (s.root / "mkdocs.yml").unlink()
    s.git.commit("站点配置改用 mkdocs.yaml", who="zhaolei")
    s.git.merge("cr-site", "站点配置改用 mkdocs.yaml", approvers=("liujing", "chenmy"))
    assert cli(s.root, "trail", "--strict").returncode == 0
    history = s.history()
    assert history.site_named.controls("yaml_hooks/pages.py")
    assert history.mkdocs_in_force == s.git.run("rev-parse", "HEAD:mkdocs.yaml").strip()
    pushed = _pushed(s, "yaml_hooks/pages.py", HOOK_TEXT + "# 2\n")
    trail = cli(s.root, "trail", "--strict", "--format", "json")
    assert trail.returncode != 0 and pushed in trail.stdout, trail.stdout


def test_a_configuration_inherits_the_other_name_but_never_itself():
    files = {"mkdocs.yml": b"hooks: [h/x.py]\n", "mkdocs.yaml": b"INHERIT: mkdocs.yml\n"}

    def read(path: str) -> Opened | None:
        return Opened(path, files[path]) if path in files else None

    assert named_paths(files["mkdocs.yaml"], read, "mkdocs.yaml").controls("h/x.py")
    looped = named_paths(b"INHERIT: mkdocs.yaml\nhooks: [h/y.py]\n", read, "mkdocs.yaml")
    assert looped.controls("h/y.py") and looped.inherits == ()
