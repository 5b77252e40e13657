"""Round 93: forgery with odd Git shapes and identities. Every attack here is held."""

from __future__ import annotations

import json
import zipfile

from gitrepo import ident
from history_helpers import body, make_scenario
from rules_attacks import SOON, events, run

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")


def _canon(value):
    if isinstance(value, list):
        return sorted(json.dumps(v, sort_keys=True, ensure_ascii=False) for v in value)
    return value


def _octopus(s, message):
    s.git.run(
        "merge", "--no-ff", "-q", "-m", message, "a", "b", who="liujing", date=s.git.next_date()
    )


def _trailers(approver="liujing", reviewer="wangfang", key="Approved-by"):
    return f"{key}: {ident(approver)}\nReviewed-by: {ident(reviewer)}"


def test_held_octopus_self_approval_on_the_third_parent(tmp_path):
    """刘静 hides her own commit on the third parent of an octopus merge (the second parent
    is 赵磊's harmless commit) and approves the merge: DC503, not approved."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    (s.root / "notes.txt").write_text("x\n")
    s.git.commit("无关", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("b")
    s.files.doc(version="V1.1", body=body("刘静自己的修订"), effective_date=SOON)
    s.git.commit("修订", who="liujing")
    s.git.checkout("main")
    _octopus(s, "Merge branches a, b\n\n合并\n\n" + _trailers())
    event = events(s)[-1]
    assert not event["approved"]
    assert "DC503" in [p["code"] for p in event["problems"]]


def test_held_octopus_authors_agree_in_trail_and_pack(tmp_path):
    """A clean octopus approval (赵磊 edits SM-P-01 on one side, 孙悦 an unrelated file on
    the other, 刘静 approves): trail JSON and the audit pack's trail name the same authors,
    approver and evidence."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("赵磊的修订"), effective_date=SOON)
    s.git.commit("修订A", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("b")
    (s.root / "notes.txt").write_text("x\n")
    s.git.commit("无关", who="sunyue")
    s.git.checkout("main")
    _octopus(s, "Merge branches a, b\n\n合并\n\n" + _trailers())
    event = events(s)[-1]
    assert event["approved"] and event["evidence"] == "unsigned"
    pack = tmp_path / "p.zip"
    made = run(s.root, "audit-pack", *PERIOD, "-o", str(pack))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(pack) as z:
        packed = json.loads(z.read("history/trail.json"))
    mine = [e for e in packed if e["commit"] == event["commit"]]
    assert len(mine) == 1
    for field in ("authors", "approvers", "reviewers", "evidence", "approved"):
        assert _canon(mine[0][field]) == _canon(event[field]), field


def test_held_role_granted_in_the_same_merge_does_not_count(tmp_path):
    """赵磊 gives himself the approver role (management-representative) in doccontrol.yml on
    the same branch as 孙悦's edit of SM-P-01, and the merge names him as approver: judged by
    the rules before the merge, he holds no approver role (DC502), and the rules change is
    itself not approved."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("孙悦的修订"), effective_date=SOON)
    s.git.commit("修订", who="sunyue")
    s.set_config(
        "roles: [service-manager, process-owner,",
        "roles: [management-representative, service-manager, process-owner,",
    )
    s.git.commit("角色", who="sunyue")
    s.git.checkout("main")
    s.git.merge_message("Merge branch 'a'\n\n合并\n\n" + _trailers("zhaolei"), "a", who="zhaolei")
    event = events(s)[-1]
    assert not event["approved"]
    assert "DC502" in [p["code"] for p in event["problems"]]


def test_held_look_alike_trailer_key_approves_nothing(tmp_path):
    """An approval trailer whose key has a Cyrillic А (`Аpproved-by`) beside a real
    `Reviewed-by`: git reads no trailer block at all (the key is not ASCII), so the merge
    names no approver and does not count; nothing shows 刘静 as approver."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("赵磊的修订"), effective_date=SOON)
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    message = "Merge branch 'a'\n\n合并\n\n" + _trailers(key="\u0410pproved-by")
    s.git.merge_message(message, "a", who="zhaolei")
    event = events(s)[-1]
    assert not event["approved"]
    assert all(a["email"] != "liu.jing@example.com" for a in event["approvers"])
