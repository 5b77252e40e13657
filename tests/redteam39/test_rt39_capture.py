"""Round 39, the capture's push after session 22. `push_notes` refuses when `ls-remote origin
refs/notes/doccontrol` lists any other name, then pushes `<tip>:refs/notes/doccontrol`. But
`ls-remote` matches only names that END like the pattern, while git's push matches the
destination against every remote ref by the lookup rules, the last of which is
`refs/remotes/%s/HEAD`: a ref named `refs/remotes/refs/notes/doccontrol/HEAD` is never listed,
and where the remote has no `refs/notes/doccontrol` it is the push's destination (a "weak"
match, taken when there is no strong one)."""

from __future__ import annotations

from rt38_helpers import git, run_cli

from forge_helpers import (
    LOGINS,
    REPOSITORY,
    capture,
    change,
    github_scenario,
    merge,
    pull_request,
    record,
    review,
)

T1 = "2026-02-01T10:00:00Z"
T2 = "2026-02-02T10:00:00Z"
NOTES = "refs/notes/doccontrol"
LURE = "refs/remotes/refs/notes/doccontrol/HEAD"


def _merged_pr(s, tmp_path, number):
    head = change(s, number)
    commit = merge(s, number)
    items = [
        review(100 + number, LOGINS["liujing"], "APPROVED", head, T1),
        review(200 + number, LOGINS["wangfang"], "APPROVED", head, T2),
    ]
    pull = pull_request(number, f"变更 {number}", head, commit, LOGINS["zhaolei"], "liu-jing")
    return record(tmp_path / f"api-{number}", pull, items)


def _push_capture(s, folder, number):
    """The real command with --push origin, whatever its exit: (exit, stdout, stderr)."""
    done = run_cli(
        s.root,
        *("forge", "capture-github", "--pr", str(number), "--from-json", str(folder)),
        *("--repository", REPOSITORY, "--push", "origin"),
    )
    return done.returncode, done.stdout, done.stderr


def _ref(root, name):
    return git(root, "for-each-ref", "--format=%(objectname)", name)


def _remote(tmp_path, s):
    """A bare shared remote holding the scenario's main, and the scenario's clone of it."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(s.root, "remote", "add", "origin", str(remote))
    git(s.root, "push", "-q", "origin", "main:refs/heads/main")
    return remote


def test_a_ref_ending_in_slash_head_takes_the_first_capture_push(tmp_path):
    """Seen: 赵磊 pushes `main:refs/remotes/refs/notes/doccontrol/HEAD` to the shared remote
    before the repository's first capture. The CI's capture writes PR 7's note, `ls-remote
    origin refs/notes/doccontrol` lists nothing (the name does not end like the pattern), and
    `git push origin <tip>:refs/notes/doccontrol` goes to his ref (`To … <tip> ->
    refs/notes/doccontrol/HEAD (non-fast-forward)`): rejected, taken for "another capture
    pushed first", fetched (nothing listed, nothing fetched), five times, then "could not push
    refs/notes/doccontrol". Every capture fails so, and the message sends the maintainers
    looking for a race that is not there; no review reaches the remote.
    Right: like a tag named like the notes ref, the capture refuses at once naming
    `refs/remotes/refs/notes/doccontrol/HEAD` (list the remote's refs and apply git's own
    rules, `refs/%s`, `refs/tags/%s`, `refs/heads/%s`, `refs/remotes/%s`,
    `refs/remotes/%s/HEAD`), or the note does reach `refs/notes/doccontrol`."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    folder = _merged_pr(s, tmp_path, 7)
    git(s.root, "push", "-q", "origin", f"main:{LURE}")
    lure = _ref(remote, LURE)
    code, out, err = _push_capture(s, folder, 7)
    local = _ref(s.root, NOTES)
    pushed = _ref(remote, NOTES)
    assert local, err
    assert _ref(remote, LURE) == lure, "the author's ref is never moved by the capture"
    assert pushed == local or (code != 0 and LURE in err), (
        f"the capture pushed to {LURE}, not {NOTES}: exit {code}, remote notes ref "
        f"{pushed[:10] or 'none'}, local {local[:10]}\n{out}{err}"
    )


def test_a_ref_ending_in_slash_head_swallows_the_push_silently(tmp_path):
    """Seen: PR 7's note is on the remote (N). 赵磊 pushes `N:refs/remotes/refs/notes/
    doccontrol/HEAD` and deletes `refs/notes/doccontrol` on the remote (push access). A
    capture from a clone that has N (a maintainer's, a persistent runner) records PR 8 (N8,
    on top of N) and pushes: without his ref, the push would put the notes ref back, PR 7's
    and PR 8's reviews with it. With it, the push fast-forwards his ref instead, the command
    exits 0 ("recorded"), and the remote has no notes ref: the evidence is silently not
    there, and the next fresh CI clone starts the notes over.
    Right: refused, naming his ref, or `refs/notes/doccontrol` on the remote is N8."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    capture(s, _merged_pr(s, tmp_path, 7), 7, "--push", "origin")
    first = _ref(remote, NOTES)
    assert first
    # the author's two pushes
    git(s.root, "push", "-q", "origin", f"{first}:{LURE}")
    git(s.root, "push", "-q", "origin", f":{NOTES}")
    folder = _merged_pr(s, tmp_path, 8)
    git(s.root, "push", "-q", "origin", "main:refs/heads/main")
    code, out, err = _push_capture(s, folder, 8)
    local = _ref(s.root, NOTES)
    pushed = _ref(remote, NOTES)
    assert local and local != first, err
    assert pushed == local or (code != 0 and LURE in err), (
        f"the capture reported success but {NOTES} is not on the remote: exit {code}, "
        f"remote notes ref {pushed[:10] or 'none'}, {LURE} now {_ref(remote, LURE)[:10]}, "
        f"local {local[:10]}\n{out}{err}"
    )


def test_a_weak_name_beside_the_notes_ref_does_not_take_the_push(tmp_path):
    """Held: where the remote has `refs/notes/doccontrol` itself, it is the one strong match
    and the push goes there, whatever `…/HEAD` ref stands beside it."""
    s = github_scenario(tmp_path)
    remote = _remote(tmp_path, s)
    capture(s, _merged_pr(s, tmp_path, 7), 7, "--push", "origin")
    first = _ref(remote, NOTES)
    git(s.root, "push", "-q", "origin", f"{first}:{LURE}")
    folder = _merged_pr(s, tmp_path, 8)
    code, _out, err = capture(s, folder, 8, "--push", "origin")
    assert code == 0, err
    assert _ref(remote, NOTES) == _ref(s.root, NOTES) != first
    assert _ref(remote, LURE) == first
