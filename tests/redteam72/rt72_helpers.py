"""What the round 72 tests share (on top of the earlier rounds' helpers)."""

from __future__ import annotations

from rt42_helpers import pack
from rt71_helpers import ack_by, approve, body, owed, procedure, run, scenario

__all__ = [
    "FIRST",
    "ack_by",
    "approve",
    "body",
    "in_force_v11",
    "owed",
    "pack",
    "procedure",
    "run",
    "scenario",
]

FIRST = body("第一版的目的。")


def in_force_v11(tmp_path):
    """SM-P-01 V1.1 (目的: 第一版的目的) approved in force from 2026-02-01; 王芳 acknowledges
    it in her own commit on 2026-02-05."""
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    ack_by(s, "wangfang", "V1.1", "2026-02-05")
    return s
