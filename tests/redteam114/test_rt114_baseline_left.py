"""Hole 1 (high): the baseline revision is the last version the pre-control walk applied for
an id, and is not updated when its file leaves. A public-level twin of SM-P-07 committed
after the secret file, then deleted (or moved out of docs/, or renumbered) before control
began, stays SM-P-07's baseline revision: `_twins` keeps no files (one file still claims the
id), so `_secrecy` trusts that stale revision, (commit, SM-P-07) is "public then", the secret
text the tree control began with holds is never read, and its chart is published on the
site and in the PDF copy. The same history without the twin keeps the chart back.

Hole 2 (medium): the other way round, the secret file deleted before control began while the
public twin stays: the twin is the baseline, the secret text (which the same deletion
without a twin still reads, `test_control_a_secret_deleted_before_control_alone`) is never
read, and its chart is published."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks
from rt114_helpers import (
    FIG,
    ID_MARKS,
    MARKS,
    PIXELS,
    SECRET,
    SECRET_TEXT,
    TWIN,
    TWIN_TEXT,
    Precontrol,
    page_shows,
)

from secret_figures import pdf_images
from site_helpers import site_repo

LATER = "docs/procedures/a-twin.md"  # sorts before secret.md: only its time makes it last

OPEN = "open (round 114): hole 1 (HIGH): a public twin that left before control began stays the baseline revision; the secret text is never read and its chart is published"
OPEN2 = "open (round 114): hole 2 (MEDIUM): the secret file deleted before control began beside a public twin: its chart is published (kept back without the twin)"


def twin_left(scenario, how: str):
    pre = Precontrol(scenario)
    pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS})
    if how != "none":
        pre.commit({LATER: TWIN_TEXT})  # after the secret file: the baseline revision
    if how == "deleted":
        pre.commit({LATER: None}, "删除")
    elif how == "moved-out":
        pre.move(LATER, "notes/a-twin.md")
    elif how == "renumbered":
        pre.commit({LATER: TWIN_TEXT.replace("id: SM-P-07", "id: SM-P-98")}, "改号")
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    return s


def test_control_the_secret_baseline_alone_keeps_its_chart(scenario, tmp_path):
    s = twin_left(scenario, "none")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_baseline_revision_is_the_departed_twins(scenario):
    s = twin_left(scenario, "deleted")
    doc = s.history().documents["SM-P-07"]
    assert (doc.baseline.level, doc.baseline.path) == ("internal", LATER)
    # fixed (session 39): every file that claimed the id before control began is recorded,
    # the departed twin's included, so the secret file's text is read whatever the baseline
    assert [(path, level) for _, path, level in doc.baseline_files] == [
        (SECRET, "secret"),
        (LATER, "internal"),
    ]  # every pre-control version, oldest first (session 39, round 116)


@pytest.mark.parametrize("how", ["deleted", "moved-out", "renumbered"])
def test_a_departed_twin_does_not_publish_the_secret_baseline_chart(scenario, tmp_path, how):
    s = twin_left(scenario, how)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []


def test_the_pdf_copy_leaves_the_departed_twins_secret_chart_out(scenario, tmp_path):
    s = twin_left(scenario, "deleted")
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_departed_twin_leaks_no_secret_text_or_title(scenario, tmp_path):
    """Only the picture goes: the secret's id, title and text stay out of the site."""
    s = twin_left(scenario, "deleted")
    assert (
        leaks(built_site(s, tmp_path / "site"), ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
    )


def test_held_a_twin_deleted_before_the_secret_file_was_written(scenario, tmp_path):
    """The secret file applied last is the baseline revision: read, the chart kept back."""
    pre = Precontrol(scenario)
    pre.commit({LATER: TWIN_TEXT})
    pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS})
    pre.commit({LATER: None}, "删除")
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def secret_left(scenario, twin: bool):
    pre = Precontrol(scenario)
    files = {SECRET: SECRET_TEXT, FIG: PIXELS}
    if twin:
        files[TWIN] = TWIN_TEXT
    pre.commit(files)
    pre.commit({SECRET: None}, "删除")
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    return s


def test_control_a_secret_deleted_before_control_alone(scenario, tmp_path):
    """Its last text is still read (the baseline revision): the chart stays back."""
    s = secret_left(scenario, twin=False)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_a_secret_deleted_before_control_beside_a_twin_keeps_its_chart(scenario, tmp_path):
    s = secret_left(scenario, twin=True)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


def test_the_pdf_copy_after_a_secret_deleted_beside_a_twin(scenario, tmp_path):
    s = secret_left(scenario, twin=True)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0
