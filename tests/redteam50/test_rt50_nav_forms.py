"""Round 50: site/navigation.adopted drops a nav link whose address names a hidden document
"as typed, percent-decoded, HTML references read". It reads them in the wrong order and
misses what a browser's URL parser removes: the address MkDocs writes into every page's
href, read as a browser reads it (HTML references first, then the URL: tabs and newlines
dropped, percent-escapes decoded for display), names SM-P-07 and its title."""

from __future__ import annotations

import html
import re
import urllib.parse

import pytest
from rt41_helpers import SECRET_ID, SECRET_TITLE, approve, built_site, secret_doc

from site_helpers import site_repo


def _percent_then_reference(text: str) -> str:
    """Every character percent-encoded, every '%' written as the HTML reference &#37;."""
    return "".join(f"&#37;{b:02X}" for b in text.encode("utf-8"))


def _tab_inside(text: str) -> str:
    """A tab (as an HTML reference) after each character: a URL parser drops them."""
    return "".join(f"{c}&#9;" for c in text)


def _browser_hrefs(site) -> list[str]:
    """Every href of the built pages as a browser resolves and shows it."""
    shown = []
    for page in site.rglob("*.html"):
        for raw in re.findall(r'href="([^"]*)"', page.read_text("utf-8")):
            value = html.unescape(raw)  # the HTML parser
            value = re.sub(r"[\t\n\r]", "", value)  # the URL parser (WHATWG: strip tab/newline)
            shown.append(urllib.parse.unquote(value))  # what the status bar / address bar shows
    return shown


def _site_with_link(scenario, tmp_path, target: str):
    s = site_repo(scenario)
    nav = (
        "nav:\n"
        "  - 首页: index.md\n"
        "  - SM-P-01 测试程序: procedures/test.md\n"
        f'  - 原件（DMS）: "{target}"\n'
    )
    yml = (s.root / "mkdocs.yml").read_text("utf-8") + nav
    approve(
        s,
        "cr-nav",
        {"mkdocs.yml": yml, "docs/procedures/secret.md": secret_doc(level="internal")},
        "新增程序并整理导航",
        1,
    )
    approve(
        s,
        "cr-raise",
        {"docs/procedures/secret.md": secret_doc(level="secret", version="V1.1")},
        "调整密级",
        2,
    )
    return built_site(s, tmp_path / "site")


@pytest.mark.parametrize(
    "encode",
    [_percent_then_reference, _tab_inside],
    ids=["percent-escapes-behind-html-references", "tabs-a-url-parser-drops"],
)
def test_a_nav_address_a_browser_reads_as_the_secret_is_not_published(scenario, tmp_path, encode):
    target = f"https://dms.example.com/view/{encode(SECRET_ID)}/{encode(SECRET_TITLE)}"
    site = _site_with_link(scenario, tmp_path, target)
    assert not (site / "procedures/secret/index.html").exists()
    shown = [h for h in _browser_hrefs(site) if SECRET_ID in h or SECRET_TITLE in h]
    assert shown == [], f"{len(shown)} hrefs a browser shows as {shown[:1]}"
