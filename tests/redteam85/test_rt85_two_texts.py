"""Hole 2: an image two texts in force show takes the later of their approvals' bytes on the
site, while a copy of the other text embeds its own: the site's page and the copy of SM-P-01's
text in force give different charts, and the one the site gives may be vouched for only by
the approval of a confidential document the site never shows.

SM-P-01 V1.1 shows flow.png (red), approved on 2026-03-10; copy 02 issued 2026-03-12. On
2026-04-01 both roles approve SM-P-02 V1.0 (in force at once) whose text shows the same chart
(``../procedures/flow.png``), redrawn blue in that merge; SM-P-01 is not in that merge. As of
2026-05-01: ``pdf SM-P-01`` prints red (its approval's bytes), ``recall-due`` keeps copy 02
(red), the site's own PDF copy of SM-P-01 is red, and SM-P-01's page on the same site shows
blue (``images_in_force``: "the later of the two"). README's "One picture in force" says the
site gives each image a text in force shows *as a copy printed now embeds it*; for SM-P-01 it
does not. With SM-P-02 confidential (never on the site), the blue chart beside SM-P-01 is
vouched for only by a merge the site's 审批记录 does not list."""

from __future__ import annotations

from rt85_helpers import (
    BLUE,
    FLOW,
    NET,
    RED,
    approved,
    base,
    built,
    colours,
    due_copies,
    file_colours,
    net,
    page_colours,
    png,
    site_colour,
)

CONFIDENTIAL = ("confidentiality: internal", "confidentiality: confidential")


def _scenario(tmp_path, secret: bool = False, shows: bool = True):
    s = base(tmp_path, site_pdf=True)
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    text = net(day="2026-04-01")
    if not shows:
        text = text.replace("../procedures/flow.png", "../procedures/other.png")
    s.files.write(NET, text.replace(*CONFIDENTIAL) if secret else text)
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    return s


def test_setup_pdf_and_recall_due_give_sm_p_01_its_red_chart(tmp_path):
    s = _scenario(tmp_path)
    assert colours(s, tmp_path) == {RED}
    assert due_copies(s, "2026-05-01") == []


def test_the_page_of_sm_p_01_gives_the_chart_its_copy_embeds(tmp_path):
    out = built(_scenario(tmp_path), tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}  # set-up: the site's own copy
    assert page_colours(out, "SM-P-01") == [RED]
    # fixed (session 33): SM-P-02's page keeps the chart approved with it; the picture's own
    # path serves that later approval's bytes, and SM-P-01's page has its own copy
    assert file_colours(out / "pdf/SM-P-02.pdf") == {BLUE}
    assert page_colours(out, "SM-P-02") == [BLUE]


def test_a_confidential_texts_approval_never_decides_sm_p_01s_chart(tmp_path):
    out = built(_scenario(tmp_path, secret=True), tmp_path)
    assert not (out / "network/net/index.html").exists()  # set-up: SM-P-02 is not published
    assert site_colour(out, "procedures/flow.png") == RED
    assert page_colours(out, "SM-P-01") == [RED]


def test_control_a_merge_whose_text_does_not_show_the_chart_waits(tmp_path):
    """Held: SM-P-02 shows another picture; the blue flow.png in its merge waits for an
    approval of a text that shows it, on the site as in pdf."""
    s = _scenario(tmp_path, shows=False)
    assert colours(s, tmp_path) == {RED}
    assert site_colour(built(s, tmp_path), "procedures/flow.png") == RED


def _picture_alone_then_review_of_another(tmp_path):
    """SM-P-02 V1.0 (showing the chart plainly) in force 2026-03-12; on 2026-04-01 a merge of
    its own redraws flow.png blue (README: it waits for an approval of a text that shows
    it); on 2026-04-10 a periodic review of SM-P-02 (front matter only) is approved."""
    s = base(tmp_path, site_pdf=True)
    s.git.branch("net-1")
    s.files.write(NET, net(day="2026-03-12"))
    approved(s, "net-1", "网络管理程序", "2026-03-12", 3)
    s.git.branch("picture")
    s.files.write(FLOW, png(BLUE))
    approved(s, "picture", "改图", "2026-04-01", 4)
    s.git.branch("net-review")
    s.files.write(NET, net(day="2026-03-12", extra="review_date: 2026-04-10\n"))
    approved(s, "net-review", "网络管理程序定期评审", "2026-04-10", 5)
    return s


def test_a_review_of_another_document_does_not_change_sm_p_01s_page(tmp_path):
    s = _picture_alone_then_review_of_another(tmp_path)
    assert [r[:3] for r in s.summary("SM-P-02")][-1] == ("review", "V1.0", True)  # set-up
    assert colours(s, tmp_path) == {RED}  # set-up: SM-P-01's copy printed now
    assert due_copies(s, "2026-05-01") == []  # set-up: copy 02 is kept
    out = built(s, tmp_path)
    assert page_colours(out, "SM-P-01") == [RED]
    assert page_colours(out, "SM-P-02") == [BLUE]  # its review took the picture into force
