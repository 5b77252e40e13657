"""Every git subprocess of doccontrol goes through history.gitread (run_git / GitReader), which
switches refs/replace/* off (GIT_NO_REPLACE_OBJECTS): a pushed replace ref must never change
what a command reads (red-team round 2, hole 13)."""

from __future__ import annotations

import re

from builders import PROJECT

# a subprocess call whose argument list starts with "git"
_DIRECT = re.compile(r"subprocess\.\w+\(\s*\[\s*[\"']git[\"']")


def test_no_module_runs_git_except_through_gitread():
    package = PROJECT / "tools/doccontrol"
    found = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.name != "gitread.py" and _DIRECT.search(path.read_text(encoding="utf-8"))
    ]
    assert found == [], found
    gitread = (package / "history/gitread.py").read_text(encoding="utf-8")
    assert '"GIT_NO_REPLACE_OBJECTS": "1"' in gitread
