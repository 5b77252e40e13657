"""Hole 3 (high): `_baseline_named` gives the picture a secret baseline text names as
`<text's commit>:<picture>`: the bytes the picture had when the text was last changed, not the
bytes of the tree control began with. When the chart was redrawn before control began, after
its text's last change (an everyday history: a figure updated without touching the text),
`_secret_bytes` marks only the old bytes as the secret's; the bytes control began with count
as public (`began`). The chart's own name stays back, but the same bytes under another name
(a copy in that tree, or one a later approval of a public document adds) are published on the
site and in the PDF copy. With the chart's bytes unchanged since the text (the control), the
copy stays back (round 105's rule)."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, built_site, leaks, png
from rt114_helpers import COPY, FIG, ID_MARKS, PIXELS, SECRET, SECRET_TEXT, Precontrol, page_shows

from secret_figures import pdf_images
from site_helpers import site_repo

OPEN = "open (round 114): hole 3 (HIGH): the bytes a secret baseline text names are read at the text's commit, not in the tree control began with: a copy of the redrawn chart is published"


def redrawn(scenario, redraw: bool, copy_in_baseline: bool = True):
    """SM-P-07's text (naming fig.png) and fig.png committed before control; the chart redrawn
    in a later pre-control commit (``redraw``) or not; a copy of its bytes as copy.png in the
    tree control began with, or added by an approval of SM-P-01; SM-P-01 shows copy.png."""
    pre = Precontrol(scenario)
    pre.commit({SECRET: SECRET_TEXT, FIG: png(b"FIRSTDRAFT") if redraw else PIXELS})
    if redraw:
        pre.commit({FIG: PIXELS}, "更新流程图")
    if copy_in_baseline:
        scenario.files.write(COPY, PIXELS)
    s = site_repo(scenario)
    if not copy_in_baseline:
        approve(s, "cr-copy", {COPY: PIXELS}, "新增图片", 1)
    page_shows(s, "copy.png", 2)
    return s


def test_control_a_chart_unchanged_since_its_text_stays_back_under_any_name(scenario, tmp_path):
    s = redrawn(scenario, redraw=False)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_control_a_copy_added_later_of_an_unchanged_chart(scenario, tmp_path):
    s = redrawn(scenario, redraw=False, copy_in_baseline=False)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_redrawn_chart_under_its_own_name(scenario, tmp_path):
    """fig.png itself stays back (the path is the secret's, whatever bytes)."""
    pre = Precontrol(scenario)
    pre.commit({SECRET: SECRET_TEXT, FIG: png(b"FIRSTDRAFT")})
    pre.commit({FIG: PIXELS}, "更新流程图")
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("copy_in_baseline", [True, False], ids=["baseline-copy", "approved-copy"])
def test_a_copy_of_a_chart_redrawn_before_control_stays_back(scenario, tmp_path, copy_in_baseline):
    s = redrawn(scenario, redraw=True, copy_in_baseline=copy_in_baseline)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []


def test_the_pdf_copy_leaves_the_redrawn_charts_copy_out(scenario, tmp_path):
    s = redrawn(scenario, redraw=True, copy_in_baseline=False)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0
