"""Hole 4: a reference definition inside a block quote (``> [f]: flow.png``) or indented four
spaces in a list item is one Python-Markdown takes (the page and a PDF copy show the image),
but ``page_links._LINK_TARGET`` reads a definition only at the start of a line with at most
three spaces before it: ``images_used`` (and so ``StoredVersions.shown_images``/``pictures``,
``images_in_force``) never sees the picture.

SM-P-01 V1.1 shows flow.png (red) as ``![流程][f]`` with its definition so placed, approved on
2026-03-10; copy 02 issued 2026-03-12. A periodic review on 2026-04-10 redraws flow.png blue
(both roles approve it: a legitimate redraw). As of 2026-05-01:
- ``pdf SM-P-01`` embeds the blue chart (a copy printed now);
- ``recall-due`` keeps copy 02, which holds the red one (``_same_print`` compares two empty
  picture sets);
- the site leaves flow.png out (the page in force shows a broken image).
With ``![流程](flow.png)`` (control) copy 02 is recalled and the site gives the blue chart.

Hole 4b (high), the same miss in ``images_in_force``: SM-P-01 V1.1 (nested definition, red
chart) in force; SM-P-02 V1.0 (in force 2026-03-12) shows ``../procedures/flow.png`` plainly
and is made obsolete on 2026-03-20 (its page stays on the site, with its picture); on
2026-04-01 a merge of its own redraws flow.png blue. README: a picture approved alone waits
for an approval of a text that shows it. ``images_in_force`` reads no picture in SM-P-01's
text and skips SM-P-02 (not in force), so nothing holds the blue chart: SM-P-01's page in
force shows it, while ``pdf`` prints red and copy 02 (red) is kept."""

from __future__ import annotations

import pytest
from rt85_helpers import (
    BLUE,
    FLOW,
    RED,
    approved,
    base,
    built,
    colours,
    due_copies,
    net_made_obsolete,
    png,
    site_colour,
    v11,
)

TEXTS = {
    "blockquote": "见 ![流程][f] 第一版正文\n\n> [f]: flow.png\n",
    "list-item": "见 ![流程][f] 第一版正文\n\n- 附图\n\n    [f]: flow.png\n",
}
PLAIN = "见 ![流程](flow.png) 第一版正文"


def _redrawn_at_review(tmp_path, text: str):
    s = base(tmp_path, text=text)
    s.git.branch("review-2")
    s.files.write(FLOW, png(BLUE))
    s.files.write(
        "docs/procedures/test.md",
        v11(text=text).replace("review_interval", "review_date: 2026-04-10\nreview_interval"),
    )
    approved(s, "review-2", "定期评审", "2026-04-10", 2)
    return s


@pytest.mark.parametrize("where", list(TEXTS))
def test_setup_a_copy_printed_now_embeds_the_redrawn_chart(tmp_path, where):
    s = _redrawn_at_review(tmp_path, TEXTS[where])
    assert [r[:3] for r in s.summary()][-1] == ("review", "V1.1", True)
    assert colours(s, tmp_path) == {BLUE}


@pytest.mark.parametrize("where", list(TEXTS))
def test_copy_02_with_the_old_chart_is_recalled(tmp_path, where):
    assert due_copies(_redrawn_at_review(tmp_path, TEXTS[where]), "2026-05-01") == ["02"]


@pytest.mark.parametrize("where", list(TEXTS))
def test_the_site_gives_the_chart_the_copy_embeds(tmp_path, where):
    out = built(_redrawn_at_review(tmp_path, TEXTS[where]), tmp_path)
    assert site_colour(out, "procedures/flow.png") == BLUE


def test_control_plain_image_copy_02_is_recalled_and_the_site_agrees(tmp_path):
    s = _redrawn_at_review(tmp_path, PLAIN)
    assert due_copies(s, "2026-05-01") == ["02"]
    assert site_colour(built(s, tmp_path), "procedures/flow.png") == BLUE


def _picture_alone_beside_an_obsolete_page(tmp_path, text: str):
    """Hole 4b's scenario: SM-P-01 V1.1 (``text``, red chart); SM-P-02 in force 2026-03-12
    showing the chart plainly, obsolete 2026-03-20; the chart redrawn blue alone 2026-04-01."""
    s = base(tmp_path, text=text)
    net_made_obsolete(s)
    s.git.branch("picture")
    s.files.write(FLOW, png(BLUE))
    approved(s, "picture", "改图", "2026-04-01", 5)
    return s


def test_a_picture_approved_alone_waits_beside_a_nested_definition(tmp_path):
    s = _picture_alone_beside_an_obsolete_page(tmp_path, TEXTS["blockquote"])
    out = built(s, tmp_path)
    assert (out / "network/net/index.html").exists()  # set-up: the obsolete page is given
    assert colours(s, tmp_path) == {RED}  # set-up: a copy printed now is red
    assert site_colour(out, "procedures/flow.png") == RED


def test_control_a_picture_approved_alone_waits_beside_a_plain_image(tmp_path):
    s = _picture_alone_beside_an_obsolete_page(tmp_path, PLAIN)
    assert site_colour(built(s, tmp_path), "procedures/flow.png") == RED
    assert colours(s, tmp_path) == {RED}
    assert due_copies(s, "2026-05-01") == []
