"""A Markdown extension the approved mkdocs.yml enables reads files the plugin never judged."""

from __future__ import annotations

import pytest
from rt41_helpers import (
    SECRET_BODY,
    SECRET_TITLE,
    approve,
    body,
    built_site,
    leaks,
    procedure,
    site_with_secret,
)

SNIPPETS = "  - pymdownx.snippets\n"
ANCHOR = "  - admonition\n"


def _with_snippets(s, purpose: str):
    """An approved change: mkdocs.yml enables pymdownx.snippets (a stock Material extension),
    and the public SM-P-01 V1.1 says ``purpose`` in its 目的."""
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    assert ANCHOR in yml
    public = procedure(version="V1.1", body=body(purpose))
    approve(
        s,
        "cr-snippets",
        {"mkdocs.yml": yml.replace(ANCHOR, ANCHOR + SNIPPETS), "docs/procedures/test.md": public},
        "启用文本复用并修订测试程序",
        2,
    )
    return s


def test_control_a_snippet_of_a_public_file_is_shown(scenario, tmp_path):
    s = site_with_secret(scenario)
    (s.root / "docs/shared.txt").write_text("PUBLICSNIPPETMARK\n", "utf-8")
    s.git.commit("共用文本", who="zhaolei")
    _with_snippets(s, '--8<-- "docs/shared.txt"')
    site = built_site(s, tmp_path / "site")
    # the extension works: the public text's include is on the page
    assert leaks(site, ["PUBLICSNIPPETMARK"]) != []


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_public_documents_snippet_does_not_publish_a_secret_documents_text(
    scenario, tmp_path, strict
):
    s = _with_snippets(site_with_secret(scenario), '--8<-- "docs/procedures/secret.md"')
    site = built_site(s, tmp_path / "site", strict=strict)
    found = leaks(site, [SECRET_BODY, SECRET_TITLE])
    assert sorted({f for f, _ in found}) == []
