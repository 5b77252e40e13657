"""site.html.relative_path against its definition, posixpath.relpath, on the paths a site has."""

from __future__ import annotations

import itertools
import posixpath

from doccontrol.site.html import relative_path, relative_url

PATHS = [
    "",
    ".",
    "index.md",
    "procedures",
    "procedures/",
    "procedures/change.md",
    "procedures/程序 0014 供应商管理程序.md",
    "procedures/sub/deep.md",
    "procedures-old/change.md",
    "forms/change-request.md",
    "records/incident/INC-2026-0012.md",
    "a/./b/../c.md",
    "registers/documents/",
]


def test_the_same_as_relpath_on_every_pair() -> None:
    for path, start in itertools.product(PATHS, PATHS):
        expected = posixpath.relpath(path or ".", start or ".")
        assert relative_path(path, start) == expected, (path, start)


def test_urls_between_pages() -> None:
    assert relative_url("registers/documents/", "procedures/change/") == "../../procedures/change/"
    assert relative_url("procedures/change/", "procedures/change/") == "./"
    assert relative_url("", "records/") == "records/"
    assert relative_url("index.html", "records/x.html") == "records/x.html"
