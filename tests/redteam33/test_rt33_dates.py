"""Commit dates after the session-21 fix (`derive._Deriver.on_line`, DC524.future/.ahead):
clocks before control began, a future date on a merged branch, a forge a few minutes behind."""

from __future__ import annotations

import datetime
import json

import pytest
from rt33_helpers import (
    DOC_B,
    TODAY,
    approve_ok,
    branch_with,
    forge_merge,
    register,
    run,
    scenario,
    trail_codes,
    trail_strict,
)

DECIDED = pytest.mark.xfail(
    strict=True,
    reason="decided (session 21): with control_since as a day, control begins at the first "
    "commit on the line dated that day or later by the line's dates, which nobody can move back "
    "(a backdated commit cannot put itself before control). A commit whose clock was ahead puts "
    "the start of control there: more is judged, not less, and DC524 says why. An adopter with "
    "such a clock in its history names the last pre-control commit in control_since instead",
)


def _bad_clock(date):
    """Commits made before the import (so before control began): the second by a machine
    whose clock said ``date``."""

    def before(s):
        s.git.commit("旧仓库", who="wangfang", date="2025-06-01T10:00:00+08:00")
        (s.root / "old.txt").write_text("x\n")
        s.git.commit("旧仓库：时钟错误", who="wangfang", date=date)

    return before


@DECIDED
def test_a_bad_clock_before_control_began_does_not_block_the_trail(tmp_path):
    """An organisation adopts a repository whose old history has one commit from a machine
    whose clock said 2099. Nothing under control is wrong. DC524.ahead is not reported before
    control began ("history's own business"), but DC524.future is: `trail --strict` fails until
    2099, no disposition can clear it (a history notice), and no cache is ever written."""
    s = scenario(tmp_path, before=_bad_clock("2099-01-01T10:00:00+08:00"))
    branch_with(s, "cr-w", removed=[DOC_B])
    s.git.merge("cr-w", "撤回 SM-P-02")
    code, out = trail_strict(s)
    assert code == 0, "a wrong clock before control began fails the trail for good:\n" + out[-900:]


@DECIDED
def test_a_clock_ahead_before_control_began_does_not_move_later_approvals(tmp_path):
    """The same, with the wrong clock's date (2026-09-01) now passed. The import (2026-01-01)
    and the approved withdrawal of SM-P-02 (2026-01-03) follow it on the line. The line carries
    2026-09-01 forward: the withdrawal is dated 2026-09-01, so `register --as-of 2026-03-01`
    still has SM-P-02 in force, and `trail --strict` fails on DC524.ahead for good. A clock
    before control began moved every approval after it by eight months."""
    s = scenario(tmp_path, before=_bad_clock("2026-09-01T10:00:00+08:00"))
    branch_with(s, "cr-w", removed=[DOC_B])
    s.git.merge("cr-w", "撤回 SM-P-02", date="2026-01-03T10:00:00+08:00")
    out = run(s, "register", "--as-of", "2026-03-01", "--format", "json")
    row = next(r for r in json.loads(out.stdout) if r["id"] == "SM-P-02")
    code, trail = trail_strict(s)
    assert row["state"] == "withdrawn" and code == 0, (
        f"SM-P-02 was withdrawn on 2026-01-03; as of 2026-03-01 the register says {row['state']!r}"
        f" (in force {row['in_force_version']!r}); trail --strict exit {code}:\n" + trail[-700:]
    )


def test_a_future_date_on_a_merged_branch_dates_nothing(tmp_path):
    """Held: 赵磊's branch commit that deletes b.md claims 2099 (author and committer). Only the
    main line dates approvals: 刘静's merge today withdraws SM-P-02 today, no DC524."""
    s = scenario(tmp_path)
    s.git.branch("cr-w")
    (s.root / DOC_B).unlink()
    s.git.commit("撤回", who="zhaolei", date="2099-01-01T10:00:00+08:00")
    s.git.checkout("main")
    approve_ok(s, "cr-w")
    assert register(s)["SM-P-02"]["state"] == "withdrawn"
    assert "DC524" not in trail_codes(s)
    code, out = trail_strict(s)
    assert code == 0, out[-700:]


def test_a_forge_merge_a_few_minutes_behind_approve_is_no_problem(tmp_path):
    """Held: 刘静 approves a withdrawal with `doccontrol approve` (her clock: now); a forge
    whose clock is 20 minutes behind merges SM-P-01 V1.1 right after. No DC524; both count."""
    s = scenario(tmp_path)
    branch_with(s, "cr-w", removed=[DOC_B])
    approve_ok(s, "cr-w")
    from builders import procedure

    v11 = procedure(version="V1.1", effective_date=TODAY).replace("目的的内容。", "新目的。")
    branch_with(s, "cr-v11", files={"docs/procedures/test.md": v11})
    behind = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=20)
    forge_merge(s, "cr-v11", date=behind.isoformat(timespec="seconds"))
    assert "DC524" not in trail_codes(s)
    code, out = trail_strict(s)
    assert code == 0, out[-700:]
    assert register(s)["SM-P-01"]["in_force_version"] == "V1.1"
