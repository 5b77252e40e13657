"""Criss-cross histories: git's ort merges over a virtual base, the trail over each merge base.

Set-up (every step an approved forge merge unless said): a stylesheet in `overrides/`
(`approval.controlled_paths`). Branch `x` changes line 2, branch `y` line 10; both are merged into
main. 赵磊's branch `b` starts at `y`, merges `x` itself, then changes line 10 again. Main then
approves `e`, changing line 2 again. `git merge-base --all main b` = x, y.

1. False positive (`test_a_clean_crisscross_merge_is_accepted_*`): git (forge or
   `doccontrol approve b`) merges cleanly over the virtual base merge(x, y): main changed line 2,
   b line 10. Over x alone or y alone both sides changed one line, so each `git merge-file` the
   trail runs conflicts, and the merge is DC516.merged. `approve` merged it anyway (exit 0):
   approve and the trail disagree. Safe: accepted by both (the trail agrees with git's merge).

2. Hole (`test_a_hand_merge_over_one_base_cannot_resurrect_a_revoked_setting`): `x` sets
   `allow_self_approval: true` (approved); later an approved change `off` sets it back to
   false. `b` (which merged x) changes site_name. 陈明远 merges b by hand with the result of
   `git merge-file` over base y (which predates x): allow_self_approval is true again. Git's
   merge (virtual base) keeps it false. The trail accepts this result because it is a clean
   merge over *one* of the merge bases; `allow_self_approval: true` is back in force and
   `--strict` exits 0. Safe: only git's own merge (the virtual base's) vouches: DC516.merged.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from rt13_helpers import (
    CSS,
    LINES,
    approve,
    approved,
    blob,
    branch_commit,
    css,
    css_scenario,
    hand_merge,
    history,
    merge_keys,
    strict,
    with_line,
    write,
)

from rules_attacks import forge_merge


def _crisscross(s):
    x = with_line(LINES, 2, ".c2 { color: red; }")
    branch_commit(s, "x", "main", CSS, css(x))
    y = with_line(LINES, 10, ".c10 { color: blue; }")
    branch_commit(s, "y", "main", CSS, css(y))
    forge_merge(s, "x", title="x")
    forge_merge(s, "y", title="y")
    s.git.checkout("y")
    s.git.branch("b", "y")
    s.git.run("merge", "--no-ff", "-q", "-m", "Merge x into b", "x", who="zhaolei",
              date=s.git.next_date())  # fmt: skip
    b = with_line(with_line(LINES, 2, ".c2 { color: red; }"), 10, ".c10 { color: navy; }")
    s.files.write(CSS, css(b))
    s.git.commit("b: 第 10 行", who="zhaolei")
    s.git.checkout("main")
    e = with_line(with_line(LINES, 2, ".c2 { color: maroon; }"), 10, ".c10 { color: blue; }")
    approved(s, "e", write(s, CSS, css(e)))
    bases = s.git.run("merge-base", "--all", "main", "b").split()
    assert len(bases) == 2
    assert strict(s).returncode == 0  # the set-up itself is clean
    return e, b


def test_a_clean_crisscross_merge_is_accepted_forge(tmp_path):
    s = css_scenario(tmp_path)
    _crisscross(s)
    forge_merge(s, "b", title="b")
    data = (s.root / CSS).read_text()
    assert ".c2 { color: maroon; }" in data and ".c10 { color: navy; }" in data  # git: clean
    assert "problem.DC516.merged" not in merge_keys(s), "git's own clean merge refused"


def test_a_clean_crisscross_merge_is_accepted_approve(tmp_path):
    s = css_scenario(tmp_path)
    _crisscross(s)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    # approve made the merge; the trail must agree with it
    assert "problem.DC516.merged" not in merge_keys(s), "approve merged, trail says DC516.merged"


def _merge_file(s, ours: bytes, base: bytes, theirs: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as d:
        names = []
        for n, data in (("o", ours), ("b", base), ("t", theirs)):
            (Path(d) / n).write_bytes(data)
            names.append(str(Path(d) / n))
        done = subprocess.run(["git", "merge-file", "-p", *names], capture_output=True)
    assert done.returncode == 0
    return done.stdout


def test_a_hand_merge_over_one_base_cannot_resurrect_a_revoked_setting(tmp_path):
    s = css_scenario(tmp_path)
    on = ("allow_self_approval: false", "allow_self_approval: true")
    s.git.branch("x")
    s.set_config(*on)
    s.git.commit("x: 临时允许自我批准", who="zhaolei")
    s.git.branch("y", "main")
    s.files.write(CSS, css(with_line(LINES, 10, ".c10 { color: blue; }")))
    s.git.commit("y: 样式", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "x", title="x")
    forge_merge(s, "y", title="y")
    s.git.checkout("y")
    s.git.branch("b", "y")
    s.git.run("merge", "--no-ff", "-q", "-m", "Merge x into b", "x", who="zhaolei",
              date=s.git.next_date())  # fmt: skip
    s.set_config("site_name: 服务管理体系文件发布平台", "site_name: 文件平台")
    s.git.commit("b: 站点名称", who="zhaolei")
    s.git.checkout("main")
    approved(s, "off", lambda: s.set_config(on[1], on[0]))
    cfg = "doccontrol.yml"
    assert b"allow_self_approval: false" in blob(s, history(s).in_force_files[cfg])
    x, y = (s.git.run("rev-parse", r) for r in ("x", "y"))
    assert set(s.git.run("merge-base", "--all", "main", "b").split()) == {x, y}
    assert strict(s).returncode == 0  # the set-up itself is clean

    def read(rev):
        return subprocess.run(
            ["git", "show", f"{rev}:{cfg}"], cwd=s.root, capture_output=True, check=True
        ).stdout

    evil = _merge_file(s, read("main"), read(y), read("b"))  # over base y only
    assert b"allow_self_approval: true" in evil and "文件平台".encode() in evil
    hand_merge(s, "b", cfg, evil)
    in_force = blob(s, history(s).in_force_files[cfg])
    assert b"allow_self_approval: false" in in_force, "revoked setting back in force"
    assert "problem.DC516.merged" in merge_keys(s)
    assert strict(s).returncode != 0
