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


def test_a_relabelling_nobody_approved_reaches_no_copy(tmp_path):
    """A direct commit calls the internal level 公开 and renames the owner department: a PDF
    copy, its cover and the register it embeds, carries the approved names, as the register
    does, and says why on stderr."""
    from history_helpers import cli, make_scenario
    from site_helpers import site_repo

    s = make_scenario(tmp_path)
    site_repo(s)
    s.files.doc(body=body("目的") + "\n## 附录\n\n<!-- doccontrol:register -->\n")
    s.git.commit("附上文件清单", who="wangfang", date="2026-01-01T12:00:00+08:00")
    s.set_config("{id: internal, label: 内部}", "{id: internal, label: 公开}")
    s.set_config("{name: 体系管理部", "{name: 外包商")
    s.git.commit("改标签", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    out = tmp_path / "copy.pdf"
    # the publishing limit falls to the lowest level while the config is pending: asked for
    made = cli(s.root, "pdf", "SM-P-01", "-o", str(out), "--as-of", "2026-06-01",
               "--max-confidentiality", "internal")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "按其批准的版本显示" in made.stderr
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "密级 内部" in text and "体系管理部" in text
    assert "公开" not in text and "外包商" not in text
