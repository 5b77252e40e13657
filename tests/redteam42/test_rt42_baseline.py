"""The baseline declaration: an approval that sets control_since to the commit it merges into
is derived as the approval of every document as the baseline left it. Once control has begun,
such a move is DC517 and "is not applied" (README, *control_since*): can it still vouch for
every document?"""

from __future__ import annotations

import json

from rt42_helpers import run

from builders import procedure
from history_helpers import body, make_scenario

DOC = "docs/procedures/test.md"


def _redeclare(s, date=None):
    """liujing commits control_since = main's tip on a branch (what `doccontrol baseline`
    writes; the CLI refuses once control_since is set, so she writes it by hand); 陈明远 (the
    configuration's approver) merges it, 王芳 reviewed."""
    tip = s.git.head()
    s.git.branch("baseline-again")
    s.set_config("control_since: 2026-01-02", f"control_since: '{tip}'")
    s.git.commit("声明基线", who="liujing")
    return s.git.merge(
        "baseline-again",
        "纳入文件控制的基线",
        approvers=("chenmy",),
        reviewers=("wangfang",),
        date=date,
    )


def _register(s, day):
    out = run(s, "register", "--as-of", day, "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    return {r["id"]: r for r in json.loads(out.stdout)}


def test_a_refused_redeclaration_leaves_a_direct_change_pending(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write(DOC, procedure(body=body("直接提交的目的：未经批准。")))
    s.git.commit("直接修改", who="zhaolei")
    assert _register(s, "2026-06-01")["SM-P-01"]["pending"] == 1
    _redeclare(s)
    trail = run(s, "trail", "--format", "json")
    assert "DC517" in trail.stdout  # the move is refused
    # the direct change is still on main, still not in force: still pending
    assert _register(s, "2026-06-01")["SM-P-01"]["pending"] == 1


def test_a_refused_redeclaration_is_no_review_of_every_document(tmp_path):
    """Nobody reviewed SM-P-01 since it took effect (2026-01-05): by 2027-02-01 its review is
    overdue. A declaration refused as DC517 in December must not count as its approval."""
    s = make_scenario(tmp_path)
    s.files.write("notes.txt", "under control from 2026-01-02\n")
    s.git.commit("说明", who="zhaolei")  # a commit under control (an uncontrolled file)
    _redeclare(s, date="2026-12-01T10:00:00+08:00")
    assert "DC517" in run(s, "trail", "--format", "json").stdout
    row = _register(s, "2027-02-01")["SM-P-01"]
    assert row["last_approval"] == "", row
    assert row["overdue"] is True, row
