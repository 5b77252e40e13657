"""Round 56: the rules and keys in force as ``rests_on_no_note`` (DC536.rules, DC536.key-change)
leaves them. Real repositories, notes written by the real capture and signed by real SSH keys
(round 53's and forge_helpers' helpers). Unlike rounds 53-55 the repository starts as an
adopter starts, with ``require_signed`` off: the README's set-up turns it on later."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from rt53_helpers import approved, keys_change, merged

from forge_helpers import change, github_scenario, keypair, liu_signs
from forge_helpers import signed_merge as approver_signed

PEOPLE_OLD = "emails: [he.wei@example.com]"
PEOPLE_NEW = "emails: [he.wei@example.com, wei.he@example.com]"


def unsigned_start(tmp_path: Path) -> tuple[Any, Path, str]:
    """K1 the trusted forge key, config approvers set, 刘静 signs with her own key (``s.liu``),
    ``require_signed`` still off (README set-up step 3: the key first, then turn it on)."""
    k1, k1_pub = keypair(tmp_path, "forge")
    liu, liu_pub = keypair(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        *liu_signs(liu_pub),
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
    )
    s.liu = liu
    return s, k1, k1_pub


def switch_on(s: Any, number: int) -> str:
    """Branch cr-N turning require_signed on; returns its head."""
    return keys_change(s, number, "require_signed: false", "require_signed: true", "启用签名批准")


def people_change(s: Any, number: int) -> str:
    """Branch cr-N giving 何伟 a second address (a people change, no key change)."""
    return keys_change(s, number, PEOPLE_OLD, PEOPLE_NEW, "何伟新增邮箱")


def on_github(s: Any, tmp_path: Path, number: int, head: str, key: Path | None) -> str:
    """cr-N merged by 刘静, approved by 刘静 and 王芳 on GitHub, the note signed with key."""
    return merged(s, tmp_path, number, head, key)


def liu_signed(s: Any, number: int) -> str:
    """cr-N merged by 刘静 with her own signature (an approval no note decides)."""
    sha = approver_signed(s, number, s.liu)
    s.git.checkout("main")
    return sha


def typed_merge(s: Any, number: int) -> str:
    """The attacker 赵磊 writes a document change and merges it himself, unsigned, typing
    刘静's approval and 王芳's review as trailers: evidence anyone with push access can write."""
    change(s, number, version=f"V1.{number}")
    sha = s.git.merge(
        f"cr-{number}",
        f"变更 {number}",
        who="zhaolei",
        approvers=("liujing",),
        reviewers=("wangfang",),
        platform="github",
        number=number,
    )
    s.git.checkout("main")
    return sha


def remove_note(s: Any, sha: str) -> None:
    """The attacker removes the note on ``sha`` (anyone who can push may write the notes ref)."""
    s.git.run("notes", "--ref=doccontrol", "remove", sha, who="zhaolei")


def event_of(s: Any, sha: str) -> Any:
    """The approval event of ``sha`` in the history."""
    return next(e for e in s.history().events if e.commit == sha)


def in_force_text(s: Any) -> str:
    """The doccontrol.yml in force at the tip, as history reads it (History.config_in_force)."""
    blob = s.history().config_in_force
    out = subprocess.run(
        ["git", "cat-file", "blob", blob], cwd=s.root, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


__all__ = ["approved"]
