"""The demo's nonconformity that handled a past problem of the trail (a disposition).

On 10 September 2026 the configuration manager pushes a change to SM-P-11 straight to main,
without a merge request. The document controller finds it in the trail, the change is undone
through a reviewed merge request (a revert, 14 September), and the organisation records
nonconformity NC-2026-004 and names the commit and the record in ``approval.dispositions``
through a change to doccontrol.yml the general manager approves (18 September). The trail still shows the direct
commit, now handled as NC-2026-004; ``trail --strict`` no longer fails on it. The other direct
commit of the demo (28 September, SM-P-18) is left open, so the site keeps an example of a
change nobody approved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_demo import Demo

DOCUMENT = "docs/procedures/configuration-management.md"
RECORD = "records/nonconformity/NC-2026-004.yaml"
ANCHOR = "  trusted_forge_keys: ["  # the disposition goes after the approval block's last key

NONCONFORMITY = """\
# yaml-language-server: $schema=../../schemas/records/nonconformity.schema.json
id: NC-2026-004
title: 配置管理程序的修改未经合并请求直接推送到主分支
confidentiality: internal
source: process-monitoring
clause: '7.5.3'
document: SM-P-01
department: operations
grade: minor
raised_date: 2026-09-11
raised_by: wangfang
description: |
  9 月 10 日，配置经理把 SM-P-11 配置管理程序“流程描述”中 CMDB 核查频次的修改直接推送到 main 分支，
  没有创建合并请求，也没有审核和批准；文件版本号未变，站点随即显示该段未经批准的文字。
  这不符合 SM-P-01 文件和记录控制程序关于文件发布前须经审核、批准的要求。
evidence: |
  1. doccontrol trail 将提交 {commit} 列为直接提交（DC501），无合并请求、无审核人和批准人；
  2. 平台 main 分支当时未启用保护规则，持有推送权限的成员均可直接推送；
  3. 访谈配置经理周强：为赶在季度核查前更新频次，误以为措辞调整不需要走审批。
acknowledged_by: zhouqiang
root_cause: |
  1. main 分支未设置保护，平台允许绕过合并请求直接推送；
  2. 新任过程负责人的文控培训没有讲清“任何文字修改都须经合并请求审批”。
correction: |
  经合并请求 !19 撤回该提交（周强提交，王芳审核，刘静批准），SM-P-11 恢复为已批准的 V1.1 文本。
correction_date: 2026-09-14
corrective_action: |
  1. main 分支启用保护：禁止直接推送，合并须经至少一名审核人批准，流水线 trail --strict 通过后方可合并；
  2. 过程负责人文控培训增加合并请求审批的操作演示，9 月 15 日已全员完成。
owner: wangfang
due_date: 2026-10-31
verification:
  by: liujing
  date: 2026-09-16
  effective: true
  notes: |
    确认 main 分支保护已启用：直接推送被平台拒绝，合并须经审核人批准且 trail --strict 通过；
    抽查 9 月 14 日以来的 5 次合并均有审核和批准记录；培训签到表齐全。纠正措施有效。
status: closed
closed_date: 2026-09-16
"""


def add(d: Demo) -> None:
    """``d`` is build_demo.Demo, on main after the September review of SM-P-03 (risks)."""
    d.git("checkout", "-q", "main")
    d.edit(
        DOCUMENT, add=("流程描述", "自 2026 年第四季度起，CMDB 全量核查由每月一次改为每季度一次。")
    )
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "CMDB 核查频次改为每季度",
        who="zhouqiang",
        when="2026-09-10T18:20:00+08:00",
    )
    direct = d.git("rev-parse", "HEAD")

    # the correction: the change undone through a reviewed merge request
    d.git("checkout", "-q", "-b", "mr-19-revert-cmdb", "main")
    d.git("revert", "--no-edit", direct, who="zhouqiang", when="2026-09-11T09:30:00+08:00")
    d.merge(
        "mr-19-revert-cmdb",
        "撤回未经审批的 SM-P-11 修改（NC-2026-004）",
        19,
        "2026-09-14T10:00:00+08:00",
    )

    # the record, and the disposition approved like any change to doccontrol.yml
    d.git("checkout", "-q", "-b", "mr-20-nc-2026-004", "main")
    d.path(RECORD).write_text(NONCONFORMITY.replace("{commit}", direct[:10]), encoding="utf-8")
    config = d.path("doccontrol.yml")
    text = config.read_text(encoding="utf-8")
    at = text.find(ANCHOR)
    if at < 0:
        raise SystemExit("demo: doccontrol.yml has no approval.trusted_forge_keys line")
    end = text.index("\n", at) + 1
    entry = (
        "  # past problems handled as nonconformities (README: Past problems handled as ...)\n"
        "  dispositions:\n"
        f"    - {{commit: {direct}, record: NC-2026-004, problems: [DC501, DC511]}}\n"
    )
    config.write_text(text[:end] + entry + text[end:], encoding="utf-8")
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "登记不符合 NC-2026-004，并将 9 月 10 日的直接提交列为已处置",
        who="liujing",
        when="2026-09-16T15:00:00+08:00",
    )
    d.merge(
        "mr-20-nc-2026-004",
        "不符合 NC-2026-004：直接推送的处置",
        20,
        "2026-09-18T11:00:00+08:00",
        merger="chenmy",
        approver="chenmy",  # doccontrol.yml is the general manager's to approve
    )
