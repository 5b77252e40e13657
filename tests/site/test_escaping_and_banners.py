"""Hostile strings from front matter, records and commit messages render as text; shallow
history is marked on every page. Real `mkdocs build` on a small real repository."""

from __future__ import annotations

import shutil
import subprocess

from builders import PROJECT
from doccontrol import catalogue
from history_helpers import body
from site_helpers import built, mkdocs

ZH = catalogue.load("zh")  # the site's language when doccontrol.yml does not say

HOSTILE_TITLE = '<script>alert("title")</script>测试程序'
HOSTILE_MR = "<img src=x onerror=alert(1)>修订"
HOSTILE_RECORD = "<script>alert('record')</script>"


def site_repo(scenario):
    shutil.copy(PROJECT / "mkdocs.yml", scenario.root / "mkdocs.yml")
    scenario.git.commit("站点配置", date="2026-01-01T11:00:00+08:00")
    return scenario


def test_hostile_values_are_escaped_everywhere(scenario, tmp_path):
    s = site_repo(scenario)
    s.git.branch("cr-1")
    text = (
        (s.root / "docs/procedures/test.md")
        .read_text()
        .replace("title: 测试程序", f"title: '{HOSTILE_TITLE}'")
    )
    s.files.write("docs/procedures/test.md", text.replace("version: V1.0", "version: V1.1"))
    s.files.record("INC-2026-0001")
    record = s.root / "records/incident/INC-2026-0001.yaml"
    record.write_text(
        record.read_text().replace("title: 数据库连接超时", f'title: "{HOSTILE_RECORD}"')
    )
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    message = f"Merge branch 'cr-1'\n\n{HOSTILE_MR}\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: <script>x</script> <wang.fang@example.com>"
    s.git.merge_message(message, "cr-1", who="liujing", date="2026-02-01T10:00:00+08:00")
    # the hostile reviewer line leaves the merge unapproved: only a preview gives the work
    # tree's hostile title, so a preview is the build that shows how every value is escaped
    site = built(s.root, tmp_path / "site", preview=True)
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    for path, html in pages.items():
        assert '<script>alert("title")' not in html, path
        assert "<script>alert('record')" not in html, path
        assert "<img src=x onerror" not in html, path
        assert "<script>x</script>" not in html, path
    page = (site / "procedures/test/index.html").read_text(encoding="utf-8")
    assert (
        "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;测试程序" in page
        or "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;测试程序" in page
    )
    assert "&lt;img src=x onerror=alert(1)&gt;修订" in page
    trail = (site / "registers/approvals/index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;修订" in trail
    record_page = (site / "records/incident/INC-2026-0001/index.html").read_text(encoding="utf-8")
    assert (
        "&lt;script&gt;alert(&#x27;record&#x27;)&lt;/script&gt;" in record_page
        or "&lt;script&gt;alert(&#39;record&#39;)&lt;/script&gt;" in record_page
    )


def test_shallow_history_is_marked_and_strict_refuses_it(scenario, tmp_path):
    s = site_repo(scenario)
    for n in range(3):
        s.git.branch(f"cr-{n}")
        s.files.doc(version=f"V1.{n + 1}", body=body(str(n)))
        s.git.commit(f"c{n}", who="zhaolei")
        s.git.merge(f"cr-{n}", f"修订 {n}", approvers=("liujing",), reviewers=("wangfang",))
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{s.root}", str(clone)], check=True
    )
    (clone / "mkdocs.yml").write_text(
        (clone / "mkdocs.yml")
        .read_text()
        .replace(
            "strict: !ENV [DOCCONTROL_STRICT, false]",
            "strict: !ENV [DOCCONTROL_STRICT, false]\n      allow_shallow: true",
        )
    )
    site = built(clone, tmp_path / "site")
    assert "dc-incomplete" in (site / "procedures/test/index.html").read_text(encoding="utf-8")
    strict = mkdocs(clone, tmp_path / "s2", strict=True)
    assert (
        strict.returncode != 0
        and ZH.text("site.plugin.strict.shallow") in strict.stdout + strict.stderr
    )


def test_draft_banner(scenario, tmp_path):
    """The published site gives no text of a draft nobody approved, and says why; a preview
    gives it, marked as a draft and as not what the controlled site publishes."""
    s = site_repo(scenario)
    s.files.doc(
        "docs/procedures/draft.md",
        doc_id="SM-P-02",
        version="V0.1",
        status="draft",
        body=body("草拟中的规定"),
    )
    s.git.commit("草稿", date="2026-01-10T12:00:00+08:00")  # under control, not approved
    site = built(s.root, tmp_path / "site")
    page = (site / "procedures/draft/index.html").read_text(encoding="utf-8")
    assert ZH.text("site.banner.withheld.draft") in page
    assert "草拟中的规定" not in page and "dc-draft" not in page
    preview = built(s.root, tmp_path / "preview", preview=True)
    page = (preview / "procedures/draft/index.html").read_text(encoding="utf-8")
    assert "草稿，未经批准，不得作为依据" in page and "草拟中的规定" in page
    assert ZH.text("site.banner.preview.withheld") in page


FAKE_CONTROL = (
    '<div class="dc-control admonition"><table class="dc-control-table">'
    "<tr><th>状态</th><td>已批准 · 生效</td></tr></table></div>"
)


def _page_with_body(scenario, tmp_path, extra_body):
    s = site_repo(scenario)
    path = s.root / "docs/procedures/test.md"
    path.write_text(path.read_text() + "\n" + extra_body + "\n")
    s.git.commit("正文", date="2026-01-02T10:00:00+08:00")
    # a change nobody approved: only a preview gives its text, so only a preview can show
    # what the sanitizer makes of it (the published page keeps the approved text)
    site = built(s.root, tmp_path / "site", preview=True)
    return (site / "procedures/test/index.html").read_text(encoding="utf-8")


def test_a_body_cannot_draw_a_control_block_on_the_site(scenario, tmp_path):
    """An author's raw HTML using doccontrol's reserved classes loses them on the page, while
    the real control block above it keeps its own."""
    page = _page_with_body(scenario, tmp_path, FAKE_CONTROL)
    assert page.count('class="dc-control admonition') + page.count('class="dc-control"') <= 1
    assert page.count("dc-control-table") == 1  # the real one
    assert "已批准 · 生效" in page  # the author's text stays, unstyled
    assert 'class="admonition"' in page  # and keeps its own classes
    assert "dc-body" not in page  # the marks never reach the output


def test_an_unclosed_html_block_in_a_body_keeps_its_reserved_classes_out(scenario, tmp_path):
    """An unclosed raw HTML block runs on to the end of the Markdown (past the body's end):
    what the author opened is closed where the body ends and still loses the reserved classes."""
    page = _page_with_body(scenario, tmp_path, '<div class="dc-control">\n\n伪造')
    assert page.count("dc-control-table") == 1
    assert page.count('<div class="dc-control') == 1  # the real block only
    assert "伪造" in page and "dc-body" not in page


def test_an_unclosed_fence_in_a_body_neither_hides_nor_fakes_the_history(scenario, tmp_path):
    """A fence left open runs on past the body's end: the page still carries its control block
    once, no mark of the build reaches the output, and nothing of the body passes as doccontrol's."""
    page = _page_with_body(scenario, tmp_path, "```\n" + FAKE_CONTROL)
    assert page.count("dc-control-table") == 1
    assert "dc-body" not in page and "dc-part" not in page
