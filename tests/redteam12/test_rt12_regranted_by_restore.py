"""A disposition refused as DC521.own comes to count through an approval that only restores the
rules in force.

Attack (config_approvers: [general-manager, management-representative]: 陈明远 and 刘静):
1. 陈明远 pushes a direct change to the incident schema (DC516); 刘静 approves its revert.
2. 赵磊's change adding `{commit: <陈明远's push>, record: NC-2026-001}` is approved by 陈明远
   himself: DC521.own, `trail --strict` fails (correct so far).
3. 赵磊 deletes doccontrol.yml in a direct commit (DC516; the rules in force do not change).
4. 赵磊's branch puts back the doccontrol.yml in force, byte for byte; 刘静 approves it (a plain
   repair). Then 刘静 approves a disposition of 赵磊's deletion (NC-2026-002), legitimately.
On b9b0c8d: `trail --strict` exits 0 and 陈明远's own push shows "handled as nonconformity
NC-2026-001 (approved by 刘静 …, <the restore>)". `_granting` compares each approval's
doccontrol.yml with its first parent's (here: none), not with the rules in force before it, so
the restore "added" every entry in force. 刘静 never approved a change to the rules in force:
they were the same before and after her approval.

Safe: an entry counts from the approval that put it into the rules in force (compared with the
doccontrol.yml in force before that approval); here NC-2026-001 stays DC521.own and `--strict`
fails.
"""

from __future__ import annotations

from disposition_helpers import (
    TWO_CONFIG_APPROVERS,
    approved,
    direct_schema_change,
    dispose,
    record,
    revert,
    scenario,
    strict,
    trail,
)


def test_a_restored_config_does_not_grant_the_entries_it_held(tmp_path):
    s = scenario(tmp_path, *TWO_CONFIG_APPROVERS)
    push, text = direct_schema_change(s, who="chenmy")
    revert(s, text, approvers=("liujing",))
    dispose(s, push, approvers=("chenmy",), who="zhaolei")
    (verdict,) = trail(s)["dispositions"]
    assert verdict["refusal"]["key"] == "problem.DC521.own"

    rules = (s.root / "doccontrol.yml").read_text(encoding="utf-8")
    (s.root / "doccontrol.yml").unlink()
    deletion = s.git.commit("误删配置", who="zhaolei")
    approved(
        s,
        "restore",
        lambda: (s.root / "doccontrol.yml").write_text(rules, encoding="utf-8"),
        approvers=("liujing",),
    )

    def nc2():
        record(s, "NC-2026-002")
        t = (s.root / "doccontrol.yml").read_text(encoding="utf-8")
        t = t.replace(
            "  dispositions:\n",
            f"  dispositions:\n    - commit: {deletion}\n      record: NC-2026-002\n",
            1,
        )
        (s.root / "doccontrol.yml").write_text(t, encoding="utf-8")

    approved(s, "nc-2", nc2, approvers=("liujing",))
    verdicts = {d["record"]: d for d in trail(s)["dispositions"]}
    assert verdicts["NC-2026-002"]["counts"]  # the legitimate one
    own = verdicts["NC-2026-001"]
    assert not own["counts"], own
    assert strict(s).returncode != 0
