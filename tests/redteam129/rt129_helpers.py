"""Round 129's shared histories (the loose-text index, fifth look: round 128's
``SUBSTANTIAL`` bar and its side-commit rule). After an ordinary approval, 刘静 (the only
approver of procedures) puts her SM-P-09 process steps where no approval judges it, and the
draft is gone from main before 赵磊 branches (only the loose index can name her); 赵磊 copies
her steps verbatim into ``docs/procedures/p9.md`` with his one scope line, and she
approves."""

from __future__ import annotations

from rt122_helpers import DRAFTER, NEW, UNCONTROLLED, first_approval, verdict
from rt123_helpers import _approve
from rt125_helpers import SCOPE_NEW, SCOPE_OLD, draft_text

__all__ = [
    "DRAFTER",
    "NEW",
    "UNCONTROLLED",
    "her_steps_in_pieces",
    "quoted_record",
    "verdict",
]

# ---------------------------------------------------------------------------------------
# Hole 1: her process, in pieces each under the bar

# her SM-P-09 process: nine steps, each a short imperative line with no sentence punctuation
# (as Chinese procedures write a step list), 10 to 12 characters: no unit of hers is a
# "sentence" (loose.SENTENCE = 24, loose._SENTENCE), and 99 characters in all
HER_STEPS = (
    "收集客户的服务需求与期望",
    "起草服务级别协议初稿",
    "与客户谈判并确认目标值",
    "管理者代表批准协议文本",
    "双方签署并归档协议原件",
    "每月采集服务绩效数据",
    "编制月度服务级别报告",
    "每季度与客户评审达成情况",
    "未达标项分析原因并整改",
)
PROCESS_OLD = "流程描述的内容。"


def _steps_file(steps, end: str = "") -> str:
    """Her draft file: a heading and her steps as a loose Markdown list (a blank line between
    items: the forge and MkDocs show the same numbered list)."""
    items = "\n\n".join(f"{n}. {step}{end}" for n, step in enumerate(steps, 1))
    return f"# 服务级别管理流程（草稿）\n\n{items}\n"


def his_doc(end: str = "") -> str:
    """SM-P-09 as 赵磊 writes it: the procedure template, his scope line, and her nine steps
    verbatim (a tight list) as its process."""
    text = draft_text()
    assert PROCESS_OLD in text and SCOPE_OLD in text
    steps = "\n".join(f"{n}. {step}{end}" for n, step in enumerate(HER_STEPS, 1))
    return text.replace(PROCESS_OLD, steps, 1).replace(SCOPE_OLD, SCOPE_NEW, 1)


def her_steps_in_pieces(
    s, how: str = "commits", via: str = "forge", end: str = ""
) -> tuple[str, str]:
    """Hole 1. 刘静 drafts her process on main at ``UNCONTROLLED`` (no problem: nothing
    controlled changes), three steps at a time: over three commits (``commits``: she adds a
    few steps a day, as anyone writes a draft), in three files in one commit (``files``:
    ``drafts/p9-1.md`` …, one a stage), or all nine in one commit (``whole``: the control).
    She removes the draft; 赵磊 branches ``feat``, writes SM-P-09 with her steps verbatim and
    his scope line, and she approves (``via``). Returns (her first draft commit, the
    approval). With ``end`` ("。") each step is written as a sentence (the held case)."""
    first_approval(s)
    (s.root / UNCONTROLLED).parent.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    if how == "whole":
        (s.root / UNCONTROLLED).write_text(_steps_file(HER_STEPS, end), encoding="utf-8")
        draft = s.git.commit("流程草稿", who=DRAFTER)
        paths = [UNCONTROLLED]
    elif how == "commits":
        draft = ""
        for n in (3, 6, 9):
            (s.root / UNCONTROLLED).write_text(_steps_file(HER_STEPS[:n], end), encoding="utf-8")
            sha = s.git.commit(f"流程草稿（前 {n} 步）", who=DRAFTER)
            draft = draft or sha
        paths = [UNCONTROLLED]
    elif how == "files":
        for part in range(3):
            at = UNCONTROLLED.replace(".md", f"-{part + 1}.md")
            steps = HER_STEPS[part * 3 : part * 3 + 3]
            text = "\n\n".join(f"{part * 3 + n}. {st}{end}" for n, st in enumerate(steps, 1))
            (s.root / at).write_text(f"# 第 {part + 1} 阶段\n\n{text}\n", encoding="utf-8")
            paths.append(at)
        draft = s.git.commit("流程草稿（三个阶段）", who=DRAFTER)
    else:
        raise ValueError(how)
    s.git.run("rm", "-q", *paths)
    s.git.commit("删除草稿", who=DRAFTER)
    s.git.branch("feat")
    s.files.write(NEW, his_doc(end))
    s.git.commit("新增服务级别管理程序", who="zhaolei")
    return draft, _approve(s, via)


# ---------------------------------------------------------------------------------------
# Hole 2 (a false positive): a commit of hers on a merged side that never touched the record

RECORD = "records/2026q1-review.md"
# 孙悦's lesson learned in the quarter's review record: a sentence 赵磊 later quotes
LESSON = "夜间告警无人响应时，值班员应在十五分钟内电话升级至二线工程师。"


def quoted_record(s, hers_on_side: bool = True, via: str = "forge") -> str:
    """Hole 2. 孙悦 keeps the quarter's records on branch ``records``: she writes the review
    record (with ``LESSON``); 刘静 (``hers_on_side``) fixes a typo in another record there, a
    file nothing of SM-P-09 comes from. 孙悦 merges ``records`` into main (files nothing
    controls, no problem). 赵磊 branches ``feat`` and writes SM-P-09 quoting 孙悦's lesson as
    its escalation rule; 刘静 approves. Returns the approval."""
    first_approval(s)
    s.git.branch("records")
    (s.root / "records").mkdir(exist_ok=True)
    (s.root / "records/2026q1-duty.md").write_text(
        "# 一季度值班记录\n\n值班安排按排班表执行，共记录告警一百二十次。\n", encoding="utf-8"
    )
    s.git.commit("一季度值班记录", who="sunyue")
    (s.root / RECORD).write_text(
        f"# 一季度服务评审记录\n\n## 经验教训\n\n{LESSON}\n", encoding="utf-8"
    )
    s.git.commit("一季度服务评审记录", who="sunyue")
    if hers_on_side:
        duty = s.root / "records/2026q1-duty.md"
        duty.write_text(duty.read_text(encoding="utf-8").replace("一百二十次", "一百二十一次"))
        s.git.commit("更正值班记录的告警次数", who=DRAFTER)
    s.git.checkout("main")
    s.git.merge_message("合并一季度记录", "records", who="sunyue")
    s.git.branch("feat")
    text = draft_text()
    text = text.replace(SCOPE_OLD, SCOPE_NEW, 1).replace(PROCESS_OLD, LESSON, 1)
    s.files.write(NEW, text)
    s.git.commit("新增服务级别管理程序", who="zhaolei")
    return _approve(s, via)
