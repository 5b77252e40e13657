"""mkdocs.yml's own ``nav:`` (ordinary MkDocs practice) is kept, as the site may give it: a
published document's entry gives the published title, a generated page and an outside link
stay, and an entry for a document that may no longer be published is left out, title and all
(site/navigation.py). Real git and the real `mkdocs build`."""

from __future__ import annotations

from builders import procedure
from history_helpers import body
from site_helpers import leaks, mkdocs, site_repo

SECRET_TITLE = "并购尽调程序NAVMARK"
NAV = (
    "nav:\n"
    "  - 首页: index.md\n"
    "  - 程序文件:\n"
    "      - 测试: procedures/test.md\n"
    f"      - SM-P-07 {SECRET_TITLE}: procedures/secret.md\n"
    "  - 审批记录: registers/approvals.md\n"
    "  - ISO 20000: https://www.iso.org/standard/70636.html\n"
    f"  - 旧版 {SECRET_TITLE}: https://example.com/old\n"
)


def _approve(s, branch: str, files: dict[str, str], title: str, number: int) -> None:
    s.git.branch(branch)
    for rel, content in files.items():
        s.files.write(rel, content)
    s.git.commit(f"{title}（草稿）", who="zhaolei")
    s.git.merge(branch, title, number=number, approvers=("liujing", "chenmy"))


def _secret(level: str, version: str) -> str:
    text = procedure(doc_id="SM-P-07", title=SECRET_TITLE, body=body("目的。"), version=version)
    return text.replace("confidentiality: internal", f"confidentiality: {level}")


def test_an_approved_nav_keeps_published_entries_and_leaves_out_a_raised_document(
    scenario, tmp_path
):
    s = site_repo(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8") + NAV
    files = {"mkdocs.yml": yml, "docs/procedures/secret.md": _secret("internal", "V1.0")}
    _approve(s, "cr-nav", files, "新增 SM-P-07 并整理导航", 1)
    # while SM-P-07 is internal, its entry is there, with its published title
    built = mkdocs(s.root, tmp_path / "before", True)
    assert built.returncode == 0, built.stderr[-2000:]
    home = (tmp_path / "before/index.html").read_text("utf-8")
    assert SECRET_TITLE in home
    assert "SM-P-01 测试程序" in home  # the published title, not the typed 测试

    _approve(s, "cr-raise", {"docs/procedures/secret.md": _secret("secret", "V1.1")}, "调整", 2)
    built = mkdocs(s.root, tmp_path / "site", True)
    assert built.returncode == 0, built.stderr[-2000:]
    site = tmp_path / "site"
    assert leaks(site, [SECRET_TITLE, "SM-P-07"]) == []
    page = (site / "procedures/test/index.html").read_text("utf-8")
    assert "SM-P-01 测试程序" in page
    assert "registers/approvals/" in page and "审批记录" in page
    assert "https://www.iso.org/standard/70636.html" in page  # an outside link stays
    assert "https://example.com/old" not in page  # its typed title named the secret
