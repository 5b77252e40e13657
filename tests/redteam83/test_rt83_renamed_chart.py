"""A picture the text in force shows, renamed (or deleted) in a merge held back for a later
version: ``assets_ahead`` names its bytes in force, but the plugin only restores files that
are still in the work tree.

SM-P-01 V1.1 (第一版正文, flow.png FLOW-V1.1) in force from 2026-03-10; SM-P-02 V1.0 (TOPO-1)
from 2026-03-12. On 2026-04-10 one approved merge approves SM-P-01 V1.2 for 2026-06-01,
renaming flow.png to flow-v2.png (redrawn FLOW-V1.2; V1.2 names flow-v2.png), and puts SM-P-02
V2.0 in force at once. Built as of 2026-05-01: V1.1 is in force and its page shows flow.png.

``publishing.assets_ahead`` holds flow.png (V1.1's text shows it) and gives its bytes in force
(the first approval's commit); ``DocControlPlugin.on_files`` looks each up only for the files
MkDocs found under docs/, and flow.png is no longer there: V1.1's page is published without
its chart (``<img src="flow.png">`` left unresolved: a broken image), while a PDF copy of V1.1 printed now embeds FLOW-V1.1."""

from __future__ import annotations

from rt75_helpers import drawn
from test_rt83_held_pictures_held import _site


def test_the_chart_in_force_is_published_after_a_held_rename(tmp_path):
    out = _site(tmp_path, "![流程](flow-v2.png)", "![流程](../procedures/flow-v2.png)", True)
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert "第一版正文" in page and 'src="../flow.png"' in page  # the chart, linked
    chart = out / "procedures/flow.png"
    assert chart.exists() and chart.read_bytes() == drawn("FLOW-V1.1")


def test_the_chart_in_force_is_published_after_a_held_deletion(tmp_path):
    """V1.2 drops the chart (deletes flow.png, names none); the rest as above."""
    out = _site(tmp_path, "无图", "", True, delete=True)
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert "第一版正文" in page and 'src="../flow.png"' in page  # the chart, linked
    chart = out / "procedures/flow.png"
    assert chart.exists() and chart.read_bytes() == drawn("FLOW-V1.1")


def test_control_without_the_rename_the_chart_in_force_is_published(tmp_path):
    """Control (passes): the same merge redrawing flow.png in place keeps FLOW-V1.1."""
    out = _site(tmp_path, "![流程](flow.png)", "![流程](../procedures/flow.png)", False)
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")


def test_control_a_pdf_copy_printed_now_embeds_the_chart(tmp_path):
    """Control (passes): ``pdf`` of SM-P-01 as of 2026-05-01 (V1.1) embeds the chart (its bytes
    at V1.1's approval, FLOW-V1.1), though the work tree no longer holds flow.png."""
    from pypdf import PdfReader

    from history_helpers import cli

    out = _site(tmp_path, "![流程](flow-v2.png)", "![流程](../procedures/flow-v2.png)", True)
    root = out.parent / "repo"
    assert not (root / "docs/procedures/flow.png").exists()
    copy = tmp_path / "copy.pdf"
    made = cli(root, "pdf", "SM-P-01", "--as-of", "2026-05-01", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    images = [i for page in PdfReader(copy).pages for i in page.images]
    assert images, made.stderr  # the chart, from V1.1's approval (weasyprint re-encodes it)
