"""The navigation rendered once for the pages outside it (adapters/nav_cache.py), held to its
definitions: MkDocs' own relative links, and Material's own navigation rendered for each page."""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_theme_dir, normalize_url

from doccontrol.adapters.nav_cache import NAV, NavCache
from site_helpers import built, site_repo


@dataclass(frozen=True)
class Page:
    url: str


NAV_URLS = [
    "",
    "procedures/sm-p-01/",
    "procedures/sm-p-02.html",
    "records/",
    "records/change/",
    "registers/documents/",
    "a.b/c/",
    "assets/logo.png",
]
OUTSIDE = [
    "records/change/CHG-2026-0001/",
    "records/change/CHG-2026-0002/",
    "records/incident/INC-2026-0001/",
    "records/incident/INC-2026-0002/",
    "records/INC-2026-0003/",
    "records/problem/PRB-2026-0001/",
    "records/change/CHG-2026-0001.html",
    "records/incident/INC-2026-0001.html",
    "records/change/sub/deeper/X/",
    "procedures/sm-p-01/attachment/",
    "procedures/sm-p-01/attachment.html",
    "a.b/c/d/",
    "a.b/x/",
    "top/",
    "top.html",
    "forms/incident/",
]


def test_pages_sharing_a_rendering_link_to_every_navigation_url_alike():
    nav_pages = [Page(url) for url in NAV_URLS]
    cache = NavCache(NAV_URLS, {id(page) for page in nav_pages})
    assert all(cache.key(page) is None for page in nav_pages)  # marked active: never shared
    outside = [Page(url) for url in OUTSIDE]
    keys = {page.url: cache.key(page) for page in outside}
    shared = 0
    for one, other in itertools.combinations(outside, 2):
        if keys[one.url] != keys[other.url]:
            continue
        shared += 1
        for url in NAV_URLS:
            assert normalize_url(url, one) == normalize_url(url, other), (one, other, url)
    # records of a type the navigation has no page for share with records of other such types
    assert keys["records/incident/INC-2026-0001/"] == keys["records/problem/PRB-2026-0001/"]
    # but not with those under records/change/, which the navigation holds
    assert keys["records/change/CHG-2026-0001/"] != keys["records/incident/INC-2026-0001/"]
    assert shared >= 4


def test_record_pages_show_materials_own_navigation_byte_for_byte(scenario, tmp_path):
    s = site_repo(scenario)
    for n in (1, 2, 3):
        s.files.record(f"INC-2026-000{n}")
    s.git.commit("记录", date="2026-01-01T12:00:00+08:00")
    cached = built(s.root, tmp_path / "cached")

    # Material's own navigation, as an override: the theme renders it for every page
    own = Path(get_theme_dir("material")) / NAV
    override = s.root / "overrides" / NAV
    override.parent.mkdir(parents=True)
    override.write_text("<!--own-nav-->" + own.read_text(encoding="utf-8"), encoding="utf-8")
    config = s.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1),
        encoding="utf-8",
    )
    s.set_config("approval:\n", "approval:\n  controlled_paths: [overrides/]\n")
    s.git.commit("导航模板", date="2026-01-01T13:00:00+08:00")
    rendered = built(s.root, tmp_path / "rendered")

    pages = sorted(p.relative_to(cached) for p in cached.rglob("records/**/index.html"))
    assert len(pages) >= 4  # the three records and the record index
    for page in pages:
        mine = (cached / page).read_text(encoding="utf-8")
        theirs = (rendered / page).read_text(encoding="utf-8")
        assert "<!--own-nav-->" in theirs  # the override rendered it, uncached
        assert re.sub("<!--own-nav-->", "", theirs) == mine, page
    shutil.rmtree(tmp_path / "rendered")
