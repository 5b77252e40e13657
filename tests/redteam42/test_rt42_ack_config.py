"""Acknowledgements are owed by the rules in force: a direct commit to doccontrol.yml (DC516,
never applied) must not make an overdue acknowledgement disappear from `ack-due` or the audit
pack, nor make a forged one count."""

from __future__ import annotations

from rt42_helpers import ack_scenario, owed, pack, strict_trail

from ack_records import ack_path, ack_text

INTERNAL = ("--max-confidentiality", "internal")


def test_a_direct_commit_setting_acknowledgement_since_hides_nothing_from_ack_due(tmp_path):
    s = ack_scenario(tmp_path)
    code, rows, _ = owed(s, "2026-02-01", "--fail-on", "overdue")
    assert rows["liujing"]["overdue"] is True and code == 1  # the honest state
    # 赵磊 pushes straight to main: versions in force before 2099 are owed by nobody
    s.set_config(
        "exempt: [front-matter, editorial]",
        "exempt: [front-matter, editorial]\n  since: 2099-01-01",
    )
    s.git.commit("调整阅知确认设置", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    trail = strict_trail(s)
    assert trail.returncode == 1 and "DC516" in trail.stdout  # the trail sees a direct change
    code, rows, _ = owed(s, "2026-02-01", "--fail-on", "overdue")
    # the change never took effect: 刘静 still owes V1.0, overdue
    assert "liujing" in rows and rows["liujing"]["overdue"] is True
    assert code == 1


def test_a_direct_commit_moving_a_person_out_of_the_distribution_hides_nothing(tmp_path):
    s = ack_scenario(tmp_path)
    s.set_config(
        "department: qa, roles: [management-representative",
        "department: finance, roles: [management-representative",
    )
    s.git.commit("调整部门", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    code, rows, _ = owed(s, "2026-02-01", "--fail-on", "overdue")
    assert "liujing" in rows and rows["liujing"]["overdue"] is True
    assert code == 1


def test_the_audit_pack_lists_what_is_outstanding_by_the_rules_in_force(tmp_path):
    s = ack_scenario(tmp_path)
    s.set_config(
        "exempt: [front-matter, editorial]",
        "exempt: [front-matter, editorial]\n  since: 2099-01-01",
    )
    s.git.commit("调整阅知确认设置", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    # the pending change lowers the pack's default level to public: SM-P-01 is internal
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-02-01", *INTERNAL)
    outstanding = files.get("acknowledgements/outstanding.csv", "")
    assert "SM-P-01" in outstanding and "liujing" in outstanding, sorted(files)


def test_a_direct_commit_turning_acknowledgements_off_keeps_the_forgery_in_the_packs_trail(
    tmp_path,
):
    s = ack_scenario(tmp_path)
    s.files.write(ack_path("liujing"), ack_text("liujing"))
    s.git.commit("阅知确认 V1.0", who="zhaolei", date="2026-01-20T10:00:00+08:00")
    text = (s.root / "doccontrol.yml").read_text()
    start = text.index("\nacknowledgement:")
    end = text.index("\npublish:")
    (s.root / "doccontrol.yml").write_text(text[:start] + "\n" + text[end:])
    s.git.commit("关闭阅知确认", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    trail = strict_trail(s)
    assert "DC540" in trail.stdout  # the trail judges by the rules in force
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-02-01", *INTERNAL)
    assert [n for n, v in files.items() if "DC540" in v], sorted(files)
