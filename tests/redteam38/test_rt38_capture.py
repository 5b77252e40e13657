"""Round 38, the GitHub capture's own reads of the notes ref. `notes_tip` is now exact, but
`current_note` asks `git notes --ref=refs/notes/doccontrol show C`, and `push_notes` pushes
`refs/notes/doccontrol:refs/notes/doccontrol`: both name the ref the way git's lookup reads
it, so where the clone has no notes ref (a CI job's fresh clone: notes are not fetched; the
repository's first capture) a tag named `refs/notes/doccontrol` answers for it."""

from __future__ import annotations

import subprocess

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


def _merged_pr(tmp_path):
    """PR 7 merged as GitHub does, its API answers recorded (read by anyone who can read the
    repository). Returns (scenario, API folder)."""
    s = github_scenario(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    items = [
        review(101, LOGINS["liujing"], "APPROVED", head, T1),
        review(102, LOGINS["wangfang"], "APPROVED", head, T2),
    ]
    pull = pull_request(7, "变更 7", head, commit, LOGINS["zhaolei"], "liu-jing")
    return s, record(tmp_path / "api-7", pull, items)


def test_a_tag_named_like_the_notes_ref_is_not_taken_for_the_recorded_note(tmp_path):
    """Seen: 赵磊 runs the capture himself on the public API answers (unsigned), turns the
    notes commit into a tag named `refs/notes/doccontrol` and pushes it (the real notes ref is
    not there yet, or not fetched). The CI job's capture, in its fresh clone, with its signing
    key, says "2 reviews already recorded" and exits 0: `current_note` read the tag's note
    (`git notes --ref=…` reads a missing notes ref by git's lookup rules). No note is written,
    signed or not, and `--push origin` "succeeds" ("Everything up-to-date": the push source
    `refs/notes/doccontrol` is looked up the same way, finds the tag, and the destination
    matches the remote's tag). The remote still has no notes: PR 7's reviews are never
    recorded, while the job says they are; `--backfill` skips every pull request the tag holds
    a note for in the same way (`backfill_numbers` asks `current_note`).
    Right: what is already recorded is read from the notes ref only (`notes_tip` is exact:
    read the note at that commit, `git notes` with the ref resolved to an id, or
    `ls-tree`/`cat-file` on the exact tip); the CI's own note is written, and the push's
    source is the exact ref (`git push origin <id>:refs/notes/doccontrol`, or
    `refs/notes/doccontrol` only after checking it exists)."""
    s, folder = _merged_pr(tmp_path)
    # the author's own capture, made into a tag
    capture(s, folder, 7)
    forged = git(s.root, "rev-parse", "refs/notes/doccontrol")
    git(s.root, "tag", "refs/notes/doccontrol", forged)
    git(s.root, "update-ref", "-d", "refs/notes/doccontrol")
    ci = tmp_path / "ci"
    git(tmp_path, "clone", "-q", str(s.root), str(ci))
    assert git(ci, "for-each-ref", "refs/notes/") == ""
    key = tmp_path / "capture-key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    done = run_cli(
        ci,
        "forge",
        "capture-github",
        "--pr",
        "7",
        "--from-json",
        str(folder),
        "--repository",
        REPOSITORY,
        "--sign-key",
        str(key),
        "--push",
        "origin",
    )
    local = git(ci, "for-each-ref", "--format=%(objectname)", "refs/notes/doccontrol")
    remote = git(s.root, "for-each-ref", "--format=%(objectname)", "refs/notes/doccontrol")
    assert "already recorded" not in done.stdout and local and local != forged, (
        "the capture took a tag named refs/notes/doccontrol for the recorded note: "
        f"exit {done.returncode}, local notes ref {local[:10] or 'none'}, remote notes ref "
        f"{remote[:10] or 'none'} (the tag's commit: {forged[:10]})\n{done.stdout}{done.stderr}"
    )
    # Fixed (session 22): the CI's own note is written. git's push would take the remote's tag
    # for the destination refs/notes/doccontrol (a tag is a "strong" match for it), so the
    # push is refused, naming the tag, instead of "succeeding" with nothing pushed
    assert done.returncode == 2 and "refs/tags/refs/notes/doccontrol" in done.stderr, done.stderr
    assert "another ref named like" in done.stderr
    assert remote == "", "nothing reaches the remote, neither the tag's note nor the CI's"
