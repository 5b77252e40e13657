"""Round 58: the signed switch's adoption (``_Deriver.pushed``, ``signed_whole``), the text a
version number names in ``diff`` (``content.with_version``), and what history reads from git
(``gitread._stream``). Real repositories, real SSH keys, approvals by the real CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rt53_helpers import keys_change
from rt56_helpers import liu_signed, switch_on, unsigned_start
from rt57_helpers import event_of

from forge_helpers import change, keypair


def evil_key_for_liu(s: Any, tmp_path: Path, number: int) -> tuple[Path, str]:
    """Branch cr-N (赵磊's) adding his own SSH key to 刘静's ``signing_keys``."""
    evil, evil_pub = keypair(tmp_path, "evil")
    liu_pub = (tmp_path / "liu.pub").read_text().strip()
    keys_change(
        s,
        number,
        f'signing_keys: ["{liu_pub}"]',
        f'signing_keys: ["{liu_pub}", "{evil_pub}"]',
        "整理人员",
    )
    return evil, evil_pub


def switched_by_liu(s: Any, number: int = 9) -> str:
    """The honest switch: cr-N made from main turns require_signed on, and 刘静 merges it
    with her own signature (``git merge -S``, trailers typed: README "or a merge its approver
    signs")."""
    s.git.checkout("main")
    switch_on(s, number)
    return liu_signed(s, number)


def evil_signed_merge(s: Any, evil: Path, number: int = 10) -> str:
    """赵磊 signs his own document merge with his key and types 刘静's approval."""
    change(s, number, version=f"V1.{number}")
    sha = s.git.merge(
        f"cr-{number}",
        f"变更 {number}",
        who="zhaolei",
        approvers=("liujing",),
        reviewers=("wangfang",),
        sign_key=evil,
        platform="github",
        number=number,
    )
    s.git.checkout("main")
    return sha


__all__ = ["event_of", "unsigned_start"]
