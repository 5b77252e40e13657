"""Round 59: ``_Deriver.signing_forced`` (DC536.forced), how it ends and who reads it. Real
repositories, real SSH keys, approvals by the real CLI (round 56-58 helpers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rt56_helpers import in_force_text, people_change, typed_merge
from rt57_helpers import approve_signed, event_of
from rt58_helpers import evil_key_for_liu, switched_by_liu

from history_helpers import cli


def forced(tmp_path: Path) -> tuple[Any, str, str]:
    """round 58's own set-up of DC536.forced: 赵磊 pushes a people change to doccontrol.yml
    straight to main (DC516), then 刘静's honest signed switch (``git merge -S``) starts from
    it: refused as DC516.adopts, and signing is forced on the rules in force. Returns the
    scenario, the push and the switch."""
    from rt56_helpers import unsigned_start

    s, k1, _ = unsigned_start(tmp_path)
    s.k1 = k1  # the trusted forge key
    people_change(s, 7)
    s.git.checkout("main")
    s.git.run("merge", "--ff-only", "-q", "cr-7", who="zhaolei")
    pushed = s.git.head()
    switch = switched_by_liu(s, 9)
    return s, pushed, switch


def revert_branch(s: Any, number: int, text: str, who: str = "sunyue") -> str:
    """Branch cr-N from main whose doccontrol.yml is ``text``; returns its head."""
    s.git.checkout("main")
    s.git.branch(f"cr-{number}")
    (s.root / "doccontrol.yml").write_text(text, encoding="utf-8")
    head = s.git.commit("撤销未经批准的修改", who=who)
    s.git.checkout("main")
    return head


def approve_unsigned(s: Any, branch: str) -> Any:
    """刘静 runs ``doccontrol approve BRANCH --reviewer wangfang`` without --sign."""
    from rt57_helpers import git_config

    from gitrepo import PEOPLE

    name, email = PEOPLE["liujing"]
    git_config(s.root, ("user.name", name), ("user.email", email))
    s.git.checkout("main")
    date = s.git.next_date()
    env = {"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}
    return cli(s.root, "approve", branch, "--reviewer", "wangfang", env=env)


__all__ = [
    "approve_signed",
    "event_of",
    "evil_key_for_liu",
    "in_force_text",
    "typed_merge",
]


def forced_by_note_removal(tmp_path: Path) -> tuple[Any, str, str]:
    """DC536.forced with no hand-signed merge and no push to main: #7 (a people change) is
    approved on GitHub (its note signed by K1), 刘静 turns require_signed on by ``approve
    --sign`` (in force), then 赵磊 removes #7's note: #9 now adopts a change nobody approved
    (round 56's scenario). Returns the scenario, #7 and #9."""
    from rt56_helpers import on_github, remove_note, switch_on, unsigned_start

    s, k1, _ = unsigned_start(tmp_path)
    s.k1 = k1
    m7 = on_github(s, tmp_path, 7, people_change(s, 7), k1)
    s.git.checkout("main")
    switch_on(s, 9)
    result, m9 = approve_signed(s, "cr-9")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not s.history().signing_forced and "require_signed: true" in in_force_text(s)
    remove_note(s, m7)
    return s, m7, m9
