"""BRANCH as approve resolves it: git's revision rules put refs/tags/<name> before
refs/heads/<name>, so a tag spelt like the reviewed branch stands in for it."""

from __future__ import annotations

from rt14_helpers import CSS, approve, both_lines, both_sides_changed, clean, css, git, strict


def test_a_tag_named_like_the_branch_is_not_what_approve_merges(tmp_path):
    """FINDING. 赵磊 (push access) pushes a tag ``b`` at his reviewed branch plus one more commit
    that hides rule .c5. 陈明远 runs ``doccontrol approve b``: the tag's commit is judged and
    merged as "Merge branch 'b'" with 王芳's Reviewed-by, and the trail accepts it."""
    s = both_sides_changed(tmp_path)
    reviewed = git(s, "rev-parse", "refs/heads/b").stdout.strip()
    s.git.checkout("b")
    s.files.write(CSS, css(10, ".c10 { color: green; }").replace(
        ".c5 { color: #000005; }", ".c5 { display: none; }"))  # fmt: skip
    s.git.commit("b: 另一处", who="zhaolei")
    s.git.run("tag", "b", "HEAD")
    s.git.run("reset", "-q", "--hard", reviewed)  # the branch is what was reviewed
    s.git.checkout("main")
    result, merged = approve(s, "b")
    if merged:  # safe: the branch's tip, the one reviewed, is what comes in
        assert git(s, "rev-parse", "main^2").stdout.strip() == reviewed
        assert "display: none" not in git(s, "show", f"main:{CSS}").stdout
    else:  # or refused as ambiguous, with a message
        assert result.returncode != 0 and "Traceback" not in result.stderr
        clean(s)


def test_held_a_tag_named_main_stops_approve(tmp_path):
    """HELD. A tag ``main`` at a commit ahead of main: approve refuses (``symbolic-ref
    --short HEAD`` says heads/main), main does not move onto the tag's commit."""
    s = both_sides_changed(tmp_path)
    before = git(s, "rev-parse", "refs/heads/main").stdout.strip()
    s.git.branch("sneak", "main")
    s.files.write(CSS, css(7, ".c7 { display: none; }"))
    s.git.commit("sneak", who="zhaolei")
    s.git.run("tag", "main", "sneak")
    s.git.checkout("main")
    result, _ = approve(s, "b")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert git(s, "rev-parse", "refs/heads/main").stdout.strip() == before
    assert both_lines(s, before) is False  # nothing merged
    assert strict(s).returncode == 0
