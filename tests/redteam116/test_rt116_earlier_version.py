"""Hole 1 (high): before control began the history keeps, per file, only its **last**
version at each level it carried (``_DocState.baseline_files`` keyed by (path, level), each
later version at that key overwriting the one before; round 115's fix added the level to
the key). A secret SM-P-07 whose text named its chart in one pre-control version and no
longer names it in a later one **at the same path and level** leaves no record of the text
that brought the chart: ``_secrecy.began_with`` holds the later text only,
``_baseline_named`` finds no picture, the chart's bytes in the tree control began with
count as public, and a public page that shows the chart publishes it (site and PDF). The
same with a public twin beside, and with two unreadable level spellings (``[secret]``, then
``7``: both recorded as one level, ``?``).

Controls: the same secret text kept (``none``) keeps the chart back; so do the same two
versions made by approvals after control began (the chart's change was the secret
approval's), and the file moved before its text dropped the name (another path, another
key: held)."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks
from rt116_helpers import ID_MARKS, MARKS, earlier_secret_version, under_control

from secret_figures import pdf_images

FIXED = "fixed (session 39): hole 1 (HIGH): a secret text that named its chart in an earlier pre-control version at the same path and level is not recorded, so its chart is published once a later secret version drops the name"

HOWS = ["dropped", "other", "unreadable"]


@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_control_the_secret_text_kept_keeps_the_chart(scenario, tmp_path, twin):
    s = earlier_secret_version(scenario, "none", twin)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_control_the_same_versions_under_control_keep_the_chart(scenario, tmp_path):
    s = under_control(scenario, "dropped")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_file_moved_before_its_text_dropped_the_name(scenario, tmp_path):
    s = earlier_secret_version(scenario, "moved")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_text_that_named_the_chart_is_recorded(scenario):
    """What the attack rested on: one secret version was recorded, the later one. Fixed
    (session 39): every version before control began is, the earlier one first."""
    s = earlier_secret_version(scenario, "dropped")
    doc = s.history().documents["SM-P-07"]
    assert "secret" in doc.levels  # hidden
    recorded = [commit for commit, _, _ in doc.baseline_files]
    assert len(recorded) == 2 and recorded[-1] == doc.baseline.commit
    assert doc.baseline.level == "secret"


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_an_earlier_secret_version_keeps_its_chart(scenario, tmp_path, how, twin):
    s = earlier_secret_version(scenario, how, twin)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_the_pdf_copy_leaves_an_earlier_secret_versions_chart_out(scenario, tmp_path, twin):
    s = earlier_secret_version(scenario, "dropped", twin)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_earlier_version_leaks_no_id_title_or_text(scenario, tmp_path):
    s = earlier_secret_version(scenario, "dropped", twin=True)
    assert (
        leaks(built_site(s, tmp_path / "site"), ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
    )
