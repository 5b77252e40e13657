"""DC027 since session 19 reserves the home page, registers/, records/, assets/, search/,
pdf/, sitemap.xml(.gz) and the form pages. The build writes more files at the top of the site:
Material's static template 404.html, and the plugin's own stamp doccontrol-build.json (what
the CI templates and the audit pack read to know the site may be published). A document whose
page is a folder of that name breaks the build at its end; `check` (and so `approve`) should
say so first."""

from __future__ import annotations

from rt24_helpers import check, marked, mkdocs, site_repo

IMPORT = "2026-01-01T12:00:00+08:00"


def _shadow(scenario, tmp_path, path):
    s = site_repo(scenario)
    s.files.write(path, marked("SM-P-05", "程序五", "MARKER-SHADOW"))
    s.git.commit("导入", date=IMPORT)
    code, out = check(s)
    strict = mkdocs(s.root, tmp_path / "strict", strict=True)
    assert (code == 0) == (strict.returncode == 0), (
        f"{path}: check rc={code}: {out[-300:]}\nstrict build rc={strict.returncode}: "
        f"{strict.stderr[-800:]}"
    )
    return strict


def test_a_page_cannot_stand_where_the_theme_writes_its_404_page(scenario, tmp_path):
    """docs/404.html.md is the page 404.html/index.html: a folder where Material writes its
    static template 404.html. Safe: `check` and the strict build agree."""
    _shadow(scenario, tmp_path, "docs/404.html.md")


def test_a_page_cannot_stand_where_the_plugin_writes_its_stamp(scenario, tmp_path):
    """docs/doccontrol-build.json.md is the page doccontrol-build.json/index.html: a folder
    where the plugin writes the stamp the CI templates publish by. Safe: `check` and the strict
    build agree (a site that cannot be stamped is never published: the author would stop every
    publication with a document `approve` passed)."""
    _shadow(scenario, tmp_path, "docs/doccontrol-build.json.md")
