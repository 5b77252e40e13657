"""Red team: a document above the publishing level reaching a published output (forge issues,
the audit pack), with the real CLI and the real `mkdocs build`. Each test fails while the
hole is open."""

from __future__ import annotations

import zipfile

from redteam_helpers import SECRET_ID, SECRET_TITLE, public, secret_scenario

from builders import RepoBuilder, procedure
from history_helpers import Scenario, body, cli
from site_helpers import mkdocs, site_repo


def test_review_issue_posted_to_the_forge_names_a_secret_document(tmp_path):
    """The scheduled CI job posts `review-due --issue github` to an issue every reader of the
    repository's issues sees. The secret SM-P-07 is overdue for review, and the issue body
    lists its id and title: the issue must name only documents that may be published."""
    s = secret_scenario(tmp_path)
    out = cli(s.root, "review-due", "--today", "2027-02-01", "--issue", "github", "--dry-run")
    assert "试运行：" in out.stdout, out.stdout + out.stderr
    issue = out.stdout.split("试运行：", 1)[1]
    assert "SM-P-01" in issue  # the internal document is listed
    assert SECRET_ID not in issue and SECRET_TITLE not in issue, issue


def test_audit_pack_at_a_lower_level_carries_site_pages_naming_higher_documents(tmp_path):
    """The site (publish.max_confidentiality: internal) is built; an auditor's pack is made with
    --max-confidentiality public. Each public document's HTML page is copied from site/ with the
    site's navigation, which names the internal documents the pack must leave out.
    (The fix leaves the site's HTML out of such a pack and says why: the site's build stamp
    names a level above the pack's.)"""
    builder = RepoBuilder(tmp_path / "repo")
    builder.write("docs/procedures/test.md", public(procedure(body=body("公开的目的。"))))
    builder.write(
        "docs/procedures/internal.md",
        procedure(doc_id="SM-P-05", title="内部专用应急联络程序", body=body("内部电话。")),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", date="2026-01-01T09:00:00+08:00")
    site_repo(s)
    built = mkdocs(s.root, s.root / "site")
    assert built.returncode == 0, built.stderr
    assert "内部专用应急联络程序" in (s.root / "site/procedures/internal/index.html").read_text()
    out = tmp_path / "pack.zip"
    made = cli(
        s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-02-01",
        "--max-confidentiality", "public", "-o", str(out),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(out) as pack:
        names = pack.namelist()
        assert "documents/SM-P-01 V1.0.md" in names, names
        assert "documents/html/SM-P-01.html" not in names, names
        readme = pack.read("README.txt").decode()
        assert "高于本审核包的 public 级" in readme
        # the internal document is counted, never named; the evidence labels are explained
        assert "高于此密级的 1 份文件未收入" in readme
        assert "SM-P-05" not in readme and "内部专用应急联络程序" not in readme
        assert "- 未签名（依赖分支保护）：未签名的合并：只有在分支保护确实启用时才可信" in readme
        leaked = [
            n
            for n in names
            if "内部专用应急联络程序".encode() in pack.read(n) or b"SM-P-05" in pack.read(n)
        ]
    assert leaked == [], leaked
