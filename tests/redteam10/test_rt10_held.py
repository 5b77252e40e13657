"""What held (these pass on the pinned code): other merge shapes against DC516.merged,
DC516.adopts and the approval trail, on the forge and with `doccontrol approve`."""

from __future__ import annotations

import shutil

from history_helpers import body, make_scenario
from rules_attacks import (
    SELF,
    SOON,
    approve,
    blob,
    events,
    forge_merge,
    history,
    keys,
    last_event,
    run,
    strict_trail,
)

SCHEMA = "schemas/records/incident.schema.json"
TRUST = ("trusted_forge_keys: []", "trusted_forge_keys: []\n  trust_unsigned_squash: true")
TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def _schema(s, old, new, branch, who="zhaolei", start="main"):
    s.git.branch(branch, start)
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    assert old in text
    s.files.write(SCHEMA, text.replace(old, new))
    s.git.commit(branch, who=who)
    s.git.checkout("main")


TITLE = ('"title": "测试事件"', '"title": "测试事件（甲）"')
KEEP = ('"retention_years": 3', '"retention_years": 5')


def test_document_hand_edited_in_the_merge_makes_the_merger_an_author(tmp_path):
    """The document analogue of test_rt10_evil_merge: refused (DC503)."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("改"), effective_date=SOON)
    s.git.commit("改", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "a", who="liujing")
    s.files.doc(version="V1.1", body=body("批准人自己加的"), effective_date=SOON)
    s.git.run("add", "-A")
    s.git.run(
        "commit",
        "-q",
        "-m",
        "Merge branch 'a'\n\n改\n\nApproved-by: 刘静 <liu.jing@example.com>\n"
        "Reviewed-by: 王芳 <wang.fang@example.com>",
        who="liujing",
        date=s.git.next_date(),
    )
    assert [r[2] for r in s.summary()] == [False]


def test_empty_merge_changing_config_is_its_makers_change(tmp_path):
    """A merge whose second parent is already on main brings nothing in: what it changes
    (allow_self_approval flipped), its maker wrote; 陈明远 cannot approve it himself."""
    s = make_scenario(tmp_path)
    old = s.git.head()
    s.files.write("notes.txt", "x\n")
    s.git.commit("杂项", who="zhaolei")
    s.set_config(*SELF)
    s.git.run("add", "-A")
    tree = s.git.run("write-tree")
    made = s.git.run(
        "commit-tree",
        tree,
        "-p",
        "HEAD",
        "-p",
        old,
        "-m",
        "Merge\n\n改\n\n" + TRAILERS,
        who="chenmy",
    )
    s.git.run("reset", "-q", "--hard", made)
    assert last_event(s)["accepted"] == []
    assert b"allow_self_approval: false" in blob(s, history(s).config_in_force)


def test_forge_squash_of_a_reviewed_schema_change_behind_main(tmp_path):
    """No false positive: the forge's squash (trusted) of a reviewed change made on an older
    main holds both approved changes and takes effect; untrusted, it is DC516.squash."""
    s = make_scenario(tmp_path, *TRUST)
    _schema(s, *TITLE, "a")
    _schema(s, *KEEP, "b")
    forge_merge(s, "a")
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.files.write(SCHEMA, text.replace(*KEEP))
    s.git.commit(f"乙 (!7)\n\nSee merge request it/sms!7\n\n{TRAILERS}", who="zhaolei")
    last = last_event(s)
    assert last["kind"] == "squash" and SCHEMA in last["accepted"], last
    assert strict_trail(s) == 0
    untrusted = make_scenario(tmp_path / "u")
    text = (untrusted.root / SCHEMA).read_text(encoding="utf-8")
    untrusted.files.write(SCHEMA, text.replace(*KEEP))
    untrusted.git.commit(f"乙 (!7)\n\nSee merge request it/sms!7\n\n{TRAILERS}", who="zhaolei")
    assert "problem.DC516.squash" in keys(last_event(untrusted))


def test_octopus_of_two_reviewed_branches(tmp_path):
    """No false positive: an octopus of two reviewed changes to one schema takes effect."""
    s = make_scenario(tmp_path)
    _schema(s, *TITLE, "a")
    _schema(s, *KEEP, "b")
    s.git.merge_message("Merge branches 'a' and 'b'\n\n甲乙\n\n" + TRAILERS, "a", "b")
    last = last_event(s)
    assert SCHEMA in last["accepted"], last["problems"]


def test_octopus_smuggling_the_approvers_own_branch(tmp_path):
    """An octopus of a reviewed branch and one the approver wrote himself: every side's
    authors count, so 陈明远's approval of his own change to doccontrol.yml is refused."""
    s = make_scenario(tmp_path)
    _schema(s, *TITLE, "a")
    s.git.branch("mine")
    s.set_config(*SELF)
    s.git.commit("自己改规则", who="chenmy")
    s.git.checkout("main")
    s.git.merge_message("Merge branches 'a' and 'mine'\n\n甲\n\n" + TRAILERS, "a", "mine")
    last = last_event(s)
    assert "doccontrol.yml" not in last["accepted"], last
    assert b"allow_self_approval: false" in blob(s, history(s).config_in_force)


def test_merge_strategy_ours_takes_nothing_in(tmp_path):
    """`git merge -s ours` of an unreviewed schema change: main's tree stays, no change is
    approved, and a later reviewed merge does not revive the discarded version."""
    s = make_scenario(tmp_path)
    _schema(s, '"retention_years": 3', '"retention_years": 0', "bad", who="liujing")
    s.git.merge_message("Merge branch 'bad'\n\n丢弃\n\n" + TRAILERS, "bad", flags=("-s", "ours"))
    assert '"retention_years": 3' in (s.root / SCHEMA).read_text(encoding="utf-8")
    _schema(s, *TITLE, "a")
    forge_merge(s, "a")
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    assert '"retention_years": 3' in text and "（甲）" in text
    assert SCHEMA in last_event(s)["accepted"]
    assert strict_trail(s) == 0


def test_reviewed_revert_of_an_approved_schema_change(tmp_path):
    """A reviewed branch reverting main's approved change: approve merges it, the trail
    accepts it, the old version is in force again."""
    s = make_scenario(tmp_path)
    before = s.git.run("rev-parse", f"HEAD:{SCHEMA}")
    _schema(s, *KEEP, "b")
    forge_merge(s, "b")
    s.git.branch("undo")
    s.git.run("revert", "--no-edit", "HEAD", "-m", "1", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "undo")
    assert merged, result.stdout + result.stderr
    assert SCHEMA in last_event(s)["accepted"]
    assert history(s).in_force_files[SCHEMA] == before


def test_criss_cross_of_reviewed_branches(tmp_path):
    """Two reviewed branches that merged each other (two merge bases): the forge's merge and
    approve agree and both take effect."""
    s = make_scenario(tmp_path)
    _schema(s, *TITLE, "a")
    _schema(s, *KEEP, "b")
    a1, b1 = s.git.run("rev-parse", "a"), s.git.run("rev-parse", "b")
    s.git.checkout("a")
    s.git.run("merge", "-q", "--no-edit", b1, who="zhaolei")
    s.git.checkout("b")
    s.git.run("merge", "-q", "--no-edit", a1, who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "a")
    assert SCHEMA in last_event(s)["accepted"]
    s.files.write("notes.txt", "x\n")  # main moves on (not controlled)
    s.git.commit("杂项", who="zhaolei")
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    assert strict_trail(s) == 0


def test_branch_that_merged_the_approvers_own_branch(tmp_path):
    """A reviewed branch that merged a branch the approver wrote: approve refuses him and the
    forge's merge does not take effect (they agree)."""
    s = make_scenario(tmp_path)
    _schema(s, *TITLE, "mine", who="chenmy")
    _schema(s, *KEEP, "a")
    s.git.checkout("a")
    s.git.run("merge", "-q", "--no-edit", "mine", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "a")
    assert not merged and "陈明远" in result.stdout, result.stdout
    forge_merge(s, "a")
    last = last_event(s)
    assert SCHEMA not in last["accepted"] and "problem.DC503.approver" in keys(last), last


def test_foxtrot_is_reported_by_a_cached_clone(tmp_path):
    """The documented limit: a foxtrot merge (main merged as the second parent, main
    fast-forwarded) is reported (DC518) where the cache read the history before."""
    s = make_scenario(tmp_path)
    _schema(s, *TITLE, "a")
    forge_merge(s, "a")
    base = s.git.run("rev-parse", "HEAD~1")
    assert run(s.root, "trail").returncode == 0
    s.git.branch("fox", base)
    s.files.write("notes.txt", "x\n")
    s.git.commit("杂项", who="zhaolei")
    s.git.run("merge", "--no-ff", "-q", "-m", "Merge main\n\n" + TRAILERS, "main", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--ff-only", "-q", "fox")
    out = run(s.root, "trail")
    assert "DC518" in out.stdout + out.stderr, out.stdout


def test_cached_and_fresh_agree_across_merge_shapes(tmp_path):
    """Squash, octopus, hand-edited and three-parent merges: the cached trail (extended commit
    by commit) equals a fresh one."""
    s = make_scenario(tmp_path, *TRUST)
    _schema(s, *TITLE, "a")
    _schema(s, *KEEP, "b")
    s.git.merge_message("Merge branches 'a' and 'b'\n\n甲乙\n\n" + TRAILERS, "a", "b")
    run(s.root, "trail")
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.files.write(SCHEMA, text.replace('"retention_years": 5', '"retention_years": 7'))
    s.git.commit(f"丙 (!9)\n\nSee merge request it/sms!9\n\n{TRAILERS}", who="zhaolei")
    run(s.root, "trail")
    _schema(s, '"retention_years": 7', '"retention_years": 8', "c")
    s.git.run("merge", "--no-ff", "--no-commit", "c", who="chenmy")
    s.set_config(*SELF)
    s.git.run("add", "-A")
    s.git.run(
        "commit", "-q", "-m", "Merge c\n\n丁\n\n" + TRAILERS, who="chenmy", date=s.git.next_date()
    )
    cached = run(s.root, "trail", "--format", "json").stdout
    shutil.rmtree(s.root / ".git" / "doccontrol")
    fresh = run(s.root, "trail", "--format", "json").stdout
    assert cached == fresh
    assert len(events(s)) == 3
