"""Pages that share a URL (740614f): the plugin groups docs/ pages by ``dest_uri`` and refuses
clashes and pages at a generated page's URL; `check` reports DC026 by ``publishing.page_key``
(a.md, a/index.md, a/README.md as MkDocs names pages with directory URLs)."""

from __future__ import annotations

from rt23_helpers import check, marked, mkdocs, site_repo, urls_off

IMPORT = "2026-01-01T12:00:00+08:00"  # before control began: in force as imported


def _pages_with(site, marker):
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if marker in p.read_text("utf-8")
    )


def test_held_md_and_markdown_suffixes_of_one_name_are_refused(scenario, tmp_path):
    """docs/procedures/x.md (SM-P-05) and docs/procedures/x.markdown (SM-P-04) both become
    procedures/x/index.html: `check` reports DC026 and the strict build fails."""
    s = site_repo(scenario)
    s.files.write("docs/procedures/x.md", marked("SM-P-05", "程序五", "MARKER-MD"))
    s.files.write("docs/procedures/x.markdown", marked("SM-P-04", "程序四", "MARKER-MARKDOWN"))
    s.git.commit("导入", date=IMPORT)
    code, out = check(s)
    assert code != 0 and "DC026" in out, out
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    assert built.returncode != 0, built.stderr


def test_held_without_directory_urls_a_document_cannot_replace_the_trail(scenario, tmp_path):
    """use_directory_urls: false: docs/registers/approvals.md (a document whose body is a
    "clean trail" table) and the generated 审批记录 are both registers/approvals.html. The
    strict build fails; the lenient one keeps the generated trail."""
    s = site_repo(scenario)
    urls_off(s)
    s.files.write(
        "docs/registers/approvals.md",
        marked("SM-P-02", "审批记录", "| 日期 | 结论 |\n|---|---|\n| 2026-01-05 | 全部批准 |"),
    )
    s.git.commit("导入", date=IMPORT)
    assert mkdocs(s.root, tmp_path / "strict", strict=True).returncode != 0
    lenient = mkdocs(s.root, tmp_path / "site")
    assert lenient.returncode == 0, lenient.stderr
    page = (tmp_path / "site/registers/approvals.html").read_text("utf-8")
    assert "全部批准" not in page


def test_held_a_document_cannot_replace_a_record_types_form_page(scenario, tmp_path):
    """docs/forms/incident/index.md (a document of type form, named like the record type)
    lands on forms/incident/index.html, the generated blank form of the incident records."""
    s = site_repo(scenario)
    s.files.write("docs/forms/incident/index.md", marked("SM-P-06", "事件记录表", "MARKER-FORM"))
    s.git.commit("导入", date=IMPORT)
    built = mkdocs(s.root, tmp_path / "strict", strict=True)
    assert built.returncode != 0, built.stderr
    lenient = mkdocs(s.root, tmp_path / "site")
    assert lenient.returncode == 0, lenient.stderr
    assert "MARKER-FORM" not in (tmp_path / "site/forms/incident/index.html").read_text("utf-8")


def test_held_a_document_cannot_replace_a_record_page(scenario, tmp_path):
    """A published record INC-2026-0001 and a document docs/records/incident/INC-2026-0001.md
    (its generated page's own source path, body "已关闭，无需处理"): the strict build fails and
    the lenient one keeps the record's own page."""
    s = site_repo(scenario)
    s.files.record()
    s.files.write(
        "docs/records/incident/INC-2026-0001.md",
        marked("SM-P-07", "数据库连接超时", "已关闭，无需处理"),
    )
    s.git.commit("导入", date=IMPORT)
    built = mkdocs(s.root, tmp_path / "strict", strict=True)
    assert built.returncode != 0, built.stderr
    lenient = mkdocs(s.root, tmp_path / "site")
    assert lenient.returncode == 0, lenient.stderr
    assert _pages_with(tmp_path / "site", "已关闭，无需处理") == []


def test_pages_differing_only_in_case_are_reported(scenario, tmp_path):
    """docs/procedures/Test.md (SM-P-08) beside docs/procedures/test.md (SM-P-01): on Linux
    two pages (procedures/Test/ and procedures/test/); on a case-insensitive disk — a checkout
    on macOS or Windows, or a site copied to such a host (IIS, an SMB share) — one file, so
    one controlled page silently replaces the other. The project already treats ids and record
    file names that differ only in case as one (validate/ids.py ``same_key``: "INC and inc
    name one file on a case-insensitive disk"), but ``publishing.page_key`` compares page
    URLs exactly. Safe: `check` reports DC026 for the pair."""
    s = site_repo(scenario)
    s.files.write("docs/procedures/Test.md", marked("SM-P-08", "程序八", "MARKER-CASE"))
    s.git.commit("导入", date=IMPORT)
    _, out = check(s)
    assert "DC026" in out, out
