"""Round 126's shared histories (the loose-text index, second look)."""

from __future__ import annotations

import json

from rt27_helpers import new_doc
from rt122_helpers import DRAFTER, NEW, UNCONTROLLED, first_approval, verdict
from rt123_helpers import _approve
from rt125_helpers import HER_CLAUSE, draft_text, his_copy_approved

from builders import PROJECT
from history_helpers import body

__all__ = [
    "DRAFTER",
    "HER_CLAUSE",
    "NEW",
    "UNCONTROLLED",
    "draft_text",
    "her_draft_through_a_merge",
    "new_doc",
    "verdict",
]


def her_draft_through_a_merge(
    s, hidden: bool = True, via: str = "forge", touch: bool = False
) -> tuple[str, str]:
    """After an ordinary approval, 刘静 commits her SM-P-09 draft at ``UNCONTROLLED`` on a
    branch ``d`` (A). With ``hidden``, she first merges ``d`` into main taking nothing
    (``-s ours``: no file changes on the line, so nothing is indexed, but A is now in main's
    graph), then branches ``e`` from A with one unrelated commit (a note in ``records/``) and
    merges ``e`` into main keeping the draft the merge base held (the resolution git would
    otherwise drop): her draft reaches the line by that merge, whose side (``git log M ^M^1
    -- drafts/p9.md``) holds no commit that changed it. Without ``hidden`` (the control) she
    merges ``d`` itself. Then she removes the draft on main, 赵磊 branches ``feat`` and writes
    SM-P-09 with her text verbatim and the scope clause his own, and she approves. With
    ``touch`` the side's commit also adds a line to the draft (so the side wrote the file)."""
    first_approval(s)
    s.git.branch("d")
    s.files.write(UNCONTROLLED, draft_text())
    draft = s.git.commit("草稿", who=DRAFTER)
    s.git.checkout("main")
    if hidden:
        s.git.merge_message("合并草稿分支（不取内容）", "d", flags=("-s", "ours"), who=DRAFTER)
        s.git.branch("e", draft)
        s.files.write("records/notes/n1.md", "# 备忘\n\n会议记录一则。\n")
        if touch:
            s.files.write(UNCONTROLLED, draft_text() + "\n（待讨论）\n")
        s.git.commit("备忘", who=DRAFTER)
        s.git.checkout("main")
        s.git.run("merge", "--no-ff", "--no-commit", "-q", "e", who=DRAFTER, check=False)
        s.git.run("checkout", "e", "--", UNCONTROLLED)
        s.git.run("add", "-A")
        s.git.run("commit", "-q", "-m", "合并备忘", who=DRAFTER, date=s.git.next_date())
    else:
        s.git.merge_message("合并草稿", "d", who=DRAFTER)
    return draft, his_copy_approved(s, UNCONTROLLED, via)


# her records, as the shipped ones are spelt (records/*/*.yaml), their lists in YAML's block
# style: a change request naming one service, and the distribution of SM-P-07 V1.0 (which she
# approved) to two departments
HER_RECORDS = {
    "service": (
        "records/change-request/CR-2026-021.yaml",
        """\
# yaml-language-server: $schema=../../schemas/records/change-request.schema.json
id: CR-2026-021
title: 门户夜间维护窗口调整
confidentiality: internal
category: normal
priority: P3
status: submitted
requester: liujing
requested_date: 2026-01-04
description: |
  将门户的夜间维护窗口由周三调整到周六。
services:
  - 客户门户托管服务
""",
    ),
    "distribution": (
        "records/document-distribution/DST-2026-009.yaml",
        """\
# yaml-language-server: $schema=../../schemas/records/document-distribution.schema.json
id: DST-2026-009
title: SM-P-07 七 V1.0 首次发布
confidentiality: internal
document: SM-P-07
version: V1.0
reason: new-issue
copy_type: electronic-controlled
recipient_departments:
  - operations
  - service-desk
distributed_by: liujing
distributed_date: 2026-01-04
status: distributed
""",
    ),
}
# the same distribution with its list in flow style, as every shipped record spells it
HER_RECORDS["flow"] = (
    HER_RECORDS["distribution"][0],
    HER_RECORDS["distribution"][1].replace(
        "recipient_departments:\n  - operations\n  - service-desk\n",
        "recipient_departments: [operations, service-desk]\n",
    ),
)

# what 赵磊's own SM-P-09 shares with her record: the service named as a bullet in its body,
# or its distribution list in YAML's block style in its front matter (both valid, both his)
SHARED = {
    "service": ("", "适用于下列服务：\n\n- 客户门户托管服务\n"),
    "distribution": ("distribution:\n  - operations\n  - service-desk\n", ""),
    "flow": ("distribution: [operations, service-desk]\n", ""),
}


def his_doc(shared: str | None) -> str:
    """赵磊's SM-P-09: his title and purpose; with ``shared``, the line her record also holds."""
    extra, bullets = SHARED[shared] if shared else ("", "")
    text = new_doc("SM-P-09", title="夜间值班管理程序", body=body("规定夜间值班的安排与交接。"))
    if extra:
        text = text.replace("distribution: [qa]\n", extra, 1)
    if bullets:
        text = text.replace("适用范围的内容。\n", "适用范围的内容。\n\n" + bullets, 1)
    return text


def her_record_then_his_doc(s, shared: str | None, via: str = "forge", record: str = "") -> str:
    """An honest history: the shipped record schemas are part of the set-up; after an
    ordinary approval, 刘静 files a record on main (records are written straight on main, as
    every team files them; ``record``, by default the one ``shared`` names, else the change
    request); 赵磊 writes his own SM-P-09 whose one line (``shared``) happens to equal a line of
    her record, and she approves it. Returns the approval."""
    for kind in ("change-request", "document-distribution"):
        name = f"schemas/records/{kind}.schema.json"
        schema = json.loads((PROJECT / name).read_text(encoding="utf-8"))
        schema["x-doccontrol"]["procedure"] = "SM-P-01"  # the scenario's one procedure
        s.files.write(name, json.dumps(schema, ensure_ascii=False, indent=2))
    s.git.commit("记录模式", date="2026-01-01T12:00:00+08:00")  # before control: the set-up
    first_approval(s)
    path, text = HER_RECORDS[record or shared or "service"]
    s.files.write(path, text)
    s.git.commit("登记记录", who=DRAFTER)
    s.git.branch("feat")
    s.files.write(NEW, his_doc(shared))
    s.git.commit("新增夜间值班管理程序", who="zhaolei")
    return _approve(s, via)
