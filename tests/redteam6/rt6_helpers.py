"""What every attack of round 6 does: the CLI as a whole process (in English), a person's Git
identity, liujing's own valid change on a branch, and her attempt to approve it herself."""

from __future__ import annotations

import datetime

from gitrepo import PEOPLE
from history_helpers import body, cli

# an effective date safely after "today" in any time zone the approval may be judged in
SOON = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
SELF = ("allow_self_approval: false", "allow_self_approval: true")


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
    identity(s, "liujing")
    before = s.git.run("rev-parse", "main")
    result = run(s.root, "approve", branch, "--reviewer", "wangfang")
    merged = s.git.run("rev-parse", "main") != before
    return result, merged
