"""Hole 1 (high): before control began the picture rules read a secret text's pictures at
two places only: at the commit of each recorded version of the text, and in the tree control
began with (``_baseline_named``). A chart the secret text names that was **redrawn while the
text stood unchanged** (a commit that changed the picture alone), then moved or copied to
another name before control began, held the secret bytes only **between** those two places:
no recorded version's commit holds them at the name, the tree control began with no longer
holds them there. Their object id is never marked secret, the copy's bytes in the tree
control began with count as public, and a public page that shows the copy publishes the
chart (site and PDF). The same with a declared adoption (``control_since: <commit>`` set by
an approval) and with the text committed before the chart existed (``absent``).

Controls: the chart committed with the text (``direct``: the text's commit holds the bytes)
keeps the copy back, and so do the same steps made by approvals after control began (the
redraw is an approval of a picture a hidden version names: the bytes are the secret's)."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks
from rt117_helpers import ID_MARKS, MARKS, adoptable, between_under_control, between_versions

from secret_figures import pdf_images

OPEN = "open (round 117): hole 1 (HIGH): a secret text's chart redrawn before control began while the text stood unchanged, then moved or copied, is read neither at the text's commit nor in the tree control began with: its bytes are published by a public page that shows the copy"

HOWS = ["moved", "copied", "absent"]


def test_control_the_chart_committed_with_the_text_stays_back(scenario, tmp_path):
    s = between_versions(scenario, "direct")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_control_the_same_steps_under_control_keep_the_chart_back(scenario, tmp_path):
    s = between_under_control(scenario)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_control_a_declared_adoption_with_the_chart_committed_with_the_text(tmp_path):
    s = between_versions(adoptable(tmp_path / "a"), "direct", adoption=True)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_secret_text_is_recorded_and_names_the_chart(scenario):
    """What the attack rests on: the history records the secret version (one, the baseline)
    and it names fig.png; only the bytes fig.png held between its commit and the start of
    control are never read."""
    s = between_versions(scenario, "moved")
    doc = s.history().documents["SM-P-07"]
    assert doc.baseline is not None and doc.baseline.level == "secret"
    assert "fig.png" in s.git.run("show", f"{doc.baseline.commit}:docs/procedures/secret.md")


@pytest.mark.parametrize("how", HOWS)
def test_a_chart_redrawn_between_keeps_its_copy_back(scenario, tmp_path, how):
    s = between_versions(scenario, how)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


@pytest.mark.parametrize("how", HOWS)
def test_the_pdf_copy_leaves_a_chart_redrawn_between_out(scenario, tmp_path, how):
    s = between_versions(scenario, how)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_a_declared_adoption_keeps_a_chart_redrawn_between_back(tmp_path):
    s = between_versions(adoptable(tmp_path / "a"), "moved", adoption=True)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_chart_redrawn_between_leaks_no_id_title_or_text(scenario, tmp_path):
    s = between_versions(scenario, "copied")
    assert (
        leaks(built_site(s, tmp_path / "site"), ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
    )
