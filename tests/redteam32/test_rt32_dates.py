"""Committer dates out of order on main's first-parent line. history dates each commit by
the running maximum of committer dates (`derive.on_line`): a backdated commit is dated as
its predecessor. What about a commit dated in the future?"""

from __future__ import annotations

from rt27_helpers import forge_merge, two_doc_scenario
from rt32_helpers import (
    DOC_B,
    TODAY,
    approve_ok,
    branch_with,
    register,
    run,
    trail_strict,
)

from builders import procedure


def test_a_commit_dated_in_the_future_does_not_keep_a_withdrawn_document_current(tmp_path):
    """赵磊 (push access) commits a note outside docs/ straight to main, with
    GIT_COMMITTER_DATE 2099-01-01. No rule covers that file. Then 刘静 approves the
    withdrawal of SM-P-02 today with `doccontrol approve`. Today SM-P-02 is withdrawn: the
    register and `show --as-of TODAY` must say so, or `trail --strict` must at least fail on
    the impossible date. Neither happens: the withdrawal is dated 2099-01-01 everywhere."""
    s = two_doc_scenario(tmp_path)
    (s.root / "notes.txt").write_text("x\n")
    s.git.commit("notes", who="zhaolei", date="2099-01-01T10:00:00+08:00")
    branch_with(s, "cr-withdraw", removed=[DOC_B])
    approve_ok(s, "cr-withdraw")
    row = register(s)["SM-P-02"]
    shown = run(s, "show", "SM-P-02", "--as-of", TODAY)
    code, trail = trail_strict(s)
    assert row["state"] == "withdrawn" and "in force" not in shown.stdout.splitlines()[0], (
        f"SM-P-02 was withdrawn today ({TODAY}) by an approved merge, yet the register says "
        f"{row['state']!r} and show says {shown.stdout.splitlines()[0]!r}"
    )
    assert code == 1, "a commit dated 2099 on main goes unreported:\n" + trail


def test_a_backdated_approval_is_not_in_force_before_it_reached_main(tmp_path):
    """Held: a forge merge of SM-P-01 V1.1 whose committer date (and effective_date) claim
    2026-02-01, pushed after an approval made today, is dated today by the line: `show` and
    the register as of 2026-06-01 still give V1.0."""
    s = two_doc_scenario(tmp_path)
    branch_with(
        s,
        "cr-a",
        files={
            DOC_B: procedure(
                doc_id="SM-P-02", title="第二程序", version="V1.1", effective_date=TODAY
            )
        },
    )
    approve_ok(s, "cr-a")
    v11 = procedure(version="V1.1", effective_date="2026-02-01").replace("目的的内容。", "新目的。")
    branch_with(s, "cr-b", files={"docs/procedures/test.md": v11})
    forge_merge(s, "cr-b", date="2026-02-01T10:00:00+08:00")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-06-01")
    assert shown.returncode == 0 and "version V1.0" in shown.stdout, shown.stdout[:400]
    assert "新目的" not in shown.stdout
    as_of = run(s, "register", "--as-of", "2026-06-01", "--format", "json")
    assert '"in_force_version": "V1.0"' in as_of.stdout.split('"SM-P-01"', 1)[1].split("}", 1)[0]
