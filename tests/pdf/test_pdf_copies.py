"""Controlled PDF copies and the recall list on a real repository: real git, the real CLI,
real PDFs laid out by WeasyPrint (Mermaid drawn in the real Chromium) and parsed back with
pypdf."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from pypdf import PdfReader

from builders import PROJECT
from gitrepo import GitRepo
from history_helpers import body, cli, make_scenario
from site_helpers import mkdocs, site_repo, table_rows

FLOW = """
```mermaid
flowchart TD
    A[提交申请] --> B{审批通过?}
    B -->|是| C[实施]
```
"""
# an author who wants the copy to look uncontrolled, or to embed a file of the machine
HOSTILE = (
    "<style>.dc-stamp { display: none }</style>\n\n"
    # a stamp of its own, in doccontrol's classes, to make an uncontrolled copy look controlled
    '<div class="dc-stamp"><div class="dc-stamp-title">受控副本</div><div>冒名副本 07</div></div>\n\n'
    '<img src="file:///etc/hostname">\n\n![x](../../../../etc/passwd)\n'
)
TABLE = "| 角色 | 职责 |\n|---|---|\n| 变更经理 | 审批一般变更 |\n"
LINK = "见[第 3 节](#3)。\n"  # the anchor MkDocs (toc) gives "## 3 术语和定义"


def _distribution(record_id, version, day, copies, recall=""):
    return (
        f"id: {record_id}\ntitle: SM-P-01 测试程序 {version} 发放受控副本\n"
        f"document: SM-P-01\nversion: {version}\nreason: revision\ncopy_type: printed-controlled\n"
        f"distributed_by: wangfang\ndistributed_date: {day}\ncopies:\n{copies}{recall}status: distributed\n"
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """SM-P-01: V1.0 (the baseline, in force from 2026-01-05), V1.1 approved 2026-03-10 and in
    force from 2026-03-20. Copies 01 and 02 of V1.0 issued on 2026-02-01; on 2026-03-20 copy 01
    of V1.1 was issued to 赵磊 in exchange for his V1.0 copy; 吴婷 still holds copy 02 of V1.0."""
    s = make_scenario(
        tmp_path_factory.mktemp("pdf"), "  repo_url: null", "  repo_url: null\n  pdf: true"
    )
    site_repo(s)  # mkdocs.yml and the vendored Mermaid (make vendor), as the site tests have them
    shutil.copy(
        PROJECT / "schemas/records/document-distribution.schema.json",
        s.root / "schemas/records/document-distribution.schema.json",
    )
    s.files.write(
        "records/document-distribution/DST-2026-001.yaml",
        _distribution(
            "DST-2026-001",
            "V1.0",
            "2026-02-01",
            "  - {copy_number: '01', holder: zhaolei}\n  - {copy_number: '02', holder: wuting}\n",
        ),
    )
    s.git.commit("发放 V1.0 受控副本", date="2026-02-01T10:00:00+08:00")
    s.git.branch("cr-1")
    text = body("新规定").replace("## 3 ", TABLE + "\n" + LINK + FLOW + HOSTILE + "\n## 3 ", 1)
    s.files.doc(version="V1.1", body=text, effective_date="2026-03-20")
    s.git.commit("修订", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "修订目的", date="2026-03-10T10:00:00+08:00")
    s.files.write(
        "records/document-distribution/DST-2026-002.yaml",
        _distribution(
            "DST-2026-002",
            "V1.1",
            "2026-03-20",
            "  - {copy_number: '01', holder: zhaolei}\n",
            "obsolete_recall:\n  - {description: V1.0 受控副本 01, copy_number: '01', holder: operations,"
            " recalled_date: 2026-03-20, disposition: destroyed}\n",
        ),
    )
    s.git.commit("发放 V1.1 受控副本", date="2026-03-20T10:00:00+08:00")
    s.files.doc(
        "docs/procedures/secret.md",
        doc_id="SM-P-02",
        title="机密程序",
        extra="",
    )
    path = s.root / "docs/procedures/secret.md"
    path.write_text(
        path.read_text().replace("confidentiality: internal", "confidentiality: secret")
    )
    s.git.commit("机密程序", date="2026-03-21T10:00:00+08:00")
    assert cli(s.root, "check").returncode == 0, cli(s.root, "check").stdout
    return s


@pytest.fixture(scope="module")
def controlled(repo, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "copy-01.pdf"
    made = cli(
        repo.root, "pdf", "SM-P-01", "--as-of", "2026-03-25", "--copy", "01",
        "--holder", "zhaolei", "-o", str(out),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return out, made


def _pages(path):
    return [page.extract_text() for page in PdfReader(path).pages]


def test_the_cover_carries_the_facts_from_the_history(controlled):
    path, made = controlled
    assert "SM-P-01 V1.1" in made.stdout and "受控副本 01 赵磊" in made.stdout
    cover = " ".join(_pages(path)[0].split())
    for field in (
        "文件编号 SM-P-01",
        "文件名称 测试程序",
        "版本 V1.1",
        "状态 有效",
        "发布实施日期 2026-03-20",
        "密级 内部",
        "编制 赵磊 2026-03-02",
        "审核 王芳 2026-03-10",
        "批准 刘静 2026-03-10",
        "批准证据 未签名（依赖分支保护）",
        "合并请求 !1",
    ):
        assert field in cover, (field, cover)
    history = "".join(_pages(path)[1].split())  # narrow columns wrap words
    assert "变更履历" in history and "V1.1" in history and "修订目的" in history


def test_every_page_has_the_stamp_the_header_and_page_x_of_y(controlled):
    path, _ = controlled
    pages = _pages(path)
    assert len(pages) >= 3
    for n, text in enumerate(pages, 1):
        flat = " ".join(text.split())
        # a <style> in the body cannot hide the stamp
        assert "受控副本" in flat and "受控号 01" in flat and "持有人 赵磊" in flat, flat
        assert f"SM-P-01 · V1.1 · 第 {n} 页 共 {len(pages)} 页" in flat, flat
        assert "非受控" not in flat


def test_the_body_has_its_table_its_drawn_flowchart_and_no_file_of_the_machine(controlled):
    path, made = controlled
    text = " ".join(" ".join(_pages(path)).split())
    assert "新规定" in text and "变更经理 审批一般变更" in text
    # the diagram is drawn (its labels are SVG text), not shown as source
    assert "提交申请" in text and "审批通过?" in text and "flowchart TD" not in text
    # a file: URL is removed with the rest of the active content; a path leaving docs/ is
    # refused and named
    assert "../../../../etc/passwd 未嵌入" in made.stderr
    reader = PdfReader(path)
    assert not [
        name
        for page in reader.pages
        for name, obj in (page["/Resources"].get("/XObject") or {}).items()
        if obj.get_object().get("/Subtype") == "/Image"
    ]
    # the in-document link is a link inside the PDF
    links = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])]
    assert any("/Dest" in a or "/GoTo" in str(a.get("/A")) for a in links)


def test_every_font_is_embedded(controlled):
    path, _ = controlled
    fonts = {}
    for page in PdfReader(path).pages:
        for name, ref in (page["/Resources"].get("/Font") or {}).items():
            fonts[name] = ref.get_object()
    assert fonts
    for font in fonts.values():
        descendants = font.get("/DescendantFonts")
        described = descendants[0].get_object() if descendants else font
        descriptor = described["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), descriptor


def test_same_inputs_give_the_same_bytes_dated_by_the_approval(repo, controlled, tmp_path):
    path, _ = controlled
    again = tmp_path / "again.pdf"
    made = cli(
        repo.root, "pdf", "SM-P-01", "--as-of", "2026-03-25", "--copy", "01",
        "--holder", "赵磊", "-o", str(again),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert again.read_bytes() == path.read_bytes()
    info = PdfReader(path).metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20260310100000+08'00"


def test_as_of_renders_the_older_version_uncontrolled(repo, tmp_path):
    out = tmp_path / "old.pdf"
    made = cli(repo.root, "pdf", "SM-P-01", "--as-of", "2026-03-15", "-o", str(out))
    assert made.returncode == 0, made.stderr
    pages = _pages(out)
    assert "版本 V1.0" in " ".join(pages[0].split())
    assert "新规定" not in "".join(pages)
    for n, text in enumerate(pages, 1):
        flat = " ".join(text.split())
        assert "非受控" in flat and "受控号" not in flat
        assert f"SM-P-01 · V1.0 · 第 {n} 页 共 {len(pages)} 页" in flat


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("SM-P-02",), "高于发布密级上限 internal"),
        (("SM-P-01", "--copy", "03"), "受控号 03 未由任何文件发放与签收记录发放给 SM-P-01"),
        (("SM-P-01", "--copy", "02"), "受控号 02 发放的是 SM-P-01 V1.0，不是 V1.1"),
        (("SM-P-01", "--copy", "01", "--holder", "wuting"), "受控号 01 的持有人是 赵磊"),
        (("SM-P-01", "--holder", "wuting"), "--holder 只用于受控副本"),
        (("SM-P-01", "--as-of", "2025-12-01"), "在 2025-12-01 还没有任何版本进入主分支"),
        (("SM-P-01", "--as-of", "2026-01-03"), "在 2026-01-03 没有有效版本"),  # from 01-05
    ],
)
def test_refused_copies_write_nothing(repo, tmp_path, args, message):
    out = tmp_path / "refused.pdf"
    made = cli(repo.root, "pdf", *args, "-o", str(out))
    assert made.returncode == 2
    assert message in made.stderr and "Traceback" not in made.stderr
    assert not out.exists()


def test_recall_due_lists_copies_of_superseded_versions_not_returned(repo):
    before = cli(repo.root, "recall-due", "--today", "2026-03-19", "--fail-on", "outstanding")
    assert before.returncode == 0 and "0 份受控副本待回收" in before.stdout
    due = cli(repo.root, "recall-due", "--today", "2026-03-25", "--format", "json")
    rows = json.loads(due.stdout)
    # copy 01 of V1.0 was exchanged for copy 01 of V1.1; copy 02 is still out
    assert [(r["copy_number"], r["version"], r["holder_name"]) for r in rows] == [
        ("02", "V1.0", "吴婷")
    ]
    assert rows[0]["reason"] == "superseded" and rows[0]["current_version"] == "V1.1"
    assert rows[0]["since"] == "2026-03-20" and rows[0]["days"] == 5
    gate = cli(repo.root, "recall-due", "--today", "2026-03-25", "--fail-on", "outstanding")
    assert gate.returncode == 1 and "吴婷" in gate.stdout and "已换版" in gate.stdout
    table = list(
        csv.reader(
            io.StringIO(
                cli(repo.root, "recall-due", "--today", "2026-03-25", "--format", "csv").stdout
            )
        )
    )
    assert table[0][:3] == ["文件编号", "受控号", "持有人"]
    assert table[1][:4] == ["SM-P-01", "02", "吴婷", "V1.0"]


def test_a_returned_copy_leaves_the_recall_list_once_its_return_is_on_main(repo, tmp_path):
    # on a copy of the repository: the module's fixture stays as it is
    root = tmp_path / "repo"
    shutil.copytree(repo.root, root, symlinks=True)
    path = root / "records/document-distribution/DST-2026-001.yaml"
    path.write_text(
        path.read_text().replace("holder: wuting}", "holder: wuting, returned_date: 2026-03-24}")
    )

    def due(today):
        return json.loads(cli(root, "recall-due", "--today", today, "--format", "json").stdout)

    # written in the work tree only: main's record still has the copy out
    assert [r["copy_number"] for r in due("2026-03-25")] == ["02"]
    # committed by 王芳, who distributed it (and is the document controller)
    git = GitRepo(root)
    git.commit("回收 V1.0 受控副本 02", who="wangfang", date="2026-03-24T10:00:00+08:00")
    assert due("2026-03-25") == []
    assert re.search(r"2026-03-23：1 份", cli(root, "recall-due", "--today", "2026-03-23").stdout)


def test_the_audit_pack_holds_the_recall_list(repo, tmp_path):
    pack = tmp_path / "pack.zip"
    made = cli(
        repo.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-03-25", "-o", str(pack)
    )
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(pack) as archive:
        rows = list(
            csv.reader(io.StringIO(archive.read("register/recall-due.csv").decode("utf-8-sig")))
        )
        assert rows[0][:3] == ["文件编号", "受控号", "持有人"]
        assert [r[:4] for r in rows[1:]] == [["SM-P-01", "02", "吴婷", "V1.0"]]
        assert json.loads(archive.read("register/recall-due.json"))[0]["record"] == "DST-2026-001"
    assert cli(repo.root, "audit-pack", "--verify", str(pack)).returncode == 0


def test_the_site_links_each_page_to_its_pdf_and_lists_copies_to_recall(repo, tmp_path):
    out = tmp_path / "site"
    built = mkdocs(repo.root, out)
    assert built.returncode == 0, built.stderr
    page = (out / "procedures/test/index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/SM-P-01.pdf"' in page and "PDF（非受控）" in page
    pages = _pages(out / "pdf/SM-P-01.pdf")
    for n, text in enumerate(pages, 1):
        flat = " ".join(text.split())
        assert "非受控" in flat and f"SM-P-01 · V1.1 · 第 {n} 页 共 {len(pages)} 页" in flat
    # the body's fake stamp lost doccontrol's classes: plain text once in the body, not a
    # stamp repeated over the real one on every page
    assert sum("冒名副本 07" in " ".join(text.split()) for text in pages) == 1
    # the secret document is not published, so neither is its PDF
    assert sorted(p.name for p in (out / "pdf").iterdir()) == ["SM-P-01.pdf"]
    recall = (out / "registers/recall/index.html").read_text(encoding="utf-8")
    rows = table_rows(recall, "dc-recall")
    assert [r[:6] for r in rows[1:]] == [
        ["SM-P-01", "02", "吴婷", "V1.0", "2026-02-01", "DST-2026-001"]
    ]
    assert rows[1][6] == "已换版" and rows[1][7] == "V1.1"


def test_the_command_line_loads_the_pdf_libraries_only_when_it_makes_a_pdf(repo, tmp_path):
    script = (
        "import json, sys\nfrom doccontrol.cli.main import main\n"
        "for argv in (['--help'], ['pdf', '--help'], ['recall-due', '--today', '2026-03-25']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=repo.root, capture_output=True, text=True, check=True
    )
    modules = json.loads(done.stdout.splitlines()[-1])
    heavy = ("weasyprint", "markdown", "playwright", "pypdf", "nh3", "jinja2")
    assert not [m for m in modules if m.split(".")[0] in heavy]
    # without the pdf extra the command names it (exit 2) and writes nothing
    out = tmp_path / "x.pdf"
    without = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nsys.modules['weasyprint'] = None\n"
            "from doccontrol.cli.main import main\nsys.exit(main(sys.argv[1:]))",
            "pdf", "SM-P-01", "-o", str(out),
        ],
        cwd=repo.root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert without.returncode == 2 and "pip install 'doccontrol[pdf]'" in without.stderr
    assert "Traceback" not in without.stderr and not out.exists()
