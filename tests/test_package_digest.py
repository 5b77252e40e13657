"""What is remembered between runs is keyed by the code that decided it: the package, the
libraries it parses YAML and JSON Schema with, and the git it reads history through."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _digest(tmp_path: Path, *, extra_path: str = "", git_dir: Path | None = None) -> str:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (extra_path, str(TOOLS)) if p)
    if git_dir is not None:
        env["PATH"] = f"{git_dir}{os.pathsep}{env['PATH']}"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from doccontrol.package_digest import package_digest as d; print(d())",
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_the_digest_changes_with_a_deciding_library_or_git_and_only_then(tmp_path):
    first = _digest(tmp_path)
    assert _digest(tmp_path) == first

    unrelated = tmp_path / "unrelated"
    (unrelated / "requests-9.9.9.dist-info").mkdir(parents=True)
    assert _digest(tmp_path, extra_path=str(unrelated)) == first

    # another ruamel.yaml found first on the path may read front matter otherwise
    newer = tmp_path / "newer"
    (newer / "ruamel_yaml-99.0.0.dist-info").mkdir(parents=True)
    assert _digest(tmp_path, extra_path=str(newer)) != first

    # another git judges signatures, merges and trees
    other = tmp_path / "bin"
    other.mkdir()
    real = shutil.which("git")
    assert real is not None
    wrapper = other / "git"
    wrapper.write_text(f'#!/bin/sh\nexec {real} "$@"\n')
    wrapper.chmod(0o755)
    assert _digest(tmp_path, git_dir=other) != first
