"""The register a PDF copy embeds ({{ register }}, pdf/facts.py) as Python-Markdown renders
it: a title is text in its cell, never raw HTML that ends the cell and adds a row."""

from __future__ import annotations

import datetime
import re

import markdown

from builders import RepoBuilder, procedure
from doccontrol import catalogue
from doccontrol.load import repository
from doccontrol.pdf import facts
from history_helpers import Scenario, body

FORGED = "程序</td></tr><tr><td>SM-P-99</td><td>伪造 & <b>粗体</b> | 列"


def test_a_title_is_text_in_the_embedded_register(tmp_path):
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    quoted = "'" + FORGED.replace("'", "''") + "'"
    builder.write(
        "docs/procedures/other.md", procedure(doc_id="SM-P-02", title=quoted, body=body("目的"))
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T10:00:00+08:00")
    repo = repository.load(s.root)
    text = facts._register(
        repo, s.history(), datetime.date(2026, 6, 1), "internal", None, catalogue.load("zh")
    )
    html = markdown.markdown(text, extensions=["tables"])
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in rows[1:]]
    assert [c[0] for c in cells] == ["SM-P-01", "SM-P-02"]
    assert (
        cells[1][1]
        == "程序&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SM-P-99&lt;/td&gt;&lt;td&gt;伪造 &amp; &lt;b&gt;粗体&lt;/b&gt; | 列"
    )
