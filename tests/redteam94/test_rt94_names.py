"""Round 94: the approver writes her own change under a name every output shows as hers,
which ``config.name_key`` (NFKC, casefold, no white space, no Cf) does not fold to her listed
name: an invisible mark that is not a format character (a variation selector, Mn; the
combining grapheme joiner, Mn; a Hangul filler, Lo; a Braille blank, So), or her name with a
department after it. The writer is then "a stranger", and her approval is clean."""

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
# each renders as 刘静 (or "刘 静", which the README itself calls 刘静)
INVISIBLE = {
    "variation-selector": "刘\ufe00静",
    "ideographic-vs": "刘静\U000e0100",
    "cgj": "刘\u034f静",
    "hangul-filler": "刘静\u3164",
    "braille-blank": "刘\u2800静",
}
TITLED = "刘静（质量部）"


def _branch_by(s, author, committer="zhaolei", co_author=None):
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("刘静自己的修订"), effective_date=SOON)
    s.git.run("add", "-A")
    message = "修订" + (f"\n\nCo-authored-by: {co_author}" if co_author else "")
    s.git.run(
        "commit", "-q", "-m", message, "--author", author, who=committer, date=s.git.next_date()
    )
    s.git.checkout("main")


def _forge_merge(s):
    message = (
        "Merge branch 'a' into 'main'\n\n修订\n\nSee merge request it/sms!1\n\n"
        f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}"
    )
    return s.git.merge_message(message, "a", who="liujing")


def _flagged(event):
    return not event["approved"] or bool(event["problems"])


@pytest.mark.parametrize("name", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_her_name_with_an_invisible_mark_is_still_her(tmp_path, name):
    s = make_scenario(tmp_path)
    _branch_by(s, f"{name} <liujing@gmail.com>")
    _forge_merge(s)
    event = events(s)[-1]
    assert {a["name"] for a in event["approvers"]} == {"刘静"}
    assert name in {a["name"] for a in event["authors"]}  # shown: 刘静 wrote, 刘静 approved
    assert _flagged(event), json.dumps(event, ensure_ascii=False)


def test_approve_refuses_her_name_with_a_variation_selector(tmp_path):
    s = make_scenario(tmp_path)
    _branch_by(s, f"{INVISIBLE['variation-selector']} <liujing@gmail.com>")
    result, merged = approve(s, "a", "liujing")
    if merged:
        pack = tmp_path / "p.zip"
        made = run(s.root, "audit-pack", *PERIOD, "-o", str(pack))
        assert made.returncode == 0, made.stderr
        with zipfile.ZipFile(pack) as z:
            packed = json.loads(z.read("history/trail.json"))[-1]
        assert _flagged(packed), json.dumps(packed, ensure_ascii=False)
    assert not merged, result.stdout + result.stderr


def test_her_name_with_a_title_is_still_her(tmp_path):
    s = make_scenario(tmp_path)
    _branch_by(s, f"{TITLED} <liujing@gmail.com>")
    _forge_merge(s)
    event = events(s)[-1]
    assert TITLED in {a["name"] for a in event["authors"]}
    assert _flagged(event), json.dumps(event, ensure_ascii=False)


def test_committer_with_an_invisible_mark_stays_a_writer(tmp_path):
    """As round 93's amend, with a variation selector in the committer's name: identities.writers
    keeps an unlisted committer only when config.bears_a_listed_name, so she vanishes."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("赵磊的修订"), effective_date=SOON)
    s.git.commit("修订", who="zhaolei")
    s.files.doc(version="V1.1", body=body("刘静改写后的文本"), effective_date=SOON)
    s.git.run("add", "-A")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "赵磊",
        "GIT_AUTHOR_EMAIL": "zhao.lei@example.com",
        "GIT_COMMITTER_NAME": INVISIBLE["variation-selector"],
        "GIT_COMMITTER_EMAIL": "liujing@gmail.com",
        "GIT_COMMITTER_DATE": s.git.next_date(),
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(s.root.parent),
    }
    subprocess.run(["git", "commit", "-q", "--amend", "--no-edit"], cwd=s.root, env=env, check=True)
    s.git.checkout("main")
    _forge_merge(s)
    event = events(s)[-1]
    assert _flagged(event), json.dumps(event, ensure_ascii=False)


def test_held_co_author_under_her_name_is_dc503(tmp_path):
    """Held: 赵磊 writes, with `Co-authored-by: 刘静 <liujing@gmail.com>`: DC503 (named)."""
    s = make_scenario(tmp_path)
    _branch_by(s, ident("zhaolei"), co_author="刘 静 <liujing@gmail.com>")
    _forge_merge(s)
    event = events(s)[-1]
    assert _flagged(event)
    assert "DC503" in [p["code"] for p in event["problems"]]


def test_held_id_as_name_at_no_address_is_dc503(tmp_path):
    """Held: `LiuJing <>` (her id, case changed, no address): DC503."""
    s = make_scenario(tmp_path)
    _branch_by(s, "LiuJing <>")
    _forge_merge(s)
    assert "DC503" in [p["code"] for p in events(s)[-1]["problems"]]


def test_control_zhaolei_change_is_approved_clean(tmp_path):
    s = make_scenario(tmp_path)
    _branch_by(s, ident("zhaolei"))
    _forge_merge(s)
    event = events(s)[-1]
    assert event["approved"] and not event["problems"]
