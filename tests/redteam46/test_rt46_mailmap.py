"""Round 46: the approved .mailmap as doccontrol reads it and as git (and its reviewer) reads it."""

from __future__ import annotations

import subprocess

from builders import RepoBuilder
from history_helpers import Scenario, body, cli
from rules_attacks import self_approve

# One physical line for git (it splits .mailmap on LF only): its first two addresses map
# "Liu Jing <liu.jing@…>" to itself and the rest of the line is ignored, as
# `git check-mailmap` confirms. Python's str.splitlines() also breaks at CR, VT, FF, FS, GS,
# RS, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, so doccontrol reads a second rule that
# maps 刘静's commits written as "Liu Jing" to 孙悦's address.
SNEAKY = (
    "Liu Jing <liu.jing@example.com> Liu Jing <liu.jing@example.com> "
    "\u2028<sun.yue@example.com> Liu Jing <liu.jing@example.com>\n"
)


def _scenario(tmp_path) -> Scenario:
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(".mailmap", SNEAKY)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def test_a_line_break_only_python_sees_gives_the_mailmap_a_rule_git_never_applies(tmp_path):
    s = _scenario(tmp_path)
    checked = subprocess.run(
        ["git", "check-mailmap", "Liu Jing <liu.jing@example.com>"],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert checked.stdout.strip() == "Liu Jing <liu.jing@example.com>"  # git: no mapping
    # 刘静 writes her own change, as "Liu Jing", and approves it herself
    s.git.branch("cr-9")
    s.files.doc(version="V1.1", body=body("作者自己的修订"))
    s.git.run("add", "-A")
    s.git.run(
        "commit",
        "-q",
        "-m",
        "修订",
        "--author",
        "Liu Jing <liu.jing@example.com>",
        who="liujing",
        date=s.git.next_date(),
    )
    s.git.checkout("main")
    # `approve` knows her by the raw address too and refuses (held); the forge merges instead
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    s.git.merge("cr-9", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    (rev,) = s.history().documents["SM-P-01"].revisions
    codes = [p.code for p in rev.problems]
    assert "DC503" in codes and not rev.approved, (rev.authors, codes)
    assert cli(s.root, "trail", "--strict").returncode == 1


def test_held_a_mailmap_rule_in_the_change_itself_does_not_hide_its_author(tmp_path):
    """Held: 刘静's branch adds a .mailmap rule that makes her commits 孙悦's, beside her
    document change; 陈明远 (config approver) and 刘静 approve it. The change is judged by the
    .mailmap in force before it: DC503 on the document."""
    from history_helpers import make_scenario

    s = make_scenario(tmp_path)
    s.git.branch("cr-9")
    s.files.write(".mailmap", "孙悦 <sun.yue@example.com> <liu.jing@example.com>\n")
    s.files.doc(version="V1.1", body=body("刘静自己的修订"))
    s.git.commit("修订", who="liujing")
    s.git.merge("cr-9", "批准", approvers=("liujing", "chenmy"), reviewers=("wangfang",))
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert not rev.approved and "DC503" in [p.code for p in rev.problems]
