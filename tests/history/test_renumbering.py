"""A document renumbered (its file's front matter takes another id) leaves the controlled set
under its old id by a withdrawal the trail shows, as a deletion would; a file that takes an
id another file gives up in the same commit (a swap) withdraws nothing."""

from __future__ import annotations

from builders import procedure
from history_helpers import body, make_scenario

B = "docs/procedures/b.md"


def _renumber(s, path: str, old: str, new: str, version: str = "V2.0") -> None:
    text = (s.root / path).read_text("utf-8")
    text = text.replace(f"id: {old}", f"id: {new}").replace("version: V1.0", f"version: {version}")
    (s.root / path).write_text(text, "utf-8")


def test_a_direct_renumbering_is_an_unapproved_withdrawal_of_the_old_id(tmp_path):
    s = make_scenario(tmp_path)
    _renumber(s, "docs/procedures/test.md", "SM-P-01", "SM-P-09")
    s.git.commit("改号", who="zhaolei")
    history = s.history()
    old = history.documents["SM-P-01"]
    assert old.withdrawn
    last = old.revisions[-1]
    assert (last.kind, last.approved) == ("unapproved", False)
    assert "DC501" in [p.code for p in last.problems]
    assert [r.kind for r in history.documents["SM-P-09"].revisions] == ["unapproved"]
    assert not history.documents["SM-P-09"].withdrawn


def test_an_approved_renumbering_withdraws_the_old_id_in_the_same_event(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr")
    _renumber(s, "docs/procedures/test.md", "SM-P-01", "SM-P-09")
    s.git.commit("改号", who="zhaolei")
    merge = s.git.merge("cr", "改号")
    history = s.history()
    (event,) = [e for e in history.events if e.commit == merge]
    assert sorted((d.id, d.kind) for d in event.documents) == [
        ("SM-P-01", "withdrawal"),
        ("SM-P-09", "approval"),
    ]
    assert history.documents["SM-P-01"].withdrawn


def test_a_swap_of_two_ids_withdraws_neither(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write(B, procedure(doc_id="SM-P-02", title="第二程序", body=body()))
    s.git.branch("cr-b")
    s.git.commit("新增 SM-P-02", who="zhaolei")
    s.git.merge("cr-b", "新增")
    s.git.branch("cr")
    _renumber(s, "docs/procedures/test.md", "SM-P-01", "SM-P-02")
    _renumber(s, B, "SM-P-02", "SM-P-01")
    s.git.commit("两个程序互换编号", who="zhaolei")
    s.git.merge("cr", "互换")
    history = s.history()
    assert not history.documents["SM-P-01"].withdrawn
    assert not history.documents["SM-P-02"].withdrawn
    assert history.documents["SM-P-01"].path == B


def test_a_renumbering_before_control_leaves_no_phantom(tmp_path):
    s = make_scenario(tmp_path)  # imported 2026-01-01; control from 2026-01-02
    _renumber(s, "docs/procedures/test.md", "SM-P-01", "SM-P-09", version="V1.0")
    s.git.commit("导入后改号", date="2026-01-01T18:00:00+08:00")
    history = s.history()
    assert history.documents["SM-P-01"].withdrawn
    assert history.documents["SM-P-09"].baseline is not None
