"""What the round 71 tests share (on top of the earlier rounds' helpers)."""

from __future__ import annotations

import shutil

from rt42_helpers import owed, run

from ack_records import ack_path, ack_text
from builders import PROJECT, procedure
from history_helpers import body, make_scenario

__all__ = ["DOC", "ack_by", "approve", "body", "owed", "procedure", "run", "scenario"]

DOC = "docs/procedures/test.md"


def scenario(tmp_path):
    """SM-P-01 V1.0 on the pre-control baseline (2026-01-01, in force from 2026-01-05),
    distributed to qa (刘静, 王芳); the acknowledgement schema is in place."""
    s = make_scenario(tmp_path)
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        s.root / "schemas/records/acknowledgement.schema.json",
    )
    s.git.commit("阅知确认记录模式", who="wangfang", date="2026-01-01T12:00:00+08:00")
    return s


def approve(s, branch: str, text: str | None, day: str, n: int = 1) -> str:
    """赵磊's branch writes SM-P-01 (``text``; None deletes it); 刘静 approves and 王芳
    reviews in a merge on ``day`` (10:00 +08:00)."""
    s.git.branch(branch)
    if text is None:
        (s.root / DOC).unlink()
    else:
        s.files.write(DOC, text)
    s.git.commit(f"{branch} 修改", who="zhaolei", date=f"{day}T09:00:00+08:00")
    return s.git.merge(branch, f"{branch} 批准", date=f"{day}T10:00:00+08:00", number=n)


def ack_by(s, person: str, version: str, day: str) -> None:
    """``person`` commits their own acknowledgement of ``version`` on main on ``day``."""
    s.files.write(ack_path(person, version), ack_text(person, version))
    s.git.commit(f"阅知确认 {version}", who=person, date=f"{day}T11:00:00+08:00")


def withdrawn_and_restored(tmp_path, purpose: str, acknowledged: bool = False):
    """V1.1 (目的: 第一版的目的) in force from 2026-02-01 (王芳 acknowledging it on 2026-02-05
    when ``acknowledged``), withdrawn by an approved merge on 2026-03-01 and brought back at
    V1.1 with 目的 ``purpose`` by another on 2026-04-01."""
    s = scenario(tmp_path)
    approve(
        s,
        "v11",
        procedure(version="V1.1", effective_date="2026-02-01", body=body("第一版的目的。")),
        "2026-02-01",
        n=1,
    )
    if acknowledged:
        ack_by(s, "wangfang", "V1.1", "2026-02-05")
    approve(s, "withdraw", None, "2026-03-01", n=2)
    restored = procedure(version="V1.1", effective_date="2026-04-01", body=body(purpose))
    approve(s, "restore", restored, "2026-04-01", n=3)
    return s
