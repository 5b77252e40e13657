"""Hole 1 (high): a public page whose text is still the one it had before control began
(never approved since) shows its pictures as Git held them at that text's own pre-control
commit (``pages_in_force``: the vouching commit is the baseline revision's; ``ApprovedImages
.source`` answers a commit that is no approval with that commit itself). ``brought_by_hidden``
judges such a commit as the latest, and for a picture no change after control began touched
it compares the bytes of **the tree control began with** (``began``), not the bytes it is
about to read. So a picture that held a copy of a secret baseline chart's bytes when the public
text was last changed, and was redrawn or deleted before control began, is served with the
secret bytes; and so is the secret chart itself under the name it had then (the chart renamed
before control began, the secret text made to name the new one). Site and PDF copy, control
begun or not (``history.head`` as the baseline tree). With the copy unchanged (the control)
it stays back (round 105's rule)."""

from __future__ import annotations

import subprocess

import pytest
from rt41_helpers import built_site, leaks, pack_leaks
from rt115_helpers import COPY, ID_MARKS, MARKS, PIXELS, baseline_page_picture

from secret_figures import pdf_images

OPEN = "open (round 115): hole 1 (HIGH): a baseline page's picture is read at the text's pre-control commit but judged by the tree control began with: a copy of a secret chart redrawn, deleted or renamed before control began is published"

HOWS = ["redraw", "delete", "renamed"]


@pytest.mark.parametrize("begun", [True, False], ids=["begun", "not-begun"])
def test_control_the_unchanged_copy_on_a_baseline_page_stays_back(scenario, tmp_path, begun):
    s = baseline_page_picture(scenario, "none", begun)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_page_text_is_the_baseline_one(scenario):
    """What the attack rests on: SM-P-01 has no approval after control began, and the copy
    in the tree control began with holds other bytes than at the page text's commit."""
    s = baseline_page_picture(scenario, "redraw")
    history = s.history()
    doc = history.documents["SM-P-01"]
    assert doc.revisions == () or all(r.kind == "baseline" for r in doc.revisions)
    began = f"{history.events[0].commit}^"

    def held(at: str) -> bytes:
        return subprocess.run(["git", "show", f"{at}:{COPY}"], cwd=s.root, capture_output=True,
                              check=True).stdout  # fmt: skip

    assert held(doc.baseline.commit) == PIXELS
    assert held(began) != PIXELS


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("begun", [True, False], ids=["begun", "not-begun"])
def test_a_secret_chart_on_a_baseline_page_stays_back(scenario, tmp_path, how, begun):
    s = baseline_page_picture(scenario, how, begun)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


@pytest.mark.parametrize("how", ["delete", "renamed"])
def test_the_pdf_copy_of_a_baseline_page_leaves_the_secret_chart_out(scenario, tmp_path, how):
    s = baseline_page_picture(scenario, how)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_pdf_copy_of_a_baseline_page_embeds_the_picture_control_began_with(scenario, tmp_path):
    """Fixed (session 39): a baseline text's pictures are read in the tree control began
    with, for the copy as for the page: the redrawn (harmless) bytes, one picture, never the
    secret bytes the text's own commit held (the PDF keeps no PNG comment, so the bytes are
    asserted where the copy reads them)."""
    from doccontrol.approved_images import approved_images

    s = baseline_page_picture(scenario, "redraw")
    history = s.history()
    at = approved_images(history).source(COPY, history.documents["SM-P-01"].baseline.commit)
    assert at == f"{history.events[0].commit}^"
    shown = subprocess.run(["git", "show", f"{at}:{COPY}"], cwd=s.root, capture_output=True,
                           check=True).stdout  # fmt: skip
    assert shown != PIXELS
    assert pdf_images(s, tmp_path / "copy.pdf") > 0


def test_held_the_audit_pack_with_the_site_carries_no_secret_chart(scenario, tmp_path):
    s = baseline_page_picture(scenario, "redraw")
    site = built_site(s, tmp_path / "site")
    assert pack_leaks(s.root, tmp_path / "pack.zip", MARKS, "--site", str(site)) == []


def test_held_the_baseline_page_leaks_no_secret_id_title_or_text(scenario, tmp_path):
    """Only the picture goes: the secret id, title and text stay out."""
    s = baseline_page_picture(scenario, "redraw")
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []


def test_held_the_audit_pack_alone_carries_no_picture(scenario, tmp_path):
    s = baseline_page_picture(scenario, "redraw")
    assert pack_leaks(s.root, tmp_path / "pack.zip", ID_MARKS) == []
