"""MkDocs maps several source paths to one page (with use_directory_urls: a.md, a/index.md
and a/README.md all become a/index.html). ``get_files`` only settles clashes within one
folder (README.md beside index.md); across folders both pages are built and the one written
last silently replaces the other. The plugin's new left-out check (commit 63838bf) compares
*source* paths (``published_paths - rendered``), so it never sees a page lost this way, and
generated pages are skipped only when a file has the same *source* path ("docs/ wins")."""

from __future__ import annotations

from rt22_helpers import SOON, approved_branch, marked, mkdocs, site_repo, strict_clean


def _page(site, url):
    return (site / url / "index.html").read_text("utf-8")


def test_an_approved_document_at_a_folder_index_does_not_replace_another_documents_page(
    scenario, tmp_path
):
    """HOLE. Steps: SM-P-01 (docs/procedures/test.md, page procedures/test/) is in force.
    赵磊's cr-n adds a new procedure SM-P-02 at docs/procedures/test/index.md (a reviewer
    sees a new document in a new folder); `approve` merges it. Then CI's strict build.
    What happened: the build succeeds; procedures/test/index.html is SM-P-02's page (written
    after SM-P-01's); SM-P-01's controlled page is gone from the site without a word, while
    the register and the navigation still link SM-P-01 to that URL.
    Safe behaviour: a strict build fails naming both paths (two documents, one URL)."""
    s = site_repo(scenario)
    strict_clean(s, tmp_path / "base")
    assert "目的的内容。" in _page(tmp_path / "base", "procedures/test")  # SM-P-01's text
    result, merged = approved_branch(
        s,
        "cr-n",
        {
            "docs/procedures/test/index.md": marked(
                "SM-P-02", "新程序", "MARKER-NEW", effective_date=SOON
            )
        },
    )
    if not merged:  # refused before the merge (session 19: check's DC026)
        assert "DC026" in result.stdout + result.stderr, result.stdout + result.stderr
        return
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    if built.returncode == 0:
        page = _page(tmp_path / "site", "procedures/test")
        assert "目的的内容。" in page and "SM-P-02" not in page.split("<article")[-1], (
            "SM-P-01's page was replaced by SM-P-02's"
        )


def test_a_sibling_md_and_a_folder_readme_do_not_share_a_page(scenario, tmp_path):
    """HOLE. Steps (both documents imported before control, so in force): SM-P-05 at
    docs/procedures/x.md and SM-P-04 at docs/procedures/x/README.md — both become
    procedures/x/index.html. What happened: the strict build succeeds and the page holds
    SM-P-04's text only; SM-P-05 is on no page. (MkDocs drops README.md only beside an
    index.md in the *same* folder, which the plugin reports since 63838bf.)
    Safe behaviour: the strict build fails naming the clash."""
    s = site_repo(scenario)
    s.files.write("docs/procedures/x/README.md", marked("SM-P-04", "说明", "MARKER-C"))
    s.files.write("docs/procedures/x.md", marked("SM-P-05", "程序D", "MARKER-D"))
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    if built.returncode == 0:
        page = _page(tmp_path / "site", "procedures/x")
        assert "MARKER-C" in page and "MARKER-D" in page, "one document's page was lost"


def test_a_document_does_not_replace_the_approval_trail_page(scenario, tmp_path):
    """HOLE. Steps: a document SM-P-02 at docs/registers/approvals.md (imported before control;
    an approved one behaves alike). Its source path is the generated 审批记录 page's
    (model.TRAIL_SRC), so the plugin skips generating the trail ("docs/ wins") and
    registers/approvals/ — where the navigation's 审批记录 entry points — shows the document.
    An author's page, whose body can be a table that looks like a clean trail, stands in for
    the audit trail. Safe behaviour: a document may not take a generated page's place (the
    strict build fails, or the trail is still generated there)."""
    s = site_repo(scenario)
    s.files.write(
        "docs/registers/approvals.md",
        marked("SM-P-02", "审批记录", "| 日期 | 结论 |\n|---|---|\n| 2026-01-05 | 全部批准 |"),
    )
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    if built.returncode == 0:
        page = _page(tmp_path / "site", "registers/approvals")
        assert "全部批准" not in page, "the approval trail page is the author's document"


def test_a_document_under_a_generated_pages_url_is_not_silently_dropped(scenario, tmp_path):
    """HOLE. Steps: SM-P-03 at docs/registers/documents/index.md (in force, imported before
    control): the same URL as the generated 受控文件清单 (registers/documents.md). The
    generated page is written last and wins; SM-P-03's controlled page is missing from the
    site, and the strict build says nothing. Safe behaviour: the strict build fails naming
    the path (as 63838bf does for a page MkDocs excludes)."""
    s = site_repo(scenario)
    s.files.write("docs/registers/documents/index.md", marked("SM-P-03", "清单说明", "MARKER-B"))
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    if built.returncode == 0:
        found = [
            p for p in (tmp_path / "site").rglob("*.html") if "MARKER-B" in p.read_text("utf-8")
        ]
        assert found, "SM-P-03 is on no page of the site"


def test_held_a_readme_beside_an_index_is_refused(scenario, tmp_path):
    """DEFENDED (control, 63838bf): README.md beside index.md in one folder fails strict."""
    s = site_repo(scenario)
    s.files.write("docs/guide/index.md", marked("SM-P-03", "指南", "MARKER-I"))
    s.files.write("docs/guide/README.md", marked("SM-P-04", "说明", "MARKER-R"))
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    assert built.returncode != 0 and "docs/guide/README.md" in built.stderr
