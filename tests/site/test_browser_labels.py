"""The demo site in a real browser: record pages, blank forms, the record index and the
registers show labels, names and readable times, never raw enum codes, ids or ISO stamps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

PROJECT = Path(__file__).resolve().parents[2]
ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# every piece of text in the tables' cells and list items, split at list separators
CELL_TEXTS = """(selector) => Array.from(document.querySelectorAll(selector))
  .flatMap(e => e.innerText.split(/[、\\n]/)).map(s => s.trim()).filter(Boolean)"""


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    yield context.new_page()
    context.close()


def _enum_codes(node, out):
    """Every enum value whose label differs from it, in every shipped record schema."""
    if isinstance(node, dict):
        labels = (node.get("x-doccontrol") or {}).get("labels", {})
        for value in node.get("enum", []):
            if str(value) != labels.get(value, {}).get("zh", str(value)):
                out.add(str(value))
        for child in node.values():
            _enum_codes(child, out)
    elif isinstance(node, list):
        for child in node:
            _enum_codes(child, out)
    return out


def raw_codes(demo: Path) -> set[str]:
    codes: set[str] = set()
    for path in (demo / "schemas/records").glob("*.schema.json"):
        _enum_codes(json.loads(path.read_text(encoding="utf-8")).get("properties"), codes)
    config = yaml.safe_load((demo / "doccontrol.yml").read_text(encoding="utf-8"))
    codes |= {p["id"] for p in config["people"]}
    codes |= set(config["departments"]) | set(config["roles"])
    return codes


def test_no_raw_codes_on_records_forms_index_and_registers(page: Page, served: str, demo: Path):
    codes = raw_codes(demo)
    assert {"high", "closed", "phone", "internal", "treating", "zhenghao"} <= codes
    record_pages = sorted((demo / "site/records").glob("*/*/index.html"))
    types = {p.parent.parent.name for p in record_pages}
    one_per_type = [next(p for p in record_pages if p.parent.parent.name == t) for t in types]
    urls = {
        "records/": "table td, table li",
        "registers/documents/": "table td",
        "registers/review-due/": "table td",
        **{
            p.relative_to(demo / "site").parent.as_posix() + "/": "table.dc-record td, table li"
            for p in one_per_type
        },
        # a form's third column holds the choices (the second quotes the schema's help text,
        # which names the codes for the authors writing YAML)
        **{
            f"forms/{f.parent.name}/": "table.dc-form td:nth-child(3)"
            for f in sorted((demo / "site/forms").glob("*/index.html"))
        },
    }
    assert len(one_per_type) >= 10 and len(urls) > 30
    seen = 0
    for url, selector in urls.items():
        page.goto(served + url)
        texts = page.evaluate(CELL_TEXTS, selector)
        assert texts, url
        seen += len(texts)
        raw = sorted({text for text in texts if text in codes})
        assert raw == [], f"{url} shows raw codes {raw}"
        stamps = [text for text in texts if ISO_STAMP.search(text)]
        assert stamps == [], f"{url} shows ISO time stamps {stamps[:3]}"
    assert seen > 500


def test_a_record_page_reads_as_people_write_it(page: Page, served: str, demo: Path):
    incident = sorted((demo / "records/incident").glob("*.yaml"))[0]
    data = yaml.safe_load(incident.read_text(encoding="utf-8"))
    page.goto(f"{served}records/incident/{incident.stem}/")
    table = page.locator("table.dc-record")
    row = table.locator("tr", has=page.locator("td", has_text="报告时间"))
    reported = str(data["reported_at"])
    assert row.locator("td").nth(1).inner_text() == reported[:10] + " " + reported[11:16]
    status = table.locator("tr", has=page.locator("td", has_text="状态")).first
    assert status.locator("td").nth(1).inner_text() != data["status"]
