"""The demo's controlled copies (受控副本): SM-PN-07 服务连续性计划 V1.0 had three numbered
paper copies (DST-2026-002, May). V1.1 took effect on 10 July; on 23 November document control
issues V1.1 copies 01 and 02 in exchange for the old ones, recording each copy and its holder;
孙悦's V1.0 copy 03 at the service desk is still out, so ``doccontrol recall-due``, the site's
待回收受控副本 and the audit pack list it."""

from __future__ import annotations

from typing import Any

RECORD = "records/document-distribution/DST-2026-003.yaml"
TEXT = """\
id: DST-2026-003
title: SM-PN-07 服务连续性计划 V1.1 纸质受控本换版（以新换旧）
confidentiality: internal
document: SM-PN-07
version: V1.1
reason: revision
copy_type: printed-controlled
recipient_departments: [operations, security]
recipient_persons: [zhaolei, wuting]
distributed_by: wangfang
distributed_date: 2026-11-23
copies:
  - {copy_number: SM-PN-07-01, holder: zhaolei, location: 数据中心 A 值班室应急柜}
  - {copy_number: SM-PN-07-02, holder: wuting, location: 数据中心 B 灾备机房应急柜}
acknowledgements:
  - {person: zhaolei, date: 2026-11-23, copy_number: SM-PN-07-01, method: signature}
  - {person: wuting, date: 2026-11-23, copy_number: SM-PN-07-02, method: signature}
obsolete_recall:
  - {description: SM-PN-07 V1.0 纸质受控本 SM-PN-07-01, copy_number: SM-PN-07-01, holder: operations, recalled_date: 2026-11-23, disposition: destroyed, recalled_by: wangfang}
  - {description: SM-PN-07 V1.0 纸质受控本 SM-PN-07-02, copy_number: SM-PN-07-02, holder: security, recalled_date: 2026-11-23, disposition: destroyed, recalled_by: wangfang}
status: distributed
remarks: |
  服务台值班室的 SM-PN-07-03（V1.0，孙悦保管）尚未交回，已列入待回收受控副本清单，
  交回后以新换旧并在本记录补登。
"""


def add(demo: Any) -> None:
    """Commit the exchange on main (records are not approved like documents)."""
    demo.path(RECORD).write_text(TEXT, encoding="utf-8")
    demo.git("add", RECORD)
    demo.git(
        "commit", "-q", "-m", "文件发放：SM-PN-07 V1.1 纸质受控本以新换旧（01、02）",
        who="wangfang", when="2026-11-23T10:00:00+08:00",
    )  # fmt: skip
