"""Rounds 93–95: the approver's own change written under a form of her name, merged by a
forge with her approval."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile

from gitrepo import ident
from history_helpers import body
from rules_attacks import SOON, approve, run


def branch_by(s, author, committer="zhaolei", co_author=None):
    """Branch ``a``: V1.1 of SM-P-01 committed as ``author`` (a raw ``Name <address>``) by
    ``committer``, with a ``Co-authored-by`` trailer when ``co_author`` is given."""
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("刘静自己的修订"), effective_date=SOON)
    s.git.run("add", "-A")
    message = "修订" + (f"\n\nCo-authored-by: {co_author}" if co_author else "")
    s.git.run(
        "commit", "-q", "-m", message, "--author", author, who=committer, date=s.git.next_date()
    )
    s.git.checkout("main")


def forge_merge(s):
    """Branch ``a`` merged as a forge merges it, approved by 刘静 and reviewed by 王芳."""
    message = (
        "Merge branch 'a' into 'main'\n\n修订\n\nSee merge request it/sms!1\n\n"
        f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}"
    )
    return s.git.merge_message(message, "a", who="liujing")


def flagged(event):
    """Whether the event is anything but a clean approval."""
    return not event["approved"] or bool(event["problems"])


def assert_approve_refuses(s, tmp_path):
    """`doccontrol approve`, run by 刘静 herself on branch ``a``, must not merge it; if it
    does, the audit pack must not call it a clean approval either (both are asserted)."""
    result, merged = approve(s, "a", "liujing")
    if merged:
        pack = tmp_path / "p.zip"
        made = run(
            s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(pack)
        )
        assert made.returncode == 0, made.stderr
        with zipfile.ZipFile(pack) as z:
            packed = json.loads(z.read("history/trail.json"))[-1]
        assert flagged(packed), json.dumps(packed, ensure_ascii=False)
    assert not merged, result.stdout + result.stderr


def committed_by(s, committer, address, amend=True):
    """Branch ``a``: 赵磊's V1.1, rewritten (``amend``: his commit amended; else one commit of
    his authorship) by a committer typed as ``committer <address>``, then merged as
    ``forge_merge`` merges it. git keeps 赵磊 as the author."""
    s.git.branch("a")
    if amend:
        s.files.doc(version="V1.1", body=body("赵磊的修订"), effective_date=SOON)
        s.git.commit("修订", who="zhaolei")
    s.files.doc(version="V1.1", body=body("刘静改写后的文本"), effective_date=SOON)
    s.git.run("add", "-A")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "赵磊",  # --amend keeps the author; git still wants one
        "GIT_AUTHOR_EMAIL": "zhao.lei@example.com",
        "GIT_COMMITTER_NAME": committer,
        "GIT_COMMITTER_EMAIL": address,
        "GIT_COMMITTER_DATE": s.git.next_date(),
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(s.root.parent),
    }
    if not amend:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"]
    how = ["--amend", "--no-edit"] if amend else ["-m", "修订"]
    subprocess.run(["git", "commit", "-q", *how], cwd=s.root, env=env, check=True)
    assert s.git.run("log", "-1", "--format=%an|%cn <%ce>") == f"赵磊|{committer} <{address}>"
    s.git.checkout("main")
    forge_merge(s)
