"""The real pre-commit, in a real Git repository, running this repository's local hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from builders import PROJECT

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "王芳",
        "GIT_AUTHOR_EMAIL": "wang.fang@example.com",
        "GIT_COMMITTER_NAME": "王芳",
        "GIT_COMMITTER_EMAIL": "wang.fang@example.com",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def test_invalid_record_blocks_the_commit_and_valid_change_commits(repo):
    root = repo.root
    shutil.copytree(
        PROJECT / "tools/doccontrol",
        root / "tools/doccontrol",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(PROJECT / "tools/run-doccontrol.py", root / "tools/run-doccontrol.py")
    shutil.copy(PROJECT / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")
    assert git(root, "init", "-q", "-b", "main").returncode == 0
    env = {**os.environ, "PATH": f"{PRE_COMMIT.parent}{os.pathsep}{os.environ['PATH']}"}
    install = subprocess.run(
        [str(PRE_COMMIT), "install"], cwd=root, capture_output=True, text=True, env=env, check=False
    )
    assert install.returncode == 0, install.stderr
    assert git(root, "add", "-A").returncode == 0
    first = git(root, "commit", "-qm", "初始导入")
    assert first.returncode == 0, first.stdout + first.stderr

    repo.write(
        "records/incident/INC-2026-0002.yaml",
        "id: INC-2026-0002\ntitle: 超时\npriority: P9\nreported: 2026-03-09\n",
    )
    git(root, "add", "records")
    blocked = git(root, "commit", "-qm", "新增事件记录")
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "records/incident/INC-2026-0002.yaml:3:11: DC104" in output
    assert git(root, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    repo.write(
        "records/incident/INC-2026-0002.yaml",
        "id: INC-2026-0002\ntitle: 超时\npriority: P2\nreported: 2026-03-09\n",
    )
    git(root, "add", "records")
    passed = git(root, "commit", "-qm", "新增事件记录")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(root, "rev-list", "--count", "HEAD").stdout.strip() == "2"

    # a symlink under docs/ never gets in: pre-commit hands it to the check, which refuses it
    os.symlink("/etc/passwd", root / "docs/passwd.txt")
    git(root, "add", "docs")
    linked = git(root, "commit", "-qm", "链接")
    assert linked.returncode != 0
    assert "docs/passwd.txt:1:1: DC020" in linked.stdout + linked.stderr, linked.stderr
    assert git(root, "rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_deeply_nested_or_tagged_record_blocks_the_commit_with_a_message(repo):
    """The hook on hostile YAML: one problem line with file, line and column; no
    RecursionError, no segfault (30,000 levels used to kill the checker with exit 139)."""
    root = repo.root
    shutil.copytree(
        PROJECT / "tools/doccontrol",
        root / "tools/doccontrol",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(PROJECT / "tools/run-doccontrol.py", root / "tools/run-doccontrol.py")
    shutil.copy(PROJECT / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")
    assert git(root, "init", "-q", "-b", "main").returncode == 0
    env = {**os.environ, "PATH": f"{PRE_COMMIT.parent}{os.pathsep}{os.environ['PATH']}"}
    install = subprocess.run(
        [str(PRE_COMMIT), "install"], cwd=root, capture_output=True, text=True, env=env, check=False
    )
    assert install.returncode == 0, install.stderr
    git(root, "add", "-A")
    assert git(root, "commit", "-qm", "初始导入").returncode == 0

    head = "id: INC-2026-0002\ntitle: 超时\npriority: P2\nreported: 2026-03-09\n"
    for body, expected in (
        ("related:\n" + "- " * 30_000 + "x\n", "records/incident/INC-2026-0002.yaml:6:127: DC016"),
        (
            "related: " + "[" * 30_000 + "]" * 30_000 + "\n",
            "records/incident/INC-2026-0002.yaml:5:73: DC016",
        ),
        (
            "assignee: !!python/object/apply:os.system ['touch pwned']\n",
            # the hook speaks the tests' pinned locale: Chinese
            "records/incident/INC-2026-0002.yaml:5:11: DC017 不允许使用 YAML 标签 "
            "'!!python/object/apply:os.system'",
        ),
    ):
        repo.write("records/incident/INC-2026-0002.yaml", head + body)
        git(root, "add", "records")
        blocked = git(root, "commit", "-qm", "新增事件记录")
        output = blocked.stdout + blocked.stderr
        assert blocked.returncode != 0
        assert expected in output, output
        assert "RecursionError" not in output and "internal error" not in output
        assert "Traceback" not in output
        assert git(root, "rev-list", "--count", "HEAD").stdout.strip() == "1"
    assert not (root / "pwned").exists()
