"""What held in round 85 (each passes): SM-P-01 V1.1 with the red flow chart approved on
2026-03-10 (round 84's ``base``), copy 02 issued 2026-03-12; blue = a chart that should not
be given."""

from __future__ import annotations

from rt85_helpers import (
    BLUE,
    FLOW,
    RED,
    approved,
    base,
    built,
    colours,
    due_copies,
    file_colours,
    png,
    pushed,
    site_colour,
    v11,
)

CHART = "docs/procedures/chart.png"
V12 = "见 ![流程](chart.png) 第二版正文"


def test_a_picture_approved_alone_after_a_folder_move_waits(tmp_path):
    """A periodic review moves docs/procedures/ to docs/ops/ (2026-04-05); a merge of its own
    redraws docs/ops/flow.png blue (2026-04-10). ``images_in_force`` reads the moved text
    (``published`` gives the review's path): the site, the site's PDF copy and ``pdf`` all
    give red, and copy 02 is kept."""
    s = base(tmp_path, site_pdf=True)
    s.git.branch("move")
    s.git.run("mv", "docs/procedures", "docs/ops")
    s.files.write(
        "docs/ops/test.md",
        v11().replace("review_interval", "review_date: 2026-04-05\nreview_interval"),
    )
    approved(s, "move", "目录调整", "2026-04-05", 2)
    s.git.branch("redraw")
    s.files.write("docs/ops/flow.png", png(BLUE))
    approved(s, "redraw", "改图", "2026-04-10", 3)
    assert [r[:3] for r in s.summary()][-1] == ("review", "V1.1", True)
    out = built(s, tmp_path)
    assert site_colour(out, "ops/flow.png") == RED
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}
    assert colours(s, tmp_path) == {RED}
    assert due_copies(s, "2026-05-01") == []


def test_a_renamed_pushed_chart_with_bytes_appended_is_refused(tmp_path):
    """Rename plus a small edit of the pushed chart (``R052``: a rename git still detects):
    DC516 refuses it; nothing blue is given (the chart is left out)."""
    s = base(tmp_path)
    pushed(s)
    s.git.branch("cr-2")
    s.git.run("mv", FLOW, CHART)
    (s.root / CHART).write_bytes((s.root / CHART).read_bytes() + b"x" * 60)
    s.files.write("docs/procedures/test.md", v11("V1.2", V12, "2026-04-10"))
    approved(s, "cr-2", "流程图改名", "2026-04-10", 2)
    shown = s.git.run("show", "--first-parent", "-M", "--format=", "--name-status", "HEAD")
    assert f"\t{FLOW}\t{CHART}" in shown and shown.startswith("R")
    assert BLUE not in colours(s, tmp_path)
    assert site_colour(built(s, tmp_path), "procedures/chart.png") != BLUE


def test_a_new_file_pushed_under_docs_then_renamed_is_refused(tmp_path):
    """A new picture pushed straight to main under docs/ (docs/procedures/new.png, no version
    in force: ``in_force_files`` records None for it) then ``git mv``ed to chart.png by an
    approved V1.2: refused (compare hole 5, from outside docs/)."""
    s = base(tmp_path)
    pushed(s, "docs/procedures/new.png")
    s.git.branch("cr-2")
    s.git.run("mv", "docs/procedures/new.png", CHART)
    s.files.write("docs/procedures/test.md", v11("V1.2", V12, "2026-04-10"))
    approved(s, "cr-2", "流程图改名", "2026-04-10", 2)
    assert BLUE not in colours(s, tmp_path)
    assert site_colour(built(s, tmp_path), "procedures/chart.png") != BLUE


def test_sites_of_past_days_give_each_days_chart(tmp_path, monkeypatch):
    """V1.2 (2026-04-10, in force at once) drops the chart and deletes flow.png; V1.3
    (2026-04-20) adds a blue one. Built as of 04-01 the plugin puts the red chart back from
    Git (``_restore_images``), as of 04-15 none, as of 04-25 the blue one; ``pdf`` as of
    04-01 prints red."""
    s = base(tmp_path)
    s.git.branch("cr-2")
    (s.root / FLOW).unlink()
    s.files.write("docs/procedures/test.md", v11("V1.2", "第二版正文无图", "2026-04-10"))
    approved(s, "cr-2", "删图", "2026-04-10", 2)
    s.git.branch("cr-3")
    s.files.write(FLOW, png(BLUE))
    s.files.write(
        "docs/procedures/test.md", v11("V1.3", "见 ![流程](flow.png) 第三版", "2026-04-20")
    )
    approved(s, "cr-3", "新图", "2026-04-20", 3)
    for day, colour in (("2026-04-01", RED), ("2026-04-15", None), ("2026-04-25", BLUE)):
        monkeypatch.setenv("DOCCONTROL_AS_OF", day)
        assert site_colour(built(s, tmp_path / day), "procedures/flow.png") == colour
    monkeypatch.delenv("DOCCONTROL_AS_OF")
    from pypdf import PdfReader

    from history_helpers import cli

    copy = tmp_path / "old.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-04-01", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    assert {
        i.image.convert("RGB").getpixel((0, 0)) for p in PdfReader(copy).pages for i in p.images
    } == {RED}
