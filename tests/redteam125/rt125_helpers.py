"""Round 125's shared histories. Round 124's fix (``history/loose.py``) indexes the text each
main-line commit leaves at a path no approval judged (decoded as UTF-8, each line and each
paragraph without white space) and makes an approval owe the writer of any such unit its
documents land. Here 刘静 (the only approver of procedures) commits her SM-P-09 draft straight
on main at ``drafts/p9.md`` (no problem: nothing controlled changes) and removes it again. 赵磊
then branches from main (her draft is no longer in any tree his branch forks from: only the
index can name her), copies her text verbatim into ``docs/procedures/p9.md`` with his one
line (the scope clause), and she approves it. The draft differs only in how its bytes spell
the same text: its encoding or its line ends."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from rt27_helpers import new_doc
from rt122_helpers import DRAFTER, NEW, UNCONTROLLED, first_approval, verdict
from rt123_helpers import _approve

from history_helpers import body

__all__ = [
    "DRAFTER",
    "HER_CLAUSE",
    "NEW",
    "UNCONTROLLED",
    "draft_text",
    "her_draft_typed",
    "verdict",
]

HER_TITLE = "服务级别管理程序"
# her purpose clause: a paragraph of two hard-wrapped lines, each long enough to be a unit
HER_CLAUSE = (
    "本程序规定服务级别协议的策划、谈判、签署、监视和评审的职责与方法，\n"
    "确保公司对外承诺的服务级别可实现、可测量并持续得到满足。"
)
SCOPE_OLD = "适用范围的内容。"
SCOPE_NEW = "适用范围：全公司。"  # 赵磊's only line


def draft_text() -> str:
    """Her complete SM-P-09, front matter and all, as she means it to read."""
    return new_doc("SM-P-09", title=HER_TITLE, body=body(HER_CLAUSE))


def encode(text: str, how: str) -> bytes:
    """``text`` as the draft's bytes: ``utf-8`` (the control), another encoding the editors
    she and 赵磊 use read as it is (``gb18030``: the Chinese Windows default; ``utf-16``:
    Notepad's "Unicode", with its BOM; ``utf-8-sig``: UTF-8 with a BOM), UTF-8 with classic
    Mac line ends (``cr``) or Windows ones (``crlf``), or a Word file (``docx``: each line a
    paragraph, as Word saves it)."""
    if how == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    if how == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if how == "docx":
        return _docx(text.split("\n"))
    return text.encode(how)


def _docx(lines: list[str]) -> bytes:
    """The smallest Word document Word and LibreOffice open: one paragraph a line."""
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines
    )
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{paragraphs}</w:body></w:document>"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return out.getvalue()


def her_draft_typed(
    s, how: str = "utf-8", via: str = "forge", at: str = UNCONTROLLED
) -> tuple[str, str]:
    """After an ordinary approval, 刘静 commits her draft on main at ``at`` spelt
    ``how`` (a line commit no approval judged, no problem) and removes it (no problem). 赵磊
    branches ``feat`` from main, writes ``NEW`` as UTF-8 with her text verbatim and the scope
    clause his own, and she approves ``feat`` (``via``: her forge merge, or `doccontrol
    approve` run as her). Returns (her draft commit, the approval)."""
    first_approval(s)
    path = s.root / at
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode(draft_text(), how))
    draft = s.git.commit("草稿", who=DRAFTER)
    return draft, his_copy_approved(s, at, via)


def his_copy_approved(s, at: str, via: str) -> str:
    """The end of rounds 125 to 127's holes: 刘静 removes her draft at ``at`` on main; 赵磊
    branches ``feat`` from there, writes ``NEW`` with her text verbatim and the scope clause
    his own, and she approves ``feat`` (``via``). Returns the approval."""
    s.git.run("rm", "-q", at)
    s.git.commit("删除草稿", who=DRAFTER)
    s.git.branch("feat")
    s.files.write(NEW, draft_text().replace(SCOPE_OLD, SCOPE_NEW, 1))
    s.git.commit("补充说明", who="zhaolei")
    return _approve(s, via)
