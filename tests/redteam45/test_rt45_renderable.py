"""Round 45 on validate/renderable.py (round 43's fix: DC223 nesting, DC222 brackets), as
`check`, the site (`mkdocs build`) and `pdf` use it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rt43_helpers import approved_doc, crashed, run

# 600 elements Python-Markdown reads as Markdown (md_in_html), each closed, as the scan
# counts, by an end tag it cannot see as one: in an HTML comment, or in an attribute value
COMMENTED = "".join('<div markdown="1">\n<!-- </div> -->\n' for _ in range(600))
COMMENTED += "正文\n" + "</div>\n" * 600
IN_ATTRIBUTE = "".join('<div markdown="1"><span title="</div>">注</span>\n' for _ in range(600))
IN_ATTRIBUTE += "正文\n" + "</div>\n" * 600


def build(root, out, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


@pytest.mark.parametrize("extra", [COMMENTED, IN_ATTRIBUTE], ids=["comment", "attribute"])
def test_md_in_html_nesting_hidden_from_the_scan_is_reported_not_a_crash(tmp_path, extra):
    s = approved_doc(tmp_path, extra)
    checked = run(s.root, "check")
    built = build(s.root, tmp_path / "site")
    out = built.stdout + built.stderr
    pdf = run(s.root, "pdf", "SM-P-01", "-o", str(tmp_path / "c.pdf"), timeout=300)
    failures = []
    if "Traceback" in out or "RecursionError" in out:
        failures.append(f"mkdocs build (exit {built.returncode}):\n{out[-800:]}")
    if crashed(pdf.stdout + pdf.stderr):
        failures.append(f"pdf (exit {pdf.returncode}): {pdf.stderr[-400:]}")
    if checked.returncode == 0:
        failures.append(f"check passes: {checked.stdout[-300:]}")
    assert not failures, "\n".join(failures)


def sla_table(rows: int) -> str:
    """A service-level matrix: each row gives half-open intervals, [a, b), the usual way to
    write a time band (an unmatched `[` each, as Markdown sees it)."""
    lines = [
        "## 服务级别矩阵",
        "",
        "| 服务 | 优先级 | 响应时限 | 解决时限 | 升级时限 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for i in range(rows):
        lines.append(
            f"| 业务系统{i:03d} | P{i % 4 + 1} | [0, 15) 分钟 | [0, 4) 小时 | [4, 8) 小时 |"
        )
    return "\n".join(lines) + "\n"


def test_a_service_level_table_with_intervals_is_not_refused(tmp_path):
    # 120 services, three time bands each: 6.5 KB. Python-Markdown reads a table cell by
    # cell and renders it in milliseconds, but _units takes the table as one paragraph and
    # charges each unmatched `[` the distance to the table's end (n² over the rows)
    import markdown

    table = sla_table(120)
    markdown.markdown(
        table,
        extensions=[
            "tables",
            "attr_list",
            "md_in_html",
            "admonition",
            "toc",
            "pymdownx.superfences",
        ],
    )
    # the renderer takes it at once (measured: milliseconds; never timed in a test)
    s = approved_doc(tmp_path, table)
    checked = run(s.root, "check")
    assert "DC222" not in checked.stdout + checked.stderr, checked.stdout
    built = build(s.root, tmp_path / "site")
    assert built.returncode == 0, (built.stdout + built.stderr)[-800:]
    assert (tmp_path / "site/procedures/test/index.html").is_file(), (built.stdout + built.stderr)[
        -800:
    ]


# a two-column text diagram in a fenced block: the right column's items start at column 80
DIAGRAM = (
    "## 变更审批流程\n\n```text\n"
    + "服务台"
    + " " * 74
    + "变更经理\n"
    + " " * 80
    + "- 评估影响\n"
    + " " * 80
    + "- 批准或拒绝\n"
    + "```\n"
)


def test_a_wide_text_diagram_in_a_code_block_is_not_refused_as_nesting(tmp_path):
    # Python-Markdown nests nothing inside a fenced block (it is text), but _nesting reads
    # every line of the body: 80 columns before "- " count as 20 list levels, DC223
    s = approved_doc(tmp_path, DIAGRAM)
    checked = run(s.root, "check")
    assert "DC223" not in checked.stdout + checked.stderr, checked.stdout
    built = build(s.root, tmp_path / "site")
    assert built.returncode == 0, (built.stdout + built.stderr)[-800:]
    page = tmp_path / "site/procedures/test/index.html"
    assert page.is_file() and "批准或拒绝" in page.read_text("utf-8"), (
        built.stdout + built.stderr
    )[-800:]


def test_a_body_without_brackets_does_not_hang_the_pdf_copy(tmp_path):
    # round 43, hole 2 asked for a bound on what rendering one page may cost, for the site
    # and pdf; the fix bounds brackets only. Tag openers never closed ("<a " on one line) are
    # as quadratic in Python-Markdown ("<a " x 8,000 = 4 s alone). The site lifts raw HTML
    # out first (raw_html.lift) and builds this page in a second; `pdf` hands the body to
    # Python-Markdown as it is: 90 KB take over a minute (75 s measured), 1 MiB would take
    # hours, and check says nothing
    s = approved_doc(tmp_path, "<a " * 30000 + "\n")
    checked = run(s.root, "check")
    # check refuses it (DC222), and pdf refuses it before the renderer sees it; how long the
    # renderer would take is measured, never timed in a test
    assert checked.returncode != 0 and "DC222" in checked.stdout, checked.stdout
    pdf = run(s.root, "pdf", "SM-P-01", "-o", str(tmp_path / "c.pdf"))
    assert pdf.returncode == 2 and "DC222" in pdf.stderr, pdf.stderr
    assert not (tmp_path / "c.pdf").exists()
