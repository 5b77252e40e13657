"""Hole 4: text_place reads only picture names from the text's own place. A link to another
page (``.md``) in the text in force is still resolved by MkDocs from the page's *new* file:
SM-P-01 V1.1 (``docs/procedures/test.md``) links ``[网络](../network/net.md)`` to SM-P-02
(in force); an approved move to ``docs/ops/a/test.md`` (not in force) leaves the link as
written: from ``ops/a/test/`` it points at ``ops/a/network/net.md`` (a 404), and MkDocs warns
(a strict build fails on it)."""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

from rt85_helpers import NET, net, png
from rt88_helpers import RED, built
from rt91_helpers import move, moved_page, setup

TEXT = "见 ![流程](flow.png) 和 [网络](../network/net.md) 第一版正文"
DEST = "docs/ops/a/test.md"


def _target(out, page):
    """The file the page's 网络 link leads to, as a browser follows it (None: no such link)."""
    text = (out / page).read_text(encoding="utf-8")
    found = re.search(r'<a href="([^"]*)">网络</a>', text)
    if found is None:
        return None
    path = unquote(urlsplit(urljoin("http://site.example/" + page, found[1])).path).lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    return out / path


def _scenario(tmp_path):
    return setup(
        tmp_path,
        TEXT,
        {"docs/procedures/flow.png": png(RED)},
        {NET: net(day="2026-03-10")},
    )


def test_control_unmoved_page_links_to_the_other_procedure(tmp_path):
    out = built(_scenario(tmp_path), tmp_path)
    target = _target(out, "procedures/test/index.html")
    assert target is not None and target.is_file()
    assert "SM-P-02" in target.read_text(encoding="utf-8")


def test_moved_page_links_to_the_other_procedure(tmp_path):
    # fixed (session 34): text_place reads the name as Python-Markdown does, from the text's own file
    s = _scenario(tmp_path)
    move(s, DEST)
    out = built(s, tmp_path)
    page = moved_page(DEST)
    assert "第一版正文" in (out / page).read_text(encoding="utf-8")  # set-up
    target = _target(out, page)
    assert target is not None and target.is_file()
