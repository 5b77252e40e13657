"""The `front-matter` exemption: a revision whose body did not change asks for no new
acknowledgement. "Did not change" is read from the 更改处 (changed sections) history records.
Can a revision change what the document says while history records no changed section?"""

from __future__ import annotations

from rt42_helpers import owed, run

from ack_records import ack_path, ack_text
from builders import PROJECT, SECTIONS, procedure
from history_helpers import make_scenario

DOC = "docs/procedures/test.md"


def _body(preamble="", extra_first="", dup_first="说明甲。", dup_last="说明乙。"):
    parts = [preamble] if preamble else []
    for n, s in enumerate(SECTIONS, 1):
        parts.append(f"## {n} {s}\n\n{s}的内容。{extra_first if n == 1 else ''}\n")
    parts.append(f"## 说明\n\n{dup_first}\n")
    parts.append("## 附录\n\n附录。\n")
    parts.append(f"## 说明\n\n{dup_last}\n")
    return "\n".join(parts)


def _scenario(tmp_path, first_body):
    import shutil

    s = make_scenario(tmp_path)
    s.files.write(DOC, procedure(body=first_body))
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        s.root / "schemas/records/acknowledgement.schema.json",
    )
    s.git.commit("导入", who="wangfang", date="2026-01-01T12:00:00+08:00")  # pre-control
    s.files.write(ack_path("wangfang"), ack_text("wangfang"))
    s.git.commit("阅知确认 V1.0", who="wangfang", date="2026-01-09T10:00:00+08:00")
    return s


def _approve(s, text):
    s.git.branch("v11")
    s.files.write(DOC, text)
    s.git.commit("修订 V1.1", who="zhaolei", date="2026-01-10T10:00:00+08:00")
    return s.git.merge("v11", "修订为 V1.1", date="2026-01-11T10:00:00+08:00")


def test_removing_the_text_before_the_first_heading_is_a_change(tmp_path):
    """V1.0 opens with a paragraph before its first heading (本程序仅适用于…); V1.1 drops it.
    What the document says changed: 王芳's acknowledgement of V1.0 is no acknowledgement of
    V1.1, and the 变更履历 names a changed section."""
    s = _scenario(tmp_path, _body(preamble="本程序仅适用于一级变更，二级变更另行审批。\n"))
    _approve(s, procedure(version="V1.1", effective_date="2026-01-12", body=_body()))
    _, rows, _ = owed(s, "2026-02-20")
    assert rows["wangfang"]["version"] == "V1.1"
    assert rows["wangfang"]["acknowledged"] == "", rows["wangfang"]


def test_a_change_hidden_by_a_repeated_heading_is_a_change(tmp_path):
    """Two sections are titled 说明. V1.1 rewrites the first one's text to the second's:
    说明甲 becomes 说明乙. The text changed; history compares each section with the LAST
    section of that title in the old version and sees none."""
    s = _scenario(tmp_path, _body())
    _approve(
        s,
        procedure(version="V1.1", effective_date="2026-01-12", body=_body(dup_first="说明乙。")),
    )
    _, rows, _ = owed(s, "2026-02-20")
    assert rows["wangfang"]["version"] == "V1.1"
    assert rows["wangfang"]["acknowledged"] == "", rows["wangfang"]
    log = run(s, "log", "SM-P-01", "--format", "json")
    assert "说明" in log.stdout, log.stdout  # the 变更履历 names the changed section
