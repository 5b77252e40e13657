"""The core installs without the site and Excel libraries; a command that needs one names the
extra to install (exit 2, one line, no traceback)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# a library "not installed": None in sys.modules makes every import of it fail, as when absent
WITHOUT = """
import sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None
{body}
"""


def run_without(
    libraries: str, body: str, cwd: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT.format(body=body), libraries, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


CLI = "from doccontrol.cli.main import main\nsys.exit(main(sys.argv[2:]))"


def test_core_dependencies_leave_out_the_site_excel_and_development_tools():
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"]).lower()
    for name in ("mkdocs", "material", "jieba", "openpyxl", "pre-commit", "pytest"):
        assert name not in core
    extras = project["optional-dependencies"]
    assert any("mkdocs-material" in d for d in extras["site"])
    assert any("openpyxl" in d for d in extras["xlsx"])
    assert "doccontrol[site,xlsx]" in extras["dev"]
    hooks = (PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "additional_dependencies" not in hooks  # the hooks install the core only


def test_register_xlsx_without_openpyxl_names_the_extra(repo):
    result = run_without(
        "openpyxl", CLI, repo.root, "register", "--format", "xlsx", "-o", "register.xlsx"
    )
    assert result.returncode == 2, result.stderr
    assert "pip install 'doccontrol[xlsx]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (repo.root / "register.xlsx").exists()


def test_audit_pack_without_openpyxl_names_the_extra(repo):
    result = run_without(
        "openpyxl",
        CLI,
        repo.root,
        "audit-pack",
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
        "-o",
        "pack.zip",
    )
    assert result.returncode == 2, result.stderr
    assert "pip install 'doccontrol[xlsx]'" in result.stderr
    assert not (repo.root / "pack.zip").exists()


def test_site_without_jieba_names_the_extra_in_one_line(repo):
    (repo.root / "mkdocs.yml").write_text(
        "site_name: t\ntheme:\n  name: material\nplugins:\n  - search\n  - doccontrol\n",
        encoding="utf-8",
    )
    body = "from mkdocs.__main__ import cli\ncli(['build', '-q', '-d', 'out'])"
    result = run_without("jieba", body, repo.root)
    assert result.returncode != 0
    assert "pip install 'doccontrol[site]'" in result.stderr
    assert "jieba" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (repo.root / "out").exists()


def test_plugin_without_mkdocs_names_the_extra(repo):
    body = "import doccontrol.adapters.mkdocs_plugin"
    result = run_without("mkdocs", body, repo.root)
    assert result.returncode != 0
    assert "pip install 'doccontrol[site]'" in result.stderr
