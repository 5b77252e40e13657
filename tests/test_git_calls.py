"""Every git subprocess of doccontrol goes through history.gitread (run_git / GitReader), which
switches refs/replace/* off (GIT_NO_REPLACE_OBJECTS): a pushed replace ref must never change
what a command reads (red-team round 2, hole 13). And the history's walk reads git in streams,
never a process per commit: the count of git processes it starts does not grow with history."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from builders import PROJECT
from doccontrol.history.derive import derive
from doccontrol.load import repository
from forge_helpers import keypair
from history_helpers import body, make_scenario

# a subprocess call whose argument list starts with "git"
_DIRECT = re.compile(r"subprocess\.\w+\(\s*\[\s*[\"']git[\"']")


def test_no_module_runs_git_except_through_gitread():
    package = PROJECT / "tools/doccontrol"
    found = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.name != "gitread.py" and _DIRECT.search(path.read_text(encoding="utf-8"))
    ]
    assert found == [], found
    gitread = (package / "history/gitread.py").read_text(encoding="utf-8")
    assert '"GIT_NO_REPLACE_OBJECTS": "1"' in gitread


def _counting_git(folder: Path) -> Path:
    """A ``git`` first on PATH that notes each run in a log, then runs the real git: every git
    process doccontrol starts is counted (git's own helpers are not: they run by its path)."""
    real = shutil.which("git")
    assert real is not None
    log = folder / "git-runs.log"
    script = folder / "bin" / "git"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\necho "$1 $2 $3" >> "{log}"\nexec "{real}" "$@"\n')
    script.chmod(0o755)
    return log


def _signed_change(s, n: int, key: Path) -> None:
    """Branch cr-``n`` off main with the document's version V1.``n``, signed by ``key``."""
    branch = f"cr-{n}"
    s.git.branch(branch)
    s.files.doc(version=f"V1.{n}", body=body(branch))
    s.git.run("add", "-A")
    signing = ("-c", "gpg.format=ssh", "-c", f"user.signingkey={key}")
    s.git.run(*signing, "commit", "-q", "-S", "-m", branch, who="zhaolei", date=s.git.next_date())


def test_the_walk_starts_no_git_process_per_merge_when_signing_keys_exist(tmp_path, monkeypatch):
    """Who signed the commits a merge brings in comes with the ancestry stream (one git
    process for the whole walk) where anyone has a signing key: never a ``git log`` per merge.
    A walk over four merges starts as many git processes as one over a single merge."""
    zhao, zhao_pub = keypair(tmp_path, "zhao")
    s = make_scenario(
        tmp_path,
        "department: operations, roles: [service-manager,",
        f'signing_keys: ["{zhao_pub}"], department: operations, roles: [service-manager,',
    )
    log = _counting_git(tmp_path)
    monkeypatch.setenv("PATH", f"{log.parent / 'bin'}{os.pathsep}{os.environ['PATH']}")
    config = repository.load(s.root).config

    def runs() -> tuple[int, list[str]]:
        log.write_text("")
        history = derive(s.root, config, use_cache=False)
        return len(log.read_text().splitlines()), [
            r.version for r in history.documents["SM-P-01"].revisions
        ]

    _signed_change(s, 1, zhao)
    s.git.merge("cr-1", "批准 cr-1", approvers=("liujing",), reviewers=("wangfang",))
    one, versions = runs()
    assert versions == ["V1.1"]
    for n in range(2, 5):
        _signed_change(s, n, zhao)
        s.git.merge(f"cr-{n}", f"批准 cr-{n}", approvers=("liujing",), reviewers=("wangfang",))
    four, versions = runs()
    assert versions == ["V1.1", "V1.2", "V1.3", "V1.4"]
    assert four == one, log.read_text()
