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

from site_helpers import mkdocs

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


def test_control_without_the_extension_a_snippet_line_includes_nothing(scenario, tmp_path):
    """The same approved change without pymdownx.snippets: the build passes, the line is text
    and nothing of SM-P-07 is on the site."""
    s = site_with_secret(scenario)
    public = procedure(version="V1.1", body=body('--8<-- "docs/procedures/secret.md"'))
    approve(s, "cr-line", {"docs/procedures/test.md": public}, "修订测试程序", 2)
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, [SECRET_BODY, SECRET_TITLE]) == []
    assert leaks(site, ["--8&lt;--", "--8<--"]) != []  # shown as written


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_public_documents_snippet_does_not_publish_a_secret_documents_text(
    scenario, tmp_path, strict
):
    """Fixed in session 27: a build whose mkdocs.yml enables an extension or plugin that
    includes files into pages stops, whatever the mode, and names it."""
    s = _with_snippets(site_with_secret(scenario), '--8<-- "docs/procedures/secret.md"')
    out = tmp_path / "site"
    result = mkdocs(s.root, out, strict)
    assert result.returncode != 0
    assert "pymdownx.snippets" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or leaks(out, [SECRET_BODY, SECRET_TITLE]) == []
