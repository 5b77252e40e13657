"""Hole 5: an approved merge that renames a file from outside docs/ (never controlled) into
docs/ adopts bytes no approved diff ever showed.

SM-P-01 V1.1 shows flow.png (red), approved on 2026-03-10. On 2026-04-01 赵磊 pushes
``notes/blue.png`` (or ``blue.png`` at the root) straight to main: outside docs/, not a
controlled file, so history says nothing. His branch for V1.2 ``git mv``s it to
``docs/procedures/chart.png`` and makes the text name chart.png; both roles approve it on
2026-04-10. What the forge shows the approvers is ``R100 notes/blue.png →
docs/procedures/chart.png``, "renamed without changes": the bytes appear in no diff anyone
approved. Session 32's DC516 (``_Deriver.adopts_unapproved``) refuses a rename only when the
old path has a version in force that differs (``in_force_files.get(old_path, old_blob)``);
a path that was never controlled has none, so the rename is accepted, and ``pdf``, the site
and the site's own PDF copy all give the pushed chart as V1.2's controlled picture."""

from __future__ import annotations

import pytest
from rt85_helpers import BLUE, approved, base, built, colours, file_colours, png, site_colour, v11

CHART = "docs/procedures/chart.png"
V12 = "见 ![流程](chart.png) 第二版正文"
OUTSIDE = ["notes/blue.png", "blue.png"]


def _renamed_in(tmp_path, source: str, rename: bool = True):
    s = base(tmp_path, site_pdf=True)
    s.files.write(source, png(BLUE))
    s.git.commit("笔记", who="zhaolei", date="2026-04-01T10:00:00+08:00")
    s.git.branch("cr-2")
    if rename:
        s.git.run("mv", source, CHART)
    else:  # control: the chart added as a file of its own, its bytes in the diff
        s.files.write(CHART, png(BLUE))
    s.files.write("docs/procedures/test.md", v11("V1.2", V12, "2026-04-10"))
    approved(s, "cr-2", "流程图", "2026-04-10", 2)
    return s


@pytest.mark.parametrize("source", OUTSIDE)
def test_setup_the_merge_shows_a_rename_without_changes(tmp_path, source):
    s = _renamed_in(tmp_path, source)
    shown = s.git.run("show", "--first-parent", "-M", "--format=", "--name-status", "HEAD")
    assert f"R100\t{source}\t{CHART}" in shown
    assert [r[:3] for r in s.summary()] == [
        ("approval", "V1.1", True),
        ("approval", "V1.2", True),
    ]


@pytest.mark.parametrize("source", OUTSIDE)
def test_pdf_never_prints_a_chart_renamed_in_from_outside_docs(tmp_path, source):
    assert BLUE not in colours(_renamed_in(tmp_path, source), tmp_path)


@pytest.mark.parametrize("source", OUTSIDE)
def test_the_site_never_publishes_a_chart_renamed_in_from_outside_docs(tmp_path, source):
    out = built(_renamed_in(tmp_path, source), tmp_path)
    assert (out / "pdf/SM-P-01.pdf").exists()  # set-up: the site made its copy
    assert site_colour(out, "procedures/chart.png") != BLUE
    assert BLUE not in file_colours(out / "pdf/SM-P-01.pdf")


def test_control_the_chart_added_in_the_diff_is_approved_and_given(tmp_path):
    s = _renamed_in(tmp_path, "notes/blue.png", rename=False)
    shown = s.git.run("show", "--first-parent", "-M", "--format=", "--name-status", "HEAD")
    assert f"A\t{CHART}" in shown
    assert colours(s, tmp_path) == {BLUE}
    assert site_colour(built(s, tmp_path), "procedures/chart.png") == BLUE
