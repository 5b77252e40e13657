"""Change impact on the demo: EXT-01's amendment (23 November) made the manual and the internal
audit procedure suspect; SM-P-28's review (25 November) cleared it. Seen through the CLI and
in the real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect


def _json(demo, *args):
    out = subprocess.run(
        [sys.executable, "-m", "doccontrol", *args, "--format", "json"],
        cwd=demo,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_the_demo_change_made_two_documents_suspect_and_the_review_cleared_one(demo):
    before = _json(demo, "impact", "EXT-01")
    assert [(d["id"], d["via"]) for d in before["suspect"]] == [
        ("SM-A", ["link", "mapping"]),
        ("SM-P-28", ["link"]),
    ]
    suspect = {s["id"]: s for s in _json(demo, "suspect")}
    assert "SM-P-28" not in suspect  # reviewed on 25 November
    manual = [c for c in suspect["SM-A"]["causes"] if c["source"] == "EXT-01"]
    assert [(c["version"], c["date"][:10]) for c in manual] == [("V1.1", "2026-11-23")]
    on_the_day = {s["id"] for s in _json(demo, "suspect", "--as-of", "2026-11-24")}
    assert {"SM-A", "SM-P-28"} <= on_the_day


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


def test_banner_names_the_change_and_the_review_page_lists_what_is_suspect(page: Page, served: str):
    page.goto(f"{served}manual/service-management-manual/")
    banner = page.locator(".dc-suspect")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("引用的文件已更改，待复核")
    expect(banner).to_contain_text("SM-P-18")
    expect(banner).to_contain_text("V1.1")
    expect(banner).to_contain_text("2026-02-09")
    banner.get_by_role("link", name="SM-P-18").click()
    expect(page).to_have_url(f"{served}procedures/change-management/")
    page.goto(f"{served}procedures/internal-audit/")
    expect(page.locator(".dc-control-table")).to_be_visible()
    expect(page.locator(".dc-suspect")).to_have_count(0)  # cleared by its review
    page.goto(f"{served}registers/review-due/")
    listed = page.locator("table.dc-suspect")
    expect(listed).to_be_visible()
    expect(listed).to_contain_text("SM-A")
    expect(listed.locator("tr", has_text="SM-P-28")).to_have_count(0)
