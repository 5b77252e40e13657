"""Hole 4 (medium): control never begun (every commit before `control_since`, as while a
project is being adopted). `brought_by_hidden` takes the pictures of the tree control began
with from `events[0].commit^`; with no events that map is empty, so round 105's rule (a copy,
under another name, of bytes a secret baseline text names stays back) has nothing to compare
with: the copy a public page shows is published on the site and embedded in the PDF copy.
The same tree with control begun (one approval after it) keeps the copy back. The chart's
own name, the secret id, title and text stay out either way.

Held: a shallow clone (`git clone --depth N`, as a CI checkout): the site has no approval
history and publishes no picture; `doccontrol pdf` refuses."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks
from rt114_helpers import (
    COPY,
    FIG,
    ID_MARKS,
    PIXELS,
    PUBLIC,
    SECRET,
    SECRET_TEXT,
    page_shows,
    shallow_clone,
)

from builders import procedure
from history_helpers import body, cli
from secret_figures import pdf_images
from site_helpers import site_repo

OPEN = "open (round 114): hole 4 (MEDIUM): with control not begun the baseline pictures map is empty: a copy of a secret baseline chart is published"


def copy_shown(scenario, begun: bool):
    if not begun:  # a date no commit reaches: every commit is pre-control
        scenario.set_config("control_since: 2026-01-02", "control_since: 2099-01-02")
    for rel, content in {
        SECRET: SECRET_TEXT,
        FIG: PIXELS,
        COPY: PIXELS,
        PUBLIC: procedure(body=body("见下图。\n\n![图](copy.png)")),
    }.items():
        scenario.files.write(rel, content)
    s = site_repo(scenario)
    page_shows(s, "copy.png", 1)
    return s


def test_control_with_control_begun_the_copy_stays_back(scenario, tmp_path):
    s = copy_shown(scenario, begun=True)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_control_not_begun_has_no_events(scenario):
    s = copy_shown(scenario, begun=False)
    history = s.history()
    assert history.events == () or list(history.events) == []
    assert "SM-P-01" in history.documents


def test_with_control_not_begun_the_copy_of_a_secret_chart_stays_back(scenario, tmp_path):
    s = copy_shown(scenario, begun=False)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []


def test_the_pdf_copy_with_control_not_begun(scenario, tmp_path):
    s = copy_shown(scenario, begun=False)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_not_begun_the_chart_its_id_title_and_text_stay_out(scenario, tmp_path):
    s = copy_shown(scenario, begun=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
    assert not (site / "procedures/fig.png").exists()


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_held_a_shallow_clone_publishes_no_secret_picture(scenario, tmp_path, depth):
    s = copy_shown(scenario, begun=True)
    clone = shallow_clone(s, tmp_path / "clone", depth)
    assert leaks(built_site(clone, tmp_path / "site"), ID_MARKS) == []
    result = cli(clone.root, "pdf", "SM-P-01", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode != 0  # a shallow clone: no history, no controlled copy
    assert not (tmp_path / "x.pdf").exists()
