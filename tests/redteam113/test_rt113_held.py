"""Held attacks of round 113: front matter that might make the level history records
(publishing.recorded_level over derive._parse_blob) differ from what the document is, and a
merge that deletes the secret file and adds its id again at a public level."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, built_site, leaks, png, secret_doc
from rt113_helpers import FIG, MARKS, SECRET, SHOWS_FIG, TWIN, public_page_shows_fig

from secret_figures import pdf_images
from site_helpers import site_repo

LEVEL = "confidentiality: secret"
TRICKS = {
    # the fast reader sees a column-0 `confidentiality: internal` line; YAML reads it inside a
    # flow sequence, and the real key says secret
    "flow": "notes: [\nconfidentiality: internal\n  ]\nconfidentiality: secret",
    # a duplicate key: YAML refuses it (unreadable: the highest level)
    "duplicate": "confidentiality: internal\nconfidentiality: secret",
    # an anchor/alias pair and a quoted level
    "alias": "tag: &lv internal\nconfidentiality: 'secret'",
    # a comment that looks like a level
    "comment": "confidentiality: secret # internal",
}


@pytest.mark.parametrize("trick", sorted(TRICKS))
def test_front_matter_tricks_record_no_public_level(scenario, tmp_path, trick):
    s = site_repo(scenario)
    text = secret_doc(text=SHOWS_FIG).replace(LEVEL, TRICKS[trick])
    assert text != secret_doc(text=SHOWS_FIG)
    approve(s, "cr-secret", {SECRET: text, FIG: png(b"SECRETPIXELSMARK")}, "新增受控文件", 1)
    public_page_shows_fig(s, 2)
    # an unreadable front matter has no id: the document is known by its path
    levels = [
        r.level for doc in s.history().documents.values() for r in doc.revisions if r.path == SECRET
    ]
    assert levels
    assert "internal" not in levels and "public" not in levels
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_a_bom_crlf_and_a_second_front_matter_block_record_the_first_blocks_level(
    scenario, tmp_path
):
    s = site_repo(scenario)
    text = secret_doc(text="---\nconfidentiality: internal\n---\n\n" + SHOWS_FIG)
    data = ("\ufeff" + text).replace("\n", "\r\n").encode("utf-8")
    approve(s, "cr-secret", {SECRET: data, FIG: png(b"SECRETPIXELSMARK")}, "新增受控文件", 1)
    public_page_shows_fig(s, 2)
    assert [r.level for r in s.history().documents["SM-P-07"].revisions] == ["secret"]
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_a_merge_deleting_the_secret_and_adding_its_id_at_a_public_level_elsewhere(
    scenario, tmp_path
):
    """One approval deletes secret.md and adds twin.md with the same id at `internal`, with
    new bytes for the chart the secret text named: the chart stays the secret's (the public
    version does not show it)."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text=SHOWS_FIG)}, "新增受控文件", 1)
    s.git.branch("cr-swap")
    s.git.run("rm", "-q", SECRET, who="zhaolei")
    s.files.write(TWIN, secret_doc(text="完全不同的公开文字。", level="internal", version="V1.1"))
    s.files.write(FIG, png(b"SECRETPIXELSMARK"))
    s.git.commit("换文件（草稿）", who="zhaolei")
    s.git.merge("cr-swap", "换文件", number=2, approvers=("liujing", "chenmy"))
    public_page_shows_fig(s, 3)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0
