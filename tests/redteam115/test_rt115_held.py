"""What held in round 115 (passing tests): the round-114 record of every pre-control file of
an id, read under other names for the chart and other shapes of history."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks, png, secret_doc
from rt115_helpers import (
    COPY,
    FIG,
    ID_MARKS,
    PIXELS,
    PUBLIC,
    SECRET,
    TWIN,
    TWIN_TEXT,
    Precontrol,
    not_begun,
    page_shows,
)

from builders import procedure
from history_helpers import body
from secret_figures import pdf_images
from site_helpers import site_repo

# the secret baseline text naming its chart otherwise than ![图](fig.png)
NAMES = {
    "dot-dot": "![图](../procedures/fig.png)",
    "percent": "![图](fig%2Epng)",
    "reference": "![图][chart]\n\n[chart]: fig.png",
    "root-html": '<img src="/procedures/fig.png">',
    "comment": "<!-- fig.png -->",
    "angle": "![图](<fig.png>)",
}


@pytest.mark.parametrize("name", sorted(NAMES))
def test_held_a_redrawn_baseline_chart_named_otherwise_and_its_copy(scenario, tmp_path, name):
    """Round 114 hole 3's history (the chart redrawn before control began, after its text;
    a copy of the new bytes shown by an approved public page), the chart named otherwise."""
    pre = Precontrol(scenario)
    pre.commit({SECRET: secret_doc(text=f"SECRETBODYMARK\n\n{NAMES[name]}"),
                FIG: png(b"FIRSTDRAFT")})  # fmt: skip
    pre.commit({FIG: PIXELS}, "更新流程图")
    scenario.files.write(COPY, PIXELS)
    s = site_repo(scenario)
    page_shows(s, "copy.png", 1)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_held_a_secret_file_renumbered_into_a_public_id(scenario, tmp_path, twin):
    """SM-P-07's file becomes the public SM-P-98 (still naming fig.png) before control
    began: SM-P-07's last version there is the secret one, read; SM-P-98 keeps its levels."""
    pre = Precontrol(scenario)
    files = {SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"), FIG: PIXELS}
    if twin:
        files[TWIN] = TWIN_TEXT
    pre.commit(files)
    pre.commit({SECRET: secret_doc(doc_id="SM-P-98", title="公开九八", level="internal",
                                   text="公开正文。\n\n![图](fig.png)")}, "改号")  # fmt: skip
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_three_files_one_path_reused_by_another_id(scenario, tmp_path):
    """The secret SM-P-07, two public twins; the secret's path then taken by another id
    (SM-P-98, public), all before control began: the secret version stays recorded."""
    third = "docs/procedures/twin-2.md"
    pre = Precontrol(scenario)
    pre.commit({SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"), FIG: PIXELS,
                TWIN: TWIN_TEXT, third: TWIN_TEXT})  # fmt: skip
    pre.commit({SECRET: procedure(doc_id="SM-P-98", title="公开九八")}, "改作他用")
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_not_begun_a_later_push_redraws_the_chart_and_copies_it(scenario, tmp_path):
    """Control not begun; a later push (still before control) redraws the secret chart and
    adds a copy of the new bytes, with the public page showing the copy in the same commit:
    the tip's tree is read for the chart, the copy stays back."""
    not_begun(scenario)
    pre = Precontrol(scenario)
    pre.commit({SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
                FIG: png(b"FIRSTDRAFT")})  # fmt: skip
    s = site_repo(scenario)
    s.files.write(FIG, PIXELS)
    s.files.write(COPY, PIXELS)
    s.files.write(PUBLIC, procedure(body=body("见下图。\n\n![图](copy.png)")))
    s.git.commit("更新流程图", date="2026-01-01T11:30:00+08:00")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_not_begun_then_begun_with_the_cache_kept(scenario, tmp_path):
    """A build while control has not begun (cache written), then control begins (approved
    config) and a public page shows a copy of the secret chart: kept back in both builds."""
    not_begun(scenario)
    pre = Precontrol(scenario)
    pre.commit({SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"), FIG: PIXELS,
                COPY: PIXELS, TWIN: TWIN_TEXT})  # fmt: skip
    s = site_repo(scenario)
    assert leaks(built_site(s, tmp_path / "site1"), ID_MARKS) == []
    s.git.branch("cr-begin")
    s.set_config("control_since: 2099-01-02", "control_since: 2026-01-02")
    s.git.commit("开始受控", who="liujing")
    s.git.merge("cr-begin", "开始受控", who="chenmy", approvers=("chenmy",), number=1)
    page_shows(s, "copy.png", 2)
    assert s.history().events  # control has begun
    site = built_site(s, tmp_path / "site2")
    assert "见下图" in (site / "procedures/test/index.html").read_text("utf-8")
    assert leaks(site, ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0
