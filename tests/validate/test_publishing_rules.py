"""What `check` says about files that could reach the site the wrong way: symlinks, control
characters in paths, files that are neither documents nor images, every Markdown suffix MkDocs
renders, and active content (scripts, handlers, javascript: URLs) in a document body."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from builders import procedure
from doccontrol import catalogue


def run_check(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", "check", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_symlinks_are_reported_and_never_read(repo, check_codes, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "leak.md").write_text(procedure(doc_id="SM-P-77", title="外部文件"))
    os.symlink("/etc/passwd", repo.root / "docs/x.txt")
    os.symlink("/proc/self/environ", repo.root / "docs/env.md")
    os.symlink(outside, repo.root / "docs/linked")
    os.symlink(outside / "leak.md", repo.root / "docs/procedures/leak.md")
    (repo.root / "records/incident").mkdir(parents=True)
    os.symlink("/etc/hostname", repo.root / "records/incident/INC-2026-0009.yaml")
    codes = check_codes(repo.root)
    assert ("docs/x.txt", 1, "DC020") in codes
    assert ("docs/env.md", 1, "DC020") in codes
    assert ("docs/linked", 1, "DC020") in codes
    assert ("docs/procedures/leak.md", 1, "DC020") in codes
    assert ("records/incident/INC-2026-0009.yaml", 1, "DC020") in codes
    from doccontrol.load import repository

    loaded = repository.load(repo.root)
    assert [d.path for d in loaded.documents] == ["docs/procedures/test.md"]
    assert loaded.records == ()
    result = run_check(repo.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "root:x:0:0" not in result.stdout + result.stderr


def test_control_characters_in_paths_are_reported_on_one_line(repo, check_codes):
    repo.doc("docs/procedures/evil\nname.md", doc_id="SM-P-02")
    repo.write("records/incident/INC-2026-0001\t.yaml", "id: INC-2026-0001\n")
    repo.write("schemas/records/x\x1b.schema.json", "{}")
    codes = check_codes(repo.root)
    assert ("docs/procedures/evil\\nname.md", 1, "DC021") in codes
    assert ("records/incident/INC-2026-0001\\t.yaml", 1, "DC021") in codes
    assert ("schemas/records/x\\x1b.schema.json", 1, "DC021") in codes
    from doccontrol.load import repository

    assert "SM-P-02" not in {d.id for d in repository.load(repo.root).documents}
    result = run_check(repo.root)
    assert result.returncode == 1
    line = next(x for x in result.stdout.splitlines() if "DC021" in x and "docs/" in x)
    assert line.startswith("docs/procedures/evil\\nname.md:1:1: DC021")
    # the staged path, as the pre-commit hook passes it, selects the problem
    only = run_check(repo.root, "docs/procedures/evil\nname.md")
    assert "DC021" in only.stdout and only.returncode == 1


def test_non_utf8_file_name_is_reported_without_a_crash(repo):
    name = os.fsencode(repo.root / "docs/procedures") + b"/bad\xff.md"
    with open(name, "wb") as handle:
        handle.write(procedure(doc_id="SM-P-03").encode())
    result = run_check(repo.root)
    assert result.returncode == 1, result.stderr
    assert "DC021" in result.stdout and "Traceback" not in result.stderr


def test_other_files_under_docs_are_reported_as_not_published(repo, check_codes):
    repo.write("docs/notes.txt", "secret notes")
    repo.write("docs/page.html", "<p>raw page</p>")
    repo.write("docs/diagram.svg", "<svg onload='alert(1)'/>")
    repo.write("docs/images/logo.png", b"\x89PNG\r\n\x1a\n")
    codes = check_codes(repo.root)
    assert ("docs/notes.txt", 1, "DC022") in codes
    assert ("docs/page.html", 1, "DC022") in codes
    assert ("docs/diagram.svg", 1, "DC022") in codes
    assert not [c for c in codes if c[0] == "docs/images/logo.png"]


@pytest.mark.parametrize("suffix", [".markdown", ".mdown", ".mkdn", ".mkd", ".MD"])
def test_every_markdown_suffix_is_a_checked_document(repo, check_codes, suffix):
    repo.doc(f"docs/procedures/other{suffix}", doc_id="SM-P-05", status="efective")
    codes = check_codes(repo.root)
    assert (f"docs/procedures/other{suffix}", 6, "DC104") in codes
    from doccontrol.load import repository

    assert "SM-P-05" in {d.id for d in repository.load(repo.root).documents}


def test_active_content_in_a_body_is_reported(repo, check_codes):
    body = "\n".join(
        [
            "## 1 目的",
            "",
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(2)">',
            "[点击](javascript:alert(3))",
            "[b]( JaVa&#x53;cript:alert(4))",
            "[c](javascript\\:alert(5))",
            '<a href="  &#106;avascript:x">d</a>',
            "<div",
            '  onclick="x">multi-line tag</div>',
            "[ref]: vbscript:msgbox",
            "<IFRAME src=x></IFRAME>",
            "",
            # (a code span beside raw HTML is searched: Python-Markdown reads no spans in an
            # HTML block, which can reach across blank lines; tests/validate holds that)
            "正文提到 javascript: 这个词不算。",
            "",
            "```html",
            "<script>code sample</script>",
            "```",
            "",
        ]
    )
    repo.doc(body=body)
    found = [(line, code) for path, line, code in check_codes(repo.root) if code == "DC220"]
    first = 18  # the body's first line: after '---', 15 keys and '---'
    lines = sorted({line for line, _ in found})
    assert lines == [first + n for n in (2, 3, 4, 5, 6, 7, 9, 10, 11)], lines


def test_active_content_message(repo):
    repo.doc(body="## 1 目的\n\n<img src=x onerror=alert(1)>\n")
    result = run_check(repo.root)
    said = catalogue.load().text("problem.DC220.handler", what="onerror=")
    assert f"DC220 {said}" in result.stdout
    assert "onerror=" in said and said != "problem.DC220.handler"


def test_markdown_mkdocs_never_publishes_is_checked_and_reported(repo, check_codes):
    """History counts every Markdown file under docs/ as a document; MkDocs leaves out dot
    paths and docs/templates/. Such a file is read and reported, so it cannot claim another
    document's id unseen."""
    repo.doc("docs/.drafts/copy.md", doc_id="SM-P-01", title="隐藏副本")
    repo.doc("docs/procedures/.old.md", doc_id="SM-P-06", status="efective")
    repo.doc("docs/templates/form.md", doc_id="SM-P-07")
    codes = check_codes(repo.root)
    assert ("docs/.drafts/copy.md", 1, "DC025") in codes
    assert any(c[0] == "docs/.drafts/copy.md" and c[2] == "DC201" for c in codes), codes
    assert ("docs/procedures/.old.md", 1, "DC025") in codes
    assert ("docs/procedures/.old.md", 6, "DC104") in codes  # read and checked like the rest
    assert ("docs/templates/form.md", 1, "DC025") in codes
    only = run_check(repo.root, "docs/.drafts/copy.md")
    assert only.returncode == 1 and "DC025" in only.stdout, only.stdout + only.stderr


def test_other_hidden_files_under_docs_stay_quiet(repo, check_codes):
    repo.write("docs/.gitkeep", "")
    repo.write("docs/.pages", "nav: []\n")
    repo.write("docs/.obsidian/app.json", "{}")
    repo.write("docs/.assets/logo.png", b"\x89PNG\r\n\x1a\n")
    os.symlink("/etc", repo.root / "docs/.linked")
    os.symlink("/etc/passwd", repo.root / "docs/.obsidian/passwd")
    codes = check_codes(repo.root)
    assert not [c for c in codes if "/." in c[0]], codes
    # an ordinary templates/ file that is no document is reported as before
    repo.write("docs/templates/form.docx", b"PK\x03\x04")
    assert ("docs/templates/form.docx", 1, "DC022") in check_codes(repo.root)


def test_documents_that_make_one_page_are_reported(repo, check_codes):
    """a.md, a/index.md and a/README.md are one page on the site: one would overwrite the
    other, so check reports each (and `approve` refuses the branch)."""
    repo.doc("docs/procedures/test/index.md", doc_id="SM-P-02")
    repo.doc("docs/guide.md", doc_id="SM-P-03")
    repo.doc("docs/guide/README.md", doc_id="SM-P-04")
    repo.doc("docs/other/index.md", doc_id="SM-P-05")  # a page of its own
    codes = check_codes(repo.root)
    for path in (
        "docs/procedures/test.md",
        "docs/procedures/test/index.md",
        "docs/guide.md",
        "docs/guide/README.md",
    ):
        assert (path, 1, "DC026") in codes, path
    assert not [c for c in codes if c[0] == "docs/other/index.md"]
    only = run_check(repo.root, "docs/guide.md")
    assert only.returncode == 1 and "DC026" in only.stdout and "docs/guide/README.md" in only.stdout


def test_documents_at_the_places_of_generated_pages_are_reported(repo, check_codes):
    """The site generates the approval trail, the registers, the records index, a form page
    per record type and a page per record: a document at one of those places would stand in
    for it (DC027). docs/index.md may replace the generated home page."""
    repo.record()  # records/incident/INC-2026-0001.yaml
    repo.doc("docs/registers/approvals.md", doc_id="SM-P-02")
    repo.doc("docs/registers/documents/index.md", doc_id="SM-P-03")
    repo.doc("docs/forms/incident.md", doc_id="SM-P-04")
    repo.doc("docs/records/incident/INC-2026-0001.md", doc_id="SM-P-05")
    repo.doc("docs/index.md", doc_id="SM-P-06")
    repo.doc("docs/forms/incident-form-guide.md", doc_id="SM-P-07")
    codes = check_codes(repo.root)
    for path in (
        "docs/registers/approvals.md",
        "docs/registers/documents/index.md",
        "docs/forms/incident.md",
        "docs/records/incident/INC-2026-0001.md",
    ):
        assert (path, 1, "DC027") in codes, path
    assert not [
        c
        for c in codes
        if c[2] == "DC027" and c[0] in ("docs/index.md", "docs/forms/incident-form-guide.md")
    ]


def test_the_folders_and_files_the_build_writes_are_reserved(repo, check_codes):
    """A record needs no approval, so any page under records/ could be taken later; the
    build writes assets, the search index, PDF copies and the sitemap; only docs/index.md
    replaces the home page."""
    paths = (
        "docs/records/incident/INC-2026-0099.md",
        "docs/registers/future.md",
        "docs/assets/doccontrol/doccontrol.css.md",
        "docs/search/search_index.json.md",
        "docs/sitemap.xml.md",
        "docs/README.md",
        "docs/Records/x.md",
    )
    for n, path in enumerate(paths, 10):
        repo.doc(path, doc_id=f"SM-P-{n}")
    codes = check_codes(repo.root)
    for path in paths:
        assert (path, 1, "DC027") in codes, path
