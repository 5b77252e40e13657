"""Round 47: titles of documents that may not be published, through mkdocs.yml's own nav."""

from __future__ import annotations

from rt41_helpers import SECRET_TITLE, approve, built_site, leaks, pack_leaks, secret_doc

from site_helpers import mkdocs, site_repo

NAV = (
    "nav:\n"
    "  - 首页: index.md\n"
    "  - 程序文件:\n"
    "      - SM-P-01 测试程序: procedures/test.md\n"
    f"      - SM-P-07 {SECRET_TITLE}: procedures/secret.md\n"
)


def _with_nav(scenario, as_of=None):
    s = site_repo(scenario, as_of)
    yml = (s.root / "mkdocs.yml").read_text("utf-8") + NAV
    # an approved mkdocs.yml with an explicit nav, while SM-P-07 was internal (publishable)
    approve(
        s,
        "cr-nav",
        {"mkdocs.yml": yml, "docs/procedures/secret.md": secret_doc(level="internal")},
        "新增 SM-P-07 并整理导航",
        1,
    )
    # an approved merge raises SM-P-07 to secret, as the organisation decides later
    approve(
        s,
        "cr-raise",
        {"docs/procedures/secret.md": secret_doc(level="secret", version="V1.1")},
        "调整 SM-P-07 密级",
        2,
    )
    return s


def test_a_secret_documents_title_in_the_approved_nav_is_not_published(scenario, tmp_path):
    # the approved mkdocs.yml's nav still names SM-P-07 with its title: MkDocs makes the entry
    # a link (the page is gone) and Material renders it in the navigation of every page
    s = _with_nav(scenario)
    site = built_site(s, tmp_path / "site", strict=False)
    assert (site / "procedures/test/index.html").is_file()
    assert not (site / "procedures/secret/index.html").exists()
    assert leaks(site, [SECRET_TITLE]) == []


def test_a_strict_build_does_not_publish_a_secret_title_from_the_nav(scenario, tmp_path):
    s = _with_nav(scenario)
    result = mkdocs(s.root, tmp_path / "site", True)
    if result.returncode == 0:
        assert leaks(tmp_path / "site", [SECRET_TITLE]) == []


def test_the_pack_does_not_take_pages_whose_nav_names_a_secret_title(scenario, tmp_path):
    # the stamped strict build of main, as of the pack's end date: the pack takes its pages
    s = _with_nav(scenario, as_of="2026-12-31")
    result = mkdocs(s.root, s.root / "site", True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (s.root / "site/doccontrol-build.json").is_file()
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_TITLE])
    assert found == []
