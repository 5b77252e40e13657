"""Shared pieces of the round-2 red-team tests: real repositories an author with push access
(not an approver) shapes with the real git, built with the real `mkdocs build` and CLI."""

from __future__ import annotations

import subprocess
from pathlib import Path

from builders import PROJECT, RepoBuilder, procedure
from history_helpers import Scenario, body
from site_helpers import adopted_site, mkdocs

SECRET_ID = "SM-P-07"
SECRET_TITLE = "绝密并购应急程序"
SECRET_TEXT = "并购对象：甲公司。"
# the approved text of SM-P-01's purpose section, and what a forger would show instead
APPROVED_TEXT = "目的的内容。"
FORGED_TEXT = "本程序自即日起免于审批。"


def secret(text: str) -> str:
    return text.replace("confidentiality: internal", "confidentiality: secret")


def site_scenario(
    tmp_path: Path,
    mkdocs_edit: tuple[str, str] | None = None,
    files: dict[str, str] | None = None,
) -> Scenario:
    """A repository whose pre-control import (2026-01-01) holds SM-P-01 (internal), the secret
    SM-P-07, the project's mkdocs.yml (with ``mkdocs_edit`` applied) and vendored Mermaid, plus
    ``files`` (path → text): what an adopter approved at adoption. Later commits are dated
    from 2026-01-10 on, under control."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        "docs/procedures/secret.md",
        secret(procedure(doc_id=SECRET_ID, title=SECRET_TITLE, body=body(SECRET_TEXT))),
    )
    mkdocs_yml = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    if mkdocs_edit is not None:
        assert mkdocs_edit[0] in mkdocs_yml, mkdocs_edit
        mkdocs_yml = mkdocs_yml.replace(*mkdocs_edit, 1)
    for name, text in (files or {}).items():
        builder.write(name, text)
    return adopted_site(builder, mkdocs_yml)


def build(root: Path, out: Path, strict: bool) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` as the shipped CI runs it (DOCCONTROL_STRICT=true) or as a desk does."""
    return mkdocs(root, out, strict)


def site_text(site: Path) -> str:
    return "\n".join(p.read_text("utf-8", "replace") for p in site.rglob("*") if p.is_file())
