"""What the round 36 tests share (on top of rounds 14 to 34's helpers)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from rt29_helpers import codes_of, git_out, trail_strict
from rt33_helpers import SQUASH, TRUST, entries_of, raw_tree, scenario

from builders import PROJECT, RepoBuilder
from gitrepo import ident
from history_helpers import Scenario

__all__ = [
    "SQUASH",
    "TRUST",
    "branch_editing",
    "bump",
    "codes_of",
    "entries_of",
    "git_out",
    "last_at_root",
    "raw_tree",
    "scenario",
    "squash_on_tree",
    "sub_repo",
    "submodule_scenario",
    "trail_strict",
    "update_submodules",
]


def sub_repo(
    tmp_path: Path, name: str, file: str, first: str, second: str
) -> tuple[Path, str, str]:
    """Another repository (what a submodule points at) with two commits of ``file``: ``first``,
    then ``second``. Returns its folder and the two commits."""
    root = tmp_path / f"{name}-repo"
    root.mkdir()

    def run(*args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=外部", "-c", "user.email=ext@example.com", *args],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout.strip()

    run("init", "-q", "-b", "main")
    (root / file).parent.mkdir(parents=True, exist_ok=True)
    (root / file).write_text(first, encoding="utf-8")
    run("add", "-A")
    run("commit", "-qm", "v1")
    one = run("rev-parse", "HEAD")
    (root / file).write_text(second, encoding="utf-8")
    run("commit", "-qam", "v2")
    return root, one, run("rev-parse", "HEAD")


def submodule_scenario(
    tmp_path: Path, folder: str, target: tuple[Path, str], mkdocs_yml: str | None = None
) -> Scenario:
    """The baseline scenario (SM-P-01, control from 2026-01-02) whose ``controlled_paths`` is
    ``[folder/]``, as the README advises, where ``folder`` is a submodule (a gitlink and its
    .gitmodules) at ``target`` (the other repository and a commit), all in the import
    (2026-01-01, before control), with ``mkdocs_yml`` and vendored Mermaid when given. The
    submodule is checked out as CI checks it out (``git submodule update --init``)."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    if mkdocs_yml is not None:
        builder.write("mkdocs.yml", mkdocs_yml)
        vendor = builder.root / ".cache/vendor"
        vendor.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / ".cache/vendor/mermaid.min.js", vendor / "mermaid.min.js")
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.set_config(
        "trusted_forge_keys: []", f"trusted_forge_keys: []\n  controlled_paths: [{folder}/]"
    )
    url, commit = target
    (s.root / ".gitmodules").write_text(
        f'[submodule "{folder}"]\n\tpath = {folder}\n\turl = {url}\n', encoding="utf-8"
    )
    (s.root / folder).mkdir()
    s.git.run("add", "-A")
    s.git.run("update-index", "--add", "--cacheinfo", f"160000,{commit},{folder}")
    s.git.run("commit", "-q", "-m", "初始导入", date="2026-01-01T09:00:00+08:00")
    update_submodules(s)
    s.git.day = 9  # the next commit is dated 2026-01-10, under control
    return s


def update_submodules(s: Scenario) -> None:
    """What a CI job that checks out submodules runs after the checkout."""
    s.git.run("-c", "protocol.file.allow=always", "submodule", "update", "--init", "-q")


def bump(s: Scenario, folder: str, commit: str, who: str = "zhaolei") -> str:
    """A direct commit on main by ``who`` that points the submodule ``folder`` at ``commit``
    (the pointer alone: `git add tools` after a `git -C tools checkout`)."""
    s.git.run("update-index", "--cacheinfo", f"160000,{commit},{folder}")
    s.git.run("commit", "-q", "-m", f"更新 {folder}", who=who, date=s.git.next_date())
    return s.git.head()


def last_at_root(s: Scenario, rev: str, name: bytes) -> str:
    """The root tree of ``rev`` with its entry ``name`` moved to the end: the same entries,
    out of Git's order (``git fsck``: treeNotSorted) when another name sorts after it. Git's
    lookup of ``rev:name`` stops at the first entry that sorts after ``name``."""
    top = entries_of(s, git_out(s, "rev-parse", f"{rev}^{{tree}}").strip())
    moved = [e for e in top if e[2] == name]
    assert moved, name
    return raw_tree(s, [e for e in top if e[2] != name] + moved)


def squash_on_tree(s: Scenario, tree: str, approver: str = "chenmy") -> str:
    """``tree`` put on main as a forge's squash (one parent, `See merge request it/sms!12`),
    made by 赵磊, ``approver``'s approval and 王芳's review in the trailers."""
    message = SQUASH + f"Approved-by: {ident(approver)}\nReviewed-by: {ident('wangfang')}\n"
    sha = s.git.run(
        "commit-tree", tree, "-p", "main", "-m", message, who="zhaolei", date=s.git.next_date()
    )
    git_out(s, "update-ref", "refs/heads/main", sha)
    git_out(s, "reset", "-q", "--hard", "main")
    return sha


def branch_editing(s: Scenario, name: str, path: str, old: str, new: str) -> str:
    """赵磊's branch ``name``: ``old`` replaced by ``new`` in ``path``. Returns the tip."""
    s.git.branch(name, "main")
    file = s.root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    tip = s.git.commit(f"{name}: 修改 {path}", who="zhaolei")
    s.git.checkout("main")
    return tip
