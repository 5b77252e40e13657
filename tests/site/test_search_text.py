"""What the search index holds: record pages as "field: value" paragraphs, documents boosted
above records, the page readers see unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from doccontrol.site.searchtext import Separators, record_search_html

ZH = Separators(field="：", nested="；", item="、")
EN = Separators(field=": ", nested="; ", item=", ")

PAGE = (
    "<p>记录类型：变更请求 · <a href='../'>返回记录索引</a></p>"
    '<table class="dc-record"><thead><tr><th>字段</th><th>内容</th></tr></thead><tbody>'
    "<tr><td><strong>变更编号</strong></td><td>CR-2026-007</td></tr>"
    "<tr><td><strong>描述</strong></td><td>第一行<br>第二行 &amp; 更多</td></tr>"
    "<tr><td><strong>关联事件</strong></td><td><ul><li><a href='x'>INC-1</a></li><li>INC-2</li></ul></td></tr>"
    '<tr><td><strong>审批</strong></td><td><table class="dc-nested"><tr><th>批准人</th><td>周强</td></tr>'
    "<tr><th>日期</th><td>2026-04-08</td></tr></table></td></tr>"
    "</tbody></table><p>after</p>"
)


def test_a_record_table_becomes_one_paragraph_per_field() -> None:
    assert record_search_html(PAGE, ZH) == "\n".join(
        [
            "<p>变更编号：CR-2026-007</p>",
            "<p>描述：第一行 第二行 &amp; 更多</p>",
            "<p>关联事件：INC-1、INC-2</p>",
            "<p>审批：批准人：周强；日期：2026-04-08</p>",
        ]
    )


def test_english_separators() -> None:
    assert "<p>审批: 批准人: 周强; 日期: 2026-04-08</p>" in (record_search_html(PAGE, EN) or "")


def test_a_page_without_a_record_table_is_indexed_as_it_is() -> None:
    assert record_search_html("<p>文本</p><table><tr><td>a</td><td>b</td></tr></table>", ZH) is None


def test_text_is_escaped_again_for_the_index() -> None:
    page = '<table class="dc-record"><tr><td>标题</td><td>&lt;script&gt;x&lt;/script&gt;</td></tr></table>'
    assert record_search_html(page, ZH) == "<p>标题：&lt;script&gt;x&lt;/script&gt;</p>"


def test_the_demo_index_boosts_documents_over_records(demo: Path) -> None:
    index = json.loads((demo / "site/search/search_index.json").read_text(encoding="utf-8"))
    by_location = {entry["location"]: entry for entry in index["docs"]}
    procedure = by_location["procedures/change-management/"]
    record = by_location["records/change-request/CR-2026-007/"]
    assert procedure["boost"] > 1 > record["boost"]
    text = record["text"].replace("\u200b", "")
    assert "<p>变更编号：CR-2026-007</p>" in text
    # the page readers see is still the record table
    shown = (demo / "site/records/change-request/CR-2026-007/index.html").read_text("utf-8")
    assert '<table class="dc-record">' in shown
    assert "<p>变更编号：CR-2026-007</p>" not in shown.replace("\u200b", "")


def test_the_registers_are_left_out_of_the_index(demo: Path) -> None:
    # each register repeats what the documents' and records' own pages say (the
    # acknowledgements register one row per person and document): searching finds those pages
    index = json.loads((demo / "site/search/search_index.json").read_text(encoding="utf-8"))
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert (demo / "site/registers/acknowledgements/index.html").is_file()
    assert (demo / "site/registers/recall/index.html").is_file()
    assert not {p for p in pages if p.startswith("registers/")}
    assert "procedures/change-management/" in pages


def test_a_document_is_indexed_by_its_own_text(demo: Path) -> None:
    # the control block, banners and 变更履历 are on the page, not in the index: every
    # result's snippet would otherwise be the same 文件编号… table
    from doccontrol import catalogue

    zh = catalogue.load("zh")
    index = json.loads((demo / "site/search/search_index.json").read_text(encoding="utf-8"))
    page = "procedures/change-management/"
    entries = {e["location"]: e for e in index["docs"] if e["location"].startswith(page)}
    titles = {e["title"].replace("\u200b", "") for e in entries.values()}
    assert "SM-P-18 变更管理程序" in titles
    assert zh.text("site.history.heading") not in titles
    assert entries[page]["text"] == ""  # before its first heading the document says nothing
    body = "".join(e["text"] for e in entries.values()).replace("\u200b", "")
    assert "降低变更引发事件和服务中断的风险" in body
    shown = (demo / "site" / page / "index.html").read_text("utf-8")
    assert 'class="dc-control"' in shown and 'class="dc-history"' in shown
    assert f">{zh.text('site.history.heading')}" in shown
    # the heading is HTML placed after conversion, and still in the table of contents
    assert '<h2 id="dc-history">' in shown
    assert 'href="#dc-history"' in shown.split('<h2 id="dc-history">')[0]
