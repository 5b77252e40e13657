"""What the round 74 tests share (on top of the earlier rounds' helpers)."""

from __future__ import annotations

import json

from rt73_helpers import FIRST, NEW, SECOND, ack_by, approve, owed, pack, procedure, run, scenario

__all__ = [
    "FIRST",
    "NEW",
    "SECOND",
    "ack_by",
    "approve",
    "owed",
    "pack",
    "pending_v12",
    "procedure",
    "register_row",
    "run",
    "scenario",
    "scheduled_v12",
]


def scheduled_v12(tmp_path):
    """SM-P-01 V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved on
    2026-03-01 to take effect on 2026-06-01."""
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    approve(
        s,
        "v12",
        procedure(version="V1.2", effective_date="2026-06-01", body=SECOND),
        "2026-03-01",
        n=2,
    )
    return s


def pending_v12(tmp_path):
    """``scheduled_v12``, and 王芳 acknowledges V1.2 in her own commit on 2026-03-05 (after its
    approval, before its day)."""
    s = scheduled_v12(tmp_path)
    ack_by(s, "wangfang", "V1.2", "2026-03-05")
    return s


def register_row(s, day):
    """SM-P-01's row of ``register --format json --as-of day``."""
    out = run(s, "register", "--format", "json", "--as-of", day)
    assert out.returncode == 0, out.stdout + out.stderr
    return next(r for r in json.loads(out.stdout) if r["id"] == "SM-P-01")
