"""The demo site as a phone reader, a searcher and a screen-reader or keyboard user meets it, in
a real Chromium: the page never scrolls sideways at 390 px, short cells never break, documents
rank above records for their own subject words, record results read as "field: value", axe-core
(WCAG 2 A and AA) finds nothing serious, and the site's script works under Material's instant
navigation. The MkDocs build logs no "not included in the nav" noise."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from site_helpers import mkdocs

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / ".cache/vendor/axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ZWSP = "\u200b"  # Material's search segments Chinese with zero-width spaces

HOME = ""
PROCEDURE = "procedures/change-management/"
REGISTERS = [
    "registers/documents/",
    "registers/approvals/",
    "registers/coverage/",
    "registers/review-due/",
]
RECORD_INDEX = "records/"
RECORD = "records/change-request/CR-2026-007/"
FORM = "forms/incident/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def served(demo: Path) -> Iterator[str]:
    yield from _serve(demo / "site")


def _tab(browser: Browser, viewport: dict[str, int]) -> Page:
    context = browser.new_context(viewport=viewport, locale="zh-CN")  # type: ignore[arg-type]
    return context.new_page()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    tab = _tab(browser, PHONE)
    yield tab
    tab.context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    tab = _tab(browser, DESKTOP)
    yield tab
    tab.context.close()


def _ready(page: Page, url: str) -> None:
    """Open ``url`` and wait until doccontrol.js has run on it."""
    page.goto(url)
    page.wait_for_function("document.documentElement.hasAttribute('data-dc-ready')")


# --- 390 px ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [HOME, PROCEDURE, *REGISTERS, RECORD_INDEX, RECORD])
def test_no_page_scrolls_sideways_on_a_phone(phone: Page, served: str, path: str) -> None:
    _ready(phone, served + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path or 'home'} is {width} px wide at 390 px"


@pytest.mark.parametrize("path", [PROCEDURE, "registers/approvals/", "registers/documents/"])
def test_wide_tables_scroll_inside_their_own_box(phone: Page, served: str, path: str) -> None:
    _ready(phone, served + path)
    boxes = phone.evaluate(
        """() => Array.from(document.querySelectorAll('.dc-scroll')).map(box => ({
            wide: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0 }))"""
    )
    wide = [box for box in boxes if box["wide"]]
    assert wide, f"no generated table on {path} is wider than a phone: the test proves nothing"
    # a box that scrolls is reachable by keyboard
    assert all(box["focusable"] for box in wide)


@pytest.mark.parametrize("path", ["registers/coverage/", "registers/documents/", PROCEDURE])
def test_short_cells_never_break_mid_word(phone: Page, served: str, path: str) -> None:
    _ready(phone, served + path)
    broken = phone.evaluate(
        """() => {
          const out = [];
          document.querySelectorAll(".md-typeset table[class^='dc-'] td").forEach(cell => {
            const text = cell.textContent.trim();
            if (!text || text.length > 10 || /\\s/.test(text)) return;
            const range = document.createRange();
            range.selectNodeContents(cell);
            const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
            if (lines.size > 1) out.push(text);
          });
          return out;
        }"""
    )
    assert broken == [], f"short cells broken over lines on {path}: {broken[:10]}"
    if path == "registers/coverage/":
        expect(phone.locator("td.dc-short", has_text="已覆盖").first).to_be_visible()


# --- search ------------------------------------------------------------------------------


def _search(page: Page, served: str, words: str) -> list[str]:
    page.goto(served)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(words)
    box.press("End")  # Material searches on keyup
    results = page.locator(".md-search-result__item > a h1")
    expect(results.first).to_be_visible(timeout=15000)
    return [text.replace(ZWSP, "") for text in results.all_inner_texts()]


def test_documents_rank_above_records_for_their_subject(desktop: Page, served: str) -> None:
    titles = _search(desktop, served, "变更")
    procedure = next(i for i, t in enumerate(titles) if t.startswith("SM-P-18 "))
    assert procedure < 3, titles[:6]
    record = re.compile(r"^[A-Z]+-\d{4}-")  # CR-2026-007, INC-2026-0012…
    assert not any(record.match(t) for t in titles[:procedure]), titles[: procedure + 1]


def test_record_results_read_as_field_and_value(desktop: Page, served: str) -> None:
    _search(desktop, served, "连接池")
    item = desktop.locator(".md-search-result__item").filter(
        has=desktop.locator("h1", has_text=re.compile("CR-2026-007"))
    )
    expect(item.first).to_be_visible()
    text = item.first.inner_text().replace(ZWSP, "")
    # Material shows the paragraphs that match: each one a field with its label
    assert "变更标题：升级门户应用连接池组件" in text, text
    assert "变更描述：为永久消除" in text, text
    assert "连接池组件并设置数据库事务中空闲会话超时变更" not in text  # no run-together cells


# --- accessibility -----------------------------------------------------------------------


AXE_PAGES = [HOME, PROCEDURE, *REGISTERS, RECORD_INDEX, RECORD, FORM]


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), f"{AXE.relative_to(PROJECT)} is missing: run 'make vendor'"
    return AXE.read_text(encoding="utf-8")


# every page on a desktop; on a phone too where tables scroll in their boxes (a box that
# scrolls must be reachable by keyboard: scrollable-region-focusable)
AXE_CASES = [(path, DESKTOP) for path in AXE_PAGES] + [
    (path, PHONE) for path in (PROCEDURE, "registers/approvals/")
]


@pytest.mark.parametrize(
    ("path", "viewport"),
    AXE_CASES,
    ids=[f"{p or 'home'}-{'phone' if v is PHONE else 'desktop'}" for p, v in AXE_CASES],
)
def test_axe_finds_no_serious_violation(
    browser: Browser, served: str, axe_source: str, path: str, viewport: dict[str, int]
) -> None:
    page = _tab(browser, viewport)
    try:
        _ready(page, served + path)
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            """async () => {
              const result = await axe.run(document, {
                runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
              });
              return result.violations.map(v => ({ id: v.id, impact: v.impact,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")) }));
            }"""
        )
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{path or 'home'}: {serious}"
    finally:
        page.context.close()


# --- MkDocs conventions: instant navigation, no nav noise ----------------------------------


@dataclass(frozen=True)
class Instant:
    site: Path
    log: str
    url: str


@pytest.fixture(scope="module")
def instant(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instant]:
    """The demo site built again with Material's instant navigation switched on, served where
    its site_url says (Material follows only links its sitemap lists, matched by host and
    port), and the log of that build. Built from a copy: the shared demo is left as it is."""
    root = tmp_path_factory.mktemp("instant") / "demo"
    shutil.copytree(demo, root, symlinks=True, ignore=shutil.ignore_patterns("site"))
    for url in _serve(root / "site"):
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "    - navigation.top\n" in text and "\nsite_url: " in text
        text = text.replace(
            "    - navigation.top\n", "    - navigation.top\n    - navigation.instant\n"
        )
        text = re.sub(r"\nsite_url: .*\n", f"\nsite_url: {url}\n", text)
        config.write_text(text, encoding="utf-8")
        result = mkdocs(root, root / "site")
        log = result.stderr
        assert result.returncode == 0, log
        yield Instant(root / "site", log, url)


def test_build_logs_no_pages_missing_from_the_nav(instant: Instant) -> None:
    assert (instant.site / RECORD / "index.html").is_file()  # the record pages are built…
    assert "not included in the" not in instant.log, instant.log  # …and not reported missing
    assert "Traceback" not in instant.log


def test_script_runs_on_pages_reached_by_instant_navigation(
    browser: Browser, instant: Instant
) -> None:
    base = instant.url
    page = _tab(browser, DESKTOP)
    try:
        _ready(page, base)
        # Material takes over links once it has read the sitemap
        page.wait_for_load_state("networkidle")
        # survives only if the next page is swapped in, not loaded anew
        page.evaluate("window.dcSamePage = true")
        page.get_by_role("link", name="SM-P-18 变更管理程序").first.click()
        page.wait_for_url(f"{base}{PROCEDURE}")
        page.wait_for_function(
            "document.documentElement.getAttribute('data-dc-ready') === location.pathname"
        )
        assert page.evaluate("window.dcSamePage === true"), "the page was loaded anew"
        # what doccontrol.js does on a page ran on this one: the history table is boxed and
        # the print stamp carries today's date
        expect(page.locator(".dc-scroll > table.dc-history")).to_have_count(1)
        expect(page.locator(".dc-print-date").first).to_have_text(re.compile(r"\d{4}-\d{2}-\d{2}"))
        # and again on the way to a register: its table sorts
        page.get_by_role("link", name="受控文件清单").first.click()
        page.wait_for_url(f"{base}registers/documents/")
        page.wait_for_function(
            "document.documentElement.getAttribute('data-dc-ready') === location.pathname"
        )
        header = page.locator("table.dc-register").first.locator("thead th").nth(9)
        expect(header).to_have_attribute("role", "button")
        header.click()
        expect(header).to_have_attribute("aria-sort", "ascending")
        assert page.evaluate("window.dcSamePage === true"), "the page was loaded anew"
    finally:
        page.context.close()
