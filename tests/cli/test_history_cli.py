"""`doccontrol log` and `doccontrol trail` as users run them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess

from history_helpers import CHANGE_HISTORY_HEADERS, body, cli


def run(cwd, *args):
    return cli(cwd, *args)


def approved_and_direct(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("修订"), effective_date="2026-02-03")
    scenario.git.commit("修订", who="zhaolei", date="2026-02-01T09:00:00+08:00")
    scenario.git.merge(
        "cr-1",
        "修订目的",
        approvers=("liujing",),
        reviewers=("wangfang",),
        number=5,
        date="2026-02-03T10:00:00+08:00",
    )
    scenario.files.doc(version="V1.2", body=body("直接"))
    scenario.git.commit("直接改", who="zhouqiang", date="2026-03-01T10:00:00+08:00")


def test_log_table_has_the_change_history_columns(scenario):
    approved_and_direct(scenario)
    result = run(scenario.root, "log", "SM-P-01")
    assert result.returncode == 1  # the direct commit is a problem
    lines = result.stdout.splitlines()
    assert lines[0] == "SM-P-01 测试程序  (docs/procedures/test.md)"
    assert lines[1].split() == CHANGE_HISTORY_HEADERS
    assert lines[3].split() == [
        "1",
        "V1.1",
        "1",
        "目的",
        "修订目的",
        "赵磊",
        "2026-02-01",
        "王芳",
        "2026-02-03",
        "刘静",
        "2026-02-03",
        "未签名（依赖分支保护）",
    ]
    assert "[未批准]" in lines[4] and lines[4].split()[-1] == "无"
    assert lines[5].startswith("  ! DC501 ")


def test_log_csv_is_the_audit_packs_change_history(scenario):
    approved_and_direct(scenario)
    result = run(scenario.root, "log", "--all", "--format", "csv")
    assert result.returncode == 1  # the direct commit is a problem, as in the table
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "文件编号", "序号", "版本", "日期", "提交", "正文摘要（SHA-256）", "更改处", "更改内容",
        "更改人", "审核人", "批准人", "合并请求", "签名", "批准证据", "已批准", "问题",
    ]  # fmt: skip
    merge = scenario.git.run("rev-parse", "main~1").strip()
    direct = scenario.git.head()
    assert [(r[0], r[2], r[4], r[8], r[10], r[14]) for r in rows[1:]] == [
        ("SM-P-01", "V1.1", merge, "赵磊", "刘静", "是"),
        ("SM-P-01", "V1.2", direct, "周强", "", "否"),
    ]
    assert rows[2][15].startswith("DC501 ")
    # each revision's body digest: the SHA-256 of the body its commit holds
    for row in rows[1:]:
        held = subprocess.run(
            ["git", "cat-file", "blob", f"{row[4]}:docs/procedures/test.md"],
            cwd=scenario.root,
            capture_output=True,
            check=True,
        ).stdout
        assert row[5] == hashlib.sha256(held.split(b"\n---\n", 1)[1]).hexdigest()
    # the same rows as the audit pack's history/revisions.csv
    pack = scenario.root.parent / "pack.zip"
    made = run(scenario.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31",
               "-o", str(pack))  # fmt: skip
    assert made.returncode == 0, made.stderr
    import zipfile

    with zipfile.ZipFile(pack) as archive:
        packed = archive.read("history/revisions.csv").decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(packed))) == rows


def test_log_all_json_shape(scenario):
    approved_and_direct(scenario)
    result = run(scenario.root, "log", "--all", "--format", "json")
    data = json.loads(result.stdout)
    (doc,) = data["documents"]
    assert set(doc) == {"id", "path", "title", "withdrawn", "revisions"}
    first = doc["revisions"][0]
    assert set(first) >= {
        "seq",
        "version",
        "commit",
        "date",
        "change",
        "sections",
        "authors",
        "reviewers",
        "approvers",
        "merge_request",
        "signature",
        "approved",
        "problems",
    }
    assert first["approvers"] == [{"name": "刘静", "email": "liu.jing@example.com"}]
    assert doc["revisions"][1]["problems"][0]["code"] == "DC501"


def test_log_unknown_document(scenario):
    result = run(scenario.root, "log", "SM-P-77")
    assert result.returncode == 2
    assert "refs/heads/main 的历史中没有文件 SM-P-77" in result.stderr


def test_trail_formats_filters_and_strict(scenario):
    approved_and_direct(scenario)
    table = run(scenario.root, "trail")
    assert table.returncode == 0
    assert "2 个审批事件，1 个问题" in table.stdout
    strict = run(scenario.root, "trail", "--strict")
    assert strict.returncode == 1
    feb = run(
        scenario.root,
        "trail",
        "--since",
        "2026-02-01",
        "--until",
        "2026-02-28",
        "--strict",
        "--format",
        "json",
    )
    assert feb.returncode == 0
    events = json.loads(feb.stdout)["events"]
    assert [(e["kind"], e["documents"][0]["version"]) for e in events] == [("merge", "V1.1")]
    by_person = json.loads(
        run(scenario.root, "trail", "--person", "zhou.qiang@example.com", "--format", "json").stdout
    )["events"]
    assert [e["kind"] for e in by_person] == ["direct"]
    # someone neither the history nor doccontrol.yml knows is a typo, not a clean record
    typo = run(scenario.root, "trail", "--person", "zhou.qiang@exmaple.com")
    assert typo.returncode == 2 and "--person zhou.qiang@exmaple.com" in typo.stderr
    # a configured person with no approvals in the period is an empty trail, not an error
    quiet = run(scenario.root, "trail", "--person", "sunyue", "--until", "2026-01-01")
    assert quiet.returncode == 0, quiet.stderr
    rows = list(csv.reader(io.StringIO(run(scenario.root, "trail", "--format", "csv").stdout)))
    assert rows[0][:3] == ["日期", "提交", "方式"]
    assert rows[1][3] == "!5" and rows[2][10:12] == ["无", "未批准"]


def test_trail_bad_date(scenario):
    result = run(scenario.root, "trail", "--since", "2026-02-30")
    assert result.returncode == 2
    assert result.stderr.strip() == "doccontrol：错误：--since '2026-02-30' 不是日期（YYYY-MM-DD）"


def test_an_argument_echoed_in_an_error_is_shown_escaped(scenario):
    # an id pasted from a link or given by a script: its escapes are shown, never obeyed
    bad = "SM-P-01\x1b]0;pwned\x07\u202e"
    shown = "SM-P-01\\x1b]0;pwned\\x07\\u202e"
    for args in (
        ("log", bad),
        ("show", bad, "--as-of", "2026-02-01"),
        ("diff", bad, "V1.0", "V1.1"),
        ("trail", "--person", bad),
        ("check", "--format", bad),  # argparse's own messages
        ("check", "--x" + bad),
    ):
        result = run(scenario.root, *args)
        assert result.returncode == 2, result.stderr
        assert not any(raw in result.stderr for raw in "\x1b\x07\u202e"), repr(result.stderr)
        assert shown in result.stderr or repr(bad) in result.stderr, result.stderr
