"""Question 2: main's own clean build of an adopter whose approved template was committed
with Windows line ends (CRLF) before `* text=auto` went into .gitattributes: git itself
calls the clean checkout unchanged (`git status` is empty), but `git hash-object
--stdin-paths` applies the text filter (CRLF → LF) and gives another blob than ls-tree."""

from __future__ import annotations

import pytest
from rt64_helpers import CONTROL_BLOCK, MARK, adopter_site, fresh_clone, stamp_of

from site_helpers import mkdocs


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_control_lf_templates_with_text_auto_are_used(scenario, tmp_path, strict):
    s = adopter_site(scenario, gitattributes="* text=auto\n")
    clone = fresh_clone(s, tmp_path)
    out = tmp_path / "site"
    result = mkdocs(clone, out, strict)
    assert result.returncode == 0, result.stderr
    assert MARK in (out / "procedures/test/index.html").read_text("utf-8")
    assert stamp_of(out) is not None


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_clean_clone_keeps_mains_approved_crlf_template(scenario, tmp_path, strict):
    """Hole (denial): the override's blob holds CRLF, `.gitattributes` says `* text=auto`.
    The clone is clean (`git status` empty, `git diff main` empty), yet work_tree_differs
    hashes the template as LF and calls `overrides` "otherwise than main's tip": main's own
    build, strict included, drops the approved templates with a warning."""
    s = adopter_site(scenario, gitattributes="* text=auto\n", crlf=True)
    clone = fresh_clone(s, tmp_path)
    assert b"\r\n" in (clone / CONTROL_BLOCK).read_bytes()
    status = s.git.run("-C", str(clone), "status", "--porcelain", "--ignored=no")
    assert status == "", status
    out = tmp_path / "site"
    result = mkdocs(clone, out, strict)
    assert result.returncode == 0, result.stderr
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert MARK in page, [line for line in result.stderr.splitlines() if "custom_dir" in line]
