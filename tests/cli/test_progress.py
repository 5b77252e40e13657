"""Progress on long work: shown on an interactive terminal, silent in pipes and in CI."""

from __future__ import annotations

import os
import subprocess
import sys

from builders import PROJECT

sys.path.insert(0, str(PROJECT / "benchmarks"))
from generate_repo import generate


def _env(ci: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return {**env, "CI": "true"} if ci else env


def _on_terminal(repo, ci: bool) -> str:
    master, slave = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "doccontrol", "trail", "--format", "json"],
        cwd=repo,
        stdin=slave,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=_env(ci),
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait()
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_only_on_an_interactive_terminal(tmp_path):
    repo = tmp_path / "repo"
    generate(repo, docs=10, commits=1100)
    assert "正在读取历史: 500 个提交" in _on_terminal(repo, ci=False)  # the catalogue's words
    assert "正在读取历史" not in _on_terminal(repo, ci=True)
    piped = subprocess.run(
        [sys.executable, "-m", "doccontrol", "trail", "--format", "json"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=_env(False),
        check=False,
    )
    assert piped.returncode == 0 and "正在读取历史" not in piped.stderr
