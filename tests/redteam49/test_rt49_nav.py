"""Round 49: mkdocs.yml's own nav (site/navigation.adopted) after a document in it was raised
above the publishing level. An entry whose *title* names the document is dropped, and an
entry for its page; the *target* of a link entry is passed on as typed. A link approved while
SM-P-07 was internal, to where the organisation keeps its original (a DMS address naming the
id and the title), stays in the navigation of every page."""

from __future__ import annotations

from rt41_helpers import SECRET_ID, SECRET_TITLE, approve, built_site, leaks, secret_doc

from site_helpers import site_repo

NAV = (
    "nav:\n"
    "  - 首页: index.md\n"
    "  - 程序文件:\n"
    "      - SM-P-01 测试程序: procedures/test.md\n"
    "      - 原件: procedures/secret.md\n"
    f"      - 原件（DMS）: https://dms.example.com/view/{SECRET_ID}/{SECRET_TITLE}\n"
)


def _with_nav(scenario):
    s = site_repo(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8") + NAV
    approve(
        s,
        "cr-nav",
        {"mkdocs.yml": yml, "docs/procedures/secret.md": secret_doc(level="internal")},
        "新增程序并整理导航",
        1,
    )
    approve(
        s,
        "cr-raise",
        {"docs/procedures/secret.md": secret_doc(level="secret", version="V1.1")},
        "调整密级",
        2,
    )
    return s


def test_a_nav_link_whose_address_names_a_secret_document_is_not_published(scenario, tmp_path):
    s = _with_nav(scenario)
    site = built_site(s, tmp_path / "site")
    assert not (site / "procedures/secret/index.html").exists()
    assert leaks(site, [SECRET_TITLE]) == []
    assert leaks(site, [f"/view/{SECRET_ID}"]) == []


def test_a_nav_anchor_on_a_published_page_naming_a_secret_document_is_not_published(
    scenario, tmp_path
):
    """The same with a link into a published page whose anchor (a heading of SM-P-01 that
    cites SM-P-07 by id and title when it was internal) names it: ``_page_path`` takes it as
    anchored, the typed title '相关' passes, the target is kept as typed."""
    s = site_repo(scenario)
    nav = (
        "nav:\n"
        "  - 首页: index.md\n"
        "  - SM-P-01 测试程序: procedures/test.md\n"
        f"  - 相关: procedures/test.md#{SECRET_ID}-{SECRET_TITLE}\n"
    )
    yml = (s.root / "mkdocs.yml").read_text("utf-8") + nav
    approve(
        s,
        "cr-nav",
        {"mkdocs.yml": yml, "docs/procedures/secret.md": secret_doc(level="internal")},
        "新增程序并整理导航",
        1,
    )
    approve(
        s,
        "cr-raise",
        {"docs/procedures/secret.md": secret_doc(level="secret", version="V1.1")},
        "调整密级",
        2,
    )
    site = built_site(s, tmp_path / "site")
    assert (site / "procedures/test/index.html").is_file()
    assert leaks(site, [SECRET_TITLE]) == []
