"""The navigation rendered once for the record pages (adapters/nav_cache.py): whether a shared
rendering carries anything of the page that rendered it first. Real `mkdocs build`s."""

from __future__ import annotations

from site_helpers import built, site_repo

TITLES = ["<b>粗体</b>{{ 7*7 }}", "{% raw %}原样{% endraw %}", "第三条&amp;记录"]


def _nav(html: str) -> str:
    start = html.index('class="md-nav md-nav--primary"')
    return html[start : html.index("md-sidebar--secondary", start)]


def test_record_pages_share_a_navigation_with_nothing_of_their_own(scenario, tmp_path):
    """Three incident records whose titles hold HTML and Jinja. Each record page's navigation
    is the shared one: the same bytes on every record page of the folder, nothing marked
    active, no record's title in it (the first page to render it leaves nothing behind)."""
    s = site_repo(scenario)
    for n, title in enumerate(TITLES, 1):
        s.files.write(
            f"records/incident/INC-2026-000{n}.yaml",
            f"id: INC-2026-000{n}\ntitle: '{title}'\npriority: P2\nreported: 2026-03-09\n",
        )
    s.git.commit("记录", date="2026-01-01T12:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    pages = sorted(site.glob("records/incident/INC-2026-000*/index.html"))
    assert len(pages) == 3
    navs = [_nav(p.read_text(encoding="utf-8")) for p in pages]
    assert navs[0] == navs[1] == navs[2]
    for nav in navs:
        assert "md-nav__link--active" not in nav
        assert "INC-2026-000" not in nav and "粗体" not in nav and "原样" not in nav
        assert "49" not in nav and "{{" not in nav
