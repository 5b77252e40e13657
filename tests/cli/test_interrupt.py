"""Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group, so the git
processes doccontrol started get it too. The installed `doccontrol` command stops with exit 130
and one short line, whatever its children did, never a traceback or a git error (exit 2)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from builders import RepoBuilder
from interrupts import interruptible

BIN = Path(sys.executable).parent


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_ctrl_c_while_git_works_exits_130(tmp_path):
    repo = RepoBuilder(tmp_path / "repo")
    repo.doc()
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    git(repo.root, "init", "-q", "-b", "main")
    git(repo.root, "config", "user.name", "王芳")
    git(repo.root, "config", "user.email", "wang.fang@example.com")
    git(repo.root, "config", "gpg.format", "ssh")
    git(repo.root, "config", "user.signingkey", str(key))
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-S", "-m", "import")
    # reading the history, git verifies the signature with gpg.ssh.program: here a program
    # that says it has started (through a FIFO, so no waiting on the clock) and then blocks
    started = tmp_path / "started"
    os.mkfifo(started)
    blocker = tmp_path / "verify.sh"
    blocker.write_text(f"#!/bin/sh\necho verifying > '{started}'\nexec sleep 3600\n")
    blocker.chmod(0o755)
    git(repo.root, "config", "gpg.ssh.program", str(blocker))

    process = subprocess.Popen(
        [str(BIN / "doccontrol"), "log", "--all"],
        cwd=repo.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell gives a foreground job
        preexec_fn=interruptible,
    )
    try:
        with open(started, encoding="utf-8") as fifo:
            assert fifo.readline().strip() == "verifying"  # git is inside the verification
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    stderr = err.decode()
    assert process.returncode == 130, stderr
    assert stderr.strip() == "doccontrol：已中断"  # the catalogue's text (tests pin LC_ALL=C.UTF-8)
    assert out == b""
