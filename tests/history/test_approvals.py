"""Approval events and their rules, on real repositories built with real git commands."""

from __future__ import annotations

import subprocess

from builders import procedure
from doccontrol.history.derive import derive
from gitrepo import PEOPLE
from history_helpers import body, make_scenario


def change_doc(s, branch, version="V1.1", purpose="修订后的目的。", who="zhaolei", **kw):
    s.git.branch(branch)
    s.files.doc(version=version, body=body(purpose), **kw)
    s.git.commit(f"修订 {branch}", who=who)


def test_precontrol_baseline_is_neither_listed_nor_flagged(scenario):
    assert scenario.summary() == []


def test_merge_with_trailers_is_an_approval(scenario):
    change_doc(scenario, "cr-1")
    merge = scenario.git.merge(
        "cr-1", "修订测试程序的目的", approvers=("liujing",), reviewers=("wangfang",), number=12
    )
    doc = scenario.history().documents["SM-P-01"]
    (rev,) = doc.revisions
    assert (rev.kind, rev.version, rev.approved, rev.problems) == ("approval", "V1.1", True, ())
    assert rev.commit == merge
    assert rev.change == "修订测试程序的目的"
    assert rev.sections == ("1 目的",)
    assert [p.name for p in rev.authors] == ["赵磊"]
    assert [p.email for p in rev.approvers] == ["liu.jing@example.com"]
    assert rev.merge_request.label == "!12" and rev.merge_request.platform == "gitlab"
    assert rev.date.endswith("+08:00")


def test_committer_utc_offset_is_preserved(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge(
        "cr-1",
        "修订",
        approvers=("liujing",),
        reviewers=("wangfang",),
        date="2026-02-01T23:30:00-05:00",
    )
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert rev.date == "2026-02-01T23:30:00-05:00"


def test_direct_commit_on_main_is_unapproved(scenario):
    scenario.files.doc(version="V1.1", body=body("直接修改"))
    sha = scenario.git.commit("顺手改一下", who="zhouqiang")
    assert scenario.summary() == [("unapproved", "V1.1", False, ["DC501"])]
    problem = scenario.history().documents["SM-P-01"].revisions[0].problems[0]
    assert sha[:10] in problem.message and "SM-P-01" in problem.message


def test_self_approval_is_flagged_and_not_an_approval(scenario):
    change_doc(scenario, "cr-1", who="liujing")
    scenario.git.merge("cr-1", "自己批准自己", approvers=("liujing",), reviewers=("wangfang",))
    assert scenario.summary() == [("approval", "V1.1", False, ["DC503"])]


def test_self_approval_allowed_when_configured(scenario):
    scenario.set_config("allow_self_approval: false", "allow_self_approval: true")
    scenario.git.commit("允许自我批准", date="2026-01-01T12:00:00+08:00")
    change_doc(scenario, "cr-1", who="liujing")
    scenario.git.merge("cr-1", "自己批准自己", approvers=("liujing",), reviewers=("wangfang",))
    assert scenario.summary() == [("approval", "V1.1", True, [])]


def test_approver_without_the_role(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge(
        "cr-1", "无权批准", who="sunyue", approvers=("sunyue",), reviewers=("wangfang",)
    )
    assert scenario.summary() == [("approval", "V1.1", False, ["DC502"])]


def test_no_approver_and_no_reviewer(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "没有尾注", approvers=(), reviewers=())
    assert scenario.summary() == [("approval", "V1.1", False, ["DC504", "DC505"])]


def test_reviewer_without_role(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "审核人无角色", approvers=("liujing",), reviewers=("sunyue",))
    # the review the config requires is part of the approval: without it, none
    assert scenario.summary() == [("approval", "V1.1", False, ["DC506"])]


def test_a_reviewer_who_is_also_an_approver_is_no_review(scenario):
    """require_review asks for a second person's review: 王芳 named as approver and as reviewer
    (刘静 approving too) reviewed nothing by approving (DC505); allow_self_approval, which lets
    one person wear every hat, lifts it."""
    change_doc(scenario, "cr-1")
    scenario.git.merge(
        "cr-1", "审核人也批准", approvers=("liujing", "wangfang"), reviewers=("wangfang",)
    )
    assert scenario.summary() == [("approval", "V1.1", False, ["DC505"])]
    (problem,) = scenario.history().documents["SM-P-01"].revisions[0].problems
    assert problem.key == "problem.DC505.approver" and "王芳" in problem.message


def test_a_reviewer_who_is_also_an_approver_counts_when_self_approval_is_allowed(scenario):
    scenario.set_config("allow_self_approval: false", "allow_self_approval: true")
    scenario.git.commit("允许自我批准", date="2026-01-01T12:00:00+08:00")
    change_doc(scenario, "cr-1")
    scenario.git.merge(
        "cr-1", "审核人也批准", approvers=("liujing", "wangfang"), reviewers=("wangfang",)
    )
    assert scenario.summary() == [("approval", "V1.1", True, [])]


def _recommit(s, committer: tuple[str, str]) -> None:
    """The branch's last commit made again by ``committer`` (an amend, a rebase, a forge's
    web edit): git keeps its author and date, the committer is the one who remade it."""
    import os

    name, email = committer
    env = {**os.environ, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
    env["GIT_COMMITTER_DATE"] = "2026-02-01T10:00:00+08:00"
    subprocess.run(
        ["git", "commit", "-q", "--amend", "--no-edit", "--allow-empty"],
        cwd=s.root,
        env=env,
        check=True,
        capture_output=True,
    )


def test_a_known_committer_of_a_merged_commit_is_one_of_its_writers(scenario):
    """刘静 remade 赵磊's branch commit (amend, rebase, cherry-pick): she could have changed
    its text, so she is one of the change's writers and cannot approve it (DC503)."""
    change_doc(scenario, "cr-1")
    _recommit(scenario, PEOPLE["liujing"])
    scenario.git.merge("cr-1", "批准", approvers=("liujing",), reviewers=("wangfang",))
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert [p.name for p in rev.authors] == ["赵磊", "刘静"]
    assert scenario.summary() == [("approval", "V1.1", False, ["DC503"])]


def test_a_committer_nobody_knows_is_no_writer(scenario):
    """A forge's own committer identity (a web edit, GitHub's rebase) is nobody the rules
    could hold: the change is 赵磊's, and 刘静's approval counts."""
    change_doc(scenario, "cr-1")
    _recommit(scenario, ("GitHub", "noreply@github.com"))
    scenario.git.merge("cr-1", "批准", approvers=("liujing",), reviewers=("wangfang",))
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert [p.name for p in rev.authors] == ["赵磊"]
    assert scenario.summary() == [("approval", "V1.1", True, [])]


def test_unknown_approver_does_not_count(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge(
        "cr-1", "外人批准", who="outsider", approvers=("outsider",), reviewers=("wangfang",)
    )
    assert scenario.summary() == [("approval", "V1.1", False, ["DC512"])]


def test_lookalike_trailer_in_the_body_does_not_count(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.checkout("main")
    message = "Merge branch 'cr-1'\n\nApproved-by: 刘静 <liu.jing@example.com>\n\nThis paragraph ends the message, so the line above is not a trailer."
    scenario.git.merge_message(message, "cr-1", who="liujing", date="2026-02-01T10:00:00+08:00")
    assert scenario.summary() == [("approval", "V1.1", False, ["DC504", "DC505"])]


def test_merger_is_approver(scenario):
    scenario.set_config("merger_is_approver: false", "merger_is_approver: true")
    scenario.git.commit("GitHub 式合并", date="2026-01-01T12:00:00+08:00")
    change_doc(scenario, "cr-1")
    scenario.git.merge(
        "cr-1",
        "合并即批准",
        who="liujing",
        approvers=(),
        reviewers=("wangfang",),
        platform="github",
        number=7,
    )
    rev = scenario.history().documents["SM-P-01"].revisions[0]
    assert (rev.approved, [p.name for p in rev.approvers], rev.merge_request.label) == (
        True,
        ["刘静"],
        "#7",
    )


def test_squash_merges_are_approval_events_where_the_forge_is_trusted(tmp_path):
    scenario = make_scenario(
        tmp_path, "trusted_forge_keys: []", "trusted_forge_keys: []\n  trust_unsigned_squash: true"
    )
    scenario.files.doc(version="V1.1", body=body("压缩合并"))
    scenario.git.commit(
        "修订目的 (#31)\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        who="zhaolei",
    )
    scenario.files.doc(version="V1.2", body=body("GitLab 压缩合并"))
    scenario.git.commit(
        "再次修订\n\nSee merge request it/sms!44\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        who="zhaolei",
    )
    history = scenario.history()
    revs = history.documents["SM-P-01"].revisions
    assert [(r.kind, r.version, r.approved, r.merge_request.label, r.change) for r in revs] == [
        ("approval", "V1.1", True, "#31", "修订目的"),
        ("approval", "V1.2", True, "!44", "再次修订"),
    ]
    assert [e.kind for e in history.events] == ["squash", "squash"]
    assert [(e.evidence, e.approved) for e in history.events] == [("unsigned", True)] * 2


def test_gitlab_merge_request_url_from_the_template(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.checkout("main")
    message = (
        "Merge branch 'cr-1' into 'main'\n\n修订\n\nSee merge request it/sms!12 (https://gitlab.example.com/it/sms/-/merge_requests/12)\n\n"
        "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    )
    scenario.git.merge_message(message, "cr-1", who="liujing", date="2026-02-01T10:00:00+08:00")
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.merge_request.label, rev.merge_request.url) == (
        True,
        "!12",
        "https://gitlab.example.com/it/sms/-/merge_requests/12",
    )


def test_body_change_without_version_bump(scenario):
    change_doc(scenario, "cr-1", version="V1.0")
    scenario.git.merge("cr-1", "忘记升版", approvers=("liujing",), reviewers=("wangfang",))
    assert scenario.summary() == [("approval", "V1.0", True, ["DC511"])]


def test_version_going_down(scenario):
    change_doc(scenario, "cr-1", version="V0.9", status="draft")
    scenario.git.merge("cr-1", "降版", approvers=("liujing",), reviewers=("wangfang",))
    assert scenario.summary() == [("approval", "V0.9", True, ["DC510"])]


def test_front_matter_only_change_is_a_review(scenario):
    scenario.git.branch("review-2026")
    scenario.files.doc(extra="review_date: 2026-06-01\n")
    scenario.git.commit("年度评审：无变化", who="zhaolei")
    scenario.git.merge(
        "review-2026", "2026 年度评审", approvers=("liujing",), reviewers=("wangfang",)
    )
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert (rev.kind, rev.version, rev.approved, rev.sections, rev.problems) == (
        "review",
        "V1.0",
        True,
        (),
        (),
    )


def test_change_authors_are_the_merged_commits_authors_plus_co_authors(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("一"))
    scenario.git.commit("第一步", who="zhaolei")
    scenario.files.doc(version="V1.1", body=body("二"))
    scenario.git.commit("第二步\n\nCo-authored-by: 周强 <zhou.qiang@example.com>", who="sunyue")
    scenario.git.merge("cr-1", "两人修订", approvers=("liujing",), reviewers=("wangfang",))
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert sorted(p.name for p in rev.authors) == ["周强", "孙悦", "赵磊"]


def test_approver_who_wrote_a_commit_on_the_branch_is_caught(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("一"))
    scenario.git.commit("赵磊修改", who="zhaolei")
    scenario.files.doc(version="V1.1", body=body("二"))
    scenario.git.commit("批准人顺手改", who="liujing")
    scenario.git.merge("cr-1", "混入批准人的提交", approvers=("liujing",), reviewers=("wangfang",))
    assert scenario.summary()[0][3] == ["DC503"]


def test_authority_is_judged_by_the_rules_before_the_change(scenario):
    # a branch that gives its own approver the role in the same merge does not get approved
    change_doc(scenario, "cr-1")
    scenario.set_config(
        "roles: [incident-manager, problem-manager",
        "roles: [management-representative, incident-manager, problem-manager",
    )
    scenario.git.commit("给自己加批准角色", who="zhaolei")
    scenario.git.merge(
        "cr-1", "夹带授权", who="sunyue", approvers=("sunyue",), reviewers=("wangfang",)
    )
    assert scenario.summary() == [("approval", "V1.1", False, ["DC502"])]


def test_rename_keeps_identity_and_chinese_paths_survive(scenario):
    scenario.git.branch("move")
    (scenario.root / "docs/procedures/test.md").rename(
        scenario.root / 'docs/procedures/测试 程序 "新".md'
    )
    scenario.files.doc('docs/procedures/测试 程序 "新".md', version="V1.1", body=body("改名后"))
    scenario.git.commit("改名", who="zhaolei")
    scenario.git.merge("move", "改名并修订", approvers=("liujing",), reviewers=("wangfang",))
    doc = scenario.history().documents["SM-P-01"]
    assert doc.path == 'docs/procedures/测试 程序 "新".md'
    assert [r.version for r in doc.revisions] == ["V1.1"]


def test_deleted_document_is_withdrawn_and_keeps_history(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "修订", approvers=("liujing",), reviewers=("wangfang",))
    scenario.git.branch("withdraw")
    (scenario.root / "docs/procedures/test.md").unlink()
    scenario.git.commit("撤回", who="zhaolei")
    scenario.git.merge("withdraw", "撤回测试程序", approvers=("liujing",), reviewers=("wangfang",))
    doc = scenario.history().documents["SM-P-01"]
    assert doc.withdrawn
    assert [(r.kind, r.approved) for r in doc.revisions] == [
        ("approval", True),
        ("withdrawal", True),
    ]


def test_legacy_history_comes_first(scenario):
    change_doc(
        scenario,
        "cr-1",
        extra="legacy_history:\n  - {version: V0.9, change: 纸质版新建, author: 老王, date: 2019-05-01, approver: 老李, approval_date: 2019-05-10}\n",
    )
    scenario.git.merge("cr-1", "纳入 Git", approvers=("liujing",), reviewers=("wangfang",))
    revs = scenario.history().documents["SM-P-01"].revisions
    assert [(r.seq, r.kind, r.version) for r in revs] == [
        (1, "legacy", "V0.9"),
        (2, "approval", "V1.1"),
    ]
    assert revs[0].approvers[0].name == "老李"


def test_mailmap_aliases_resolve_people(scenario):
    (scenario.root / ".mailmap").write_text(
        "刘静 <liu.jing@example.com> <jing.personal@mail.example>\n", encoding="utf-8"
    )
    scenario.git.commit("mailmap", date="2026-01-01T12:00:00+08:00")
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("x"))
    scenario.git.commit("修订", who="zhaolei")
    scenario.git.checkout("main")
    message = "Merge branch 'cr-1'\n\n修订\n\nApproved-by: Jing <JING.personal@mail.example>\nReviewed-by: 王芳 <wang.fang@example.com>"
    scenario.git.merge_message(message, "cr-1", who="liujing", date="2026-02-01T10:00:00+08:00")
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert rev.approved and rev.approvers[0].name == "刘静"


def test_octopus_merge_is_an_approval(scenario):
    for name, doc in (("a", "SM-P-02"), ("b", "SM-P-03")):
        scenario.git.branch(name)
        scenario.files.write(f"docs/procedures/{name}.md", procedure(doc_id=doc))
        scenario.git.commit(f"新增 {doc}", who="zhaolei")
        scenario.git.checkout("main")
    message = "Merge branches 'a' and 'b'\n\n新增两个程序\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    scenario.git.merge_message(message, "a", "b", who="liujing", date="2026-03-01T10:00:00+08:00")
    history = scenario.history()
    assert [(r.kind, r.approved) for r in history.documents["SM-P-02"].revisions] == [
        ("approval", True)
    ]
    assert [(r.kind, r.approved) for r in history.documents["SM-P-03"].revisions] == [
        ("approval", True)
    ]


def test_unrelated_history_merge(scenario):
    scenario.git.run("checkout", "-q", "--orphan", "import")
    scenario.git.run("rm", "-rq", "--cached", ".")
    scenario.files.write("docs/procedures/imported.md", procedure(doc_id="SM-P-09"))
    scenario.git.run("add", "docs/procedures/imported.md")
    scenario.git.run(
        "commit", "-q", "-m", "外部导入", who="zhouqiang", date="2026-02-01T10:00:00+08:00"
    )
    scenario.git.run("checkout", "-q", "-f", "main")
    message = "Merge branch 'import'\n\n导入\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    scenario.git.merge_message(
        message,
        "import",
        flags=("--allow-unrelated-histories",),
        who="liujing",
        date="2026-02-02T10:00:00+08:00",
    )
    revs = scenario.history().documents["SM-P-09"].revisions
    assert [(r.kind, r.approved, [a.name for a in r.authors]) for r in revs] == [
        ("approval", True, ["周强"])
    ]


def test_control_since_a_commit(tmp_path):
    from builders import RepoBuilder
    from history_helpers import Scenario

    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    baseline = s.git.commit("导入", who="wangfang")
    s.git.branch("adopt")
    s.set_config("control_since: null", f"control_since: {baseline}")
    s.git.commit("声明受控起点", who="zhouqiang")
    s.git.merge("adopt", "批准基线", approvers=("chenmy",), reviewers=("wangfang",))
    s.files.doc(version="V1.1", body=body("直接"))
    s.git.commit("受控后的直接提交", who="zhouqiang")
    assert s.summary() == [
        ("baseline", "V1.0", True, []),
        ("unapproved", "V1.1", False, ["DC501"]),
    ]


def test_control_since_set_by_a_direct_commit_does_not_take_effect(tmp_path):
    from builders import RepoBuilder
    from history_helpers import Scenario

    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    baseline = s.git.commit("导入", who="wangfang")
    s.set_config("control_since: null", f"control_since: {baseline}")
    s.files.doc(version="V1.1", body=body("直接"))
    s.git.commit("自己声明受控起点并直接修改", who="zhouqiang")
    # nobody approved where control began: the whole history is still judged
    assert s.summary() == [
        ("unapproved", "V1.0", False, ["DC501"]),
        ("unapproved", "V1.1", False, ["DC501"]),
    ]
    assert [p.key for p in s.history().notices] == ["problem.DC517.not-approved"]


def test_conflict_resolution_in_the_merge_counts_as_the_change(scenario):
    change_doc(scenario, "cr-1", purpose="分支版本")
    scenario.git.checkout("main")
    scenario.files.write("docs/procedures/other.md", procedure(doc_id="SM-P-05"))
    scenario.git.commit(
        "无关改动\n\nSee merge request it/sms!2\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        who="zhaolei",
    )
    scenario.git.run("merge", "--no-ff", "--no-commit", "cr-1", who="liujing", check=False)
    scenario.files.doc(version="V1.2", body=body("合并时解决冲突并再改"))
    scenario.git.run("add", "-A")
    message = "Merge branch 'cr-1'\n\n修订\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    scenario.git.run("commit", "-q", "-m", message, who="liujing", date="2026-03-01T10:00:00+08:00")
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert rev.version == "V1.2"


def test_trail_is_chronological_with_documents_and_versions(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "第一次", approvers=("liujing",), reviewers=("wangfang",))
    scenario.files.doc(version="V1.2", body=body("直接"))
    scenario.git.commit("直接改", who="zhouqiang")
    events = scenario.history().events
    assert [(e.kind, e.approved, [(d.id, d.version) for d in e.documents]) for e in events] == [
        ("merge", True, [("SM-P-01", "V1.1")]),
        ("direct", False, [("SM-P-01", "V1.2")]),
    ]
    assert events[0].date < events[1].date


def test_cross_check_commits_against_git_log_follow(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "一", approvers=("liujing",), reviewers=("wangfang",))
    scenario.git.branch("move")
    (scenario.root / "docs/procedures/test.md").rename(scenario.root / "docs/procedures/改名.md")
    scenario.git.commit("改名", who="zhaolei")
    scenario.git.merge("move", "二", approvers=("liujing",), reviewers=("wangfang",))
    scenario.files.doc("docs/procedures/改名.md", version="V1.2", body=body("三"))
    scenario.git.commit("直接", who="zhouqiang")
    history = scenario.history()
    for doc in history.documents.values():
        ours = [r.commit for r in doc.revisions if r.commit]
        out = subprocess.run(
            [
                "git",
                "-c",
                "core.quotePath=false",
                "log",
                "--first-parent",
                "-m",
                "--follow",
                "--format=%H",
                "--since=2026-01-02",
                "main",
                "--",
                doc.path,
            ],
            cwd=scenario.root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        assert ours == list(reversed(out))


def test_derive_works_on_the_bare_api(scenario):
    from doccontrol.load import repository

    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "一", approvers=("liujing",), reviewers=("wangfang",))
    config = repository.load(scenario.root, only=set()).config
    assert derive(scenario.root, config).documents["SM-P-01"].last_approved.version == "V1.1"


def test_one_merge_changing_more_documents_than_the_blob_pipe_reads_ahead(scenario):
    """Hundreds of documents in one approval: every version is read, none is mixed up."""
    from doccontrol.history.gitread import BlobPipe

    count = BlobPipe.AHEAD + 44
    scenario.git.branch("bulk")
    for n in range(count):
        scenario.files.doc(
            f"docs/procedures/p{n:03d}.md", doc_id=f"SM-P-{n + 100}", title=f"程序 {n}"
        )
    scenario.git.commit("批量导入程序", who="zhaolei")
    merge = scenario.git.merge("bulk", "批量导入程序")
    history = scenario.history()
    added = [d for d in history.documents.values() if d.id != "SM-P-01"]
    assert len(added) == count
    for doc in added:
        (rev,) = doc.revisions
        assert (rev.commit, rev.kind, rev.approved, rev.sections) == (
            merge,
            "approval",
            True,
            ("全文",),
        )
        assert doc.title == f"程序 {int(doc.path[-6:-3])}"
        assert doc.id == f"SM-P-{int(doc.path[-6:-3]) + 100}"


def test_long_history_is_derived_while_the_log_still_streams(scenario):
    """More first-parent commits than the engine reads ahead, so the walk derives commits
    while git is still writing later ones; every merge keeps its own authors and version."""
    from doccontrol.history.derive import _LOOKAHEAD

    count = _LOOKAHEAD + 8
    authors = ["zhaolei", "zhouqiang"]
    for n in range(1, count + 1):
        change_doc(
            scenario, f"cr-{n}", version=f"V1.{n}", purpose=f"第 {n} 次修订。", who=authors[n % 2]
        )
        scenario.git.merge(f"cr-{n}", f"第 {n} 次修订", number=n)
    revisions = scenario.history().documents["SM-P-01"].revisions
    assert [r.version for r in revisions] == [f"V1.{n}" for n in range(1, count + 1)]
    assert all(r.approved and r.sections == ("1 目的",) for r in revisions)
    names = {who: PEOPLE[who][0] for who in authors}
    assert [r.authors[0].name for r in revisions] == [
        names[authors[n % 2]] for n in range(1, count + 1)
    ]
    assert [r.merge_request.label for r in revisions] == [f"!{n}" for n in range(1, count + 1)]
