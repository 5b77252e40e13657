"""A periodic review approved at the same version (the body unchanged, so history calls it
定期评审，内容无变化) whose front matter also changes: the title, the review interval. The
review is approved (no problem in the trail), so its front matter is the approved one; every
output should describe the document by it."""

from __future__ import annotations

import json

from rt48_helpers import DOC, merge_dated, register, run, two_doc_scenario


def _reviewed(tmp_path):
    s = two_doc_scenario(tmp_path)
    text = (s.root / DOC).read_text("utf-8")
    text = text.replace("title: 测试程序", "title: 变更后的名称")
    text = text.replace(
        "review_interval_months: 12", "review_interval_months: 36\nreview_date: 2026-02-27"
    )
    merge_dated(s, "cr-review", {DOC: text}, "2026-03-01")
    trail = run(s, "trail", "--strict")
    assert trail.returncode == 0, trail.stdout  # approved, no problem
    return s


def test_the_register_and_log_give_one_title_after_an_approved_review(tmp_path):
    """`log SM-P-01` names it 变更后的名称 (the approved review's title); `register` (and so the
    site's register and control block, the pack and a PDF copy) still say 测试程序."""
    s = _reviewed(tmp_path)
    logged = run(s, "log", "SM-P-01", "--format", "json")
    (doc,) = json.loads(logged.stdout)["documents"]
    row = register(s)["SM-P-01"]
    assert row["title"] == doc["title"], f"register: {row['title']!r}, log: {doc['title']!r}"


def test_the_next_review_follows_the_interval_the_review_approved(tmp_path):
    """The review approved review_interval_months: 36 on 2026-03-01: next review 2029-03-01.
    The register and review-due say 2027-03-01, by the 12 months of the front matter the
    review replaced."""
    s = _reviewed(tmp_path)
    assert register(s)["SM-P-01"]["next_review"] == "2029-03-01", register(s)["SM-P-01"]


def test_the_site_page_and_a_copy_give_the_reviews_title(tmp_path):
    """(fix48b) The same review read by the site and a PDF copy: the page's heading, its
    control block and the register give the approved review's title, and a copy is made of
    the version in force under it (one answer: ``Standing.described``)."""
    from rt48_helpers import built, site_repo

    s = two_doc_scenario(tmp_path)
    site_repo(s)
    text = (s.root / DOC).read_text("utf-8")
    text = text.replace("title: 测试程序", "title: 变更后的名称")
    text = text.replace(
        "review_interval_months: 12", "review_interval_months: 36\nreview_date: 2026-02-27"
    )
    merge_dated(s, "cr-review", {DOC: text}, "2026-03-01")
    site = built(s.root, tmp_path / "site")
    page = (site / "procedures/test/index.html").read_text("utf-8")
    heading = page.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert "变更后的名称" in heading and "测试程序" not in heading, heading
    register_page = (site / "registers/documents/index.html").read_text("utf-8")
    assert "变更后的名称" in register_page and "2029-03-01" in register_page
    made = run(s, "pdf", "SM-P-01", "-o", str(tmp_path / "copy.pdf"))
    assert made.returncode == 0, made.stdout + made.stderr
