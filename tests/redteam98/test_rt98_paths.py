"""Hole 1 (medium): a merge title naming a secret document's file path, or its figure's file
name, reaches the site, the search index, the audit pack and a PDF copy's 变更履历. Merge
titles are redacted of the hidden documents' ids and titles (publishing.hidden_names), never
of their paths."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from rt41_helpers import SECRET_ID, SECRET_TITLE, built_site, leaks, pack_leaks
from rt98_helpers import SECRET_FIGURE, SECRET_PATH, public_change, secret_with_figure

from history_helpers import cli

PATH_TITLE = f"修订测试程序，参照 {SECRET_PATH} 和 {SECRET_FIGURE}"
PATH_MARKERS = ["secret.md", "procedures/secret", "merger-due-diligence"]


@pytest.fixture
def path_titled(scenario):
    """SM-P-07 (secret, with its figure) approved; then a change of the public SM-P-01 only,
    whose merge title names SM-P-07's file and its figure's file."""
    s = secret_with_figure(scenario)
    public_change(s, PATH_TITLE)
    return s


def test_control_a_merge_title_naming_the_secrets_id_and_title_is_redacted(scenario, tmp_path):
    """The same change titled with SM-P-07's id and title: both are redacted everywhere."""
    s = secret_with_figure(scenario)
    public_change(s, f"修订测试程序，参照 {SECRET_ID}《{SECRET_TITLE}》")
    for strict in (False, True):
        site = built_site(s, tmp_path / f"site{strict}", strict=strict)
        assert leaks(site, [SECRET_ID, SECRET_TITLE, *PATH_MARKERS]) == []
    assert (
        pack_leaks(
            s.root,
            tmp_path / "pack.zip",
            [SECRET_ID, SECRET_TITLE],
            "--max-confidentiality",
            "internal",
        )
        == []
    )


def test_control_the_secrets_path_is_published_nowhere_without_the_title(scenario, tmp_path):
    """Without the path in a merge title, neither SM-P-07's path nor its figure's name is on
    the site: the figure is held back with its document."""
    s = secret_with_figure(scenario)
    public_change(s, "修订测试程序")
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, PATH_MARKERS) == []


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_merge_title_naming_the_secrets_path_is_redacted_on_the_site(
    path_titled, tmp_path, strict
):
    site = built_site(path_titled, tmp_path / "site", strict=strict)
    # today: index.html, procedures/test/index.html (变更履历), registers/approvals/index.html
    # and search/search_index.json give the title as typed
    assert leaks(site, PATH_MARKERS) == []


def test_a_merge_title_naming_the_secrets_path_is_redacted_in_the_audit_pack(path_titled, tmp_path):
    found = pack_leaks(
        path_titled.root, tmp_path / "pack.zip", PATH_MARKERS, "--max-confidentiality", "internal"
    )
    # today: history/trail.csv|json and history/revisions.csv|json
    assert found == []


def test_a_merge_title_naming_the_secrets_path_is_redacted_in_a_public_pdf_copy(
    path_titled, tmp_path
):
    out = tmp_path / "SM-P-01.pdf"
    result = cli(path_titled.root, "pdf", "SM-P-01", "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "测试程序" in text
    # today: the 变更履历 row of V1.1 gives the title as typed
    assert [m for m in PATH_MARKERS if m in text] == []
