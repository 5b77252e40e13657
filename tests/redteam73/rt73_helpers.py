"""What the round 73 tests share (on top of the earlier rounds' helpers)."""

from __future__ import annotations

from rt72_helpers import FIRST, ack_by, approve, body, owed, pack, procedure, run, scenario

__all__ = [
    "FIRST",
    "NEW",
    "SECOND",
    "ack_by",
    "approve",
    "body",
    "owed",
    "pack",
    "procedure",
    "run",
    "scenario",
    "v11_then_v12_ended",
]

SECOND = body("第二版的目的。")
NEW = body("恢复后的新目的。")


def v11_then_v12_ended(tmp_path, how: str):
    """SM-P-01 V1.1 (第一版的目的) in force from 2026-02-01, acknowledged by 王芳 in her own
    commit on 2026-02-05; V1.2 (第二版的目的) in force from 2026-03-01; the document ended on
    2026-04-01 (``how``: "withdraw" deletes the file, "obsolete" approves V1.2 obsolete)."""
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    ack_by(s, "wangfang", "V1.1", "2026-02-05")
    approve(
        s,
        "v12",
        procedure(version="V1.2", effective_date="2026-03-01", body=SECOND),
        "2026-03-01",
        n=2,
    )
    if how == "obsolete":
        ended = procedure(
            version="V1.2", status="obsolete", effective_date="2026-04-01", body=SECOND
        )
    else:
        ended = None
    approve(s, how, ended, "2026-04-01", n=3)
    return s
