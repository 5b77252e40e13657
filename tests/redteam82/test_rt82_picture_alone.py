"""A chart redrawn by an approved merge of its own (no document in it), after V1.1 took
effect.

SM-P-01 V1.1 (第一版正文, chart red) in force from 2026-03-10; copy 02 of V1.1 issued
2026-03-12. On 2026-04-10 an approved merge changes only ``docs/procedures/flow.png`` (blue).

Three outputs, three answers on what V1.1's chart in force is:
- the site publishes the blue chart beside 第一版正文 (``assets_ahead``: the merge is an
  approval and nothing holds it back);
- ``pdf`` (a copy printed now) embeds the red one: the images of the approval the cover names
  (``Standing.vouched_by``, V1.1's approval: the picture's merge approved no version);
- ``recall-due`` keeps copy 02 (red): ``_prints_in_force`` compares the pictures of the copy's
  source with those of ``vouched_by``, the same commit.
Whichever is right, a reader holding copy 02 and one reading the site see different charts
for the same version, and nothing says so."""

from __future__ import annotations

import io

from pypdf import PdfReader
from rt75_helpers import BOTH, FLOW, built, picture
from rt78_helpers import due_copies, issued_copy

from history_helpers import body, cli, make_scenario
from site_helpers import site_repo

RED, BLUE = (200, 0, 0), (0, 0, 200)


def _png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, format="PNG")
    return out.getvalue()


def _redrawn(tmp_path, alone: bool = True):
    s = site_repo(make_scenario(tmp_path), as_of="2026-05-01")
    s.git.branch("cr-1")
    s.files.write(FLOW, _png(RED))
    s.files.doc(
        version="V1.1", body=body("见 ![流程](flow.png) 第一版正文"), effective_date="2026-03-10"
    )
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    issued_copy(s, "V1.1", "2026-03-12")
    s.git.branch("cr-2")
    s.files.write(FLOW, _png(BLUE))
    if not alone:  # a periodic review of V1.1 in the same merge
        s.files.doc(
            version="V1.1",
            body=body("见 ![流程](flow.png) 第一版正文"),
            effective_date="2026-03-10",
            extra="review_date: 2026-04-10\n",
        )
    s.git.commit("改流程图", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "改流程图", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return s


def _pdf_colours(s, tmp_path) -> set[tuple[int, int, int]]:
    copy = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-05-01", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    return {
        image.image.convert("RGB").getpixel((0, 0))
        for page in PdfReader(copy).pages
        for image in page.images
    }


def test_the_site_and_a_copy_printed_now_give_the_same_chart(tmp_path):
    """The site and ``pdf`` give the same chart for V1.1 on 2026-05-01; and copy 02 (red) is
    recalled exactly when that chart is not red."""
    s = _redrawn(tmp_path)
    on_site = picture(built(s, tmp_path))
    in_copy = _pdf_colours(s, tmp_path)
    assert in_copy == ({BLUE} if on_site == _png(BLUE) else {RED})
    assert (due_copies(s, "2026-07-01") == ["02"]) == (on_site == _png(BLUE))


def test_control_redrawn_at_a_review_all_three_agree(tmp_path):
    """Control (passes, right): the same redraw in a periodic review of V1.1: the site and
    ``pdf`` give the blue chart, and copy 02 (red) is recalled (round 81's fix)."""
    s = _redrawn(tmp_path, alone=False)
    assert picture(built(s, tmp_path)) == _png(BLUE)
    assert _pdf_colours(s, tmp_path) == {BLUE}
    assert due_copies(s, "2026-07-01") == ["02"]


# Decided (session 32): a picture in force is what a copy printed now embeds, its approved
# bytes as main stood at the approval that vouches for the text (approved_images): one
# answer for the site, ``pdf`` and ``recall-due``.


def test_a_chart_approved_alone_waits_for_an_approval_of_the_text(tmp_path):
    """The chart's merge approved no text: V1.1 is still given with the red chart it was
    approved with, on the site as on a copy, and copy 02 is kept."""
    s = _redrawn(tmp_path)
    assert picture(built(s, tmp_path)) == _png(RED)
    assert _pdf_colours(s, tmp_path) == {RED}
    assert due_copies(s, "2026-07-01") == []


def test_a_later_review_of_the_text_takes_the_chart_in(tmp_path):
    """A periodic review of V1.1 approved after the chart's merge vouches for the text as main
    then held it, the blue chart included: the site and ``pdf`` give it, and copy 02 (red) is
    recalled."""
    s = _redrawn(tmp_path)
    s.git.branch("review")
    s.files.doc(
        version="V1.1",
        body=body("见 ![流程](flow.png) 第一版正文"),
        effective_date="2026-03-10",
        extra="review_date: 2026-04-20\n",
    )
    s.git.commit("定期评审", who="zhaolei", date="2026-04-18T10:00:00+08:00")
    s.git.merge("review", "定期评审", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    assert picture(built(s, tmp_path)) == _png(BLUE)
    assert _pdf_colours(s, tmp_path) == {BLUE}
    assert due_copies(s, "2026-07-01") == ["02"]
