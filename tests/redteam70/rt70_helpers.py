"""Round 70: a site whose configuration is mkdocs.yaml (no mkdocs.yml), with a hook, built and
judged as CI does (`trail --strict`, then `DOCCONTROL_STRICT=true mkdocs build`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builders import PROJECT, RepoBuilder
from history_helpers import Scenario, cli
from site_helpers import adopted_site

HOOK = "def on_page_content(html, **kwargs):\n    return html + '<p>yaml-hook-ran</p>'\n"


def yaml_site(
    tmp_path: Path, extra: dict[str, str] | None = None, name: str = "mkdocs.yaml"
) -> Scenario:
    """A baseline (before control began) whose site configuration is ``name`` naming the
    hook site_hooks/pages.py; ``extra``: more files of the baseline."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write("site_hooks/pages.py", HOOK)
    for rel, text in (extra or {}).items():
        builder.write(rel, text)
    site = (PROJECT / "mkdocs.yml").read_text("utf-8")
    return adopted_site(builder, site + "hooks:\n  - site_hooks/pages.py\n", name)


def trail_strict(s: Scenario) -> subprocess.CompletedProcess[str]:
    return cli(s.root, "trail", "--strict")


def strict_build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """CI's build: `mkdocs build` without -f, DOCCONTROL_STRICT=true (a traceback allowed:
    MkDocs' own, before any plugin runs, unlike site_helpers.mkdocs)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCCONTROL_STRICT": "true"}
    env["DOCCONTROL_PREVIEW"] = "false"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    result.stderr = result.stdout + result.stderr
    return result
