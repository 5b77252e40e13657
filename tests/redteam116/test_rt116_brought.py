"""Hole 2 (low): a chart committed before control began in one commit with a secret text
and nothing else, which that text never names. Under control the same change (an approval
holding only hidden documents brings the picture) makes the bytes the secret's
(``brought_by_hidden``: ``all(held)``) and a public page showing it later is refused the
chart. Before control began, ``_baseline_named`` only knows pictures a secret text names:
the bytes count as public in the tree control began with, and the public page publishes
them (site and PDF). Control: the approval under control keeps the chart back."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks
from rt116_helpers import ID_MARKS, MARKS, brought_beside, under_control

from secret_figures import pdf_images

OPEN = "decided (session 39; policy: before control began nothing was approved, the tree control began with is read as one approval, and a picture no secret version there or before names is judged by that tree): hole 2 (LOW): a chart a pre-control commit brought with a secret text alone (never named) counts as public; the same approval under control makes it the secret's"


def test_control_the_same_change_under_control_keeps_the_chart(scenario, tmp_path):
    s = under_control(scenario, "brought")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.xfail(strict=True, reason=OPEN)
def test_a_chart_brought_beside_a_secret_text_before_control_stays_back(scenario, tmp_path):
    s = brought_beside(scenario)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


@pytest.mark.xfail(strict=True, reason=OPEN)
def test_the_pdf_copy_leaves_the_chart_brought_beside_a_secret_text_out(scenario, tmp_path):
    s = brought_beside(scenario)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_brought_chart_leaks_no_id_title_or_text(scenario, tmp_path):
    s = brought_beside(scenario)
    assert (
        leaks(built_site(s, tmp_path / "site"), ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
    )
