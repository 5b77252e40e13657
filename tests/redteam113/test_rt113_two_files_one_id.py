"""Hole 1: `_secrecy` keys a version by (commit, id). One approval that holds two files
claiming the secret document's id, the secret version (naming the chart, bringing its bytes)
and a twin at a public level, records two approved revisions of SM-P-07 at one commit; the
twin's makes (commit, SM-P-07) "public then", so the whole approval reads as a public one and
the secret version's chart goes to the public pages and the PDF copy."""

from __future__ import annotations

from rt41_helpers import approve, built_site, leaks, pack_leaks, png, secret_doc
from rt113_helpers import FIG, MARKS, SECRET, SHOWS_FIG, TWIN, public_page_shows_fig

from secret_figures import pdf_images
from site_helpers import site_repo


def secret_with_twin(scenario, twin: bool):
    s = site_repo(scenario)
    files = {SECRET: secret_doc(text=SHOWS_FIG), FIG: png(b"SECRETPIXELSMARK")}
    if twin:
        # the same id, a public level, no picture: a second file claiming SM-P-07
        files[TWIN] = secret_doc(text="公开的孪生文本。", level="internal")
    approve(s, "cr-secret", files, "新增受控文件", 1)
    public_page_shows_fig(s, 2)
    return s


def test_control_the_secret_version_alone_keeps_its_chart(scenario, tmp_path):
    s = secret_with_twin(scenario, twin=False)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_history_records_two_approved_revisions_of_one_id_at_one_commit(scenario):
    s = secret_with_twin(scenario, twin=True)
    revisions = s.history().documents["SM-P-07"].revisions
    got = [(r.approved, r.level, r.path) for r in revisions]
    assert got == [(True, "secret", SECRET), (True, "internal", TWIN)]
    assert revisions[0].commit == revisions[1].commit


def test_a_public_level_twin_does_not_publish_the_secret_versions_chart(scenario, tmp_path):
    s = secret_with_twin(scenario, twin=True)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


def test_the_pdf_copy_leaves_the_twinned_secret_chart_out(scenario, tmp_path):
    s = secret_with_twin(scenario, twin=True)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_audit_pack_with_the_site_carries_no_secret_of_the_twin(scenario, tmp_path):
    """The audit pack, given the built site, carries neither the chart's bytes nor the secret
    text, id or file names."""
    s = secret_with_twin(scenario, twin=True)
    site = built_site(s, tmp_path / "site")
    marks = [*MARKS, "SM-P-07", "twin.md", "secret.md"]
    assert pack_leaks(s.root, tmp_path / "pack.zip", marks, "--site", str(site)) == []
