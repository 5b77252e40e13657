"""Active content an author writes into a document does not run in a real browser (Debian's
Chromium driven by Playwright), while the Mermaid diagram on the same page still renders."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from playwright.sync_api import expect

from history_helpers import body, make_scenario
from site_helpers import mkdocs, site_repo

HOSTILE = (
    "\n<script>window.__pwned = (window.__pwned || []).concat('script')</script>\n\n"
    '<img src="x" onerror="window.__pwned = (window.__pwned || []).concat(\'onerror\')">\n\n'
    '<svg><image href="x" onerror="window.__pwned = [\'svg\']"></image></svg>\n\n'
    "<iframe srcdoc=\"<script>parent.__pwned = ['iframe']</script>\"></iframe>\n\n"
    '<a id="dc-js-link" href="javascript:window.__pwned = [\'link\']">链接一</a>\n\n'
    "[链接二](javascript:window.__pwned=['markdown']){#dc-md-link}\n\n"
    '<div id="dc-click" onclick="window.__pwned = [\'click\']">点击此处</div>\n\n'
    '<p id="__config">{"search": "x.js"}</p>\n\n'
    "```mermaid\ngraph TD\n  A[提出变更] --> B[评审]\n  B --> C[批准]\n```\n"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    s = site_repo(make_scenario(tmp_path_factory.mktemp("hostile")))
    s.files.doc(body=body() + HOSTILE)
    s.git.commit("含脚本的文件", date="2026-01-01T12:00:00+08:00")
    out = tmp_path_factory.mktemp("hostile-site") / "site"
    result = mkdocs(s.root, out)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_injected_scripts_do_not_run_and_diagrams_still_render(browser, hostile_site):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    # Material draws diagrams into closed shadow roots; open them so the test can see the SVG
    context.add_init_script(
        "const a = Element.prototype.attachShadow; Element.prototype.attachShadow = function (o) { return a.call(this, {...o, mode: 'open'}); };"
    )
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{hostile_site}procedures/test/")
    diagram = page.locator("div.mermaid svg").first
    expect(diagram).to_be_visible(timeout=15000)
    expect(page.locator(".dc-control-table")).to_be_visible()
    # the page has loaded (images failed and all); now click what was meant to run on click
    for target in ("text=链接一", "text=链接二", "text=点击此处"):
        page.locator(target).first.click()
    assert page.evaluate("window.__pwned === undefined"), page.evaluate("window.__pwned")
    assert dialogs == []
    # Material still reads its own configuration, not the page's stand-in
    search = page.evaluate("JSON.parse(document.querySelector('#__config').textContent).search")
    assert search.endswith(".min.js") and search != "x.js"
    assert page.url.startswith(f"{hostile_site}procedures/test/")
    context.close()
