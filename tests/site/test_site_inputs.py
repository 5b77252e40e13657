"""The site build's own inputs: the vendored Mermaid (pinned by sha256, only from
.cache/vendor/, never through a link; the plugin, `doccontrol pdf` and the Makefile all check
it), anything committed under .cache/ (DC519), the strict switch CI sets in the environment,
pending controlled configuration, and the theme's custom_dir. Real files, real git, real
`make -n` and the real `mkdocs build`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from builders import PROJECT
from doccontrol import catalogue, vendor
from doccontrol.history.derive import derive
from doccontrol.load import repository
from doccontrol.pdf.mermaid import Mermaid, Unavailable
from site_helpers import mkdocs, site_repo

MERMAID = PROJECT / vendor.MERMAID_JS
T = catalogue.load("en")


@pytest.fixture
def genuine():
    if not MERMAID.is_file():
        pytest.skip("run 'make vendor' first")
    return MERMAID.read_bytes()


def _vendor(root, data=None, link=None):
    folder = root / vendor.VENDOR_DIR
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "mermaid.min.js"
    if link is not None:
        script.symlink_to(link)
    else:
        script.write_bytes(data)
    return script


def test_the_pinned_mermaid_is_accepted_and_its_checked_bytes_returned(tmp_path, genuine):
    _vendor(tmp_path, genuine)
    found = vendor.mermaid(tmp_path)
    assert isinstance(found, vendor.Vendored) and found.data == genuine


@pytest.mark.parametrize(
    "option",
    [
        "docs/procedures/secret.md",
        "/etc/passwd",
        ".cache/vendor/../../docs/procedures/secret.md",
        ".cache/vendor/sub/mermaid.min.js",
        ".cache\\vendor\\mermaid.min.js",
        "",
    ],
)
def test_mermaid_js_outside_the_vendor_folder_is_refused(tmp_path, genuine, option):
    _vendor(tmp_path, genuine)
    found = vendor.mermaid(tmp_path, option)
    assert isinstance(found, vendor.Refusal) and found.key == "vendor.outside"


def test_a_linked_or_changed_mermaid_is_refused(tmp_path, genuine):
    """A link is refused even to the genuine script (what it points to is nobody's approved
    text); a script that is not the pinned one is refused by its sha256."""
    (tmp_path / "real.js").write_bytes(genuine)
    _vendor(tmp_path, link="../../real.js")
    found = vendor.mermaid(tmp_path)
    assert isinstance(found, vendor.Refusal) and found.key == "vendor.symlink"
    assert "symbolic link" in found.text(T)

    other = tmp_path / "other"
    _vendor(other, b"document.querySelectorAll('.dc-banner').forEach(b => b.remove());\n")
    found = vendor.mermaid(other)
    assert isinstance(found, vendor.Refusal) and found.key == "vendor.hash"
    assert vendor.MERMAID_VERSION in found.text(T)

    linked_folder = tmp_path / "linked"
    (linked_folder / ".cache").mkdir(parents=True)
    (linked_folder / ".cache/vendor").symlink_to(tmp_path / vendor.VENDOR_DIR)
    found = vendor.mermaid(linked_folder)
    assert isinstance(found, vendor.Refusal) and found.key == "vendor.symlink"

    assert vendor.mermaid(tmp_path / "missing").key == "vendor.missing"  # type: ignore[union-attr]


def test_pdf_refuses_to_run_a_script_that_is_not_the_pinned_mermaid(tmp_path):
    """doccontrol pdf runs the script in Chromium with the pages' text: it checks the script
    before any browser starts, and says why the diagrams stay text."""
    forged = _vendor(tmp_path, b"window.mermaid = {};\n")
    with Mermaid(forged) as mermaid, pytest.raises(Unavailable) as refused:
        mermaid.render(["graph TD\n  A --> B\n"])
    assert "sha256" in str(refused.value)
    (tmp_path / "secret.md").write_text("绝密\n", encoding="utf-8")
    forged.unlink()
    forged.symlink_to("../../secret.md")
    with Mermaid(forged) as mermaid, pytest.raises(Unavailable):
        mermaid.render(["graph TD\n  A --> B\n"])


def _make_plan(root):
    result = subprocess.run(
        ["make", "-n", "-f", str(PROJECT / "Makefile"), "-C", str(root), "vendor"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout + result.stderr


def test_make_vendor_fetches_again_unless_the_file_is_the_pinned_one(tmp_path, genuine):
    """The vendor rule reads the version and sha256 from the package: the pinned file is kept,
    a changed copy or a link (even to the genuine script) is fetched again."""
    shutil.copy(PROJECT / ".cache/vendor/axe.min.js", _vendor(tmp_path, genuine).parent)
    assert "npm pack --silent mermaid" not in _make_plan(tmp_path)
    script = tmp_path / vendor.MERMAID_JS
    script.write_bytes(genuine + b"\n")
    plan = _make_plan(tmp_path)
    assert f"npm pack --silent mermaid@{vendor.MERMAID_VERSION}" in plan
    assert vendor.MERMAID_SHA256 in plan  # the fetched file is checked too
    script.unlink()
    (tmp_path / "real.js").write_bytes(genuine)
    script.symlink_to("../../real.js")
    assert "npm pack --silent mermaid" in _make_plan(tmp_path)


def test_any_file_committed_under_cache_is_reported(scenario):
    """.cache/ holds local files only; a committed .cache/vendor/ script would be served on every
    page (and `make vendor` used to keep it): DC519, so trail --strict and strict builds stop."""
    script = scenario.root / vendor.MERMAID_JS
    script.parent.mkdir(parents=True)
    script.write_text("/* not mermaid */\n", encoding="utf-8")
    scenario.git.run("add", "-f", vendor.MERMAID_JS)
    scenario.git.commit("图表脚本", who="zhaolei")
    config = repository.load(scenario.root, only=set()).config
    history = derive(scenario.root, config)
    (problem,) = [p for p in history.problems if p.code == "DC519"]
    assert ".cache" in problem.message and "git rm -r --cached .cache" in problem.message


def test_a_non_strict_build_says_the_controlled_configuration_is_pending(scenario, tmp_path):
    """A direct push to mkdocs.yml (a controlled path): every build says so, not only the
    strict one; and DOCCONTROL_STRICT=true wins over `strict: false` written into it."""
    s = site_repo(scenario)
    mkdocs_yml = s.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(
        text.replace("strict: !ENV [DOCCONTROL_STRICT, false]", "strict: false"), encoding="utf-8"
    )
    s.git.commit("站点配置调整", who="zhaolei")
    desk = mkdocs(s.root, tmp_path / "desk")
    assert desk.returncode == 0, desk.stderr
    assert "受控配置有未经批准的变更：mkdocs.yml" in desk.stderr
    env_strict = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from doccontrol.adapters import mkdocs_plugin as m; "
            "sys.exit(0 if m._strict_from_environment() else 1)",
        ],
        env={**os.environ, "DOCCONTROL_STRICT": "Yes"},
        check=False,
    )
    assert env_strict.returncode == 0
    ci = mkdocs(s.root, tmp_path / "ci", strict=True)
    assert ci.returncode != 0 and "mkdocs.yml" in ci.stderr


def _custom_dir_repo(scenario, controlled):
    s = site_repo(scenario)
    mkdocs_yml = s.root / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    if controlled:
        s.set_config("approval:\n", "approval:\n  controlled_paths: [overrides/]\n")
    (s.root / "overrides").mkdir()
    (s.root / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block footer %}<p id="dc-theme-tweak">tweak</p>'
        "{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    s.git.commit("主题微调", date="2026-01-01T12:00:00+08:00")  # before control began
    return s


def test_an_uncontrolled_custom_dir_is_dropped_from_the_theme(scenario, tmp_path):
    """Material's own templates in an uncontrolled custom_dir are not rendered by a desk
    build (warned) and stop a strict one."""
    s = _custom_dir_repo(scenario, controlled=False)
    desk = mkdocs(s.root, tmp_path / "desk")
    assert desk.returncode == 0, desk.stderr
    refusal = catalogue.load("zh").text(
        "site.plugin.templates.uncontrolled", folder="overrides", config="doccontrol.yml"
    )
    assert refusal in desk.stderr
    page = (tmp_path / "desk/procedures/test/index.html").read_text(encoding="utf-8")
    assert "dc-theme-tweak" not in page and "dc-control-table" in page
    ci = mkdocs(s.root, tmp_path / "ci", strict=True)
    assert ci.returncode != 0 and "approval.controlled_paths" in ci.stderr


def test_a_controlled_approved_custom_dir_is_used_but_not_through_a_link(scenario, tmp_path):
    """The approved tweak renders; a symbolic link inside the folder (Git approves the link,
    not what it points to) sets the whole folder aside."""
    s = _custom_dir_repo(scenario, controlled=True)
    ok = mkdocs(s.root, tmp_path / "ok", strict=True)
    assert ok.returncode == 0, ok.stderr
    page = (tmp_path / "ok/procedures/test/index.html").read_text(encoding="utf-8")
    assert "dc-theme-tweak" in page
    (s.root / "elsewhere.html").write_text("<p>not approved</p>\n", encoding="utf-8")
    (s.root / "overrides/partials").mkdir()
    (s.root / "overrides/partials/copyright.html").symlink_to("../../elsewhere.html")
    desk = mkdocs(s.root, tmp_path / "desk")
    assert desk.returncode == 0, desk.stderr
    assert "overrides/partials/copyright.html" in desk.stderr
    page = (tmp_path / "desk/procedures/test/index.html").read_text(encoding="utf-8")
    assert "dc-theme-tweak" not in page and "not approved" not in page


def test_a_site_folder_linked_elsewhere_is_never_emptied(scenario, tmp_path):
    """`site -> ../victim` committed, and CI's strict build into site/: MkDocs emptied the
    folder the link pointed at and published there; the build now stops before it cleans."""
    site_repo(scenario)
    victim = tmp_path / "victim"
    (victim / "sub").mkdir(parents=True)
    (victim / "important.txt").write_text("keep me\n")
    (victim / "sub/x").write_text("keep me too\n")
    os.symlink(victim, scenario.root / "site")
    scenario.git.commit("站点目录")
    alias = tmp_path / "alias"  # the checkout reached through a link (/tmp on macOS, a CI path)
    os.symlink(scenario.root, alias)
    for site_dir in (scenario.root / "site", alias / "site"):
        result = mkdocs(scenario.root, site_dir, True)
        assert result.returncode != 0
        assert "site_dir 经过符号链接" in result.stderr
        assert (victim / "important.txt").read_text() == "keep me\n"
        assert sorted(p.name for p in victim.rglob("*")) == ["important.txt", "sub", "x"]


def test_a_site_folder_an_unapproved_mkdocs_yml_chose_is_never_emptied(scenario, tmp_path):
    """`site_dir: ../victim` committed straight to main, and a plain local `mkdocs build`
    (not strict): MkDocs emptied victim/ and wrote the site there; the build stops, and a
    folder given with -d is still built."""
    site_repo(scenario)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "important.txt").write_text("keep me\n")
    config = scenario.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_dir: site", "site_dir: ../victim"))
    scenario.git.commit("站点目录", who="zhaolei")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCCONTROL_STRICT": "false"}
    alias = tmp_path / "alias"  # -f through a link to the folder holding the checkout
    os.symlink(tmp_path, alias)
    for options in ((), ("-f", str(alias / "repo/mkdocs.yml"))):
        plain = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *options],
            cwd=scenario.root,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert plain.returncode != 0, options
        assert "site_dir 来自未经批准的修改" in plain.stderr
        assert [p.name for p in victim.iterdir()] == ["important.txt"]
    assert mkdocs(scenario.root, tmp_path / "out").returncode == 0  # -d chooses


def test_a_build_trusts_the_files_mkdocs_yml_inherits_only_as_main_holds_them(tmp_path):
    """MkDocs' INHERIT: the inherited file sets options as much as mkdocs.yml does, so a
    branch's edit of it is one of the inputs compared with main's tip (and a chain is
    followed, a loop is not)."""
    from types import SimpleNamespace

    from doccontrol.adapters.mkdocs_plugin import _build_inputs

    (tmp_path / "config").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nINHERIT: config/base.yml\n", "utf-8")
    (tmp_path / "config/base.yml").write_text("INHERIT: 'common.yml'  # shared\n", "utf-8")
    (tmp_path / "config/common.yml").write_text("INHERIT: ../mkdocs.yml\n", "utf-8")
    (tmp_path / "overrides").mkdir()
    config = SimpleNamespace(
        theme=SimpleNamespace(custom_dir="overrides"),
        hooks={},
        config_file_path=str(tmp_path / "mkdocs.yml"),
    )
    assert _build_inputs(tmp_path, tmp_path / "mkdocs.yml", config) == [
        "doccontrol.yml",
        "mkdocs.yml",
        "config/base.yml",
        "config/common.yml",
        "overrides",
    ]
