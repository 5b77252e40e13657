"""Demo history for change impact (suspect links): an external standard's registration page
changes and makes the two documents that refer to it suspect; a later periodic review of one
of them clears it, the other stays suspect (the manual, which the site then flags)."""

from __future__ import annotations

from typing import Any

EXT_01 = "docs/external/iso-iec-20000-1.md"
SM_P_28 = "docs/procedures/internal-audit.md"
CHECK_ROW = "| 2026-01-05 | 纳入时确认为现行有效版本 | 文控管理员 |\n"
NEW_ROW = "| 2026-11-23 | 核查到 ISO/IEC 20000-1:2018/Amd 1:2024（气候变化相关修正），已登记并通知使用部门评估影响 | 文控管理员 |\n"


def add(d: Any) -> None:
    """``d`` is build_demo.Demo, on main after the year's history."""
    # 23 November: the registration page of EXT-01 records the amendment (a text change):
    # the manual (SM-A) and the internal audit procedure (SM-P-28) refer to it
    d.git("checkout", "-q", "-b", "mr-25-ext-01-amendment", "main")
    path = d.path(EXT_01)
    text = path.read_text(encoding="utf-8")
    pairs = [
        (CHECK_ROW, CHECK_ROW + NEW_ROW),
        ("version: V1.0\n", "version: V1.1\n"),
        ("effective_date: 2026-01-05\n", "effective_date: 2026-11-23\n"),
    ]
    for before, after in pairs:
        if text.count(before) != 1:
            raise SystemExit(f"demo: {EXT_01} is not as the impact history expects")
        text = text.replace(before, after)
    path.write_text(text, encoding="utf-8")
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "外来文件 EXT-01：登记 ISO/IEC 20000-1:2018/Amd 1:2024",
        who="huangli",
        when="2026-11-23T10:00:00+08:00",
    )
    d.merge(
        "mr-25-ext-01-amendment",
        "EXT-01 有效性核查：登记 2024 年修正案",
        25,
        "2026-11-23T16:00:00+08:00",
    )
    # 25 November: the internal audit procedure is reviewed against the amendment (no text
    # change, a new review date): the review clears it; the manual stays suspect
    d.change(
        "mr-26-internal-audit-review",
        "huangli",
        "2026-11-24T09:00:00+08:00",
        "内部审核程序：按 EXT-01 修正案复核，内容适宜，无需修改",
        [{"rel": SM_P_28, "meta": {"review_date": "2026-11-25"}}],
    )
    d.merge(
        "mr-26-internal-audit-review",
        "SM-P-28 复核（EXT-01 修正案，无内容变化）",
        26,
        "2026-11-25T11:00:00+08:00",
    )
