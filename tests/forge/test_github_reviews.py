"""GitHub reviews as approval evidence: captured from recorded API answers into real notes in a
real repository, then read by the history engine."""

from __future__ import annotations

import subprocess

from doccontrol import catalogue
from forge_helpers import (
    LOGINS,
    capture,
    change,
    github_scenario,
    keypair,
    merge,
    pull_request,
    record,
    review,
)

T1 = "2026-02-01T10:00:00Z"
T2 = "2026-02-02T10:00:00Z"
T3 = "2026-02-03T10:00:00Z"


def merged_with_reviews(s, tmp_path, number, reviews, author="zhaolei", head=None, **kw):
    """Branch, merge as GitHub does, capture the pull request with these reviews
    ((person or login, state, on_head) triples); returns (merge commit, branch head)."""
    branch_head = change(s, number, who=author)
    merge_commit = merge(s, number, **kw)
    head = head or branch_head
    items = [
        review(100 + i, LOGINS.get(who, who), state, head if on_head else "0" * 40, when)
        for i, (who, state, on_head, when) in enumerate(reviews)
    ]
    pull = pull_request(number, f"变更 {number}", head, merge_commit, LOGINS[author], "liu-jing")
    capture(s, record(tmp_path / f"api-{number}", pull, items), number)
    return merge_commit, head


def only_revision(s):
    (rev,) = s.history().documents["SM-P-01"].revisions
    return rev


def names(people):
    return [p.person_id or p.name for p in people]


def codes(rev):
    return sorted(p.code for p in rev.problems)


def test_two_approvals_by_the_right_roles_approve(tmp_path):
    s = github_scenario(tmp_path)
    merged_with_reviews(
        s, tmp_path, 7, [("liujing", "APPROVED", True, T1), ("wangfang", "APPROVED", True, T2)]
    )
    rev = only_revision(s)
    assert (rev.approved, names(rev.approvers), names(rev.reviewers), codes(rev)) == (
        True,
        ["liujing"],  # holds the procedure's approver role
        ["wangfang"],  # holds only its reviewer role: her approving review is the review
        [],
    )
    assert rev.evidence == "forge-api"  # an unsigned notes commit: unsigned forge evidence
    assert rev.merge_request is not None
    assert (rev.merge_request.platform, rev.merge_request.number, rev.merge_request.url) == (
        "github",
        "7",
        "https://github.com/it-sms/documents/pull/7",
    )
    (event,) = s.history().events
    assert (names(event.approvers), names(event.reviewers), event.evidence) == (
        ["liujing"],
        ["wangfang"],
        "forge-api",
    )


def test_without_the_note_github_merges_name_nobody(tmp_path):
    s = github_scenario(tmp_path)
    change(s, 7)
    merge(s, 7)
    rev = only_revision(s)
    assert (rev.approved, codes(rev)) == (False, ["DC504", "DC505"])


def test_approval_by_the_author_is_self_approval(tmp_path):
    s = github_scenario(tmp_path)
    merged_with_reviews(
        s,
        tmp_path,
        7,
        [("liujing", "APPROVED", True, T1), ("wangfang", "APPROVED", True, T2)],
        author="liujing",
    )
    rev = only_revision(s)
    assert (rev.approved, codes(rev)) == (False, ["DC503"])


def test_approval_of_an_older_head_is_stale(tmp_path):
    s = github_scenario(tmp_path)
    merged_with_reviews(
        s, tmp_path, 7, [("liujing", "APPROVED", False, T1), ("wangfang", "APPROVED", True, T2)]
    )
    rev = only_revision(s)
    assert (rev.approved, names(rev.approvers), codes(rev)) == (False, [], ["DC504", "DC532"])
    (stale,) = [p for p in rev.problems if p.code == "DC532"]
    assert "刘静 approved #7 at 0000000000" in stale.text(catalogue.load("en"))


def test_changes_requested_and_never_dismissed_block(tmp_path):
    s = github_scenario(tmp_path)
    merged_with_reviews(
        s,
        tmp_path,
        7,
        [
            ("liujing", "APPROVED", True, T1),
            ("wangfang", "APPROVED", True, T1),
            ("wangfang", "CHANGES_REQUESTED", True, T2),  # her last word
            ("zhaolei", "COMMENTED", True, T3),
        ],
    )
    rev = only_revision(s)
    assert (rev.approved, codes(rev)) == (False, ["DC505", "DC533"])


def test_a_change_request_followed_by_approval_is_settled(tmp_path):
    s = github_scenario(tmp_path)
    merged_with_reviews(
        s,
        tmp_path,
        7,
        [
            ("wangfang", "CHANGES_REQUESTED", True, T1),
            ("liujing", "APPROVED", True, T2),
            ("wangfang", "APPROVED", True, T3),
        ],
    )
    rev = only_revision(s)
    assert (rev.approved, codes(rev)) == (True, [])


def test_a_login_nobody_has_does_not_count(tmp_path):
    s = github_scenario(tmp_path)
    merged_with_reviews(
        s,
        tmp_path,
        7,
        [
            ("octocat", "APPROVED", True, T1),
            ("liujing", "APPROVED", True, T1),
            ("wangfang", "APPROVED", True, T2),
        ],
    )
    rev = only_revision(s)
    assert (rev.approved, names(rev.approvers), codes(rev)) == (True, ["liujing"], ["DC534"])
    (unknown,) = rev.problems
    assert "@octocat" in unknown.message and unknown.person == "octocat"


def test_a_login_mapped_by_the_change_itself_does_not_count(tmp_path):
    """The branch maps octocat to 刘静 in doccontrol.yml: judged by the config before it."""
    s = github_scenario(tmp_path)
    s.git.branch("cr-7")
    s.files.doc(version="V1.1", body=body_text())
    s.set_config("forge_accounts: {github: [liu-jing]}", "forge_accounts: {github: [octocat]}")
    head = s.git.commit("变更 7", who="zhaolei")
    merge_commit = merge(s, 7)
    items = [
        review(1, "octocat", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    pull = pull_request(7, "变更 7", head, merge_commit, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api", pull, items), 7)
    rev = only_revision(s)
    assert (rev.approved, codes(rev)) == (False, ["DC504", "DC534"])


def body_text():
    from history_helpers import body

    return body("映射变更。")


def test_a_note_attached_to_another_commit_is_a_problem(tmp_path):
    s = github_scenario(tmp_path)
    first, _ = merged_with_reviews(
        s, tmp_path, 7, [("liujing", "APPROVED", True, T1), ("wangfang", "APPROVED", True, T2)]
    )
    change(s, 8, version="V1.2")
    second = merge(s, 8)
    # someone copies the approved pull request's record onto their own merge
    s.git.run("notes", "--ref=refs/notes/doccontrol", "copy", first, second)
    doc = s.history().documents["SM-P-01"]
    assert [(r.approved, codes(r)) for r in doc.revisions] == [
        (True, []),
        (False, ["DC504", "DC505", "DC531"]),
    ]
    (misplaced,) = [p for p in doc.revisions[1].problems if p.code == "DC531"]
    assert f"merged as {first[:10]}, not as this commit" in misplaced.text(catalogue.load("en"))


def test_an_unreadable_note_is_a_problem(tmp_path):
    s = github_scenario(tmp_path)
    change(s, 7)
    commit = merge(s, 7)
    s.git.run("notes", "--ref=refs/notes/doccontrol", "add", "-m", "Approved by everyone", commit)
    rev = only_revision(s)
    assert (rev.approved, codes(rev)) == (False, ["DC504", "DC505", "DC530"])


def trusting(tmp_path, *edits):
    forge, forge_pub = keypair(tmp_path, "forge")
    stranger, _ = keypair(tmp_path, "stranger")
    s = github_scenario(
        tmp_path, "trusted_forge_keys: []", f'trusted_forge_keys: ["{forge_pub}"]', *edits
    )
    return s, forge, stranger


def test_a_note_signed_by_a_trusted_forge_key_is_verified_evidence(tmp_path):
    s, forge, _ = trusting(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    capture(s, folder, 7, "--sign-key", str(forge))
    rev = only_revision(s)
    assert (rev.approved, rev.evidence, codes(rev)) == (True, "forge-api-signed", [])


def test_a_note_signed_by_an_unknown_key_is_unsigned_evidence(tmp_path):
    s, _, stranger = trusting(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    capture(s, folder, 7, "--sign-key", str(stranger))
    rev = only_revision(s)
    assert (rev.approved, rev.evidence, codes(rev)) == (True, "forge-api", [])


def test_require_signed_treats_an_untrusted_note_as_missing(tmp_path):
    s, forge, stranger = trusting(tmp_path, "require_signed: false", "require_signed: true")
    doc = s.history
    for number, note_key in ((7, stranger), (8, forge)):
        head = change(s, number, version=f"V1.{number - 6}")
        commit = merge(s, number, sign_key=forge)  # GitHub signs the merges it makes
        items = [
            review(1, "liu-jing", "APPROVED", head, T1),
            review(2, "wang-fang", "APPROVED", head, T2),
        ]
        pull = pull_request(number, "t", head, commit, "zhao-lei", "x")
        capture(
            s, record(tmp_path / f"api-{number}", pull, items), number, "--sign-key", str(note_key)
        )
    revs = doc().documents["SM-P-01"].revisions
    assert [(r.approved, r.evidence, codes(r)) for r in revs] == [
        (False, "none", ["DC504", "DC505", "DC536"]),
        (True, "forge-api-signed", []),
    ]


def test_the_signed_record_outlives_a_later_unsigned_notes_commit(tmp_path):
    """Another note added unsigned on top leaves the signed one verified; rewriting the
    signed note unsigned makes it unsigned evidence."""
    s, forge, _ = trusting(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    capture(s, folder, 7, "--sign-key", str(forge))
    s.git.run("notes", "--ref=refs/notes/doccontrol", "add", "-m", "unrelated", head)
    assert only_revision(s).evidence == "forge-api-signed"
    note = s.git.run("notes", "--ref=refs/notes/doccontrol", "show", commit)
    retitled = note.replace('"title": "t"', '"title": "retitled"')
    assert retitled != note
    s.git.run("notes", "--ref=refs/notes/doccontrol", "add", "-f", "-m", retitled, commit)
    assert only_revision(s).evidence == "forge-api"


def test_a_verified_note_proves_a_squash_merge(tmp_path):
    s, forge, _ = trusting(tmp_path)
    head = change(s, 7)
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    commit = s.git.commit("变更 7 (#7)", who="zhaolei")  # GitHub writes it as the author's
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    assert only_revision(s).kind == "unapproved"  # a marker anyone can type
    capture(s, folder, 7, "--sign-key", str(forge))
    rev = only_revision(s)
    assert (rev.kind, rev.approved, rev.evidence) == ("approval", True, "forge-api-signed")
    assert rev.authors[0].person_id == "zhaolei"


def test_an_unsigned_note_does_not_prove_a_squash_merge(tmp_path):
    s = github_scenario(tmp_path)
    head = change(s, 7)
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    commit = s.git.commit("变更 7 (#7)", who="zhaolei")
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    capture(s, folder, 7)
    rev = only_revision(s)
    assert (rev.kind, rev.approved, codes(rev)) == ("unapproved", False, ["DC501"])


def test_notes_added_later_reach_a_cached_history(tmp_path):
    s = github_scenario(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    assert only_revision(s).approved is False  # derived and cached without the note
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    capture(s, folder, 7)
    assert only_revision(s).approved is True


def test_capture_refuses_an_unmerged_pull_request_and_writes_nothing(tmp_path):
    s = github_scenario(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    pull = pull_request(7, "t", head, commit, "zhao-lei", "x")
    pull.update(merged=False, merged_at=None)
    _, _, err = capture(s, record(tmp_path / "api", pull, []), 7, expect=2)
    refused = catalogue.load("zh").text("forge.error.not-merged", number=7)
    assert refused in err and "Traceback" not in err
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "refs/notes/doccontrol"],
        cwd=s.root,
        capture_output=True,
        check=False,
    )
    assert result.returncode != 0


def test_capture_twice_writes_once(tmp_path):
    s = github_scenario(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    items = [review(1, "liu-jing", "APPROVED", head, T1)]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    zh = catalogue.load("zh")
    said = {"number": 7, "reviews": zh.count("forge.count.reviews", 1), "commit": commit[:10]}
    said["ref"] = "refs/notes/doccontrol"
    _, out, _ = capture(s, folder, 7)
    assert out.strip() == zh.text("forge.recorded", **said)
    _, out, _ = capture(s, folder, 7)
    assert out.strip() == zh.text("forge.already-recorded", **said)
    english = capture(s, folder, 7, env={"LC_ALL": "en_US.UTF-8"})[1]
    assert english.strip() == (
        f"pull request #7: 1 review already recorded on {commit[:10]} (refs/notes/doccontrol)"
    )
    assert s.git.run("rev-list", "--count", "refs/notes/doccontrol") == "1"


def test_moving_a_signed_note_into_git_fan_out_keeps_it_signed(tmp_path):
    """As notes grow, git moves them from abcd… to ab/cd… in whatever commit adds the next
    note: the same blob for the same commit is not a new writing."""
    s, forge, _ = trusting(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    capture(s, folder, 7, "--sign-key", str(forge))
    blob = s.git.run("rev-parse", f"refs/notes/doccontrol:{commit}")
    inner = mktree(s, f"100644 blob {blob}\t{commit[2:]}\n")
    outer = mktree(s, f"040000 tree {inner}\t{commit[:2]}\n")
    moved = s.git.run("commit-tree", "-p", "refs/notes/doccontrol", "-m", "fan-out", outer)
    s.git.run("update-ref", "refs/notes/doccontrol", moved)
    assert s.git.run("notes", "--ref=refs/notes/doccontrol", "list", commit) == blob
    assert only_revision(s).evidence == "forge-api-signed"


def mktree(s, listing):
    return subprocess.run(
        ["git", "mktree"], cwd=s.root, input=listing, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_require_signed_takes_a_signed_note_for_the_forge_signature_on_its_merge(tmp_path):
    """GitHub signs its merges with its own GPG key; a note signed by the trusted capture
    key naming the merge stands for that signature."""
    s, forge, _ = trusting(tmp_path, "require_signed: false", "require_signed: true")
    head = change(s, 7)
    commit = merge(s, 7)  # unsigned as far as this clone can tell
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T2),
    ]
    folder = record(tmp_path / "api", pull_request(7, "t", head, commit, "zhao-lei", "x"), items)
    assert codes(only_revision(s)) == ["DC504", "DC505", "DC507"]
    capture(s, folder, 7, "--sign-key", str(forge))
    rev = only_revision(s)
    assert (rev.approved, rev.evidence, codes(rev), rev.signature.status) == (
        True,
        "forge-api-signed",
        [],
        "none",  # the commit's own signature is shown as it is
    )
