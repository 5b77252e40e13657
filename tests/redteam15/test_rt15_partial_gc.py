"""approve in a partial clone: git's merge runs in an empty Git directory of its own whose
object directory is the repository's. A blob the merge must fetch starts ``git fetch``,
whose auto-maintenance runs ``git gc --auto`` there: a gc with no refs, over the
repository's objects."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import time

from rt14_helpers import both_sides_changed
from rt15_helpers import cli_env, git

REAL_GIT = "/usr/bin/git"


def _shim(tmp_path):
    """A ``git`` first on PATH that logs each top-level command and, for git's merge, turns
    off gc's detaching (gc.autoDetach=false) so that what the background gc would do is done
    before the command returns (no race with the removal of the own Git directory)."""
    folder = tmp_path / "shim"
    folder.mkdir()
    log = tmp_path / "trace.txt"
    script = folder / "git"
    script.write_text(
        "#!/bin/sh\n"
        f"export GIT_TRACE={log}\n"
        'case " $* " in *" merge-tree "*) '
        f'exec {REAL_GIT} -c gc.autoDetach=false "$@";; esac\n'
        f'exec {REAL_GIT} "$@"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder, log


def _old_loose_objects(clone, count=30):
    """``count`` loose objects in objects/17 (gc --auto's sample directory), a month old, as a
    repository whose own auto-gc is off (gc.auto=0, maintenance.auto=false as ``git
    maintenance start`` and Scalar set) has them."""
    data, n = [], 0
    while len(data) < count:
        blob = f"old {n}\n".encode()
        n += 1
        if hashlib.sha1(b"blob %d\0" % len(blob) + blob).hexdigest().startswith("17"):
            data.append(blob)
    for blob in data:
        subprocess.run(
            ["git", "-C", str(clone), "hash-object", "-w", "--stdin"], input=blob, check=True,
            capture_output=True,
        )  # fmt: skip
    month = time.time() - 30 * 86400
    for path in (clone / ".git" / "objects").rglob("*"):
        if path.is_file() and len(path.parent.name) == 2:
            os.utime(path, (month, month))


def test_approve_in_a_partial_clone_never_prunes_the_repository(tmp_path):
    """FINDING. 陈明远 works in a blobless clone (``maintenance.auto=false``, as ``git
    maintenance start`` and Scalar leave it) holding an unpushed local commit ``wip`` from a
    month ago. ``doccontrol approve origin/b2``: git's merge needs a blob the clone lacks, the
    lazy fetch in merge_tree's own Git directory runs ``git maintenance run --auto`` →
    ``git gc --auto`` with GIT_OBJECT_DIRECTORY = the repository's objects and no refs, and
    its ``prune`` deletes every loose object older than two weeks: ``wip`` is gone. (By
    default gc detaches and races the removal of the own directory; the shim only makes the
    outcome deterministic.)"""
    s = both_sides_changed(tmp_path)
    lines = "".join(f"line {i}\n" for i in range(20))
    s.files.write("misc/notes.txt", lines)  # an uncontrolled file: only git's merge reads it
    s.git.commit("notes", who="zhaolei")
    s.git.branch("b2", "main")
    s.files.write("misc/notes.txt", lines.replace("line 15", "line 15 b"))
    s.git.commit("notes b", who="zhaolei")
    s.git.checkout("main")
    s.files.write("misc/notes.txt", lines.replace("line 3", "line 3 main"))
    s.git.commit("notes main", who="zhaolei")
    git(s, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "partial"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", "--no-local", f"file://{s.root}", str(clone)],
        check=True,
    )

    def g(*args):
        return subprocess.run(["git", "-C", str(clone), *args], capture_output=True, text=True)

    g("config", "maintenance.auto", "false")
    g("config", "gc.auto", "0")
    g("config", "user.name", "陈明远")
    g("config", "user.email", "chen.mingyuan@example.com")
    g("checkout", "-q", "-b", "wip")
    (clone / "wip.txt").write_text("unpushed local work\n")
    g("add", "wip.txt")
    g("commit", "-q", "-m", "wip")
    wip = g("rev-parse", "HEAD").stdout.strip()
    g("checkout", "-q", "main")
    _old_loose_objects(clone)
    folder, log = _shim(tmp_path)
    env = {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    done = cli_env(clone, env, "approve", "origin/b2", "--reviewer", "wangfang")
    assert "Traceback" not in done.stderr, done.stderr
    ran_gc = [
        line for line in log.read_text(errors="replace").splitlines() if "built-in: git gc" in line
    ]
    assert g("cat-file", "-e", f"{wip}^{{commit}}").returncode == 0, "the local commit was pruned"
    assert not ran_gc, ran_gc
