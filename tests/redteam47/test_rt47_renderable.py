"""Round 47 on validate/renderable.py after session 23 (tables read row by row, fenced code
not nesting): honest procedures DC222/DC223 still refuse although Python-Markdown renders
them at once. A refused body cannot be approved (`check`), and one approved before the
upgrade is left out of the site (a strict build fails)."""

from __future__ import annotations

import markdown
import pytest
from rt43_helpers import approved_doc, run
from test_rt45_renderable import build, sla_table

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc", "pymdownx.superfences"]

# a two-column text diagram: the right column's items start at column 80
DIAGRAM = ["事件受理 ──────────────> 影响评估", " " * 80 + "- 评估影响", " " * 80 + "- 通知客户"]
FENCE = "```text\n" + "\n".join(DIAGRAM) + "\n```\n"


def _indented(text: str) -> str:
    return "\n".join(("    " + line) if line else line for line in text.split("\n"))


HONEST = {
    # DC223: round 45 hole 5's diagram, in the places Material writes code: an admonition,
    # a list item, an indented code block, and a fence with superfences' attribute braces
    "fence-in-admonition": '## 附录\n\n!!! example "流程示意"\n\n' + _indented(FENCE),
    "fence-in-list": "## 附录\n\n1. 流程示意：\n\n" + _indented(FENCE),
    "indented-code": "## 附录\n\n流程示意：\n\n" + _indented("\n".join(DIAGRAM)) + "\n",
    "fence-with-attributes": "## 附录\n\n"
    + FENCE.replace("```text", '``` { .text title="流程示意" }'),
    # DC222: round 45 hole 4's service-level table, with a code span in its header (the
    # fix's _is_table says "not a table" in doubt and the whole table is one paragraph again)
    "table-with-code-in-header": sla_table(120).replace("| 优先级 |", "| `priority` |"),
    # DC222: the same table right under its heading, no blank line between (Python-Markdown
    # takes the heading off the block and reads the rest as a table; _rows sees a first line
    # without a pipe and counts the whole table as one paragraph)
    "table-under-a-heading": sla_table(120).replace("## 服务级别矩阵\n\n", "## 服务级别矩阵\n"),
    # DC222: the same table in a body that also has one Material grid (md_in_html), anywhere:
    # _units then takes the whole body as one stretch
    "table-beside-a-grid": '<div class="grid" markdown>\n\n联系人：张三\n\n</div>\n\n'
    + sla_table(120),
}


@pytest.mark.parametrize("text", HONEST.values(), ids=HONEST.keys())
def test_an_honest_procedure_is_not_refused_as_unrenderable(tmp_path, text):
    # the renderer takes it at once, as code (or a table), nothing nested
    html = markdown.markdown(text, extensions=EXTENSIONS)
    assert "<table>" in html or "<pre" in html
    s = approved_doc(tmp_path, text)
    checked = run(s.root, "check")
    out = checked.stdout + checked.stderr
    assert "DC222" not in out and "DC223" not in out, out[-600:]
    built = build(s.root, tmp_path / "site")
    assert built.returncode == 0, (built.stdout + built.stderr)[-800:]
    assert (tmp_path / "site/procedures/test/index.html").is_file(), (built.stdout + built.stderr)[
        -800:
    ]


# list levels separated by lone carriage returns: the loader turns only CR LF into LF, and
# the scan splits lines at LF alone, so it sees one line that starts with text; both
# renderers (Python-Markdown's whitespace normalising) read each CR as a line break
CR_NESTED = "嵌套清单：\r\r" + "".join(" " * (4 * i) + f"- 第{i}级\r" for i in range(300)) + "\n"


def test_nesting_hidden_behind_carriage_returns_is_reported_by_check(tmp_path):
    from rt43_helpers import crashed

    s = approved_doc(tmp_path, CR_NESTED)
    checked = run(s.root, "check")
    out = checked.stdout + checked.stderr
    built = build(s.root, tmp_path / "site")
    pdf = run(s.root, "pdf", "SM-P-01", "-o", str(tmp_path / "c.pdf"), timeout=300)
    failures = []
    if "Traceback" in built.stdout + built.stderr:
        failures.append(f"mkdocs build crashed: {(built.stdout + built.stderr)[-600:]}")
    if crashed(pdf.stdout + pdf.stderr):
        failures.append(f"pdf crashed: {pdf.stderr[-400:]}")
    if "DC223" not in out:
        failures.append(f"check passes what the renderer cannot take: {out[-300:]}")
    assert not failures, "\n".join(failures)
