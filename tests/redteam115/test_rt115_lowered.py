"""Hole 2 (medium): the history records, for each file that claimed an id before control
began, only its **last** pre-control version (``_DocState.baseline_files`` is keyed by path,
each later version overwriting the one before; the baseline revision is the last version
too). A secret SM-P-07 whose file was rewritten at a publishable level before control began
(its chart's name dropped, or kept; or renumbered away and back) has no secret version left
for ``_secrecy``: with one file, ``baseline_files`` is pruned and the baseline revision is
``internal`` (``public_then``); with a twin, both recorded files are ``internal``. The secret
text that brought the chart is never read, so the chart is published (site and PDF) although
SM-P-07 stays hidden (its levels hold ``secret``).

Controls: the same secret text *deleted* before control began keeps the chart back (round
114), with or without the twin; the same lowering made by approvals after control began
keeps it back too (the chart's change was the secret version's)."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, built_site, leaks
from rt115_helpers import (
    FIG,
    ID_MARKS,
    LOWERED,
    LOWERED_NAMING,
    MARKS,
    PIXELS,
    SECRET,
    SECRET_TEXT,
    lowered_before_control,
    page_shows,
)

from secret_figures import pdf_images
from site_helpers import site_repo

OPEN = "open (round 115): hole 2 (MEDIUM): a secret file lowered to a public level (or renumbered away and back) before control began: only its last version is recorded, the secret text is never read and its chart is published"

HOWS = ["lowered", "lowered-naming", "leave-return"]


@pytest.mark.parametrize("how", ["none", "deleted"])
@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_control_a_secret_file_kept_or_deleted_before_control(scenario, tmp_path, how, twin):
    s = lowered_before_control(scenario, how, twin)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("text", [LOWERED, LOWERED_NAMING], ids=["lowered", "lowered-naming"])
def test_control_the_same_lowering_under_control_keeps_the_chart(scenario, tmp_path, text):
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: SECRET_TEXT, FIG: PIXELS}, "新增受控文件", 1)
    approve(s, "cr-lower", {SECRET: text.replace("V1.0", "V1.1")}, "降级", 2)
    page_shows(s, "fig.png", 3)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_lowered_id_is_still_hidden_and_its_secret_version_recorded(scenario):
    """Fixed (session 39): each file's last version at each level it carried before control
    began is recorded, so the secret one is read beside the lowered baseline."""
    s = lowered_before_control(scenario, "lowered", twin=True)
    doc = s.history().documents["SM-P-07"]
    assert "secret" in doc.levels  # hidden: above the limit in one version
    assert {level for _, _, level in doc.baseline_files} == {"internal", "secret"}
    assert doc.baseline.level == "internal"


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_a_secret_lowered_before_control_keeps_its_chart(scenario, tmp_path, how, twin):
    s = lowered_before_control(scenario, how, twin)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_the_pdf_copy_after_a_secret_lowered_before_control(scenario, tmp_path, twin):
    s = lowered_before_control(scenario, "lowered", twin)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_lowered_secret_leaks_no_id_title_or_text(scenario, tmp_path):
    s = lowered_before_control(scenario, "lowered", twin=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
