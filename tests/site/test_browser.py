"""The demo site in a real browser (Debian's Chromium driven by Playwright), served from a
local HTTP server: what a member of staff and an auditor actually see."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

PROJECT = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT / "build/screenshots"


@pytest.fixture
def page(browser, served):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    # Material draws diagrams into closed shadow roots; open them so the test can see the SVG
    context.add_init_script(
        "const a = Element.prototype.attachShadow; Element.prototype.attachShadow = function (o) { return a.call(this, {...o, mode: 'open'}); };"
    )
    tab = context.new_page()
    tab.requests = []  # type: ignore[attr-defined]
    tab.on("request", lambda request: tab.requests.append(request.url))  # type: ignore[attr-defined]
    yield tab
    context.close()


def test_procedure_page_shows_control_block_history_and_flowchart(page: Page, served: str):
    page.goto(served)
    page.get_by_role("link", name="SM-P-21 事件管理程序").first.click()
    expect(page).to_have_url(f"{served}procedures/incident-management/")
    control = page.locator(".dc-control-table")
    expect(control).to_be_visible()
    expect(control).to_contain_text("SM-P-21")
    expect(control).to_contain_text("刘静 2026-06-22")
    history = page.locator("table.dc-history")
    expect(history).to_contain_text("P1/P2 事件客户通报（IMP-2026-001）")
    diagram = page.locator("div.mermaid svg").first
    expect(diagram).to_be_visible(timeout=15000)
    assert diagram.bounding_box()["height"] > 100
    page.screenshot(path=str(SCREENSHOTS / "procedure.png"), full_page=False)
    outside = [u for u in page.requests if not u.startswith(served) and not u.startswith("data:")]  # type: ignore[attr-defined]
    assert outside == [], f"the site fetched from outside: {outside}"


def test_searching_a_chinese_word_lands_on_the_procedure(page: Page, served: str):
    page.goto(served)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("钓鱼")
    box.press("End")  # Material searches on keyup, which an input method sends and fill() does not
    result = (
        page.locator(".md-search-result__item > a")
        .filter(has=page.locator("h1", has_text="SM-P-26 信息安全管理程序"))
        .first
    )
    expect(result).to_be_visible(timeout=15000)
    page.screenshot(path=str(SCREENSHOTS / "search.png"))
    result.click()
    page.wait_for_url(
        re.compile(re.escape(f"{served}procedures/information-security/")), timeout=10000
    )
    assert page.url.split("#")[0].split("?")[0] == f"{served}procedures/information-security/"


def test_trail_filters_by_person_and_flags_problems(page: Page, served: str):
    page.goto(f"{served}registers/approvals/")
    rows = page.locator("table.dc-trail tbody tr")
    # with the demo's two change-impact approvals, and the direct commit handled as
    # NC-2026-004 with its revert and the disposition's approval
    expect(rows).to_have_count(17)
    page.locator("#dc-person").fill("孙悦")
    visible = page.locator("table.dc-trail tbody tr:not([hidden])")
    expect(visible).to_have_count(4)
    page.locator("#dc-person").fill("")
    page.locator("#dc-problems-only").check()
    # the handled problems stay problems: an auditor filtering for them sees them too
    expect(visible).to_have_count(3)
    expect(visible.nth(0)).to_contain_text("NC-2026-004")
    expect(visible.nth(2)).to_contain_text("DC503")
    page.screenshot(path=str(SCREENSHOTS / "trail.png"))


def test_register_sorts_by_column(page: Page, served: str):
    page.goto(f"{served}registers/documents/")
    first_table = page.locator("table.dc-register").first
    first_table.locator("thead th").nth(9).click()  # 下次评审
    first_next = first_table.locator("tbody tr").first.locator("td").nth(9)
    expect(first_next).to_have_text("2026-06-01")  # the overdue review sorts first
    page.screenshot(path=str(SCREENSHOTS / "register.png"))


def test_print_keeps_the_control_block_and_stamps_the_page(page: Page, served: str):
    page.goto(f"{served}procedures/change-management/")
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".dc-control-table")).to_be_visible()
    stamp = page.locator(".dc-print-stamp")
    expect(stamp).to_be_visible()
    expect(stamp).to_contain_text("打印件为非受控文件，以网站发布版本为准")
    # V1.2 was committed straight to main: the page gives V1.1, the version in force
    expect(stamp).to_contain_text("SM-P-18 V1.1")
    expect(stamp.locator(".dc-print-date")).to_have_text(re.compile(r"\d{4}-\d{2}-\d{2}"))
    page.pdf(path=str(SCREENSHOTS / "print.pdf"))
