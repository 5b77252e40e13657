"""Round 45 on publishing.hidden_names sparing "a title a published document shares" (round
44, hole 13's fix): the titles it compares with are the work tree's, not what is published."""

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


def merged_naming_secret(scenario):
    """SM-P-01 and the secret SM-P-07 revised in one approved merge whose title names the
    secret by its title (the case hidden_names exists for)."""
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
    return s


def retitle_public_in_work_tree(s):
    """A branch (never approved) gives the public SM-P-01 the secret's title in its work
    tree: nothing published shows that title (the site gives SM-P-01's approved text)."""
    s.git.branch("cr-retitle")
    s.files.write(
        "docs/procedures/test.md",
        procedure(version="V1.2", title=SECRET_TITLE, body=body("新的目的。")),
    )
    s.git.commit("调整标题", who="zhaolei")


def test_the_redaction_holds_when_honest(scenario, tmp_path):
    # held: with nothing else, the merge title's secret name is redacted
    s = merged_naming_secret(scenario)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert "修订 SM-P-01 并同步" in (tmp_path / "site/procedures/test/index.html").read_text()
    assert leaks(tmp_path / "site", [SECRET_TITLE]) == []


def test_an_unapproved_retitle_of_a_public_document_does_not_unredact_a_secret_title(
    scenario, tmp_path
):
    s = merged_naming_secret(scenario)
    retitle_public_in_work_tree(s)
    # the merge request's strict build (not a preview): every page gives main's approved text,
    # SM-P-01 is titled 测试程序 everywhere; yet hidden_names spares SECRET_TITLE because the
    # work tree's SM-P-01 "shares" it, and the old merge title names the secret in full
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/procedures/test/index.html").read_text("utf-8")
    assert "<h1" in page and "测试程序" in page
    assert leaks(tmp_path / "site", [SECRET_TITLE]) == []


def test_an_unapproved_retitle_does_not_unredact_the_secret_title_in_the_pack(scenario, tmp_path):
    s = merged_naming_secret(scenario)
    retitle_public_in_work_tree(s)
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_TITLE])
    assert found == [], found


def test_a_direct_commit_retitling_a_public_document_does_not_unredact_on_mains_site(
    scenario, tmp_path
):
    # the same by one commit pushed straight to main (DC516: nobody approved it); the site
    # of main keeps giving SM-P-01's approved text
    s = merged_naming_secret(scenario)
    s.files.write(
        "docs/procedures/test.md",
        procedure(version="V1.2", title=SECRET_TITLE, body=body("新的目的。")),
    )
    s.git.commit("调整标题", who="zhaolei")
    result = mkdocs(s.root, tmp_path / "site", False)
    assert result.returncode == 0, result.stderr
    found = leaks(tmp_path / "site", [SECRET_TITLE])
    assert found == [], sorted(found)


def test_a_direct_commit_retitling_a_public_document_does_not_unredact_in_mains_pack(
    scenario, tmp_path
):
    # the audit pack made on main (what an auditor receives) after the same direct commit:
    # the pack lists SM-P-01 by its version in force (测试程序), yet the secret's title is
    # spared in every merge title and change note that named it
    s = merged_naming_secret(scenario)
    s.files.write(
        "docs/procedures/test.md",
        procedure(version="V1.2", title=SECRET_TITLE, body=body("新的目的。")),
    )
    s.git.commit("调整标题", who="zhaolei")
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_TITLE])
    # revisions.json's "title" is SM-P-01's title at main's tip: the direct commit's own
    # text (what its author typed), left aside here; the merge title is not his
    found = [f for f in found if f[0] != "history/revisions.json"]
    assert found == [], found
