"""What `pip install doccontrol` gets: the wheel is built here from this checkout (offline, with
the project's own build backend) and read back: the package and nothing else, its data files,
py.typed, the licence, the metadata, and one version everywhere."""

from __future__ import annotations

import email
import email.message
import importlib.metadata
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from ruamel.yaml import YAML

import doccontrol
from builders import PROJECT

BIN = Path(sys.executable).parent


def _source_files() -> list[str]:
    """The checkout's files as Git sees them (tracked, or new and not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [p for p in listed.split("\0") if p and (PROJECT / p).is_file()]


SOURCES = _source_files()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    # a copy of what a clone holds (so no build/ or egg-info lands in the checkout), with all
    # of tools/: a stray package there would ship and be caught
    source = tmp_path_factory.mktemp("source")
    for rel in SOURCES:
        if rel.startswith("tools/") or rel in ("pyproject.toml", "README.md", "LICENSE"):
            (source / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / rel, source / rel)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"),
            *("-q", "--no-index", "-w", str(out), str(source)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("doccontrol-*.whl")
    return zipfile.ZipFile(built)


def metadata(wheel: zipfile.ZipFile) -> email.message.Message:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return email.message_from_bytes(wheel.read(name))


def test_the_wheel_holds_the_package_and_nothing_else(wheel):
    version = doccontrol.__version__
    tops = {PurePosixPath(n).parts[0] for n in wheel.namelist()}
    assert tops == {"doccontrol", f"doccontrol-{version}.dist-info"}
    top_level = wheel.read(f"doccontrol-{version}.dist-info/top_level.txt").decode().split()
    assert top_level == ["doccontrol"]


def test_every_file_of_the_package_ships(wheel):
    names = set(wheel.namelist())
    package = [
        p.removeprefix("tools/")
        for p in SOURCES
        if p.startswith("tools/doccontrol/") and "__pycache__" not in p
    ]
    missing = sorted(set(package) - names)
    assert missing == []
    # what the core and the site read at run time, named so a lost glob is plain to see
    for required in (
        "doccontrol/py.typed",
        "doccontrol/schemas/config.schema.json",
        "doccontrol/schemas/record-type.schema.json",
        "doccontrol/data/iso20000-2018-clauses.yml",
        "doccontrol/site/assets/doccontrol.css",
        "doccontrol/site/assets/doccontrol.js",
        "doccontrol/catalogue/common.toml",
    ):
        assert required in names
    assert any(n.startswith("doccontrol/site/templates/doccontrol/") for n in names)


def test_licence_and_metadata(wheel):
    version = doccontrol.__version__
    licence = wheel.read(f"doccontrol-{version}.dist-info/licenses/LICENSE").decode()
    assert licence == (PROJECT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Copyright (c) doccontrol authors" in licence
    meta = metadata(wheel)
    assert meta["License-Expression"] == "MIT"
    classifiers = meta.get_all("Classifier") or []
    from trove_classifiers import classifiers as known

    assert classifiers and [c for c in classifiers if c not in known] == []
    assert "Typing :: Typed" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")]  # the expression says it
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Source", "Issues", "Documentation"} <= set(urls)
    assert all(u.startswith("https://") for u in urls.values())


def test_one_version_everywhere(wheel):
    pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]  # written once, in doccontrol/__init__.py
    assert pyproject["project"]["dynamic"] == ["version"]
    version = doccontrol.__version__
    assert metadata(wheel)["Version"] == version
    assert importlib.metadata.version("doccontrol") == version  # this installation
    for command in ([str(BIN / "doccontrol")], [sys.executable, "-m", "doccontrol"]):
        result = subprocess.run(
            [*command, "--version"], capture_output=True, text=True, check=True, cwd=PROJECT
        )
        assert result.stdout.strip() == f"doccontrol {version}"


def test_hook_manifest_names_the_pre_commit_it_needs():
    hooks = YAML(typ="safe").load((PROJECT / ".pre-commit-hooks.yaml").read_text())
    installed = subprocess.run(
        [str(BIN / "pre-commit"), "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[-1]

    def parts(version: str) -> tuple[int, ...]:
        return tuple(int(p) for p in version.split("."))

    for hook in hooks:
        minimum = hook["minimum_pre_commit_version"]
        # types_or, which the check hook uses, came in pre-commit 2.9.0
        assert parts(minimum) >= (2, 9, 0), hook["id"]
        assert parts(minimum) <= parts(installed), hook["id"]


def test_pre_commit_enforces_the_minimum_it_reads(tmp_path):
    # the key is one pre-commit reads: a manifest asking for a later pre-commit is refused
    raised = (PROJECT / ".pre-commit-hooks.yaml").read_text().replace("'2.9.0'", "'99.0.0'")
    (tmp_path / "hooks.yaml").write_text(raised)
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(tmp_path / "hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "99.0.0 is required" in result.stdout
