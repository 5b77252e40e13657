"""Round 38, shapes of round 37's fix that held: every other name git's lookup rules give
`refs/heads/main` (`refs/refs/heads/main`, `refs/heads/refs/heads/main`,
`refs/remotes/refs/heads/main`), symbolic refs, `refs/remotes/origin/main/HEAD`, the CI clones
(`git clone --branch`, a detached checkout of every branch and tag, a detached main without a
local branch), `main_branch` values that are no branch name, and the notes ref's stand-ins.
The forged merge is round 37's: 赵磊's own merge of V2.0 with typed trailers, never on main."""

from __future__ import annotations

import contextlib

import pytest
from rt37_helpers import site_text, vendor
from rt38_helpers import git, run_cli
from test_rt37_refs import FORGED, _origin_with_a_tag_named_main

from site_helpers import mkdocs

FORGED_TAG = "refs/tags/refs/heads/main"


def _ci(tmp_path, origin, *refspecs, checkout="refs/remotes/origin/main"):
    """A runner's checkout: an empty repository fetching ``refspecs`` from ``origin``, then
    ``checkout`` checked out detached (no local branch)."""
    ci = tmp_path / "ci"
    ci.mkdir()
    git(ci, "init", "-q", "-b", "unused")
    git(ci, "fetch", "-q", str(origin), *refspecs)
    git(ci, "checkout", "-q", "--detach", checkout)
    vendor(ci)
    return ci


def _reads_main(tmp_path, ci, forged, build=False):
    """`log SM-P-01` and `trail --strict` (and the strict build) read main, or refuse; never
    the forged merge."""
    log = run_cli(ci, "log", "SM-P-01")
    trail = run_cli(ci, "trail", "--strict")
    assert "V2.0" not in log.stdout and forged[:10] not in trail.stdout, log.stdout + trail.stdout
    assert log.returncode in (0, 1, 2) and "Traceback" not in log.stderr + trail.stderr
    if build:
        done = mkdocs(ci, tmp_path / "site", True)
        assert FORGED not in (site_text(tmp_path / "site") if done.returncode == 0 else "")
    return log, trail


@pytest.mark.parametrize(
    "name",
    [
        "refs/refs/heads/main",
        "refs/heads/refs/heads/main",
        "refs/remotes/refs/heads/main",
        "refs/tags/refs/heads/main",
    ],
)
def test_no_other_name_for_refs_heads_main_stands_for_the_branch(tmp_path, name):
    """Each name git tries for `refs/heads/main` after the ref itself (its lookup rules),
    holding the forged merge, in a detached CI checkout with origin/main and no local main:
    `--symbolic-full-name` prints that other name, `exact_commit` refuses it, and origin/main
    is read (V1.0, no approval)."""
    s = _origin_with_a_tag_named_main(tmp_path)
    forged = git(s.root, "rev-parse", FORGED_TAG)
    ci = _ci(
        tmp_path,
        s.root,
        "+refs/heads/main:refs/remotes/origin/main",
        f"+{FORGED_TAG}:{name}",
    )
    assert git(ci, "rev-parse", "refs/heads/main") == forged  # git's own lookup takes it
    log, _trail = _reads_main(tmp_path, ci, forged, build=name == "refs/refs/heads/main")
    assert log.returncode == 0 and "V1.0" in log.stdout, log.stdout + log.stderr


def test_without_origin_main_its_head_and_origin_head_are_not_the_branch(tmp_path):
    """A runner that fetched only the author's branch: no refs/heads/main, no
    refs/remotes/origin/main, but `refs/remotes/origin/main/HEAD` (git's last rule, read for
    `refs/remotes/<name>/HEAD`) and `refs/remotes/origin/HEAD` (a symbolic ref to the author's
    branch) both at the forged merge. Refused: "main branch 'main' not found"."""
    s = _origin_with_a_tag_named_main(tmp_path)
    forged = git(s.root, "rev-parse", FORGED_TAG)
    ci = _ci(
        tmp_path,
        s.root,
        f"+{FORGED_TAG}:refs/remotes/origin/main/HEAD",
        f"+{FORGED_TAG}:refs/remotes/origin/side",
        checkout="refs/remotes/origin/side",
    )
    git(ci, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/side")
    log, trail = _reads_main(tmp_path, ci, forged, build=True)
    assert log.returncode == 2 and "not found" in log.stderr, log.stderr
    assert trail.returncode == 2


@pytest.mark.parametrize("which", ["refs/heads/main", "refs/remotes/origin/main"])
def test_a_symbolic_ref_named_like_main_is_not_the_branch(tmp_path, which):
    """`refs/heads/main` (origin/main beside it) or `refs/remotes/origin/main` (no local
    main) as a symbolic ref to the author's branch: `--symbolic-full-name` prints the target's
    name, so it is refused; with origin/main there, origin/main is read, else refused."""
    s = _origin_with_a_tag_named_main(tmp_path)
    forged = git(s.root, "rev-parse", FORGED_TAG)
    specs = [f"+{FORGED_TAG}:refs/remotes/origin/side"]
    if which == "refs/heads/main":
        specs.append("+refs/heads/main:refs/remotes/origin/main")
    ci = _ci(tmp_path, s.root, *specs, checkout="refs/remotes/origin/side")
    if which == "refs/heads/main":
        git(ci, "checkout", "-q", "--detach", "refs/remotes/origin/main")
    git(ci, "symbolic-ref", which, "refs/remotes/origin/side")
    assert git(ci, "rev-parse", f"{which}^{{commit}}") == forged
    log, _trail = _reads_main(tmp_path, ci, forged)
    if which == "refs/heads/main":
        assert log.returncode == 0 and "V1.0" in log.stdout, log.stdout + log.stderr
    else:
        assert log.returncode == 2 and "not found" in log.stderr, log.stderr


def test_the_usual_ci_clones_read_origin_main_with_the_tag_there(tmp_path):
    """`git clone --branch side` (local side, origin/main, every tag) and actions/checkout's
    `fetch-depth: 0` (every branch to refs/remotes/origin/*, every tag, the author's branch
    checked out detached): the tag named `refs/heads/main` is fetched in both, and both read
    origin/main (V1.0)."""
    s = _origin_with_a_tag_named_main(tmp_path)
    forged = git(s.root, "rev-parse", FORGED_TAG)
    git(s.root, "branch", "side", forged)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--branch", "side", str(s.root), str(clone))
    vendor(clone)
    assert git(clone, "rev-parse", FORGED_TAG) == forged
    log, _ = _reads_main(tmp_path, clone, forged)
    # HEAD is the author's branch: its line meets main's where main's config names main
    assert log.returncode == 0 and "V1.0" in log.stdout, log.stdout + log.stderr
    ci = _ci(
        tmp_path,
        s.root,
        "+refs/heads/*:refs/remotes/origin/*",
        "+refs/tags/*:refs/tags/*",
        checkout="refs/remotes/origin/side",
    )
    log, _ = _reads_main(tmp_path, ci, forged, build=True)
    assert log.returncode == 0 and "V1.0" in log.stdout, log.stdout + log.stderr


ODD = [
    "main^{tree}",
    "main:x",
    "main..side",
    "side..main",
    "main...side",
    "@{-1}",
    "HEAD",
    "@",
    "-n",
    "--all",
    "ma in",
    "refs/tags/x",
    "main@{1}",
    "main@{u}",
    "main~1",
    "main^",
    "main^0",
    "main^{}",
    "main^!",
    "main^@",
    ":/修订",
    "main^{/修订}",
    "main\nrefs/heads/main",
]


def test_main_branch_values_that_are_no_branch_name_name_no_ref(tmp_path):
    """`main_branch` is any non-empty string (config.schema.json: minLength 1). Each value
    above, with main, side (the forged merge), a tag x, a branch `refs/tags/x`… about:
    `resolve_branch` refuses it and `probe` answers None (the full path then refuses); a
    branch whose name holds a slash (`team/main`) is read as that branch."""
    from doccontrol.history.gitread import GitError, GitReader, probe

    s = _origin_with_a_tag_named_main(tmp_path)
    root = s.root
    git(root, "branch", "side", FORGED_TAG)
    git(root, "tag", "x", FORGED_TAG)
    git(root, "branch", "team/main", "main")
    git(root, "checkout", "-q", "side")
    git(root, "checkout", "-q", "main")  # @{-1} is side
    git(root, "update-ref", "refs/heads/main", FORGED_TAG)  # main@{1} is the forged merge
    git(root, "update-ref", "refs/heads/main", "team/main")
    taken = {}
    with GitReader(root) as reader:
        for value in ODD:
            with contextlib.suppress(GitError):
                taken[value] = reader.resolve_branch(value)
            if probe(root, value, "doccontrol.yml") is not None:
                taken[value] = "probe"
        assert reader.resolve_branch("team/main") == (
            "refs/heads/team/main",
            git(root, "rev-parse", "main"),
        )
    assert taken == {}


def test_the_notes_ref_stand_ins_are_not_read_without_the_ref(tmp_path):
    """No refs/notes/doccontrol in the clone, but a tag named `refs/notes/doccontrol`, or
    `refs/notes/doccontrol` as a symbolic ref to another notes ref: neither is the notes ref
    (exact_commit refuses the tag's name and the symbolic ref's target)."""
    from doccontrol.history.gitread import GitReader, exact_commit

    s = _origin_with_a_tag_named_main(tmp_path)
    root = s.root
    main = git(root, "rev-parse", "main")
    git(root, "notes", "--ref=refs/notes/forged", "add", "-m", "forged", main)
    git(root, "tag", "refs/notes/doccontrol", "refs/notes/forged")
    with GitReader(root) as reader:
        assert reader.notes_tip() is None
    assert exact_commit(root, "refs/notes/doccontrol") is None
    git(root, "tag", "-d", "refs/notes/doccontrol")
    git(root, "symbolic-ref", "refs/notes/doccontrol", "refs/notes/forged")
    with GitReader(root) as reader:
        assert reader.notes_tip() is None
    assert exact_commit(root, "refs/notes/doccontrol") is None
