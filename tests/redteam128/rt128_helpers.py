"""Round 128's shared histories (the loose-text index, fourth look). After an ordinary
approval, 刘静 (the only approver of procedures) puts her SM-P-09 draft where no approval
judges it, and it is gone from main before 赵磊 branches (no tree his branch forks from holds
it: only the loose index can name her); 赵磊 copies her text verbatim into
``docs/procedures/p9.md`` with his one scope line, and she approves."""

from __future__ import annotations

from rt122_helpers import DRAFTER, NEW, UNCONTROLLED, first_approval, verdict
from rt123_helpers import _approve
from rt125_helpers import HER_CLAUSE, SCOPE_NEW, SCOPE_OLD, draft_text, encode
from rt127_helpers import _rtf

__all__ = [
    "DRAFTER",
    "NEW",
    "UNCONTROLLED",
    "her_draft_converted",
    "her_draft_rendered",
    "her_quoted_draft_in_rtf",
    "verdict",
]


def _his_copy(s, text: str, via: str) -> str:
    """赵磊 branches ``feat`` from main, writes SM-P-09 as ``text`` with his scope line, and
    刘静 approves (``via``)."""
    s.git.branch("feat")
    s.files.write(NEW, text.replace(SCOPE_OLD, SCOPE_NEW, 1))
    s.git.commit("补充说明", who="zhaolei")
    return _approve(s, via)


# ---------------------------------------------------------------------------------------
# Hole 1: the file a merge brings was written at another path, and git does not see a rename


# how 赵磊 turns her draft (on her branch) into ``drafts/p9.md``: from her Word file
# (``docx``: pandoc or copy and paste, a Markdown file byte-for-byte unlike the zip), from her
# Notepad text file with Windows line ends (``crlf``: renamed, line ends normalised to LF),
# or a plain rename of her UTF-8 text file (``rename``: the control, git sees the rename)
CONVERSIONS = {
    "docx": ("drafts/p9.docx", "docx"),
    "utf-16": ("drafts/p9.txt", "utf-16"),
    "rename": ("drafts/p9.txt", "utf-8"),
}
# her draft: the text of every section of SM-P-09 (a procedure's body; 赵磊 adds the front
# matter in his document), her own words throughout, as a real draft is
HER_SECTIONS = {
    "术语和定义的内容。": "服务级别目标：协议中约定的、可测量的服务绩效承诺值。",
    "角色与职责的内容。": "服务级别经理负责协议的起草、监视与月度报告，管理者代表负责批准。",
    "输入与输出的内容。": "输入为客户需求与服务目录，输出为已签署协议及服务级别报告。",
    "流程描述的内容。": "每月汇总达成情况，季度与客户评审，未达标项在五个工作日内分析原因。",
    "关键绩效指标的内容。": "协议按期评审率不低于百分之九十五，报告按时提交率达到百分之百。",
    "与其他流程的接口的内容。": "与服务报告、容量管理、供应商管理及业务关系管理流程相互衔接。",
}


def rich_draft() -> str:
    """Her complete SM-P-09 with every section her own (``HER_SECTIONS``)."""
    text = draft_text()
    for old, new in HER_SECTIONS.items():
        assert old in text
        text = text.replace(old, new, 1)
    return text


def rich_body() -> str:
    """What her draft file holds: the body of ``rich_draft`` (below its front matter)."""
    return rich_draft().partition("\n---\n")[2]


def her_draft_converted(s, how: str = "docx", via: str = "forge") -> tuple[str, str]:
    """Hole 1. 刘静 branches ``d`` and commits her complete SM-P-09 draft there as ``how``
    (A). 赵磊 converts it to Markdown on ``d`` at ``UNCONTROLLED`` (B: `git rm` the old file,
    add the Markdown: her text, every line as she wrote it), as a colleague tidies a drafts
    folder. 刘静 merges ``d`` into main (M: files nothing controls, no problem), removes the
    draft on main (no problem); 赵磊 branches ``feat``, copies her text verbatim into SM-P-09
    with his scope line, and she approves. Returns (A, the approval)."""
    first_approval(s)
    s.git.branch("d")
    at, spelt = CONVERSIONS[how]
    (s.root / at).parent.mkdir(parents=True, exist_ok=True)
    (s.root / at).write_bytes(encode(rich_body(), spelt))
    draft = s.git.commit("草稿", who=DRAFTER)
    s.git.run("rm", "-q", at)
    (s.root / UNCONTROLLED).parent.mkdir(parents=True, exist_ok=True)
    (s.root / UNCONTROLLED).write_bytes(rich_body().encode("utf-8"))
    s.git.run("add", UNCONTROLLED)
    s.git.commit("草稿转为 Markdown", who="zhaolei")
    s.git.checkout("main")
    s.git.merge_message("合并草稿", "d", who=DRAFTER)
    s.git.run("rm", "-q", UNCONTROLLED)
    s.git.commit("删除草稿", who=DRAFTER)
    return draft, _his_copy(s, rich_draft(), via)


# ---------------------------------------------------------------------------------------
# Hole 2: a Markdown draft is read as its source, not as the forge shows it


def _marked(line: str, how: str) -> str:
    """A prose line of her draft as she types it in Markdown: a key term in bold (``strong``),
    a link (``link``), inline HTML (``b``; ``span``), or as is (``plain``: the control). The forge (and MkDocs) show
    exactly the plain line."""
    if how == "plain" or len(line) < 8 or line.startswith(("#", "-", "|")):
        return line
    head, term, tail = line[:2], line[2:6], line[6:]
    if how == "strong":
        return f"{head}**{term}**{tail}"
    if how == "link":
        return f"{head}[{term}](https://wiki.example.com/sla){tail}"
    if how in ("b", "span"):  # inline HTML, which Markdown passes through
        return f"{head}<{how}>{term}</{how}>{tail}"
    raise ValueError(how)


def marked_draft(how: str) -> str:
    """Her draft with each prose line of its body marked up ``how``."""
    text = draft_text()
    front, _, body = text.partition("\n---\n")
    return front + "\n---\n" + "\n".join(_marked(line, how) for line in body.split("\n"))


def her_draft_rendered(s, how: str = "strong", via: str = "forge") -> tuple[str, str]:
    """Hole 2. 刘静 commits her draft straight on main at ``UNCONTROLLED`` with a key term of
    each prose line in bold or linked (``how``), and removes it. 赵磊 reads it on the forge
    (which shows a Markdown file rendered), copies what it shows verbatim into SM-P-09 with
    his scope line, and she approves. Returns (her draft commit, the approval)."""
    first_approval(s)
    marked = marked_draft(how)
    assert how == "plain" or marked != draft_text()
    (s.root / UNCONTROLLED).parent.mkdir(parents=True, exist_ok=True)
    (s.root / UNCONTROLLED).write_bytes(marked.encode("utf-8"))
    draft = s.git.commit("草稿", who=DRAFTER)
    s.git.run("rm", "-q", UNCONTROLLED)
    s.git.commit("删除草稿", who=DRAFTER)
    return draft, _his_copy(s, draft_text(), via)


# ---------------------------------------------------------------------------------------
# Hole 3: RTF's control words that stand for a character are read as nothing

QUOTED_CLAUSE = (
    "本程序规定“服务级别协议”的策划、谈判、签署、监视和评审的职责与方法，\n"
    "确保公司对外承诺的“服务级别”可实现、可测量并持续得到满足。"
)
# how her RTF spells the curly quotes: as Word writes them (``words``: \ldblquote,
# \rdblquote), or as \uN with a fallback (``unicode``: the control, which the reader reads)
QUOTES = {
    "words": ("\\ldblquote ", "\\rdblquote "),
    "unicode": ("\\u8220\\'a1\\'b0", "\\u8221\\'a1\\'b1"),
}


def quoted_draft() -> str:
    text = draft_text()
    assert HER_CLAUSE in text
    return text.replace(HER_CLAUSE, QUOTED_CLAUSE, 1)


def her_quoted_draft_in_rtf(s, quotes: str = "words", via: str = "forge") -> tuple[str, str]:
    """Hole 3. 刘静 commits her draft (its purpose clause quoting its terms, “…”) on main as
    ``drafts/p9.rtf``, the quotes spelt ``quotes``, and removes it; 赵磊 opens it in Word,
    copies her text verbatim into SM-P-09 with his scope line, and she approves. Returns (her
    draft commit, the approval)."""
    first_approval(s)
    left, right = QUOTES[quotes]
    rtf = _rtf(quoted_draft()).decode("ascii")
    assert "\\'a1\\'b0" in rtf and "\\'a1\\'b1" in rtf  # GB18030's “ and ”
    rtf = rtf.replace("\\'a1\\'b0", "\0L").replace("\\'a1\\'b1", "\0R")
    rtf = (
        rtf.replace("\0L", left).replace("\0R", right).replace("\\ansicpg936", "\\ansicpg936\\uc2")
    )
    at = "drafts/p9.rtf"
    (s.root / at).parent.mkdir(parents=True, exist_ok=True)
    (s.root / at).write_bytes(rtf.encode("ascii"))
    draft = s.git.commit("草稿", who=DRAFTER)
    s.git.run("rm", "-q", at)
    s.git.commit("删除草稿", who=DRAFTER)
    return draft, _his_copy(s, quoted_draft(), via)


# ---------------------------------------------------------------------------------------
# Hole 4 (a false positive): a service's name in her spreadsheet or notes is "text she wrote"

SERVICE = "客户门户托管服务"  # 8 characters: indexed unless it is a data file's short item
OTHER_SERVICES = ("企业邮箱服务", "办公网络运维服务", "数据备份与恢复服务")


def _xlsx(rows: list[tuple[str, str]]) -> bytes:
    """The smallest Excel workbook Excel and LibreOffice open: one sheet, its strings shared
    (``xl/sharedStrings.xml``: one ``<si>`` a cell, as Excel saves text cells)."""
    import io
    import zipfile
    from html import escape

    cells = [cell for row in rows for cell in row]
    strings = "".join(f"<si><t>{escape(cell)}</t></si>" for cell in cells)
    sheet_rows = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{col}{r}" t="s"><v>{(r - 1) * 2 + n}</v></c>' for n, col in enumerate("AB")
        )
        + "</row>"
        for r in range(1, len(rows) + 1)
    )
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
            'ContentType="application/xml"/></Types>'
        ),
        "xl/sharedStrings.xml": f'<sst xmlns="{ns}" count="{len(cells)}">{strings}</sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{ns}"><sheetData>{sheet_rows}'
        "</sheetData></worksheet>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return out.getvalue()


def _catalogue(how: str) -> tuple[str, bytes]:
    """Her service catalogue: an Excel sheet (``xlsx``: a name a cell), Markdown notes
    (``notes``: a name a bullet), or YAML (``yaml``: the control, round 126's fix)."""
    names = (SERVICE, *OTHER_SERVICES)
    if how == "xlsx":
        rows = [("服务名称", "服务时间"), *((name, "7x24") for name in names)]
        return "records/service-catalogue.xlsx", _xlsx(rows)
    if how == "notes":
        listed = "".join(f"- {name}\n" for name in names)
        return "notes/services.md", f"# 服务目录（工作笔记）\n\n{listed}".encode()
    if how == "yaml":
        listed = "".join(f"  - {name}\n" for name in names)
        return "notes/services.yaml", f"services:\n{listed}".encode()
    raise ValueError(how)


def her_catalogue_then_his_doc(s, how: str = "xlsx", via: str = "forge") -> str:
    """Hole 4. 刘静 commits the service catalogue on main (``how``); 赵磊 writes his own
    SM-P-09 (夜间值班管理程序, his purpose) whose scope names one of the services as a bullet
    (round 126's ``his_doc("service")``); she approves. Returns the approval."""
    from rt126_helpers import his_doc

    first_approval(s)
    at, data = _catalogue(how)
    (s.root / at).parent.mkdir(parents=True, exist_ok=True)
    (s.root / at).write_bytes(data)
    s.git.commit("服务目录", who=DRAFTER)
    s.git.branch("feat")
    text = his_doc("service")
    assert f"- {SERVICE}\n" in text
    s.files.write(NEW, text)
    s.git.commit("新增夜间值班管理程序", who="zhaolei")
    return _approve(s, via)
