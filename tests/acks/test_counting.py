"""Which acknowledgements count, judged from real Git histories: only one the person wrote
(or signed), of the version in force, that nobody else changed afterwards."""

from __future__ import annotations

from ack_helpers import ack_scenario, approve_revision, day, write_ack

from ack_records import ack_path, ack_text


def owed(s, today: str = "2026-02-01"):
    from doccontrol import acks, registers
    from doccontrol.load import repository

    repo = repository.load(s.root)
    history = s.history()
    records = acks.ledger(history.acknowledgements, repo.config, history)
    stands = registers.standings(repo, history, day(today))
    documents = acks.status(repo.config, history, stands, day(today), records)
    problems = acks.problems(records)
    rows = {(o.person, o.version): o for d in documents for o in d.owed}
    return rows, sorted(p.code for p in problems), records


def test_own_acknowledgement_counts_and_the_other_person_is_overdue(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", date="2026-01-09T10:00:00+08:00")
    rows, problems, _ = owed(s)
    assert problems == []
    assert set(rows) == {("liujing", "V1.0"), ("wangfang", "V1.0")}
    assert rows["wangfang", "V1.0"].acknowledged == "2026-01-09"
    assert rows["wangfang", "V1.0"].overdue is False
    mine = rows["liujing", "V1.0"]
    assert (mine.since, mine.due, mine.acknowledged, mine.overdue) == (
        "2026-01-05",
        "2026-01-19",
        "",
        True,
    )
    early, _, _ = owed(s, "2026-01-10")
    assert early["liujing", "V1.0"].overdue is False  # not due yet


def test_a_record_committed_by_someone_else_is_forged(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", by="liujing")
    rows, problems, records = owed(s)
    assert problems == ["DC540"]
    assert rows["wangfang", "V1.0"].acknowledged == ""
    assert records[0].counted is False


def test_a_record_edited_by_someone_else_no_longer_counts(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang")
    assert owed(s)[0]["wangfang", "V1.0"].acknowledged
    s.files.write(ack_path("wangfang"), ack_text("wangfang") + "training: TRN-2026-001\n")
    s.git.commit("补充培训", who="liujing")
    rows, problems, _ = owed(s)
    assert problems == ["DC541"]
    assert rows["wangfang", "V1.0"].acknowledged == ""


def test_an_edit_by_the_person_themselves_is_fine(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang")
    s.files.write(ack_path("wangfang"), ack_text("wangfang") + "training: TRN-2026-001\n")
    s.git.commit("补充培训", who="wangfang")
    rows, problems, _ = owed(s)
    assert problems == []
    assert rows["wangfang", "V1.0"].acknowledged


def test_forged_record_brought_in_by_a_merge(tmp_path):
    s = ack_scenario(tmp_path)
    s.git.branch("acks")
    write_ack(s, "wangfang", by="zhaolei")
    s.git.merge("acks", "确认")
    rows, problems, _ = owed(s)
    assert problems == ["DC540"]
    assert rows["wangfang", "V1.0"].acknowledged == ""


def test_own_record_brought_in_by_a_merge_counts_unless_the_merger_rewrites_it(tmp_path):
    s = ack_scenario(tmp_path)
    s.git.branch("acks")
    write_ack(s, "wangfang")
    s.git.merge("acks", "确认")
    rows, problems, _ = owed(s)
    assert problems == []
    assert rows["wangfang", "V1.0"].acknowledged
    # the merger writing text of their own into someone's record during a merge
    s.git.branch("acks2")
    write_ack(s, "liujing")
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "-q", "acks2", who="liujing")
    s.files.write(ack_path("liujing"), ack_text("liujing") + "training: TRN-2026-009\n")
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", "合并", who="zhaolei", date=s.git.next_date())
    rows, problems, _ = owed(s)
    assert problems == ["DC540"]


def test_wrong_version_does_not_count(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", date="2026-01-09T10:00:00+08:00")
    approve_revision(s, "V1.1", "新的目的。", "2026-01-20")
    rows, problems, _ = owed(s, "2026-02-20")
    assert problems == []
    # the acknowledgement of V1.0 is history: V1.1 is owed afresh, from the day it took effect
    assert rows["wangfang", "V1.1"].acknowledged == ""
    assert rows["wangfang", "V1.1"].since == "2026-01-20"
    assert rows["wangfang", "V1.1"].overdue is True
    write_ack(s, "liujing", version="V1.7", date="2026-01-21T10:00:00+08:00")  # never existed
    rows, problems, _ = owed(s, "2026-02-20")
    assert problems == ["DC542"]
    assert rows["liujing", "V1.1"].acknowledged == ""


def test_editorial_and_front_matter_revisions_ask_nothing_new(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", date="2026-01-09T10:00:00+08:00")
    approve_revision(s, "V1.1", "措辞修正。", "2026-01-20", extra="Change-type: editorial")
    rows, _, _ = owed(s, "2026-02-20")
    assert rows["wangfang", "V1.1"].acknowledged == "2026-01-09"
    assert rows["liujing", "V1.1"].since == "2026-01-05"  # still owed from V1.0's day
    approve_revision(s, "V1.2", "措辞修正。", "2026-01-25")  # the same body: front matter only
    rows, _, _ = owed(s, "2026-02-20")
    assert rows["wangfang", "V1.2"].acknowledged == "2026-01-09"
    approve_revision(s, "V2.0", "实质修订。", "2026-02-01")
    rows, _, _ = owed(s, "2026-02-20")
    assert rows["wangfang", "V2.0"].acknowledged == ""
    assert rows["wangfang", "V2.0"].since == "2026-02-01"


def test_the_cached_history_extends_with_new_records(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang")
    first = s.history()  # written to the cache
    assert [a.person for a in first.acknowledgements] == ["wangfang"]
    write_ack(s, "wangfang", by="liujing", version="V1.1")
    again = s.history()  # extended from the cache with the new commit
    assert [(a.person, a.writers) for a in again.acknowledgements] == [
        ("wangfang", ("wangfang",)),
        ("wangfang", ("liujing",)),
    ]
    from doccontrol.history.derive import derive
    from doccontrol.load import repository

    fresh = derive(s.root, repository.load(s.root, only=set()).config, use_cache=False)
    assert fresh.acknowledgements == again.acknowledgements


def test_a_record_brought_back_by_an_octopus_merge_is_the_mergers(tmp_path):
    """Red team: zhaolei commits a record in 刘静's name on main (DC540), deletes it, then
    makes an octopus merge of main, an innocent unmerged commit of 刘静's and his own old
    commit, whose tree brings the record back. The merge brought in only 刘静's commit, but
    the text came from a side already on the main line: the merge's maker wrote it."""
    s = ack_scenario(tmp_path)
    g = s.git
    g.branch("liujing-wip")
    s.files.record("INC-2026-0001")
    innocent = g.commit("草拟事件记录", who="liujing")
    g.checkout("main")
    s.files.write(ack_path("liujing"), ack_text("liujing"))
    forged = g.commit("tmp", who="zhaolei")
    g.run("rm", "-q", ack_path("liujing"), who="zhaolei")
    g.commit("remove", who="zhaolei")
    g.run("checkout", "-q", forged, "--", ack_path("liujing"), who="zhaolei")
    g.run("add", "-A", who="zhaolei")
    tree = g.run("write-tree", who="zhaolei")
    merge = g.run(
        "commit-tree",
        tree,
        "-p",
        g.head(),
        "-p",
        innocent,
        "-p",
        forged,
        "-m",
        "Merge",
        who="zhaolei",
        date=g.next_date(),
    )
    g.run("update-ref", "refs/heads/main", merge, who="zhaolei")
    g.run("reset", "-q", "--hard", who="zhaolei")
    rows, problems, _ = owed(s)
    assert rows["liujing", "V1.0"].acknowledged == ""  # not counted
    assert "DC540" in problems
