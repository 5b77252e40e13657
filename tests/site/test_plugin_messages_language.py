"""The build's messages speak the site's language (doccontrol.yml ``language``, Chinese by
default), as the command line does: a failing real `mkdocs build` and a CLI usage error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from doccontrol import catalogue
from history_helpers import cli, make_scenario
from site_helpers import mkdocs, site_repo


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_failing_build_and_a_usage_error_speak_the_site_language(
    tmp_path: Path, language: str
) -> None:
    edits = ("control_since: 2026-01-02", f"control_since: 2026-01-02\nlanguage: {language}")
    s = site_repo(make_scenario(tmp_path, *edits))
    t = catalogue.load(language)
    # the generated pages' folder is a symlink: the plugin refuses to build (PluginError)
    pages = s.root / ".cache/doccontrol/pages"
    pages.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(s.root / "docs", pages)
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode != 0
    expected = "doccontrol: " + t.text("site.plugin.symlink", path=".cache/doccontrol/pages")
    error = next(line for line in result.stderr.splitlines() if "doccontrol: " in line)
    assert expected in error, result.stderr
    chinese = "是符号链接" in error
    assert chinese == (language == "zh"), error
    # a usage error of the CLI in the same repository (the tests' locale names no language)
    shown = cli(s.root, "show", "SM-P-99", "--as-of", "2026-03-01")
    assert shown.returncode == 2
    said = t.text("cli.error.no-document-in-history", id="SM-P-99", branch="refs/heads/main")
    assert shown.stderr.strip() == t.text("cli.error", text=said)
    if language == "zh":
        assert shown.stderr.startswith("doccontrol：错误：refs/heads/main 的历史中没有文件 SM-P-99")
    else:
        assert shown.stderr.startswith("doccontrol: error: no document SM-P-99 in the history")
