"""Round 40, HEAD read after session 22 (b60171b): `probe` and `GitReader.head_commit` run
`rev-parse --revs-only HEAD^{commit} --symbolic-full-name HEAD` and take HEAD's commit only
where the name is `HEAD` (detached) or starts with `refs/heads/`. The check holds a tag
`HEAD` out, but not a branch literally named `HEAD`: with HEAD unborn, git's lookup falls
through to `refs/heads/HEAD`, whose full name starts with `refs/heads/` (one hole, low)."""

from __future__ import annotations

from rt38_helpers import git
from test_rt39_lookup import _repo

from doccontrol.history import gitread


def _both(root):
    found = gitread.probe(root, "main", "doccontrol.yml")
    return (found.head if found else None), gitread.GitReader(root).head_commit()


def test_a_branch_named_head_with_head_checked_out_on_it(tmp_path):
    """Held: HEAD on `refs/heads/HEAD` (`git switch HEAD` after a fetch of such a branch),
    with a tag `HEAD` elsewhere: the branch's commit is read, as `git status` says.
    Since the fix of the next test (session 22), the probe's one rev-parse cannot tell this
    from an unborn HEAD beside a branch named HEAD, so it leaves the answer to the full reader
    (None), which reads HEAD's own branch exactly (`git symbolic-ref`)."""
    root, good, bad = _repo(tmp_path)
    git(root, "update-ref", "refs/heads/HEAD", bad)
    git(root, "symbolic-ref", "HEAD", "refs/heads/HEAD")
    git(root, "tag", "HEAD", good)
    assert _both(root) == (None, bad)


def test_head_on_main_beside_a_tag_and_a_branch_named_head(tmp_path):
    """Held: HEAD on main, with `refs/tags/HEAD` and `refs/heads/HEAD` at another commit:
    git's lookup takes HEAD itself first; main's commit is read."""
    root, good, bad = _repo(tmp_path)
    git(root, "symbolic-ref", "HEAD", "refs/heads/main")
    git(root, "update-ref", "refs/heads/HEAD", bad)
    git(root, "tag", "HEAD", bad)
    assert _both(root) == (good, good)


def test_detached_head_and_a_linked_worktree(tmp_path):
    """Held: detached HEAD beside a branch named HEAD reads the detached commit; a linked
    worktree reads its own HEAD, not the main worktree's."""
    root, good, bad = _repo(tmp_path)
    git(root, "update-ref", "refs/heads/HEAD", good)
    assert _both(root) == (bad, bad)
    other = tmp_path / "wt"
    git(root, "worktree", "add", "-q", "--detach", str(other), good)
    assert gitread.GitReader(other).head_commit() == good
    found = gitread.probe(other, "main", "doccontrol.yml")
    assert found is not None and found.head == good
    assert _both(root) == (bad, bad)


def test_an_unborn_head_reads_a_branch_named_head(tmp_path):
    """Seen: HEAD names a branch that does not exist (`git checkout --orphan`, a clone whose
    remote HEAD names a missing branch) and the repository has `refs/heads/HEAD` (pushed by
    anyone: `git push origin X:refs/heads/HEAD` is accepted, and a mirror clone or a
    `refs/heads/*:refs/heads/*` fetch brings it). `HEAD^{commit}` falls through git's lookup
    rules to `refs/heads/HEAD`, `--symbolic-full-name HEAD` prints `refs/heads/HEAD`, which
    starts with `refs/heads/`, and both the probe and `head_commit` report that branch's
    commit as checked out. Round 39's hole 3 again, through a branch instead of a tag. Low:
    only with an unborn HEAD; it can add a `git.branch-unrelated` refusal, not an
    acceptance.
    Right: None, as for an empty repository (check the name against `git symbolic-ref -q
    HEAD`, or require `HEAD` or the very branch HEAD's file names)."""
    root, _good, bad = _repo(tmp_path)
    git(root, "update-ref", "refs/heads/HEAD", bad)
    git(root, "symbolic-ref", "HEAD", "refs/heads/unborn")
    assert _both(root) == (None, None)


def test_head_on_a_remote_tracking_ref_is_refused(tmp_path):
    """Shape noted, not a hole: HEAD made (locally, by hand) a symbolic ref to
    `refs/remotes/origin/main` does name a commit, yet both readers say none is checked
    out. Nobody but the checkout's owner can set this up; it only skips a refusal check in
    the full path and sends the probe to the full reader."""
    root, good, _bad = _repo(tmp_path)
    git(root, "update-ref", "refs/remotes/origin/main", good)
    git(root, "symbolic-ref", "HEAD", "refs/remotes/origin/main")
    assert _both(root) == (None, None)
