"""The demo repository's site, built with the real `mkdocs build`, read as HTML."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from doccontrol import catalogue
from history_helpers import CHANGE_HISTORY_HEADERS
from site_helpers import mkdocs, page, table_rows

ZH = catalogue.load("zh")  # the site's language when doccontrol.yml does not say


def test_demo_history_tells_the_year_it_was_built_to_tell(demo):
    out = subprocess.run(
        [sys.executable, "-m", "doccontrol", "trail", "--format", "json"],
        cwd=demo,
        capture_output=True,
        text=True,
        check=True,
    )
    trail = json.loads(out.stdout)
    events = trail["events"]
    assert [e["kind"] for e in events] == ["merge"] * 3 + ["squash"] + ["merge"] * 5 + [
        "direct",  # SM-P-11, undone by a revert and handled (tools/demo/disposition_history.py)
        "merge",
        "merge",
        "direct",
        "merge",
        "merge",
        "merge",  # EXT-01's amendment and SM-P-28's review (tools/demo/impact_history.py)
        "merge",
    ]
    codes = [p["code"] for e in events for p in e["problems"]]
    assert codes == ["DC501", "DC511", "DC501", "DC503"]
    # the first direct commit is handled as NC-2026-004 by an approval of the general
    # manager; the other two problems stay open, so the strict trail still fails
    handled = [e for e in events if e.get("disposition")]
    assert [e["documents"][0]["id"] for e in handled] == ["SM-P-11"]
    (entry,) = trail["dispositions"]
    assert entry["record"] == "NC-2026-004" and entry["counts"] is True
    assert [a["name"] for a in entry["approval"]["approvers"]] == ["陈明远"]
    assert entry["commit"] == handled[0]["commit"]
    # the demo's acknowledgement of a version never approved: a history problem like those
    assert [p["code"] for p in trail["record_problems"]] == ["DC542"]
    # the approver's signed merge and the forge's signed squash merge
    assert [e["signature"]["status"] for e in events].count("good") == 2
    assert [e["evidence"] for e in events].count("forge-signed") == 1


def test_control_block_and_change_history(demo):
    html = page(demo / "site", "procedures/incident-management")
    control = dict(
        zip(
            *[iter(c for row in table_rows(html, "dc-control-table") for c in row)] * 2, strict=True
        )
    )
    assert control["文件编号"] == "SM-P-21"
    assert control["版本"] == "V1.1"
    assert control["编制"] == "孙悦 2026-06-16"
    assert control["审核"] == "王芳 2026-06-22"
    assert control["批准"] == "刘静 2026-06-22"
    assert control["合并请求"] == "!13"
    assert 'href="https://gitlab.example.com/it/sms/-/merge_requests/13"' in html
    history = table_rows(html, "dc-history")
    assert history[0] == CHANGE_HISTORY_HEADERS
    # IMP-2026-001 changed the notification table (a sub-section), a KPI and the final provisions
    assert history[1] == [
        "1",
        "V1.1",
        "6.3 时限与客户通报、7 关键绩效指标、11 附则",
        "事件管理程序、沟通管理程序：P1/P2 事件客户通报（IMP-2026-001）",
        "孙悦",
        "2026-06-16",
        "王芳",
        "2026-06-22",
        "刘静",
        "2026-06-22",
        "未签名（依赖分支保护）",
    ]


def test_legacy_history_comes_first(demo):
    rows = table_rows(page(demo / "site", "procedures/document-and-record-control"), "dc-history")
    assert rows[1][:5] == ["1", "V1.0", "全文", "新建（纸质受控版）", "王芳"]
    assert rows[1][8:] == ["陈明远", "2024-03-08", "受控前纸质记录"]


def test_an_approval_of_an_earlier_version_is_not_the_pages(demo):
    # SM-P-01's page shows V1.1, taken into control unapproved; its last approval is the paper
    # one of V1.0, which must not read as the approval of the version on the page: the control
    # block names V1.1's own sign-offs, as its PDF copy does (round 97), and the change
    # history below keeps the paper approval of V1.0
    html = page(demo / "site", "procedures/document-and-record-control")
    control = [c for row in table_rows(html, "dc-control-table") for c in row]
    assert control[control.index("版本") + 1] == "V1.1"
    assert control[control.index("批准") + 1] == "尚无批准记录（受控前基线）"
    # the baseline's own author and day (the documents came under Git on 2025-11-28)
    assert control[control.index("编制") + 1] == "王芳 2025-11-28"
    assert control[control.index("审核") + 1] == "—"
    assert not any("陈明远" in cell for cell in control)
    # a page whose version is the one approved says nothing more
    other = table_rows(page(demo / "site", "procedures/incident-management"), "dc-control-table")
    assert not any("不是本版本" in c for row in other for c in row)


def test_banners(demo):
    site = demo / "site"
    assert "dc-pending" in page(site, "procedures/change-management")  # the direct commit
    assert "dc-pending" in page(site, "procedures/problem-management")  # the self-approval
    obsolete = page(site, "work-instructions/desktop-requests")
    assert "dc-obsolete" in obsolete and 'href="../desktop-and-mobile-requests/"' in obsolete
    assert "dc-review-overdue" in page(site, "procedures/budgeting-and-accounting")
    assert "dc-pending" not in page(site, "procedures/incident-management")


def test_signed_approval_and_rename(demo):
    site = demo / "site"
    control = [
        c
        for row in table_rows(page(site, "procedures/information-security"), "dc-control-table")
        for c in row
    ]
    assert control[control.index("签名") + 1] == "签名有效"
    history = table_rows(page(site, "procedures/knowledge-and-experience"), "dc-history")
    assert [r[1] for r in history[1:]] == ["V1.1"]
    assert not (site / "procedures/knowledge-management").exists()


def test_new_procedure_from_draft_to_effective(demo):
    rows = table_rows(page(demo / "site", "procedures/service-exit"), "dc-history")
    assert [(r[1], r[4]) for r in rows[1:]] == [("V0.1", "黄丽"), ("V1.0", "黄丽")]


def test_registers(demo):
    site = demo / "site"
    register = page(site, "registers/documents")
    before, after = register.rsplit("已作废和已撤回的文件", 1)
    current, retired = table_rows(before, "dc-register"), table_rows(after, "dc-register")
    assert "SM-P-32" in [r[0] for r in current] and "SM-W-22-01" not in [r[0] for r in current]
    assert [r[0] for r in retired[1:]] == ["SM-W-22-01"]
    # the demo holds a confidential work instruction the register leaves out: it never
    # claims to list every controlled document
    assert "全部受控文件" not in before and "密级更高的文件不在本站发布，也不在此列出" in before
    trail = table_rows(page(site, "registers/approvals"), "dc-trail")
    assert len(trail) == 1 + 17
    approvals = page(site, "registers/approvals")
    assert approvals.count("dc-has-problem") == 3
    # the handled direct commit keeps its problems, with the nonconformity that handled them
    assert (
        approvals.count("已作为不符合 NC-2026-004 处置（DC501、DC511；陈明远 于 2026-09-18 批准")
        == 1
    )
    # the demo's acknowledgement problem (DC542, in the trail) is about the confidential
    # SM-W-26-01: the site, which may not name it, leaves it out
    assert "DC542" not in page(site, "registers/approvals")
    assert "dc-uncovered" not in page(site, "registers/coverage")
    assert "SM-P-15" in [r[0] for r in table_rows(page(site, "registers/review-due"), "dc-review")]
    records = page(site, "records")
    assert 'href="change-request/CR-2026-007/"' in records
    record = table_rows(page(site, "records/change-request/CR-2026-007"), "dc-record")
    assert ["变更编号", "CR-2026-007"] in record
    nested = page(site, "records/security-incident/SEC-2026-001")
    # nested fields carry their schema titles too
    assert "<th>通报对象类型</th>" in nested and "party_type" not in nested
    form = table_rows(page(site, "forms/change-request"), "dc-form")
    assert form[0] == ["字段", "填写说明", "填写"] and any(
        r[0].startswith("变更类别") for r in form
    )


def test_placeholders_are_filled_everywhere(demo):
    site = demo / "site"
    assert "示例信息技术有限公司" in page(site, "manual/service-management-manual")
    for path in site.rglob("*.html"):
        assert "{{ org." not in path.read_text(encoding="utf-8"), path


def test_nothing_above_the_publishing_level_reaches_the_site(demo):
    site = demo / "site"
    secret_doc = (demo / "docs/work-instructions/security-incident-contacts.md").read_text(
        encoding="utf-8"
    )
    phones = re.findall(r"400-000-\d{4}", secret_doc)
    # a sentence only this confidential work instruction contains
    sentence = (
        "为服务台坐席、安全值班人员和应急处置小组提供信息安全事件发生后第一个小时内的联络方式"
    )
    assert sentence in secret_doc and phones
    secret_record = yaml_data(demo / "records/security-incident/SEC-2026-002.yaml")
    assert secret_record["confidentiality"] == "confidential"
    first_line = secret_record["description"].strip().splitlines()[0]
    markers = [
        sentence,
        *phones,
        first_line,
        "security-incident-contacts",
        "SEC-2026-002/",
    ]
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            for marker in markers:
                assert marker not in text, f"{marker} leaked into {path}"
    assert "SEC-2026-001" in page(site, "records")  # the internal one is published


def yaml_data(path):
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_chinese_search_index_is_segmented(demo):
    index = json.loads((demo / "site/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh", "en"]
    pages = {
        d["location"].split("#")[0]
        for d in index["docs"]
        if "钓鱼" in d["text"] or "钓鱼" in d["title"]
    }
    documents = {p for p in pages if p.startswith(("procedures/", "manual/", "work-instructions/"))}
    assert documents == {"procedures/information-security/"}
    assert any("\u200b钓鱼\u200b" in d["text"] for d in index["docs"])  # jieba put word boundaries


def test_strict_build_fails_on_unapproved_changes(demo, tmp_path):
    result = mkdocs(demo, tmp_path / "s", strict=True)
    assert result.returncode != 0
    assert (
        ZH.text("site.plugin.strict.pending", ids="SM-P-18, SM-P-23")
        in result.stdout + result.stderr
    )


def test_demo_is_reproducible(demo, tmp_path):
    import build_demo

    again = tmp_path / "demo"
    build_demo.build(again, site=False)
    heads = [
        subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=d, capture_output=True, text=True, check=True
        ).stdout
        for d in (demo, again)
    ]
    assert heads[0] == heads[1]  # same dates, identities and signatures: the same commits
