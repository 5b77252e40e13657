"""A change of V1.1's text approved at V1.1 while it is in force (DC511), with its chart
redrawn.

The flow-chart site's first step only: V1.1 (第一版正文, FLOW-V1.1) in force from 2026-03-10.
On 2026-04-10 an approved merge changes the text at V1.1 (第一版改写正文, DC511, not blocking)
and redraws the chart (FLOW-DRIFT). The text in force stays V1.1's first text (``show``, the
site and a PDF copy give 第一版正文: ``standing.not_its_text``; README "A periodic review's
front matter").

``publishing.assets_ahead`` holds back pictures of approvals that wait, never take effect
(``superseded``), or come after a text given back; the DC511 change is none of these (it is
only ``off_text``), so its chart FLOW-DRIFT is published beside 第一版正文, a text it was
never in force with. A PDF copy of V1.1 printed now embeds the images of the approval the
cover names (``vouched_by``: the first approval of V1.1, FLOW-V1.1), and ``recall-due``
judges copies by the same: the site and the copy disagree. Round 81's report named this gap
("Read, not tested"); round 80's and 81's rule for a text given back is the one that fits:
what an approval that is not the text in force changed is not published with that text."""

from __future__ import annotations

import io

from rt74_helpers import run
from rt75_helpers import BOTH, FLOW, built, drawn, page_text, picture
from rt78_helpers import due_copies, issued_copy

from history_helpers import body, cli, make_scenario
from rules_attacks import png
from site_helpers import site_repo


def _drifted(
    tmp_path,
    as_of: str = "2026-05-01",
    change_text: bool = True,
    issued: str | None = None,
    charts: tuple[bytes, bytes] = (png(b"FLOW-V1.1"), drawn("FLOW-DRIFT")),
):
    s = site_repo(make_scenario(tmp_path), as_of=as_of)
    s.git.branch("cr-1")
    s.files.write(FLOW, charts[0])
    s.files.doc(
        version="V1.1", body=body("见 ![流程](flow.png) 第一版正文"), effective_date="2026-03-10"
    )
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    if issued is not None and issued < "2026-04-10":
        issued_copy(s, "V1.1", issued)
    s.git.branch("cr-2")
    s.files.write(FLOW, charts[1])
    text = "第一版改写正文" if change_text else "第一版正文"
    # unchanged, the text is approved again as a periodic review (a new review_date: the file
    # changes, so the merge approves the document and not the chart alone)
    s.files.doc(
        version="V1.1",
        body=body(f"见 ![流程](flow.png) {text}"),
        effective_date="2026-03-10",
        extra="" if change_text else "review_date: 2026-04-10\n",
    )
    s.git.commit("改写", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "改写", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    if issued is not None and issued >= "2026-04-10":
        issued_copy(s, "V1.1", issued)
    return s


def test_the_page_gives_the_text_in_force_with_its_own_chart(tmp_path):
    """Fixed (session 31): The page gives 第一版正文 (V1.1's text in force) with FLOW-V1.1 (or no chart), never
    FLOW-DRIFT."""
    s = _drifted(tmp_path)
    out = built(s, tmp_path)
    page = page_text(out)
    assert "第一版正文" in page and "第一版改写正文" not in page
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


def test_control_show_gives_the_first_text(tmp_path):
    """Control (passes): ``show`` gives 第一版正文, V1.1's text in force."""
    s = _drifted(tmp_path)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "第一版正文" in shown.stdout and "第一版改写正文" not in shown.stdout


def test_control_a_periodic_review_redraw_is_published(tmp_path):
    """Control (passes, right): a review of V1.1 with its text unchanged that redraws the
    chart is the text in force approved again: its chart is published (round 81 recalls a
    copy printed before it)."""
    s = _drifted(tmp_path, change_text=False)
    out = built(s, tmp_path)
    assert "第一版正文" in page_text(out)
    assert picture(out) == drawn("FLOW-DRIFT")


def test_control_recall_due_keeps_a_copy_with_the_first_chart(tmp_path):
    """Control (passes): a copy of V1.1 issued on 2026-03-12 (第一版正文, FLOW-V1.1) is kept:
    recall-due holds FLOW-V1.1 to be the chart in force, the site FLOW-DRIFT."""
    s = _drifted(tmp_path, issued="2026-03-12")
    assert due_copies(s, "2026-07-01") == []


def test_a_copy_printed_after_the_change_is_kept(tmp_path):
    """Fixed (session 31): Copy 02 issued on 2026-04-12: ``pdf`` prints V1.1's text in force (第一版正文, the
    images of the approval the cover names: V1.1's first), which is what the copy holds. Kept,
    as the copy of 2026-03-12 is."""
    s = _drifted(tmp_path, issued="2026-04-12")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-04-12")
    assert shown.returncode == 0 and "第一版改写正文" not in shown.stdout
    assert due_copies(s, "2026-07-01") == []


def _png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, format="PNG")
    return out.getvalue()


RED, BLUE = (200, 0, 0), (0, 0, 200)


def test_the_pdf_copy_and_the_site_give_the_first_chart(tmp_path):
    """With V1.1's chart red and the DC511 change's blue, ``pdf`` (the copy printed now)
    embeds the red chart beside 第一版正文, and the site publishes the red one too (it
    published the blue one before session 31)."""
    from pypdf import PdfReader

    s = _drifted(tmp_path, charts=(_png(RED), _png(BLUE)))
    copy = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-05-01", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    colours = {
        image.image.convert("RGB").getpixel((0, 0))
        for page in PdfReader(copy).pages
        for image in page.images
    }
    assert colours == {RED}
    assert picture(built(s, tmp_path)) == _png(RED)
