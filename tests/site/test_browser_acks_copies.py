"""Acknowledgements and controlled copies on the demo site, in the real browser: a document's
阅知确认 block names who is outstanding, its link reaches the per-person page, and the recall
register lists the copy still out."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_a_document_shows_its_acknowledgements_and_links_to_what_each_person_owes(
    browser, served: str
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page: Page = context.new_page()
    try:
        page.goto(f"{served}manual/service-management-manual/")  # 8 of 12 acknowledged
        block = page.locator(".dc-acks")
        expect(block).to_be_visible()
        summary = block.locator(".dc-acks-summary").inner_text()
        done, total = map(int, re.search(r"阅知确认 (\d+)/(\d+)", summary).groups())  # type: ignore[union-attr]
        assert 0 < done < total
        people = block.locator(".dc-acks-person").all_inner_texts()
        assert len(people) == total - done
        # people by name, never by id; the overdue ones flagged in words, not colour alone
        assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}(（逾期）)?", p) for p in people), people
        # who acknowledged, each with how strongly Git proves it: 刘静 signed hers
        given = block.locator(".dc-acks-given").all_inner_texts()
        assert len(given) == done, given
        signed = block.locator(".dc-evidence-person-signed")
        expect(signed).to_have_count(1)
        expect(signed).to_contain_text("刘静")
        expect(signed).to_contain_text("本人签名")
        block.get_by_role("link", name="阅知确认：待确认文件").click()
        expect(page).to_have_url(re.compile(r"registers/acknowledgements/$"))
        expect(page.locator("h1")).to_contain_text("阅知确认")
        first = people[0].removesuffix("（逾期）")
        expect(page.get_by_text(first).first).to_be_visible()
    finally:
        context.close()


def test_the_recall_register_lists_the_copy_still_out(browser, served: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page: Page = context.new_page()
    try:
        page.goto(f"{served}registers/recall/")
        rows = page.locator("table tbody tr")
        texts = rows.all_inner_texts()
        out = [t for t in texts if "SM-PN-07-03" in t]
        assert len(out) == 1 and "孙悦" in out[0] and "V1.0" in out[0], texts
        # the copies exchanged for V1.1 were returned: not listed
        assert not any("SM-PN-07-01" in t or "SM-PN-07-02" in t for t in texts)
    finally:
        context.close()
