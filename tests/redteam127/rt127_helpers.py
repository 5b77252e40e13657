"""Round 127's shared histories (the loose-text index, third look). After an ordinary
approval, 刘静 (the only approver of procedures) puts her SM-P-09 draft on main at a path
nothing controls, so no approval judges it, and removes it again; 赵磊 branches from main
afterwards (no tree his branch forks from holds her draft: only the loose index can name her),
copies her text verbatim into ``docs/procedures/p9.md`` with his one scope line, and she
approves. The drafts differ in how the index reads them."""

from __future__ import annotations

from html import escape

from rt122_helpers import DRAFTER, NEW, UNCONTROLLED, first_approval, verdict
from rt123_helpers import _approve
from rt125_helpers import HER_CLAUSE, draft_text, his_copy_approved

__all__ = [
    "DRAFTER",
    "HER_CLAUSE",
    "NEW",
    "UNCONTROLLED",
    "draft_text",
    "her_draft_marked_up",
    "her_draft_proofread",
    "her_steps_copied",
    "verdict",
]

# the line ends the index reads (``loose.file_text``: str.splitlines) that git blame does not
# (it splits at LF only): classic Mac CR, and Unicode's LINE SEPARATOR
LINE_ENDS = {"lf": "\n", "crlf": "\r\n", "cr": "\r", "u2028": "\u2028"}
# 赵磊's proofreading: one character of her title
TYPO, FIXED = "服务级别管里程序", "服务级别管理程序"


def her_draft_proofread(s, ends: str = "cr", via: str = "forge") -> tuple[str, str]:
    """Hole 1. 刘静 writes her complete SM-P-09 draft at ``UNCONTROLLED`` on a branch ``d``
    with ``ends`` as its line ends (A, with one typo in the title). 赵磊 proofreads it on
    ``d``: one character (B). She merges ``d`` into main (M: a merge of a file nothing
    controls, no problem), then removes the draft on main. 赵磊 branches ``feat``, writes
    SM-P-09 with her text verbatim (LF line ends) and the scope clause his own, and she
    approves (``via``). Returns (A, the approval)."""
    first_approval(s)
    s.git.branch("d")
    end = LINE_ENDS[ends]
    text = draft_text().replace(FIXED, TYPO, 1)
    assert text != draft_text()
    (s.root / UNCONTROLLED).parent.mkdir(parents=True, exist_ok=True)
    (s.root / UNCONTROLLED).write_bytes(text.replace("\n", end).encode("utf-8"))
    draft = s.git.commit("草稿", who=DRAFTER)
    (s.root / UNCONTROLLED).write_bytes(draft_text().replace("\n", end).encode("utf-8"))
    s.git.commit("校对：错别字", who="zhaolei")
    s.git.checkout("main")
    s.git.merge_message("合并草稿", "d", who=DRAFTER)
    return draft, his_copy_approved(s, UNCONTROLLED, via)


def _rtf(text: str) -> bytes:
    """``text`` as Word and WordPad save it in RTF on a Chinese Windows (code page 936): each
    character outside ASCII as its GB18030 bytes, ``\\'hh`` each; one paragraph a line."""

    def spelt(char: str) -> str:
        if char in "\\{}":
            return "\\" + char
        if ord(char) < 0x80:
            return char
        return "".join(f"\\'{b:02x}" for b in char.encode("gb18030"))

    head = (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n\\f0\\fs24\n"
    )
    lines = ["".join(spelt(c) for c in line) + "\\par" for line in text.split("\n")]
    return (head + "\n".join(lines) + "\n}\n").encode("ascii")


def _html(text: str) -> bytes:
    """``text`` as a web page: one paragraph (``<p>``) a line, as an HTML editor or a wiki's
    export writes it; a browser shows exactly her lines."""
    lines = [f"<p>{escape(line)}</p>" for line in text.split("\n")]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8">'
        "<title>草稿</title></head>\n<body>\n" + "\n".join(lines) + "\n</body>\n</html>\n"
    ).encode("utf-8")


MARKUPS = {"rtf": ("drafts/p9.rtf", _rtf), "html": ("drafts/p9.html", _html)}
MARKUPS["txt"] = ("drafts/p9.txt", lambda text: text.encode("utf-8"))  # the control


def her_draft_marked_up(s, how: str = "rtf", via: str = "forge") -> tuple[str, str]:
    """Hole 2. 刘静 commits her complete SM-P-09 draft straight on main as a rich-text file
    (``rtf``: Word's and WordPad's own text format) or a web page (``html``), or as plain
    text (``txt``, the control), and removes it. 赵磊 opens it (Word, a browser), copies her
    text verbatim into SM-P-09 with his scope line, and she approves. Returns (her draft
    commit, the approval)."""
    first_approval(s)
    at, spell = MARKUPS[how]
    (s.root / at).parent.mkdir(parents=True, exist_ok=True)
    (s.root / at).write_bytes(spell(draft_text()))
    draft = s.git.commit("草稿", who=DRAFTER)
    return draft, his_copy_approved(s, at, via)


# her procedure steps: a list of clauses, each item shorter than loose.SHORTEST_ITEM (16)
# characters without spaces, so only the list as one paragraph is indexed
HER_STEPS = [
    "每月汇总服务级别达成情况",
    "季度召开服务级别评审会议",
    "未达标项须在五日内分析原因",
    "重大偏差报告管理者代表批准",
    "客户投诉纳入服务改进计划",
    "协议变更须经双方书面确认",
]
# how 赵磊's copy spells her list: as she did (``tight``, the control), with a blank line
# between the items (``loose``: Markdown's loose list, the same items on the page), or with
# ``*`` as its bullets (the same list to Markdown)
LISTS = {
    "tight": "\n".join(f"- {item}" for item in HER_STEPS) + "\n",
    "loose": "\n\n".join(f"- {item}" for item in HER_STEPS) + "\n",
    "star": "\n".join(f"* {item}" for item in HER_STEPS) + "\n",
}
STEPS_AT = "drafts/p9-steps.md"


def his_doc_with_her_steps(spelt: str) -> str:
    """赵磊's SM-P-09: his title, his purpose, and her steps as its 流程描述."""
    from rt27_helpers import new_doc

    from history_helpers import body

    text = new_doc("SM-P-09", title="夜间值班管理程序", body=body("规定夜间值班的安排与交接。"))
    assert "流程描述的内容。\n" in text
    return text.replace("流程描述的内容。\n", LISTS[spelt], 1)


def her_steps_copied(s, spelt: str = "loose", via: str = "forge") -> tuple[str, str]:
    """Hole 3. 刘静 commits her procedure steps (a Markdown list) on main at ``STEPS_AT`` and
    removes them; 赵磊 branches ``feat``, writes his SM-P-09 whose 流程描述 is her list word
    for word (``spelt``), and she approves. Returns (her draft commit, the approval)."""
    first_approval(s)
    s.files.write(STEPS_AT, "# 服务级别管理程序（草稿）\n\n## 工作程序\n\n" + LISTS["tight"])
    draft = s.git.commit("草稿：工作程序", who=DRAFTER)
    s.git.run("rm", "-q", STEPS_AT)
    s.git.commit("删除草稿", who=DRAFTER)
    s.git.branch("feat")
    s.files.write(NEW, his_doc_with_her_steps(spelt))
    s.git.commit("新增夜间值班管理程序", who="zhaolei")
    return draft, _approve(s, via)
