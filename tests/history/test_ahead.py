"""The history derived in a child process (history/ahead.py): it fills the cache the caller
then reads, fails quietly, and runs this code, not a module the repository holds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from doccontrol.history import ahead
from doccontrol.history.derive import derive
from doccontrol.load import repository
from history_helpers import body


def cache_file(s):
    return s.root / ".git/doccontrol/history.json"


def approved_change(s):
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("cr-1"))
    s.git.commit("cr-1", who="zhaolei")
    s.git.merge(
        "cr-1",
        "修订 cr-1",
        approvers=("liujing",),
        reviewers=("wangfang",),
        date="2026-02-01T10:00:00+08:00",
    )


def test_the_child_fills_the_cache_that_the_caller_then_reads(scenario):
    approved_change(scenario)
    child = ahead.start(scenario.root, allow_shallow=False)
    ahead.finish(child)
    assert child is not None and child.returncode == 0
    head = scenario.git.run("rev-parse", "main")
    assert json.loads(cache_file(scenario).read_text())["head"] == head
    written = cache_file(scenario).stat()
    config = repository.read_config(scenario.root)
    warm = derive(scenario.root, config)
    # read back, not derived and written again (a write replaces the file)
    again = cache_file(scenario).stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    full = derive(scenario.root, config, use_cache=False)
    assert [e.to_json() for e in warm.events] == [e.to_json() for e in full.events]
    assert warm.documents["SM-P-01"].to_json() == full.documents["SM-P-01"].to_json()


def test_a_child_that_cannot_derive_ends_quietly_and_writes_nothing(scenario, capfd):
    scenario.files.write("doccontrol.yml", "main_branch: [unclosed\n")
    child = ahead.start(scenario.root, allow_shallow=False)
    ahead.finish(child)
    assert child is not None and child.returncode == 1
    assert not cache_file(scenario).exists()
    assert capfd.readouterr() == ("", "")


def test_the_child_runs_this_code_not_a_doccontrol_the_repository_holds(scenario):
    approved_change(scenario)
    marker = scenario.root.parent / "planted-ran"
    planted = f"open({str(marker)!r}, 'w').close()\n"
    for rel in ("doccontrol/__init__.py", "doccontrol/history/__init__.py"):
        scenario.files.write(rel, planted)
    scenario.files.write("doccontrol/history/ahead.py", planted)
    child = ahead.start(scenario.root, allow_shallow=False)
    ahead.finish(child)
    assert not marker.exists()
    assert child is not None and child.returncode == 0
    assert cache_file(scenario).exists()


def test_stop_ends_a_child_still_deriving(scenario):
    approved_change(scenario)
    child = ahead.start(scenario.root, allow_shallow=False)
    ahead.stop(child)
    assert child is not None and child.returncode is not None
    ahead.stop(None)  # nothing started: nothing to do
    ahead.finish(None)


def test_a_module_planted_beside_the_package_takes_no_standard_modules_place(scenario, tmp_path):
    """The folder the package was imported from (a checkout's tools/, which commits reach)
    goes last on the child's path: a hashlib.py planted there is never imported (round 111)."""
    approved_change(scenario)
    beside = tmp_path / "tools"
    shutil.copytree(
        Path(ahead.__file__).parents[1], beside / "doccontrol",
        ignore=shutil.ignore_patterns("__pycache__"),
    )  # fmt: skip
    marker = tmp_path / "planted-ran"
    (beside / "hashlib.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    script = (
        # after the standard library, before the installed packages: imported from there
        "import sys; i = next(i for i, p in enumerate(sys.path) if 'site-packages' in p); "
        "sys.path.insert(i, sys.argv[1]); from doccontrol.history import ahead; "
        "from pathlib import Path; c = ahead.start(Path(sys.argv[2]), allow_shallow=False); "
        "ahead.finish(c); print(c.returncode, ahead.__file__)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-P", "-c", script, str(beside), str(scenario.root)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert not marker.exists()
    code, imported = done.stdout.split()
    assert (code, imported) == ("0", str(beside / "doccontrol/history/ahead.py"))
    assert cache_file(scenario).exists()


def test_no_child_when_the_cache_already_holds_the_history(scenario):
    approved_change(scenario)
    config = repository.read_config(scenario.root)
    derive(scenario.root, config)
    assert ahead.start(scenario.root, allow_shallow=False) is None  # it would only read it
    scenario.files.doc(version="V1.2", body=body("直接"))
    scenario.git.commit("直接", who="zhouqiang")
    child = ahead.start(scenario.root, allow_shallow=False)  # a new commit: derive again
    ahead.finish(child)
    assert child is not None and child.returncode == 0
