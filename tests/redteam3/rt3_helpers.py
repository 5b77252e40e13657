"""Shared pieces of the round-3 red-team tests: real repositories an author with push access
(not an approver) shapes with the real git, read by the real CLI and the real MkDocs plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builders import RepoBuilder, procedure
from history_helpers import Scenario
from site_helpers import adopted_site

# MkDocs as `mkdocs serve` drives it: one process, the configuration loaded again for each
# rebuild (the plugin instance is kept: it defines on_startup), `build(config, dirty=True)`.
# Each line on stdin asks for one more rebuild; "built" on stdout says it finished.
SERVE = """
import sys
from mkdocs.config import load_config
from mkdocs.commands.build import build
config_file, out = sys.argv[1], sys.argv[2]
build(load_config(config_file, site_dir=out))
print("built", flush=True)
for line in sys.stdin:
    build(load_config(config_file, site_dir=out), dirty=True)
    print("built", flush=True)
"""


def site_scenario(tmp_path: Path) -> Scenario:
    """SM-P-01 (internal) imported before control began (2026-01-01), with the project's
    mkdocs.yml and vendored Mermaid: a repository the real plugin builds."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    return adopted_site(builder)


def approve_title(s: Scenario, title: str, version: str, branch: str) -> str:
    """An approved change of SM-P-01's title (a merge with the approver's trailer)."""
    s.git.branch(branch)
    s.files.doc(version=version, title=title, effective_date="2026-01-05")
    s.git.commit(f"{title}", who="zhaolei")  # the reviewer (王芳) is not its author
    return s.git.merge(branch, f"{title}")


class Serve:
    """One MkDocs process rebuilding a site as `mkdocs serve` does."""

    def __init__(self, root: Path, out: Path) -> None:
        self.out = out
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCCONTROL_STRICT": "false"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(root / "mkdocs.yml"), str(out)],
            cwd=root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self._wait()

    def _wait(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.strip() == "built":
                return
        raise AssertionError(f"the build process ended ({self.process.wait()})")

    def rebuild(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("again\n")
        self.process.stdin.flush()
        self._wait()

    def register(self) -> str:
        return (self.out / "registers/documents/index.html").read_text(encoding="utf-8")

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=120)


def merge_key_version(doc_id: str, title: str) -> str:
    """A draft whose title sits under a YAML merge key (`<<: {title: …}`): legal YAML that the
    tolerant reader of history reads."""
    text = procedure(doc_id=doc_id, title=title, version="V0.1", status="draft")
    return text.replace(f"title: {title}\n", f"<<: {{title: {title}}}\n")
