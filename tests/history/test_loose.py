"""history/loose.py on real repositories: text the line held at paths no approval judged, and
who wrote it when a change lands it in a document (rounds 123 and 124)."""

from __future__ import annotations

from doccontrol.history import loose
from doccontrol.history.gitread import GitReader
from gitrepo import PEOPLE, GitRepo

DRAFT = "Her purpose clause for change records.\nHer scope clause for every service.\n"


def _write(g: GitRepo, text: str | bytes, path: str) -> None:
    (g.root / path).parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        (g.root / path).write_bytes(text)
    else:
        (g.root / path).write_text(text)
    g.run("add", "-A")


def _index(reader: GitReader, tip: str, accepted: dict[str, set[str]] | None = None):
    found: dict[str, loose.Source] = {}
    for commit in reader.first_parent_commits(tip):
        changes = loose.loose_changes(commit, (accepted or {}).get(commit.sha, ()))
        texts = reader.files_of([change.new_blob or "" for change in changes])
        loose.add(found, commit, changes, texts)
    return found


def _names(found) -> set[str]:
    return {ancestor.author_name for _, ancestor in found}


def _nothing() -> set[str]:
    return set()


def test_a_draft_beside_the_documents_stays_its_writers_wherever_it_lands(tmp_path):
    g = GitRepo(tmp_path)
    _write(g, "## 1 目的\nold text of the first procedure\n", "docs/old.md")
    g.commit("first procedure", who="wangfang")
    _write(g, DRAFT, "drafts/p9.md")
    draft = g.commit("draft kept aside", who="liujing")
    g.run("rm", "-q", "drafts/p9.md")
    tip = g.commit("taken back", who="liujing")
    with GitReader(tmp_path) as reader:
        found = _index(reader, tip)
        assert found["Herpurposeclauseforchangerecords."] == (draft, "drafts/p9.md", "")
        landed = ["## 1 目的\n" + DRAFT + "His own line about scope.\n"]
        owed = loose.writers(reader, found, landed, _nothing)
        assert _names(owed) == {PEOPLE["liujing"][0]}
        # a line some document held is nobody's new text; the change's own commits are not owed
        assert loose.writers(reader, found, landed, lambda: set(found)) == []
        assert loose.writers(reader, found, landed, _nothing, {draft}) == []
        # text of his own lands nothing the index holds: git is not asked
        assert loose.writers(reader, found, ["His own line about scope.\n"], _nothing) == []


def test_a_merge_that_put_a_draft_on_the_line_owes_its_sides_writer_not_its_maker(tmp_path):
    g = GitRepo(tmp_path)
    _write(g, "start of the repository\n", "README.md")
    g.commit("start")
    g.branch("cfg")
    _write(g, "rules: changed\n", "doccontrol.yml")
    _write(g, DRAFT, "drafts/p9.md")
    g.commit("rules, and a draft beside them", who="liujing")
    g.checkout("main")
    g.run("merge", "-q", "--no-ff", "-m", "approve the rules", "cfg")  # made by 王芳
    merge = g.head()
    with GitReader(tmp_path) as reader:
        # the approval accepted the rules: their lines are judged, the draft's are not
        found = _index(reader, merge, {merge: {"doccontrol.yml"}})
        assert "rules: changed" not in found
        owed = loose.writers(reader, found, [DRAFT], _nothing)
    assert _names(owed) == {PEOPLE["liujing"][0]}


def test_documents_short_lines_and_bytes_that_are_no_text_are_not_indexed(tmp_path):
    g = GitRepo(tmp_path)
    _write(g, "---\nid: SM-P-01\n---\nA procedure line long enough.\n", "docs/p1.md")
    _write(g, b"\x89PNG\r\n\x1a\n\xff\xfe binary run long enough\n", "docs/chart.png")
    _write(g, "- short\n\n|---|---|\n\nA record line long enough.\n", "records/r.yaml")
    tip = g.commit("start", who="liujing")
    with GitReader(tmp_path) as reader:
        assert set(_index(reader, tip)) == {"Arecordlinelongenough."}


def test_a_draft_is_found_however_it_was_wrapped_spaced_or_padded(tmp_path):
    """Her tricks that a verbatim copy keeps: lines hard-wrapped short (Markdown joins them),
    a line of bytes that are no UTF-8 opening the paragraph, NUL bytes, CRLF line ends; and a copy
    re-wrapped or re-spaced is still hers."""
    g = GitRepo(tmp_path)
    wrapped = "她起草的\r\n目的\x00条款\r\n适用于全部\r\n服务，由变更经理\r\n审批并在三日内\r\n回顾，相关记录\r\n保存三年。\r\n"
    line = b"A line   she wrote herself, long enough to count as text.\n"
    _write(g, b"\x00\xff\n" + wrapped.encode() + b"\n\n" + line, "d.txt")
    draft = g.commit("draft kept aside", who="liujing")
    with GitReader(tmp_path) as reader:
        found = _index(reader, draft)
        for landed in (
            wrapped.replace("\r", ""),  # as she wrapped it
            "她起草的目的\x00条款\n适用于全部服务，\n由变更经理审批并在三日内回顾，相关记录保存三年。\n",
            "  A line she **wrote**   herself, long enough to count as text.\n",  # re-spaced, marked
        ):
            assert _names(loose.writers(reader, found, [landed], _nothing)) == {
                PEOPLE["liujing"][0]
            }, landed
        # a name or a phrase of hers is no text she gave the change (SUBSTANTIAL)
        for landed in ("她起草的目的\x00条款\n", "A line she wrote herself, long"):
            assert loose.writers(reader, found, [landed], _nothing) == [], landed


def test_a_documents_text_is_its_front_matter_values_and_its_body():
    text = "\ufeff---\r\nid: SM-P-09\r\nchange: |\r\n  她写的变更说明。\r\n---\r\n## 1 目的\r\n正文。\r\n"
    lines = loose.landed_text(text.encode()).split("\n")
    assert {"SM-P-09", "|", "  她写的变更说明。", "## 1 目的", "正文。"} <= set(lines)
    assert not any("change" in line or "\r" in line for line in lines)
    assert loose.landed_text(b"no front matter\n") == "no front matter\n"
    assert loose.landed_text(None) == ""


def test_units_are_lines_and_paragraphs_without_white_space():
    assert loose.units("a\u3000b\u00a0c\td\r\n\ne f") == {"abcd", "", "ef"}
    assert loose.units("x\n\n\ny\nz") == {"x", "", "y", "z", "yz"}
    # a line end an editor shows inside a document's line is no line end there: deleted
    assert loose.units("one\u2028two") == {"onetwo"}
    assert loose.units("one\n two \n\n three") == {"one", "two", "onetwo", "", "three"}


def test_a_loose_file_is_read_as_an_editor_shows_it():
    text = "第一行草稿内容\n第二行草稿内容\n"
    for data in (
        text.encode("gb18030"),
        text.encode("utf-16"),  # with its mark
        text.encode("utf-16-le"),  # without
        text.encode("utf-16-be"),
        text.replace("\n", "\r").encode(),  # classic Mac line ends
        text.replace("\n", "\u2028").encode(),  # an editor's line separator
        text.replace("\n", "\r\n").encode("utf-8-sig"),
    ):
        assert loose.file_text(data).rstrip("\n") == text.rstrip("\n"), data
    # a line no encoding reads is blank, the rest still text
    assert loose.file_text(b"\x00\xff\xfe\x00\nplain line\n") == "\nplain line"
    # a binary file: no unit indexed from its bytes
    assert loose._file_units(bytes(range(256)) * 64) == set()


def test_a_short_list_item_in_a_record_is_a_name_in_a_draft_a_text():
    """A record lists a service (a name a document may name as its own); a draft's list items
    are its text however the list is spelt (marks, numbers, blank lines between items)."""
    record = "services:\n  - 客户门户托管服务\n".encode()
    assert "客户门户托管服务" not in loose._file_units(record, "records/cr/CR-1.yaml")
    draft = "- 变更经理审批紧急变更\n- 变更实施后三日内回顾\n".encode()
    found = loose._file_units(draft, "drafts/p9.md")
    assert {"变更经理审批紧急变更", "变更经理审批紧急变更变更实施后三日内回顾"} <= found
    assert "变更经理审批紧急变更" in loose.units("* 变更经理审批紧急变更\n\n1. 其他")
