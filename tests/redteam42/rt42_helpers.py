"""What the round 42 tests share (on top of the earlier rounds' helpers)."""

from __future__ import annotations

import json
import shutil
import zipfile

from rt32_helpers import run

from ack_records import ack_path, ack_text
from builders import PROJECT
from history_helpers import make_scenario

__all__ = ["ack_scenario", "owed", "pack", "run", "strict_trail"]


def ack_scenario(tmp_path, *edits):
    """SM-P-01 V1.0 (pre-control baseline, in force from 2026-01-05), distributed to qa
    (刘静 and 王芳): both owe an acknowledgement by 2026-01-19. 王芳 acknowledges in a commit
    of her own on main; 刘静 never does."""
    s = make_scenario(tmp_path, *edits)
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        s.root / "schemas/records/acknowledgement.schema.json",
    )
    s.git.commit("阅知确认记录模式", who="wangfang", date="2026-01-01T12:00:00+08:00")
    s.files.write(ack_path("wangfang"), ack_text("wangfang"))
    s.git.commit("阅知确认 V1.0", who="wangfang", date="2026-01-09T10:00:00+08:00")
    return s


def owed(s, day, *extra):
    """`ack-due --all --today day --format json`: (exit code, {person: row}, problems)."""
    out = run(s, "ack-due", "--all", "--today", day, "--format", "json", *extra)
    assert out.returncode in (0, 1), out.stdout + out.stderr
    data = json.loads(out.stdout)
    rows = {o["person"]: o for o in data["owed"] if o["document"] == "SM-P-01"}
    return out.returncode, rows, data.get("problems", [])


def pack(s, out, start, end, *extra):
    made = run(s, "audit-pack", "--from", start, "--to", end, "-o", str(out), *extra)
    assert made.returncode == 0, made.stdout + made.stderr
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}


def strict_trail(s):
    return run(s, "trail", "--strict", "--format", "json")
