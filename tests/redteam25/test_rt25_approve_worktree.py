"""Session 19: `approve` runs `check` on `git worktree add --detach` of a throwaway commit of the
merge tree. `git worktree add` is a checkout like any other: it honours the approver's
sparse-checkout (copied to the new worktree) and runs the approver's post-checkout hook, in
the new worktree, where the files are the branch's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rt24_helpers import SOON, approve, check, head, trail_strict, two_doc_scenario

from builders import procedure

REG = "docs/registers/approvals.md"  # DC027: where the site generates the 审批记录


def _registers_branch(s):
    """赵磊's cr-r adds a new procedure SM-P-09 at docs/registers/approvals.md (DC027)."""
    s.git.branch("cr-r", "main")
    s.files.write(REG, procedure(doc_id="SM-P-09", title="审批记录", effective_date=SOON))
    s.git.commit("cr-r: 新程序", who="zhaolei")
    s.git.checkout("main")


def test_premise_approve_refuses_a_page_where_the_trail_is_generated(tmp_path):
    """In a full clone `approve` refuses cr-r (check: DC027)."""
    s = two_doc_scenario(tmp_path)
    _registers_branch(s)
    result, merged = approve(s, "cr-r", "liujing", "wangfang")
    assert not merged and "DC027" in result.stdout, result.stdout + result.stderr


def test_approve_checks_the_whole_merge_in_a_sparse_clone(tmp_path):
    """刘静 works in a sparse clone (`git sparse-checkout set docs/procedures schemas records`:
    her own folder and what `check` needs). `git worktree add` copies the sparse patterns, so the worktree `approve` checks
    lacks docs/registers/. Safe: `approve` still refuses cr-r (DC027), or `check` on the merged
    main is clean."""
    s = two_doc_scenario(tmp_path)
    _registers_branch(s)
    s.git.run("sparse-checkout", "set", "docs/procedures", "schemas", "records")
    result, merged = approve(s, "cr-r", "liujing", "wangfang")
    s.git.run("sparse-checkout", "disable")
    if merged:
        code, out = check(s)
        trail = trail_strict(s)[0]
        assert code == 0, (
            "approve (sparse clone) merged what check refuses on main:\n"
            + result.stdout
            + out[-800:]
            + f"\ntrail --strict rc={trail}\n"
            + head(s)
        )


PRECOMMIT_MAIN = "repos: []\n"
PRECOMMIT_EVIL = """\
repos:
  - repo: local
    hooks:
      - id: setup
        name: setup
        entry: sh -c '{script}'
        language: system
        always_run: true
        pass_filenames: false
        stages: [post-checkout]
"""


def _precommit_scenario(tmp_path):
    from builders import RepoBuilder
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        "docs/procedures/b.md",
        procedure(doc_id="SM-P-02", title="第二程序").replace("的内容。", "的内容（乙）。"),
    )
    builder.write(".pre-commit-config.yaml", PRECOMMIT_MAIN)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


HIDE = 'echo ran in "$PWD" > {marker}; git update-index --skip-worktree {reg}; rm -f {reg}'


def _hook_branch(tmp_path, script):
    """赵磊's cr-h adds DC027's page and a post-checkout hook (``script``) to
    .pre-commit-config.yaml; the approver's clone has pre-commit installed for post-checkout
    too (`pre-commit install -t pre-commit -t post-checkout`, a usual set-up)."""
    s = _precommit_scenario(tmp_path)
    s.git.branch("cr-h", "main")
    s.files.write(REG, procedure(doc_id="SM-P-09", title="审批记录", effective_date=SOON))
    s.files.write(".pre-commit-config.yaml", PRECOMMIT_EVIL.format(script=script))
    s.git.commit("cr-h: 新程序", who="zhaolei")
    s.git.checkout("main")
    precommit = Path(sys.executable).parent / "pre-commit"
    subprocess.run(
        [str(precommit), "install", "-t", "pre-commit", "-t", "post-checkout"],
        cwd=s.root,
        check=True,
        capture_output=True,
    )
    return s


def test_approve_runs_no_code_of_the_branch_it_judges(tmp_path):
    """`git worktree add` runs the approver's post-checkout hook in the new worktree, where
    pre-commit reads the *branch's* configuration: cr-h's hook writes a marker, then hides the
    offending page from the worktree (skip-worktree, removed) so `check` passes. 刘静 approves
    with 陈明远 as co-approver (the configuration's role). Safe: no code of the branch runs
    while `approve` judges it (no marker), and `approve` merges nothing `check` then refuses
    on main."""
    marker = tmp_path / "pwned"
    s = _hook_branch(tmp_path, HIDE.format(marker=marker, reg=REG))
    result, merged = approve(s, "cr-h", "liujing", "wangfang", "--co-approver", "chenmy")
    ran = marker.read_text() if marker.exists() else ""
    code, out = check(s)
    assert not ran, (
        f"the branch's hook ran during approve: {ran}\n"
        + result.stdout
        + result.stderr
        + f"\nmerged={merged}; check on main rc={code}: {out[-500:]}"
    )
    assert not merged or code == 0, result.stdout + out


def test_a_failed_worktree_checkout_leaves_no_worktree_registered(tmp_path):
    """cr-h's post-checkout hook fails (`exit 1`): `git worktree add` exits 1 after making the
    worktree, and `approve` stops with git-failed. Safe: no worktree of the throwaway merge
    stays registered in the approver's clone (`git worktree list`)."""
    s = _hook_branch(tmp_path, "exit 1")
    result, merged = approve(s, "cr-h", "liujing", "wangfang", "--co-approver", "chenmy")
    assert not merged
    listed = s.git.run("worktree", "list", "--porcelain")
    assert listed.count("worktree ") == 1, listed + "\n" + result.stdout + result.stderr
