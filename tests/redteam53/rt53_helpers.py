"""Round 53: forge-key retirement (approval.retired_forge_keys). Real repositories, notes
written by the real capture command and signed by real SSH keys, ``require_signed`` on so that
only a note's signed strength approves a GitHub merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forge_helpers import (
    capture,
    change,
    github_scenario,
    keypair,
    liu_signs,
    pull_request,
    record,
    review,
    reviewed_merge,
)
from forge_helpers import signed_merge as approver_signed

T1 = "2026-02-01T10:00:00Z"


def scenario(tmp_path: Path, *edits: str) -> tuple[Any, Path, str, Path, str]:
    """K1 the only trusted forge key, config approvers set, require_signed on; K2 made. Unless
    ``edits`` give someone a signing key, 刘静 signs with her own (``s.liu``): since session 25
    no note counts for a change that takes a forge key out of trust, so such a change is
    approved by her signed merge."""
    k1, k1_pub = keypair(tmp_path, "forge")
    k2, k2_pub = keypair(tmp_path, "forge2")
    liu: Path | None = None
    if not any("signing_keys" in edit for edit in edits):
        liu, liu_pub = keypair(tmp_path, "liu")
        edits = (*liu_signs(liu_pub), *edits)
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
        *edits,
    )
    s.liu = liu
    return s, k1, k1_pub, k2, k2_pub


def signed_merge(s: Any, number: int) -> str:
    """cr-N merged by 刘静 with her own signature (forge_helpers.signed_merge)."""
    return approver_signed(s, number, s.liu)


def merge_pr(s: Any, number: int, who: str = "liujing", date: str | None = None) -> str:
    """GitHub's merge commit of cr-N into main (no trailers, no signature)."""
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m",
        f"Merge pull request #{number} from team/cr-{number}\n\n变更 {number}", f"cr-{number}",
        who=who, date=date or s.git.next_date(),
    )  # fmt: skip
    return s.git.head()


def note(
    s: Any,
    tmp_path: Path,
    number: int,
    head: str,
    merged: str,
    key: Path | None,
    states: tuple[str, str] = ("APPROVED", "APPROVED"),
    tag: str = "",
) -> None:
    """The capture's note on ``merged`` for #number: 刘静 and 王芳's reviews of ``head`` with
    ``states``, signed with ``key`` (None: unsigned)."""
    items = [
        review(number * 10 + 1, "liu-jing", states[0], head, T1),
        review(number * 10 + 2, "wang-fang", states[1], head, T1),
    ]
    pull = pull_request(number, f"变更 {number}", head, merged, "zhao-lei", "liu-jing")
    folder = record(tmp_path / f"api{number}{tag}", pull, items)
    extra = ("--sign-key", str(key)) if key is not None else ()
    capture(s, folder, number, *extra)


def merged(s: Any, tmp_path: Path, number: int, head: str, key: Path | None) -> str:
    """#number merged by 刘静, approved on GitHub by 刘静 and 王芳, its note signed with key."""
    return reviewed_merge(s, tmp_path, number, head, key)


def keys_change(s: Any, number: int, old: str, new: str, subject: str) -> str:
    """Branch cr-N from main changing doccontrol.yml (``old`` -> ``new``); returns its head."""
    s.git.branch(f"cr-{number}")
    s.set_config(old, new)
    return s.git.commit(subject, who="zhaolei")


def doc_change(s: Any, number: int, version: str) -> str:
    return change(s, number, version=version)


def approved(s: Any) -> dict[str, bool]:
    return {e.commit: e.approved for e in s.history().events}


def one_step_rotation(s: Any, tmp_path: Path, k1: Path, k1_pub: str, k2_pub: str) -> str:
    """#8 replaces K1 by K2 and retires K1, with a note signed by K1 (the README allowed that
    when the round was written; since session 25 no note counts for it, and 刘静's signed
    merge approves it). Returns #8's merge."""
    head = keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
        "以 K2 替换平台签名密钥 K1",
    )  # fmt: skip
    sha = signed_merge(s, 8)
    note(s, tmp_path, 8, head, sha, k1)
    return sha
