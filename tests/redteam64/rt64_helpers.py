"""Round 64: an adopter's site with approved templates (round 63's ``_adopter_site``, kept
here so no test module imports another), and the stamp as a build left it."""

from __future__ import annotations

import json
from pathlib import Path

from builders import PROJECT
from doccontrol.site.templates import PACKAGE_TEMPLATES

MARK = "ADOPTERTEMPLATEMARK"
CONTROL_BLOCK = "overrides/doccontrol/control-block.html"


def shipped_control_block() -> str:
    return (PACKAGE_TEMPLATES / "doccontrol/control-block.html").read_text("utf-8")


def adopter_site(scenario, *, gitattributes: str | None = None, crlf: bool = False):
    """Before control began (2026-01-01 12:00): the project's mkdocs.yml with
    ``custom_dir: overrides`` (a controlled path) and an approved-as-baseline override of the
    control block that prints MARK. ``crlf``: the override was saved with Windows line ends
    (committed as such); ``gitattributes``: a .gitattributes committed with it."""
    yml = (PROJECT / "mkdocs.yml").read_text("utf-8")
    yml = yml.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    scenario.files.write("mkdocs.yml", yml)
    scenario.files.write(".gitignore", "__pycache__/\n.cache/\nsite/\npublic/\n")
    scenario.set_config("approval:\n", "approval:\n  controlled_paths: [overrides/]\n")
    text = f'<p class="org">{MARK}</p>\n' + shipped_control_block()
    if crlf:
        text = text.replace("\n", "\r\n")
    (scenario.root / "overrides/doccontrol").mkdir(parents=True, exist_ok=True)
    (scenario.root / CONTROL_BLOCK).write_bytes(text.encode("utf-8"))
    vendor = scenario.root / ".cache/vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    (vendor / "mermaid.min.js").write_bytes((PROJECT / ".cache/vendor/mermaid.min.js").read_bytes())
    scenario.git.commit("站点配置与模板", date="2026-01-01T12:00:00+08:00")
    if gitattributes is not None:
        # added later the same day, before control began (a Windows team's usual fix)
        scenario.files.write(".gitattributes", gitattributes)
        scenario.git.commit("行尾规范", date="2026-01-01T12:30:00+08:00")
    return scenario


def stamp_of(site: Path) -> dict | None:
    path = site / "doccontrol-build.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else None


def fresh_clone(s, tmp_path):
    """What CI checks out: a clone of main (the vendored Mermaid copied, as CI restores it)."""
    clone = tmp_path / "clone"
    s.git.run("clone", "-q", str(s.root), str(clone))
    vendor = clone / ".cache/vendor"
    vendor.mkdir(parents=True)
    (vendor / "mermaid.min.js").write_bytes((s.root / ".cache/vendor/mermaid.min.js").read_bytes())
    return clone
