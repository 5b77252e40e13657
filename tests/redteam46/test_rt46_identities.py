"""Round 46: who wrote a change, as approval's segregation of duties reads it."""

from __future__ import annotations

from history_helpers import body, make_scenario
from rules_attacks import SOON, approve, run


def test_an_approver_who_rewrote_the_authors_commit_approves_her_own_text(tmp_path):
    """赵磊 writes a change; 刘静, the approver, checks out his branch and rewrites the text
    with `git commit --amend` (git keeps 赵磊 as the author; she is the committer), then runs
    `doccontrol approve`. Acknowledgements treat the committer as a writer ("someone who
    amends, rebases or cherry-picks the person's commit keeps their authorship but could have
    changed the text"); approval does not: the text she wrote herself is approved by her, with
    no DC503 in the trail."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-9")
    s.files.doc(version="V1.1", body=body("赵磊的修订"), effective_date=SOON)
    s.git.commit("修订", who="zhaolei")
    s.files.doc(version="V1.1", body=body("刘静改写后的文本"), effective_date=SOON)
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "--amend", "--no-edit", who="liujing", date=s.git.next_date())
    assert s.git.run("log", "-1", "--format=%an|%cn") == "赵磊|刘静"
    s.git.checkout("main")
    result, merged = approve(s, "cr-9", "liujing")
    if merged:  # approve let her: the trail must still see who wrote the text
        trail = run(s.root, "trail", "--strict")
        assert trail.returncode == 1 and "DC503" in trail.stdout, trail.stdout
    assert not merged, result.stdout + result.stderr


def test_a_branch_commit_signed_by_the_approver_under_anothers_name_is_not_her_writing(tmp_path):
    """require_signed: 刘静's key is registered. She writes the change herself, commits it as
    `--author 赵磊` but signs it with her own key (git proves she made it), and signs the
    approval merge. The trail reads authors from the typed author line only: her own signed
    work is approved by her, 'approver-signed', with no DC503."""
    from rt46_helpers import keypair

    key, pub = keypair(tmp_path, "liu")
    s = make_scenario(
        tmp_path,
        "roles: [management-representative, department-head]}",
        f'roles: [management-representative, department-head], signing_keys: ["{pub}"]}}',
        "require_signed: false",
        "require_signed: true",
    )
    s.git.branch("cr-9")
    s.files.doc(version="V1.1", body=body("刘静自己的修订"), effective_date=SOON)
    s.git.run("add", "-A")
    sign = ("-c", "gpg.format=ssh", "-c", f"user.signingkey={key}")
    s.git.run(
        *sign,
        "commit",
        "-q",
        "-S",
        "-m",
        "修订",
        "--author",
        "赵磊 <zhao.lei@example.com>",
        who="liujing",
        date=s.git.next_date(),
    )
    s.git.merge("cr-9", "批准修订", approvers=("liujing",), reviewers=("wangfang",), sign_key=key)
    (rev,) = s.history().documents["SM-P-01"].revisions
    codes = [p.code for p in rev.problems]
    assert not rev.approved and "DC503" in codes, (rev.evidence, rev.authors, codes)


def test_the_approvers_own_address_spelt_with_a_zero_width_space_is_someone_else(tmp_path):
    """刘静 commits her own change as `刘静 <liu.jing@example.com\\u200b>` (or with a
    full-width letter): every output prints her name and, to the eye, her address. The address
    is not in doccontrol.yml, so the author is 'someone unknown', and her own approval of it is
    no self-approval: `approve` merges it and the trail has no DC503. Ids are compared after
    NFKC, case folding and with zero-width characters refused; addresses are not."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-9")
    s.files.doc(version="V1.1", body=body("刘静自己的修订"), effective_date=SOON)
    s.git.run("add", "-A")
    s.git.run(
        "commit",
        "-q",
        "-m",
        "修订",
        "--author",
        "刘静 <liu.jing@example.com\u200b>",
        who="liujing",
        date=s.git.next_date(),
    )
    s.git.checkout("main")
    result, merged = approve(s, "cr-9", "liujing")
    if merged:
        trail = run(s.root, "trail", "--strict")
        assert trail.returncode == 1 and "DC503" in trail.stdout, trail.stdout
    assert not merged, result.stdout + result.stderr


def test_one_person_is_both_the_reviewer_and_the_approver(tmp_path):
    """With require_review, an approval must name a reviewer (审核) besides the approver (批准).
    The shipped doccontrol.yml gives work instructions reviewer [department-head] and approver
    [management-representative], and 刘静 holds both roles: she names herself as reviewer and
    approves 赵磊's change alone. The control block reads 审核 刘静 / 批准 刘静; the review the
    rule asks for never happened."""
    from builders import RepoBuilder, procedure
    from history_helpers import Scenario

    text = procedure().replace("reviewer: [qa-manager]", "reviewer: [department-head]")
    builder = RepoBuilder(tmp_path / "repo")
    builder.write("docs/procedures/test.md", text)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    s.git.branch("cr-9")
    builder.write(
        "docs/procedures/test.md",
        procedure(version="V1.1", body=body("赵磊的修订"), effective_date=SOON).replace(
            "reviewer: [qa-manager]", "reviewer: [department-head]"
        ),
    )
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-9", "批准", approvers=("liujing",), reviewers=("liujing",))
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert not rev.approved, ([p.name for p in rev.reviewers], [p.name for p in rev.approvers])


def test_a_person_whose_id_is_forge_signs_as_the_trusted_forge(tmp_path):
    """Signatures are judged to a person id, and the trusted forge is the id 'forge'. A
    person listed in doccontrol.yml with the id `forge` (the pattern allows it: a build bot,
    a colleague's short name) and an SSH key, with no approver role and no key in
    approval.trusted_forge_keys, signs a direct push typed like a squash ('(#7)',
    `Approved-by: 刘静`): it is taken for the forge's own squash merge and counts, 'forge-signed'."""
    from rt46_helpers import keypair

    key, pub = keypair(tmp_path, "bot")
    person = (
        "  - {id: machao,",
        f'  - {{id: forge, name: 构建机器人, emails: [bot@example.com], department: engineering, roles: [technical-engineer], signing_keys: ["{pub}"]}}\n  - {{id: machao,',
    )
    s = make_scenario(tmp_path, *person)
    s.files.doc(version="V1.1", body=body("机器人推送"))
    s.git.run("add", "-A")
    message = "修订 (#7)\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    s.git.run(
        "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "commit", "-q", "-S", "-m", message,
        who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert not rev.approved, (rev.kind, rev.evidence, rev.signature)
