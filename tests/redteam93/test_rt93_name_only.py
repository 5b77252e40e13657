"""Round 93: the approver writes the change under her own name with an address doccontrol.yml
does not list (a personal mailbox, a Cyrillic look-alike, no address at all). People are told
apart by address only, so the change's writer is "a stranger called 刘静" and 刘静's approval of
her own text counts, clean, while every output shows 刘静 as both 更改人 and 批准人."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile

import pytest

from gitrepo import ident
from history_helpers import body, make_scenario
from rules_attacks import SOON, approve, events, run

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")
ADDRESSES = {
    "personal": "刘静 <liujing@gmail.com>",
    "cyrillic-i": "刘静 <liu.j\u0456ng@example.com>",
    "empty": "刘静 <>",
}


def _branch_by(s, author, committer="zhaolei"):
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("刘静自己的修订"), effective_date=SOON)
    s.git.run("add", "-A")
    s.git.run(
        "commit", "-q", "-m", "修订", "--author", author, who=committer, date=s.git.next_date()
    )
    s.git.checkout("main")


def _forge_merge(s):
    message = (
        "Merge branch 'a' into 'main'\n\n修订\n\nSee merge request it/sms!1\n\n"
        f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}"
    )
    return s.git.merge_message(message, "a", who="liujing")


def _flagged(event):
    """Whether the event is anything but a clean approval."""
    return not event["approved"] or bool(event["problems"])


@pytest.mark.parametrize("author", list(ADDRESSES.values()), ids=list(ADDRESSES))
def test_her_own_change_under_her_name_is_not_a_clean_approval(tmp_path, author):
    s = make_scenario(tmp_path)
    _branch_by(s, author)
    _forge_merge(s)
    event = events(s)[-1]
    names = {a["name"] for a in event["authors"]} & {a["name"] for a in event["approvers"]}
    assert names == {"刘静"}  # the trail itself shows her as writer and approver
    assert _flagged(event), json.dumps(event, ensure_ascii=False)


def test_approve_refuses_her_own_change_under_a_personal_address(tmp_path):
    """`doccontrol approve`, run by 刘静 herself, merges it, and the pack calls it approved."""
    s = make_scenario(tmp_path)
    _branch_by(s, ADDRESSES["personal"])
    result, merged = approve(s, "a", "liujing")
    if merged:
        pack = tmp_path / "p.zip"
        made = run(s.root, "audit-pack", *PERIOD, "-o", str(pack))
        assert made.returncode == 0, made.stderr
        with zipfile.ZipFile(pack) as z:
            packed = json.loads(z.read("history/trail.json"))[-1]
        assert _flagged(packed), json.dumps(packed, ensure_ascii=False)
    assert not merged, result.stdout + result.stderr


def test_an_amend_under_a_personal_address_keeps_her_a_writer(tmp_path):
    """赵磊 writes V1.1; 刘静 rewrites it with `git commit --amend` from a machine set up with
    her personal address (git keeps 赵磊 as author, she is the committer). Round 46 made a
    known committer a writer; an unknown one is dropped, so 刘静 appears nowhere among the
    writers and her approval is clean."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("赵磊的修订"), effective_date=SOON)
    s.git.commit("修订", who="zhaolei")
    s.files.doc(version="V1.1", body=body("刘静改写后的文本"), effective_date=SOON)
    s.git.run("add", "-A")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "赵磊",  # --amend keeps the author; git still wants one
        "GIT_AUTHOR_EMAIL": "zhao.lei@example.com",
        "GIT_COMMITTER_NAME": "刘静",
        "GIT_COMMITTER_EMAIL": "liujing@gmail.com",
        "GIT_COMMITTER_DATE": s.git.next_date(),
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(s.root.parent),
    }
    subprocess.run(["git", "commit", "-q", "--amend", "--no-edit"], cwd=s.root, env=env, check=True)
    assert s.git.run("log", "-1", "--format=%an|%cn <%ce>") == "赵磊|刘静 <liujing@gmail.com>"
    s.git.checkout("main")
    _forge_merge(s)
    event = events(s)[-1]
    assert _flagged(event), json.dumps(event, ensure_ascii=False)


def test_control_her_listed_address_is_dc503(tmp_path):
    s = make_scenario(tmp_path)
    _branch_by(s, ident("liujing"))
    _forge_merge(s)
    event = events(s)[-1]
    assert not event["approved"]
    assert [p["code"] for p in event["problems"]] == ["DC503"]


def test_control_another_persons_change_is_approved_clean(tmp_path):
    s = make_scenario(tmp_path)
    _branch_by(s, ident("zhaolei"))
    _forge_merge(s)
    event = events(s)[-1]
    assert event["approved"] and not event["problems"]
