"""Round 40, the capture's push after session 22 (b60171b). `push_notes` lists
`refs/notes/doccontrol` and `refs/notes/doccontrol/HEAD` with `ls-remote` (a name matches
when it equals the pattern or ends with "/" + pattern) and refuses the names git's push
(remote.c `count_refspec_match`, rules `%s`, `refs/%s`, `refs/tags/%s`, `refs/heads/%s`,
`refs/remotes/%s`, `refs/remotes/%s/HEAD`) would take for the destination. Every name those
rules give ends like one of the two patterns, so ls-remote lists them all: that held. One
hole: a ref that only stands in the notes ref's way (`refs/notes/doccontrol/x`, a
directory/file conflict) is listed by neither pattern, the push's "remote rejected" is taken
for "another capture pushed first", and every capture fails as if racing."""

from __future__ import annotations

import pytest
from rt38_helpers import git
from test_rt39_capture import _merged_pr, _push_capture, _ref, _remote

from forge_helpers import capture, github_scenario

NOTES = "refs/notes/doccontrol"
LURE = "refs/remotes/refs/notes/doccontrol/HEAD"


def test_a_symbolic_lure_to_main_is_refused_and_main_never_moves(tmp_path):
    """Held: `refs/remotes/refs/notes/doccontrol/HEAD` a symbolic ref to refs/heads/main on
    the remote (needs the server, not a push: a push cannot make a symbolic ref). It is
    advertised with main's id by both ls-remote and receive-pack; were it taken, receive-pack
    would update main through it. The capture refuses, naming it; main is unmoved."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    git(remote, "symbolic-ref", LURE, "refs/heads/main")
    main = _ref(remote, "refs/heads/main")
    code, out, err = _push_capture(s, _merged_pr(s, tmp_path, 7), 7)
    assert code != 0 and LURE in err, out + err
    assert _ref(remote, "refs/heads/main") == main
    assert not _ref(remote, NOTES)


def test_a_dangling_symbolic_lure_is_not_advertised_and_the_push_lands(tmp_path):
    """Held: the same symbolic ref pointing at a missing ref is advertised by neither side;
    the push creates `refs/notes/doccontrol` and nothing else."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    git(remote, "symbolic-ref", LURE, "refs/heads/nowhere")
    code, _out, err = capture(s, _merged_pr(s, tmp_path, 7), 7, "--push", "origin")
    assert code == 0, err
    assert _ref(remote, NOTES) == _ref(s.root, NOTES)
    assert not _ref(remote, "refs/heads/nowhere")


@pytest.mark.parametrize(
    "name",
    [
        "refs/heads/x/refs/notes/doccontrol",
        "refs/tags/refs/heads/refs/notes/doccontrol",
        "refs/remotes/origin/refs/notes/doccontrol",
        "refs/remotes/x/refs/notes/doccontrol/HEAD",
    ],
)
def test_names_that_only_end_like_the_notes_ref_neither_block_nor_take_the_push(tmp_path, name):
    """Held: ls-remote lists these (they end like a pattern) but git's push rules never
    take them; the capture pushes to the notes ref and leaves them where they were."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    git(s.root, "push", "-q", "origin", f"main:{name}")
    before = _ref(remote, name)
    code, _out, err = capture(s, _merged_pr(s, tmp_path, 7), 7, "--push", "origin")
    assert code == 0, err
    assert _ref(remote, NOTES) == _ref(s.root, NOTES)
    assert _ref(remote, name) == before


def _exact(root, name):
    """The id of the ref named exactly ``name`` (for-each-ref matches by prefix too)."""
    out = git(root, "for-each-ref", "--format=%(refname) %(objectname)", name)
    return next((line.split()[1] for line in out.splitlines() if line.split()[0] == name), "")


@pytest.mark.parametrize("packed", [False, True])
@pytest.mark.parametrize(
    "lure", ["refs/{}", "refs/tags/{}", "refs/heads/{}", "refs/remotes/{}", "refs/remotes/{}/HEAD"]
)
def test_every_rule_name_on_a_fresh_remote_is_refused(tmp_path, lure, packed):
    """Held: each name git's rules give, loose or packed on the remote, with no notes ref
    there: refused naming it, the lure unmoved."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    name = lure.format(NOTES)
    git(s.root, "push", "-q", "origin", f"main:{name}")
    if packed:
        git(remote, "pack-refs", "--all")
    before = _ref(remote, name)
    code, out, err = _push_capture(s, _merged_pr(s, tmp_path, 7), 7)
    assert code != 0 and name in err, out + err
    assert _ref(remote, name) == before and not _ref(remote, NOTES)


def test_a_ref_in_the_notes_refs_way_is_taken_for_a_race(tmp_path):
    """Seen: 赵磊 pushes `main:refs/notes/doccontrol/x` (or `main:refs/notes`) before the
    first capture, or after deleting the notes ref (push access allows both). The remote
    can then not create `refs/notes/doccontrol` (a ref below it: a directory/file conflict). `ls-remote` lists neither name (they do not end like a pattern), so nothing is
    refused; the push comes back `! [remote rejected] … (failed to update ref)`, the word
    "rejected" is taken for "another capture pushed first", nothing is fetched, five times,
    then "could not push refs/notes/doccontrol: the remote kept moving ahead". Every capture
    fails so, the maintainers look for a race that is not there, and no review reaches the
    remote. Low: a denial of service with a misleading message (as round 39's hole 1).
    Right: refused at once naming the ref in the way (list `refs/notes/doccontrol/*`, or read receive-pack's per-ref status instead of grepping
    "rejected"), or the note reaches `refs/notes/doccontrol`."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    blocker = f"{NOTES}/x"
    git(s.root, "push", "-q", "origin", f"main:{blocker}")
    code, out, err = _push_capture(s, _merged_pr(s, tmp_path, 7), 7)
    pushed = _exact(remote, NOTES)
    local = _ref(s.root, NOTES)
    assert local, err
    assert pushed == local or (code != 0 and blocker in err), (
        f"{blocker} stops the push and the capture blames a race: exit {code}, remote notes "
        f"ref {pushed[:10] or 'none'}\n{out}{err}"
    )
