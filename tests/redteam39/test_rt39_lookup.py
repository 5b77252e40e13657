"""Round 39, the exact lookups of session 22 (`gitread.exact_commit`, `gitread.probe`), against
every name git's lookup rules would also try for `refs/heads/main` and for the fallback
`refs/remotes/origin/main`: `refs/<ref>`, `refs/tags/<ref>`, `refs/heads/<ref>`,
`refs/remotes/<ref>`, `refs/remotes/<ref>/HEAD`, loose or packed. All held: where the ref is
there it is what is read, and where it is missing nothing is."""

from __future__ import annotations

import subprocess

import pytest
from rt38_helpers import git

from doccontrol.history import gitread

LURES = ("refs/{}", "refs/tags/{}", "refs/heads/{}", "refs/remotes/{}", "refs/remotes/{}/HEAD")


def _repo(tmp_path):
    root = tmp_path / "repo"
    git(tmp_path, "init", "-q", "-b", "main", str(root))
    (root / "doccontrol.yml").write_text("main_branch: main\n")
    git(root, "add", "doccontrol.yml")
    ident = ("-c", "user.name=A", "-c", "user.email=a@example.com")
    git(root, *ident, "commit", "-q", "-m", "one")
    good = git(root, "rev-parse", "HEAD")
    git(root, *ident, "commit", "-q", "--allow-empty", "-m", "unapproved")
    bad = git(root, "rev-parse", "HEAD")
    git(root, "update-ref", "refs/heads/main", good)
    git(root, "checkout", "-q", "--detach", bad)
    return root, good, bad


@pytest.mark.parametrize("packed", [False, True])
@pytest.mark.parametrize("lure", LURES)
@pytest.mark.parametrize("ref", ["refs/heads/main", "refs/remotes/origin/main"])
def test_a_name_the_lookup_also_tries_never_stands_for_the_ref(tmp_path, ref, lure, packed):
    root, good, bad = _repo(tmp_path)
    git(root, "update-ref", ref, good)
    git(root, "update-ref", lure.format(ref), bad)
    if packed:
        git(root, "pack-refs", "--all")
    assert gitread.exact_commit(root, ref) == good
    if ref == "refs/heads/main":
        found = gitread.probe(root, "main", "doccontrol.yml")
        assert found is not None and found.tip == good and found.head == bad
    # and with the ref gone, the lure does not answer for it
    git(root, "update-ref", "-d", ref)
    assert gitread.exact_commit(root, ref) is None
    if ref == "refs/heads/main":
        assert gitread.probe(root, "main", "doccontrol.yml") is None


def test_head_a_symbolic_ref_to_a_missing_branch_leaves_the_probe_to_the_full_reader(tmp_path):
    """Seen: HEAD names a branch that does not exist (`git checkout --orphan`, a clone whose
    remote HEAD names a missing branch) and a tag named `HEAD` was fetched (any pusher of
    tags). `HEAD^{commit}` then goes on down git's lookup rules (`refs/HEAD`,
    `refs/tags/HEAD`) and the probe reports the tag's commit as the checked-out commit,
    where its docstring promises None ("no commit checked out"). The full path's
    `resolve_commit("HEAD")` reads it the same way: a tag `HEAD` at an unrelated commit
    stops the history there with git.branch-unrelated, where without it there is nothing to
    compare. Low: only with an unborn HEAD, and what is accepted does not change.
    Right: HEAD read exactly (`--symbolic-full-name HEAD` alongside, or `symbolic-ref`)."""
    root, good, _bad = _repo(tmp_path)
    git(root, "symbolic-ref", "HEAD", "refs/heads/unborn")
    git(root, "tag", "HEAD", good)  # a tag named HEAD does not stand in for it
    assert gitread.probe(root, "main", "doccontrol.yml") is None
    assert gitread.exact_commit(root, "refs/heads/main") == good


@pytest.mark.parametrize("branch", ["release/2026", "rel@2026", "a..b", "x^", "y:z", "m@{1}"])
def test_odd_main_branch_names_read_only_that_branch(tmp_path, branch):
    """`main_branch` takes any string: a valid name with `/` or `@` reads that branch; an
    invalid one (`..`, `^`, `:`, `@{`) is no branch, and nothing else is read for it."""
    root, good, bad = _repo(tmp_path)
    ref = f"refs/heads/{branch}"
    if subprocess.run(["git", "check-ref-format", ref], cwd=root, check=False).returncode == 0:
        git(root, "update-ref", ref, good)
        git(root, "tag", ref, bad)
        assert gitread.exact_commit(root, ref) == good
        found = gitread.probe(root, branch, "doccontrol.yml")
        assert found is not None and found.tip == good
    else:
        assert gitread.exact_commit(root, ref) is None
        assert gitread.probe(root, branch, "doccontrol.yml") is None
