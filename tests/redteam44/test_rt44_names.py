"""Round 44 on publishing.hidden_names / redact_names (round 41's fix for secret titles in
merge titles and change notes): the titles it knows, the spellings it matches, and public
text it wipes."""

from __future__ import annotations

from rt41_helpers import (
    SECRET_TITLE,
    approve,
    body,
    leaks,
    mkdocs,
    pack_leaks,
    procedure,
    secret_doc,
    site_with_secret,
)

OLD_MERGE = f"修订 SM-P-01 并同步《{SECRET_TITLE}》的联络表"


def retitled_secret(scenario):
    """SM-P-01 and the secret SM-P-07 revised in one approved merge titled after both (by
    the secret's title at the time); later an approved merge retitles the secret document."""
    s = site_with_secret(scenario)
    approve(
        s,
        "cr-both",
        {
            "docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。")),
            "docs/procedures/secret.md": secret_doc(version="V1.1"),
        },
        OLD_MERGE,
        2,
    )
    approve(
        s,
        "cr-rename",
        {"docs/procedures/secret.md": secret_doc(version="V1.2", title="专项程序")},
        "更名",
        3,
    )
    return s


def test_a_secret_documents_former_title_is_redacted_on_the_site(scenario, tmp_path):
    s = retitled_secret(scenario)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert "修订 SM-P-01 并同步" in page
    # hidden_names knows the title main holds now and the work tree's, not the one the
    # secret document had when the merge title named it
    assert leaks(tmp_path / "site", [SECRET_TITLE]) == []


def test_a_secret_documents_former_title_is_redacted_in_the_pack(scenario, tmp_path):
    s = retitled_secret(scenario)
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_TITLE])
    assert found == [], found


def test_a_secret_title_typed_with_ascii_parentheses_is_redacted(scenario, tmp_path):
    # the title is written with full-width parentheses (a Chinese IME), the merge title with
    # ASCII ones (an English keyboard): one NFKC apart, the way ids are compared elsewhere
    # (publishing.id_key), but the title match is exact
    title = "并购尽调程序（ACME）"
    s = site_with_secret(scenario, {"docs/procedures/secret.md": secret_doc(title=title)})
    approve(
        s,
        "cr-both",
        {
            "docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。")),
            "docs/procedures/secret.md": secret_doc(version="V1.1", title=title),
        },
        "修订 SM-P-01 并同步《并购尽调程序(ACME)》的联络表",
        2,
    )
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", ["并购尽调程序(ACME)"]) == []


def test_a_public_documents_title_is_not_wiped_because_a_secret_one_shares_it(scenario, tmp_path):
    # a client-specific secret edition carries the public procedure's title; the public
    # procedure's own change notes and merge titles lose its name on its own page
    s = site_with_secret(scenario, {"docs/procedures/secret.md": secret_doc(title="测试程序")})
    approve(
        s,
        "cr-pub",
        {"docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。"))},
        "修订《测试程序》第1章",
        2,
    )
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert "修订《测试程序》第1章" in page
