"""What the round 78 and later tests share: a copy issued ahead of its day, and the
flow-chart site made obsolete while V1.2 waits."""

from __future__ import annotations

import json
import shutil

from rt74_helpers import run
from rt75_helpers import BOTH, built, flow_chart_site

from builders import PROJECT
from history_helpers import body

RECORD = "records/document-distribution/DST-2026-002.yaml"


def issued_copy(s, version: str, day: str = "2026-03-05") -> None:
    """王芳 issues copy 02 of SM-P-01 ``version`` to 赵磊 on ``day``."""
    shutil.copy(
        PROJECT / "schemas/records/document-distribution.schema.json",
        s.root / "schemas/records/document-distribution.schema.json",
    )
    s.files.write(
        RECORD,
        f"id: DST-2026-002\ntitle: SM-P-01 测试程序 {version} 发放受控副本\n"
        f"document: SM-P-01\nversion: {version}\nreason: revision\n"
        "copy_type: printed-controlled\n"
        f"distributed_by: wangfang\ndistributed_date: {day}\n"
        "copies:\n  - {copy_number: '02', holder: zhaolei}\nstatus: distributed\n",
    )
    s.git.commit(f"提前发放 {version}", who="wangfang", date=f"{day}T12:00:00+08:00")


def due_copies(s, today: str) -> list[str]:
    """The copy numbers `recall-due --today today` lists."""
    done = run(s, "recall-due", "--today", today, "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    return [d["copy_number"] for d in json.loads(done.stdout)]


def obsolete_site(tmp_path, as_of: str, day: str = "2026-04-20"):
    """The flow-chart site (V1.1 in force from 2026-03-10, V1.2 with FLOW-V1.2 approved on
    2026-04-10 for 2026-06-01), made obsolete on 2026-04-20, to take effect on ``day``, with
    the file as it stands (V1.2's text); built as of ``as_of``."""
    s = flow_chart_site(tmp_path, "2026-06-01", as_of=as_of)
    s.git.branch("cr-3")
    s.files.doc(
        version="V1.2",
        status="obsolete",
        body=body("见 ![流程](flow.png) 第二版正文"),
        effective_date=day,
    )
    s.git.commit("作废", who="zhaolei", date="2026-04-12T10:00:00+08:00")
    s.git.merge("cr-3", "作废", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    return built(s, tmp_path)
