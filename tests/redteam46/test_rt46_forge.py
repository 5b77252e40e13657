"""Round 46: forge evidence (GitHub review notes) against typed text."""

from __future__ import annotations

from forge_helpers import capture, change, github_scenario, keypair, pull_request, record, review
from history_helpers import cli

T1 = "2026-02-01T10:00:00Z"


def _trusting(tmp_path, *edits):
    forge, forge_pub = keypair(tmp_path, "forge")
    s = github_scenario(
        tmp_path,
        "trusted_forge_keys: []",
        f'trusted_forge_keys: ["{forge_pub}"]',
        "require_signed: false",
        "require_signed: true",
        *edits,
    )
    return s, forge


def test_a_typed_approved_by_in_a_github_merge_outvotes_the_forges_signed_review_record(tmp_path):
    """require_signed, the forge's capture key trusted: the recommended 'verified evidence'
    set-up. 赵磊 opens pull request #7; only 王芳 (reviewer role) approves it on GitHub, which
    satisfies branch protection's 'one approving review'. 赵磊 merges it in GitHub's UI and
    types `Approved-by: 刘静 <liu.jing@example.com>` into the merge message box. The capture
    records GitHub's reviews, signed by the trusted key: 刘静 never reviewed. The history
    takes the typed trailer as 刘静's approval anyway (the signed note stands in for the
    forge's signature on the merge, which makes every trailer in it count)."""
    s, forge = _trusting(tmp_path)
    head = change(s, 7)
    s.git.checkout("main")
    message = (
        "Merge pull request #7 from team/cr-7\n\n变更 7\n\nApproved-by: 刘静 <liu.jing@example.com>"
    )
    s.git.run(
        "merge", "--no-ff", "-q", "-m", message, "cr-7", who="zhaolei", date=s.git.next_date()
    )
    commit = s.git.head()
    items = [review(1, "wang-fang", "APPROVED", head, T1)]
    pull = pull_request(7, "变更 7", head, commit, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, items), 7, "--sign-key", str(forge))

    (rev,) = s.history().documents["SM-P-01"].revisions
    assert not rev.approved, (rev.approvers, rev.evidence, [p.code for p in rev.problems])
    result = cli(s.root, "trail", "--strict")
    assert result.returncode == 1, result.stdout


def test_a_forge_key_retired_from_the_config_still_signs_new_notes_for_old_commits(tmp_path):
    """The capture key K1 is trusted. 赵磊 pushes a change straight to main, typed like a
    squash ('修订 (#12)'): DC501, nobody approved it. Later the organisation learns K1 leaked
    and replaces it with K2 in an approved change of doccontrol.yml. Whoever holds K1 now
    writes a note on the old commit (GitHub's fields, 刘静 'APPROVED' on it) and signs the
    notes commit with K1. A note has no date of its own on the main line, yet it is judged by
    the keys in force before the commit it annotates: K1 vouches, the direct push becomes a
    forge squash approved by 刘静 ('forge-api-signed'), and `trail --strict` passes."""
    from rt46_helpers import keypair as kp

    from history_helpers import body

    s, k1 = _trusting(tmp_path, "require_signed: true", "require_signed: false")
    _k2, k2_pub = kp(tmp_path, "forge2")
    k1_pub = (tmp_path / "forge.pub").read_text().strip()
    s.files.doc(version="V1.1", body=body("直接推送"))
    pushed = s.git.commit("修订 (#12)", who="zhaolei")
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert not rev.approved  # DC501 as it stands
    # the leaked key is retired through an approved change
    s.git.branch("rotate")
    s.set_config(f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]')
    # (by 周强, reviewed by 王芳: approved; a key counts by the configuration in force, so a
    # rotation nobody approved would leave K1 trusted, round 49)
    s.git.commit("更换平台签名密钥", who="zhouqiang")
    s.git.merge("rotate", "更换密钥", approvers=("chenmy",), reviewers=("wangfang",), number=13)
    assert s.history().events[-1].approved
    # now the holder of K1 signs a note for the old direct push
    items = [
        review(1, "liu-jing", "APPROVED", pushed, T1),
        review(2, "wang-fang", "APPROVED", pushed, T1),
    ]
    pull = pull_request(12, "修订", pushed, pushed, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, items), 12, "--sign-key", str(k1))
    revs = s.history().documents["SM-P-01"].revisions
    assert not revs[0].approved, (revs[0].kind, revs[0].evidence, revs[0].approvers)
    assert cli(s.root, "trail", "--strict").returncode == 1


def test_the_capture_signs_a_record_of_a_pull_request_merged_into_another_branch(tmp_path):
    """`--backfill` takes only pull requests merged into the main branch; `--pr N` (what the
    workflow runs, and what anyone with write access can dispatch by hand with any number)
    takes any merged pull request. 赵磊 opens #20 into a branch of his own, `staging`, which
    no branch protection covers, and merges it himself, unreviewed. A dispatched capture
    signs GitHub's record of it with the trusted key: 'forge-api-signed' evidence, under
    require_signed as good as the forge's signature on that merge, for a merge commit that
    was never a merge into main. The capture should refuse a pull request whose base is not
    the main branch (or whose merge commit is not on it)."""
    s, forge = _trusting(tmp_path)
    head = change(s, 20)
    s.git.run("checkout", "-q", "-b", "staging", "main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", "Merge pull request #20 from team/cr-20", "cr-20",
        who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    merged = s.git.head()
    pull = pull_request(20, "变更 20", head, merged, "zhao-lei", "zhao-lei")
    pull["base"]["ref"] = "staging"
    folder = record(tmp_path / "api", pull, [])
    result = cli(
        s.root, "forge", "capture-github", "--pr", "20", "--from-json", str(folder),
        "--repository", "it-sms/documents", "--sign-key", str(forge),
    )  # fmt: skip
    code, out, err = result.returncode, result.stdout, result.stderr
    notes = s.git.attempt("notes", "--ref=refs/notes/doccontrol", "list")
    assert code == 2 and not notes.stdout.strip(), (code, out, err)


def test_an_approver_who_pushed_commits_to_the_pull_request_approves_it_squashed(tmp_path):
    """赵磊 opens #7; 刘静 pushes a commit of her own to his branch (the text she wants), then
    approves the pull request; GitHub allows both. It is squash-merged: the squash's author is
    赵磊 and the merger deletes the `Co-authored-by: 刘静` line GitHub proposes. The signed note
    names the pull request's head, whose commits (here in the clone, on cr-7) show 刘静 wrote
    part of the change. Merged with a merge commit the trail says DC503; squashed it is an
    approval by 刘静, 'forge-api-signed'."""
    from history_helpers import body

    s, forge = _trusting(tmp_path)
    change(s, 7)
    s.files.doc(version="V1.1", body=body("刘静推送到该分支的文本"))
    head = s.git.commit("按评审意见修改", who="liujing")
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    squashed = s.git.commit("变更 7 (#7)", who="zhaolei")
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(7, "变更 7", head, squashed, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, items), 7, "--sign-key", str(forge))
    (rev,) = s.history().documents["SM-P-01"].revisions
    codes = [p.code for p in rev.problems]
    assert not rev.approved and "DC503" in codes, (
        rev.evidence,
        [a.name for a in rev.authors],
        codes,
    )


def test_an_approver_who_rewrote_a_pull_request_commit_approves_it_squashed(tmp_path):
    """Session 24, after holes 5 and 8: the squash's pull-request commits are judged as a
    merge's side is (identities.writers): 刘静 amends 赵磊's commit on his branch (he stays its
    author, she is its committer) and approves; squashed, DC503 all the same."""
    from history_helpers import body

    s, forge = _trusting(tmp_path)
    change(s, 7)
    s.files.doc(version="V1.1", body=body("刘静改写后的文本"))
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "--amend", "--no-edit", who="liujing", date=s.git.next_date())
    assert s.git.run("log", "-1", "--format=%an|%cn") == "赵磊|刘静"
    head = s.git.head()
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    squashed = s.git.commit("变更 7 (#7)", who="zhaolei")
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(7, "变更 7", head, squashed, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, items), 7, "--sign-key", str(forge))
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert not rev.approved and "DC503" in [p.code for p in rev.problems], rev.evidence


def test_held_an_approver_who_pushed_commits_to_the_branch_is_an_author_of_a_merge(tmp_path):
    """Held: the same pull request merged with a merge commit: her commit is on the merged
    side, DC503."""
    from history_helpers import body

    s, forge = _trusting(tmp_path)
    change(s, 7)
    s.files.doc(version="V1.1", body=body("刘静推送到该分支的文本"))
    head = s.git.commit("按评审意见修改", who="liujing")
    s.git.checkout("main")
    s.git.run(
        "merge",
        "--no-ff",
        "-q",
        "-m",
        "Merge pull request #7 from team/cr-7",
        "cr-7",
        who="zhaolei",
        date=s.git.next_date(),
    )
    merged = s.git.head()
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(7, "变更 7", head, merged, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, items), 7, "--sign-key", str(forge))
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert not rev.approved and "DC503" in [p.code for p in rev.problems]


def _approver_signed_merge(tmp_path):
    """require_signed off; 刘静's SSH key registered; 赵磊's change cr-7 merged by 刘静 with her
    own signature and trailers: 'approver-signed'."""
    from rt46_helpers import keypair as kp

    key, pub = kp(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        "roles: [management-representative, department-head], forge_accounts",
        f'roles: [management-representative, department-head], signing_keys: ["{pub}"], forge_accounts',
    )
    head = change(s, 7)
    merged = s.git.merge("cr-7", "变更 7", approvers=("liujing",), reviewers=("wangfang",),
                         sign_key=key, platform="github", number=7)  # fmt: skip
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.evidence) == (True, "approver-signed")
    return s, head, merged


def test_an_unsigned_note_anyone_can_push_revokes_an_approver_signed_approval(tmp_path):
    """An unsigned note is the weakest evidence there is (README: weaker than an unsigned
    merge; refs/notes/doccontrol is outside branch protection). 赵磊 pushes one on 刘静's
    signed approval merge, saying 王芳 requested changes on the head (or that 刘静 opened the
    pull request). The signed approval stops counting: V1.1 is no longer in force, the
    earlier version is, and the trail blames the approval. Evidence nobody vouches for
    should add a warning, not overturn an approval its approver signed."""
    s, head, merged = _approver_signed_merge(tmp_path)
    items = [review(1, "wang-fang", "CHANGES_REQUESTED", head, T1)]
    pull = pull_request(7, "变更 7", head, merged, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, items), 7)  # unsigned, as anyone can
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert rev.approved, (rev.evidence, [p.code for p in rev.problems])


def test_an_unsigned_note_naming_the_approver_as_the_pull_requests_author_revokes_her_signed_approval(
    tmp_path,
):
    s, head, merged = _approver_signed_merge(tmp_path)
    pull = pull_request(7, "变更 7", head, merged, "liu-jing", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, []), 7)
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert rev.approved, (rev.evidence, [p.code for p in rev.problems])
