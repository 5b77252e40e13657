"""Acknowledgement records written and committed the way people (or forgers) would."""

from __future__ import annotations

import datetime
import shutil

from ack_records import ack_path, ack_text
from builders import PROJECT
from history_helpers import Scenario, body, make_scenario


def write_ack(
    s: Scenario, person: str, by: str | None = None, version: str = "V1.0", date: str | None = None
) -> str:
    """``by`` commits the record naming ``person`` directly on the current branch."""
    s.files.write(ack_path(person, version), ack_text(person, version))
    return s.git.commit(f"阅知确认 {version}", who=by or person, date=date)


def ack_scenario(tmp_path, *edits: str) -> Scenario:
    """SM-P-01 V1.0 in force from 2026-01-05 (the pre-control baseline), distributed to the
    qa department: 刘静 (liujing) and 王芳 (wangfang) owe an acknowledgement by 2026-01-19."""
    s = make_scenario(tmp_path, *edits)
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        s.root / "schemas/records/acknowledgement.schema.json",
    )
    s.git.commit("阅知确认记录模式", who="wangfang", date="2026-01-01T12:00:00+08:00")
    return s


def approve_revision(
    s: Scenario,
    version: str,
    purpose: str,
    effective: str,
    extra: str = "",
) -> str:
    """zhaolei writes ``version`` on a branch; liujing approves it, reviewed by wangfang."""
    from builders import procedure

    branch = f"rev-{version}"
    s.git.branch(branch)
    text = procedure(version=version, effective_date=effective, body=body(purpose))
    s.files.write("docs/procedures/test.md", text)
    s.git.commit(f"修订 {version}", who="zhaolei")
    return s.git.merge(branch, f"修订为 {version}", extra=extra)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
