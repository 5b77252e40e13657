"""`_file_includes` refuses pymdownx.snippets by the name mkdocs.yml gives it; Python-Markdown
also loads an extension by `module:Class` (markdown.Markdown.build_extension)."""

from __future__ import annotations

import pytest
from rt41_helpers import (
    SECRET_BODY,
    SECRET_TITLE,
    approve,
    body,
    leaks,
    procedure,
    site_with_secret,
)

from site_helpers import mkdocs

ANCHOR = "  - admonition\n"
LINE = '--8<-- "docs/procedures/secret.md"'


def _approved(scenario, name: str):
    """Round 62 hole 3's change, one approved merge (刘静 + 陈明远): mkdocs.yml enables the
    extension as ``name``, and the public SM-P-01 V1.1 has LINE in its 目的."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    assert ANCHOR in yml
    public = procedure(version="V1.1", body=body(LINE))
    files = {
        "mkdocs.yml": yml.replace(ANCHOR, f"{ANCHOR}  - {name}\n"),
        "docs/procedures/test.md": public,
    }
    approve(s, "cr-reuse", files, "启用文本复用并修订测试程序", 2)
    return s


def test_control_the_plain_name_stops_the_build(scenario, tmp_path):
    """Session 27's fix, as round 62's test has it."""
    s = _approved(scenario, "pymdownx.snippets")
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode != 0
    assert "pymdownx.snippets" in result.stderr


@pytest.mark.parametrize(
    "name", ["pymdownx.snippets:SnippetExtension", "pymdownx.snippets:makeExtension"]
)
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_the_extension_by_module_and_class_does_not_publish_the_secret(
    scenario, tmp_path, strict, name
):
    """The same extension named `pymdownx.snippets:SnippetExtension` is not in
    _INCLUDING_EXTENSIONS: the build passes and SM-P-01's page and the search index hold
    SM-P-07's whole file (front matter, title, text)."""
    s = _approved(scenario, name)
    out = tmp_path / "site"
    result = mkdocs(s.root, out, strict)
    if result.returncode == 0:
        found = leaks(out, [SECRET_BODY, SECRET_TITLE])
        assert found == [], sorted({f for f, _ in found})
