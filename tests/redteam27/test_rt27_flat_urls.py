"""``use_directory_urls: false`` in mkdocs.yml: every page is ``a.html``, not ``a/index.html``.
DC027 (``reserved_pages.taken``) compares page keys as directory URLs name them; does it still
keep documents off the files the build writes at the top of the site?"""

from __future__ import annotations

from rt23_helpers import urls_off
from rt24_helpers import check, marked, mkdocs, site_repo

IMPORT = "2026-01-01T12:00:00+08:00"  # before control began: in force as imported


def test_a_document_cannot_stand_where_the_theme_writes_its_404_page(scenario, tmp_path):
    """docs/404.md is the page 404.html without directory URLs: the file Material writes its
    "page not found" template to. Safe: `check` (DC027) refuses it, as it refuses
    docs/404.html.md with directory URLs, and the strict build refuses it too."""
    s = site_repo(scenario)
    urls_off(s)
    s.files.write("docs/404.md", marked("SM-P-05", "程序五", "MARKER-404"))
    s.git.commit("导入", date=IMPORT)
    code, out = check(s)
    strict = mkdocs(s.root, tmp_path / "strict", strict=True)
    lenient = mkdocs(s.root, tmp_path / "site")
    page = (tmp_path / "site/404.html").read_text("utf-8")
    said = (
        f"check rc={code}: {out[-300:]}\nstrict build rc={strict.returncode}; lenient build"
        f" rc={lenient.returncode}, its 404.html is the document: {'MARKER-404' in page}"
    )
    assert code != 0 and "DC027" in out, "check passes a page on the theme's 404.html:\n" + said
    assert strict.returncode != 0, "the strict build writes a document over 404.html:\n" + said
    # session 20: the lenient build leaves it out by name too (the theme's 404 page stays)
    assert "MARKER-404" not in page, said
    assert "docs/404.md：占用了构建写出的文件（404.html" in lenient.stderr, lenient.stderr
