"""Round 21 helpers: the trail's events as JSON, the history engine's view, approve run as a
person (the real CLI, a whole process, in English)."""

from __future__ import annotations

import json
import subprocess

from gitrepo import PEOPLE
from history_helpers import cli


def run(cwd, *args):
    return cli(cwd, *args, env={"LC_ALL": "en_US.UTF-8"})


def identity(s, person):
    name, email = PEOPLE[person]
    s.git.run("config", "user.name", name)
    s.git.run("config", "user.email", email)


SELF = ("allow_self_approval: false", "allow_self_approval: true")
SITE = ("site_name: 服务管理体系文件发布平台", "site_name: 文件平台")


def events(s):
    out = run(s.root, "trail", "--format", "json")
    assert out.stdout, out.stderr
    return json.loads(out.stdout)["events"]


def keys(event):
    return [p["key"] for p in event["problems"]]


def history(s, use_cache=False):
    from doccontrol.history.derive import derive
    from doccontrol.load import repository

    repo = repository.load(s.root, only=set())
    return derive(s.root, repo.config, use_cache=use_cache)


def blob(s, sha):
    return subprocess.run(
        ["git", "cat-file", "blob", sha], cwd=s.root, capture_output=True, check=True
    ).stdout


def approve(s, branch, who="chenmy", reviewer="wangfang"):
    """``who`` runs doccontrol approve BRANCH on main; (result, whether main moved)."""
    identity(s, who)
    before = s.git.run("rev-parse", "main")
    result = run(s.root, "approve", branch, "--reviewer", reviewer)
    merged = s.git.run("rev-parse", "main") != before
    return result, merged


def forge_merge(s, branch, title="合并", approvers=("chenmy",)):
    """The forge merges an approved merge request (chenmy approves, wangfang reviews)."""
    return s.git.merge(branch, title, approvers=approvers, reviewers=("wangfang",))
