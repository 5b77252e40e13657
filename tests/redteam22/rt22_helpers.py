"""What the round 22 tests share."""

from __future__ import annotations

from rt14_helpers import cli_env
from rt16_helpers import SOON

from builders import procedure
from rules_attacks import approve
from site_helpers import mkdocs, site_repo


def marked(doc_id, title, marker, **kwargs):
    """A valid procedure whose purpose section says ``marker``."""
    return procedure(doc_id=doc_id, title=title, **kwargs).replace("目的的内容。", marker)


def strict_clean(s, out):
    """The baseline: a strict build of ``s`` succeeds, `check` and `trail --strict` are clean."""
    base = mkdocs(s.root, out, strict=True)
    assert base.returncode == 0, base.stderr
    checked = cli_env(s.root, {}, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    trail = cli_env(s.root, {}, "trail", "--strict")
    assert trail.returncode == 0, trail.stdout + trail.stderr


def approved_branch(s, name, files, who="zhaolei", removed=()):
    """``who``'s branch ``name`` (from main) writes ``files`` ({path: text}) and removes
    ``removed``; 刘静 approves it with `doccontrol approve` (王芳 reviewed). (result, merged)"""
    s.git.branch(name, "main")
    for path, text in files.items():
        s.files.write(path, text)
    for path in removed:
        (s.root / path).unlink()
    s.git.commit(f"{name}: 修改", who=who)
    s.git.checkout("main")
    return approve(s, name, "liujing", "wangfang")


__all__ = [
    "SOON",
    "approve",
    "approved_branch",
    "cli_env",
    "marked",
    "mkdocs",
    "site_repo",
    "strict_clean",
]
