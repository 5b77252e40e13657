"""Pages at generated places (round 23: DC026, DC027 with reserved_pages, the plugin's
``_same_page``): the home page's other spelling, NFC/NFD names, and the files the build
generates besides pages (the sitemap, the search index, doccontrol's own assets)."""

from __future__ import annotations

import unicodedata

from rt24_helpers import check, marked, mkdocs, site_repo

IMPORT = "2026-01-01T12:00:00+08:00"  # before control began: in force as imported


def _repo(scenario, files):
    s = site_repo(scenario)
    for path, text in files.items():
        s.files.write(path, text)
    s.git.commit("导入", date=IMPORT)
    return s


def test_docs_readme_is_judged_by_check_as_the_site_judges_it(scenario, tmp_path):
    """docs/README.md (a document, SM-P-05) is the site's home page to MkDocs (README is
    index). README says only docs/index.md may replace the generated home; the plugin refuses
    README.md there. Safe: `check` says so too (so `approve` refuses it), rather than passing a
    document the strict build then refuses."""
    s = _repo(scenario, {"docs/README.md": marked("SM-P-05", "首页说明", "MARKER-README")})
    code, out = check(s)
    strict = mkdocs(s.root, tmp_path / "strict", strict=True)
    assert (code == 0) == (strict.returncode == 0), (
        f"check rc={code}: {out[-400:]}\nstrict build rc={strict.returncode}: "
        f"{strict.stderr[-600:]}"
    )


def test_held_nfc_and_nfd_names_of_one_page_are_refused(scenario, tmp_path):
    """docs/procedures/café.md in NFC (SM-P-05) and in NFD (SM-P-06): one page on a disk that
    normalises names (macOS). `check` reports DC026; the strict build fails."""
    nfc = unicodedata.normalize("NFC", "docs/procedures/café.md")
    nfd = unicodedata.normalize("NFD", "docs/procedures/café.md")
    assert nfc != nfd
    s = _repo(
        scenario,
        {
            nfc: marked("SM-P-05", "程序五", "MARKER-NFC"),
            nfd: marked("SM-P-06", "程序六", "MARKER-NFD"),
        },
    )
    code, out = check(s)
    assert code != 0 and "DC026" in out, out
    assert mkdocs(s.root, tmp_path / "strict", strict=True).returncode != 0


def _generated_file_shadowed(scenario, tmp_path, path):
    s = _repo(scenario, {path: marked("SM-P-05", "程序五", "MARKER-SHADOW")})
    code, out = check(s)
    strict = mkdocs(s.root, tmp_path / "strict", strict=True)
    assert (code == 0) == (strict.returncode == 0), (
        f"{path}: check rc={code}: {out[-300:]}\nstrict build rc={strict.returncode}: "
        f"{strict.stderr[-800:]}"
    )


def test_a_page_cannot_stand_where_the_build_writes_the_sitemap(scenario, tmp_path):
    """docs/sitemap.xml.md is the page sitemap.xml/index.html: a folder where MkDocs writes
    the file sitemap.xml. Safe: `check` and the strict build agree (both refuse it, or the
    build succeeds)."""
    _generated_file_shadowed(scenario, tmp_path, "docs/sitemap.xml.md")


def test_a_page_cannot_stand_where_the_plugin_writes_its_stylesheet(scenario, tmp_path):
    """docs/assets/doccontrol/doccontrol.css.md: a folder where the plugin writes its
    stylesheet. Safe: `check` and the strict build agree."""
    _generated_file_shadowed(scenario, tmp_path, "docs/assets/doccontrol/doccontrol.css.md")
