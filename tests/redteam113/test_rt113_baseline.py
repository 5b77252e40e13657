"""Hole 3: the baseline (the tree control began with) records one version per id. When it
holds the secret procedure (naming its chart) and a second file claiming the same id at a
public level, the baseline revision is the twin's: (baseline commit, SM-P-07) is "public
then", `_baseline_named` reads no secret text, and the chart goes to the public pages and
the PDF copy. The same baseline without the twin keeps the chart back (round 104)."""

from __future__ import annotations

from rt41_helpers import approve, built_site, leaks, png, secret_doc
from rt113_helpers import FIG, MARKS, SECRET, SHOWS_FIG, TWIN, public_page_shows_fig

from secret_figures import pdf_images
from site_helpers import site_repo


def baseline(scenario, twin: bool):
    files = {SECRET: secret_doc(text=SHOWS_FIG), FIG: png(b"SECRETPIXELSMARK")}
    if twin:
        files[TWIN] = secret_doc(text="公开的孪生文本。", level="internal")
    for rel, content in files.items():  # imported before control began
        scenario.files.write(rel, content)
    s = site_repo(scenario)
    public_page_shows_fig(s, 1)
    return s


def test_control_a_baseline_secret_chart_without_a_twin_stays_back(scenario, tmp_path):
    s = baseline(scenario, twin=False)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_the_baseline_revision_is_the_twins(scenario):
    s = baseline(scenario, twin=True)
    base = s.history().documents["SM-P-07"].baseline
    assert (base.level, base.path) == ("internal", TWIN)


def test_a_baseline_twin_does_not_publish_the_secret_baseline_chart(scenario, tmp_path):
    s = baseline(scenario, twin=True)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


def test_the_pdf_copy_leaves_the_baseline_twins_secret_chart_out(scenario, tmp_path):
    s = baseline(scenario, twin=True)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_as_designed_a_public_level_baseline_version_published_its_chart(scenario, tmp_path):
    """The baseline held SM-P-07 at `internal` with its chart; it was approved `secret`
    later. The baseline is read as an approval at a public level: the chart stays public
    (round 110's rule), the document and its text stay out."""
    for rel, content in {SECRET: secret_doc(text=SHOWS_FIG, level="internal"),
                         FIG: png(b"SECRETPIXELSMARK")}.items():  # fmt: skip
        scenario.files.write(rel, content)
    s = site_repo(scenario)
    approve(s, "cr-level", {SECRET: secret_doc(text=SHOWS_FIG, version="V1.1")}, "定密", 1)
    public_page_shows_fig(s, 2)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert ("procedures/fig.png", "SECRETPIXELSMARK") in leaks(site, ["SECRETPIXELSMARK"])
