"""approve against a moving branch and a work tree in the way (held)."""

from __future__ import annotations

import os

from rt14_helpers import CSS, approve, both_lines, both_sides_changed, clean, git


def test_held_a_hook_pushing_to_the_branch_during_the_check_is_not_approved(tmp_path):
    """HELD. core.hooksPath names a post-checkout hook that would commit a hidden rule onto
    ``b`` if approve's check step checked anything out. Since session 19 it checks nothing
    out (the merge's files are written from Git), so the hook never runs; and the merge's
    second parent is the tip that was judged."""
    s = both_sides_changed(tmp_path)
    judged = git(s, "rev-parse", "b").stdout.strip()
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    hook = hooks / "post-checkout"
    hook.write_text(
        "#!/bin/sh\n"
        f'cd "{s.root}" || exit 0\n'
        "unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\n"
        "[ -f ../pushed ] && exit 0\n"
        "touch ../pushed\n"
        f"blob=$(printf '.c0 {{ display: none; }}\\n' | git hash-object -w --stdin)\n"
        "tree=$(git read-tree --index-output=../idx b && "
        f"GIT_INDEX_FILE=../idx git update-index --cacheinfo 100644,$blob,{CSS} && "
        "GIT_INDEX_FILE=../idx git write-tree)\n"
        "c=$(echo later | git commit-tree $tree -p b) && git update-ref refs/heads/b $c\n"
    )
    os.chmod(hook, 0o755)
    git(s, "config", "core.hooksPath", str(hooks))
    result, merged = approve(s, "b")
    assert not (tmp_path / "pushed").exists()  # no checkout, so no hook ran
    assert git(s, "rev-parse", "b").stdout.strip() == judged
    assert merged, result.stdout + result.stderr
    assert git(s, "rev-parse", "main^2").stdout.strip() == judged
    assert "display: none" not in git(s, "show", f"main:{CSS}").stdout
    assert both_lines(s)


def test_held_an_untracked_file_in_the_way_stops_the_fast_forward_cleanly(tmp_path):
    """HELD. The branch adds overrides/new.css; an untracked file of that name is in the work
    tree: ``merge --ff-only`` refuses, a clear message, main unmoved, the file untouched."""
    s = both_sides_changed(tmp_path)
    s.git.checkout("b")
    s.files.write("overrides/new.css", "from the branch\n")
    s.git.commit("b: 新文件", who="zhaolei")
    s.git.checkout("main")
    (s.root / "overrides/new.css").write_text("local\n")
    before = git(s, "rev-parse", "main").stdout.strip()
    result, merged = approve(s, "b")
    assert not merged and result.returncode == 2 and "Traceback" not in result.stderr
    assert "would be overwritten" in result.stderr
    assert git(s, "rev-parse", "main").stdout.strip() == before
    assert (s.root / "overrides/new.css").read_text() == "local\n"
    clean(s)
