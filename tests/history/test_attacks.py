"""An author with push access tries to make an unapproved change look approved.

Each test builds the attack in a real repository with real git (and real ssh-keygen keys)
and asserts that the history does not count it, and says why."""

from __future__ import annotations

import json
import shutil
import subprocess

from test_signatures_and_faults import keypair

from builders import RepoBuilder, procedure
from doccontrol import catalogue
from doccontrol.history.derive import derive
from doccontrol.load import repository
from history_helpers import Scenario, body, cli, make_scenario


def change_doc(s, branch, version="V1.1", purpose="修订后的目的。", who="zhaolei"):
    s.git.branch(branch)
    s.files.doc(version=version, body=body(purpose))
    s.git.commit(f"修订 {branch}", who=who)


def codes(history):
    return sorted({p.code for p in history.problems})


# --- 1. the rules and identities are controlled ------------------------------------------


def test_direct_config_change_is_a_problem_and_never_applied(scenario):
    # 赵磊 grants himself the approver role and switches off review, straight on main
    scenario.set_config(
        "department: operations, roles: [service-manager,",
        "department: operations, roles: [management-representative, service-manager,",
    )
    scenario.set_config("require_review: true", "require_review: false")
    scenario.set_config("allow_self_approval: false", "allow_self_approval: true")
    scenario.git.commit("调整配置", who="zhaolei")
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "自己批准", who="zhaolei", approvers=("zhaolei",), reviewers=())
    history = scenario.history()
    event_cfg = history.events[0]
    assert event_cfg.controlled == ("doccontrol.yml",) and not event_cfg.approved
    assert [p.code for p in event_cfg.problems] == ["DC516"]
    # judged by the rules as last approved: no role, self-approval and a missing review
    (rev,) = history.documents["SM-P-01"].revisions
    assert rev.approved is False
    assert {p.code for p in rev.problems} == {"DC503", "DC505"}


def test_config_change_through_an_approved_merge_takes_effect_for_later_changes(scenario):
    scenario.git.branch("cfg")
    scenario.set_config("require_review: true", "require_review: false")
    scenario.git.commit("不再强制审核", who="zhouqiang")
    scenario.git.merge("cfg", "批准配置变更", approvers=("chenmy",), reviewers=("wangfang",))
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "无审核人的批准", approvers=("liujing",), reviewers=())
    history = scenario.history()
    assert [(e.controlled, e.approved) for e in history.events] == [
        (("doccontrol.yml",), True),
        ((), True),
    ]
    assert scenario.summary() == [("approval", "V1.1", True, [])]


def test_config_change_approved_by_someone_without_the_config_role_is_not_applied(scenario):
    scenario.git.branch("cfg")
    scenario.set_config("require_review: true", "require_review: false")
    scenario.git.commit("不再强制审核", who="zhaolei")
    # 吴婷 holds no manual approver role (general-manager): the change does not count
    scenario.git.merge("cfg", "越权批准配置", who="wuting", approvers=("wuting",))
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "无审核人的批准", approvers=("liujing",), reviewers=())
    history = scenario.history()
    cfg = history.events[0]
    assert (cfg.approved, [p.code for p in cfg.problems]) == (False, ["DC502"])
    assert scenario.summary() == [("approval", "V1.1", False, ["DC505"])]


def test_mailmap_planted_by_a_direct_commit_does_not_alias_anyone(scenario):
    # the merger's own address is mapped to the approver's
    (scenario.root / ".mailmap").write_text(
        "刘静 <liu.jing@example.com> <zhao.lei@example.com>\n", encoding="utf-8"
    )
    scenario.git.commit("mailmap", who="zhaolei")
    change_doc(scenario, "cr-1", who="sunyue")
    scenario.git.merge("cr-1", "伪装批准", who="zhaolei", approvers=("zhaolei",))
    history = scenario.history()
    assert [p.code for p in history.events[0].problems] == ["DC516"]
    (rev,) = history.documents["SM-P-01"].revisions
    assert (rev.approved, rev.approvers[0].name) == (False, "赵磊")


def test_work_tree_mailmap_is_never_read(scenario):
    change_doc(scenario, "cr-1", who="sunyue")
    scenario.git.merge("cr-1", "伪装批准", who="zhaolei", approvers=("zhaolei",))
    (scenario.root / ".mailmap").write_text(
        "刘静 <liu.jing@example.com> <zhao.lei@example.com>\n", encoding="utf-8"
    )
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.approvers[0].name) == (False, "赵磊")


def test_approved_mailmap_applies_from_the_next_commit_on(scenario):
    message = "Merge branch '{b}'\n\n{t}\n\nApproved-by: Jing <jing@home.example>\nReviewed-by: 王芳 <wang.fang@example.com>"
    change_doc(scenario, "cr-1")
    scenario.git.checkout("main")
    scenario.git.merge_message(message.format(b="cr-1", t="之前"), "cr-1", who="liujing")
    scenario.git.branch("mm")
    (scenario.root / ".mailmap").write_text(
        "刘静 <liu.jing@example.com> <jing@home.example>\n", encoding="utf-8"
    )
    scenario.git.commit("mailmap", who="zhouqiang")
    scenario.git.merge("mm", "登记别名", approvers=("chenmy",), reviewers=("wangfang",))
    change_doc(scenario, "cr-2", version="V1.2", purpose="再修订。")
    scenario.git.checkout("main")
    scenario.git.merge_message(message.format(b="cr-2", t="之后"), "cr-2", who="liujing")
    revs = scenario.history().documents["SM-P-01"].revisions
    assert [(r.version, r.approved) for r in revs] == [("V1.1", False), ("V1.2", True)]


# --- 2. signing keys are judged as they stood before the commit --------------------------


def _signed(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    s.keys = {}
    for name in ("liu", "chen", "evil", "later"):
        s.keys[name] = keypair(tmp_path, name)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.set_config("require_signed: false", "require_signed: true")
    s.set_config(
        "department: qa, roles: [management-representative, department-head]}",
        f'department: qa, roles: [management-representative, department-head], signing_keys: ["{s.keys["liu"][1]}"]}}',
    )
    s.set_config(
        "department: management, roles: [general-manager]}",
        f'department: management, roles: [general-manager], signing_keys: ["{s.keys["chen"][1]}"]}}',
    )
    s.git.commit("初始导入", who="wangfang")
    return s


def test_key_planted_under_an_approvers_name_does_not_sign_for_them(tmp_path):
    s = _signed(tmp_path)
    s.set_config(
        f'signing_keys: ["{s.keys["liu"][1]}"]',
        f'signing_keys: ["{s.keys["liu"][1]}", "{s.keys["evil"][1]}"]',
    )
    s.git.commit("加一把钥匙", who="zhaolei")
    change_doc(s, "cr-1")
    s.git.merge("cr-1", "冒签", who="zhaolei", approvers=("liujing",), sign_key=s.keys["evil"][0])
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.signature.status, rev.evidence) == (False, "untrusted", "none")
    assert "DC509" in {p.code for p in rev.problems}


def test_key_added_later_never_validates_an_earlier_signature(tmp_path):
    s = _signed(tmp_path)
    change_doc(s, "cr-1")
    s.git.merge("cr-1", "早先签名", approvers=("liujing",), sign_key=s.keys["later"][0])
    s.git.branch("keys")
    s.set_config(
        f'signing_keys: ["{s.keys["liu"][1]}"]',
        f'signing_keys: ["{s.keys["liu"][1]}", "{s.keys["later"][1]}"]',
    )
    s.git.commit("登记新钥匙", who="zhouqiang")
    s.git.merge(
        "keys", "登记新钥匙", who="chenmy", approvers=("chenmy",), sign_key=s.keys["chen"][0]
    )
    change_doc(s, "cr-2", version="V1.2", purpose="再修订。")
    s.git.merge("cr-2", "之后签名", approvers=("liujing",), sign_key=s.keys["later"][0])
    history = s.history()
    assert history.events[1].approved  # the key was registered through an approval
    revs = history.documents["SM-P-01"].revisions
    assert [(r.approved, r.signature.status) for r in revs] == [
        (False, "untrusted"),
        (True, "good"),
    ]


def test_key_removed_later_does_not_invalidate_an_earlier_signature(tmp_path):
    s = _signed(tmp_path)
    change_doc(s, "cr-1")
    s.git.merge("cr-1", "签名批准", approvers=("liujing",), sign_key=s.keys["liu"][0])
    before = s.history().documents["SM-P-01"].revisions[0]
    assert (before.approved, before.evidence) == (True, "approver-signed")
    s.git.branch("revoke")
    s.set_config(f', signing_keys: ["{s.keys["liu"][1]}"]', "")
    s.git.commit("撤销钥匙", who="zhouqiang")
    s.git.merge(
        "revoke", "撤销钥匙", who="chenmy", approvers=("chenmy",), sign_key=s.keys["chen"][0]
    )
    history = s.history()
    assert history.events[-1].approved
    after = history.documents["SM-P-01"].revisions[0]
    assert (after.approved, after.signature.verified_for) == (True, "liujing")


def test_principal_name_in_a_signers_file_proves_nothing(tmp_path):
    # the attacker signs with a key whose comment and principal say "liujing"
    s = _signed(tmp_path)
    change_doc(s, "cr-1")
    s.git.merge("cr-1", "假名签名", approvers=("liujing",), sign_key=s.keys["evil"][0])
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.signature.verified_for) == (False, None)


# --- 3. a committed cache is never read ---------------------------------------------------


def test_committed_cache_is_ignored_and_reported(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.checkout("main")
    scenario.git.run("merge", "-q", "--ff-only", "cr-1")  # the change lands unapproved
    honest = scenario.history()
    # the honest cache, copied into the work tree with every revision marked approved
    folder = scenario.root / ".cache/doccontrol"
    shutil.copytree(scenario.root / ".git/doccontrol", folder)
    (documents,) = folder.glob("documents-*.jsonl")
    lines = []
    for line in documents.read_text().splitlines():
        document = json.loads(line)
        for revision in document[4]:
            revision[13] = True  # approved
        lines.append(json.dumps(document, ensure_ascii=False))
    documents.write_text("\n".join(lines) + "\n")
    scenario.git.run("add", "-f", ".cache/doccontrol")
    scenario.git.commit("缓存", who="zhaolei")
    clone = scenario.root.parent / "clone"
    subprocess.run(["git", "clone", "-q", str(scenario.root), str(clone)], check=True)
    config = repository.load(clone, only=set()).config
    history = derive(clone, config)
    revs = history.documents["SM-P-01"].revisions
    assert [r.approved for r in revs] == [False]
    assert "DC519" in codes(history)
    assert honest.documents["SM-P-01"].revisions[0].approved is False


# --- 4. backdating -----------------------------------------------------------------------


def test_backdated_direct_commit_after_control_began_is_still_judged(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.files.doc(version="V1.2", body=body("偷改"))
    scenario.git.commit("回溯日期", who="zhaolei", date="2025-12-01T10:00:00+08:00")
    assert scenario.summary() == [
        ("approval", "V1.1", True, []),
        ("unapproved", "V1.2", False, ["DC501"]),
    ]


def test_control_since_moved_by_a_direct_commit_is_reported(scenario):
    scenario.files.doc(version="V1.1", body=body("偷改"))
    scenario.git.commit("直接改", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    # move the start of control past the unapproved change, in a commit dated before it
    scenario.set_config("control_since: 2026-01-02", "control_since: 2026-03-01")
    scenario.git.commit("挪动受控起点", who="zhaolei", date="2026-02-02T10:00:00+08:00")
    history = scenario.history()
    assert "DC517" in codes(history)


def test_control_since_set_through_an_approved_merge_is_accepted(scenario):
    scenario.git.branch("baseline")
    scenario.set_config("control_since: 2026-01-02", "control_since: 2025-12-01")
    scenario.git.commit("声明", who="zhouqiang")  # 2026-01-02, on the branch
    scenario.git.merge("baseline", "声明受控起点", approvers=("chenmy",))  # 2026-01-03
    history = scenario.history()
    assert "DC517" not in codes(history)
    assert [e.approved for e in history.events] == [False, True]
    # earlier is stricter: the initial import is now judged too, and it was nobody's approval
    assert [(r.version, r.approved) for r in history.documents["SM-P-01"].revisions] == [
        ("V1.0", False)
    ]


def _moved_later(history):
    return [p for p in history.notices if p.code == "DC517"]


def test_an_approved_merge_cannot_move_control_since_past_a_direct_change(scenario):
    # 赵磊 changes the procedure straight on main, then has an approval move the start of
    # control past it: his direct commit would become pre-control, and its DC501 would vanish
    scenario.files.doc(version="V1.1", body=body("偷改"))
    direct = scenario.git.commit("直接改", who="zhaolei")  # 2026-01-02, under control
    scenario.git.branch("cfg")
    scenario.set_config("control_since: 2026-01-02", "control_since: 2026-03-01")
    scenario.git.commit("推后受控起点", who="zhaolei")
    scenario.git.merge("cfg", "批准配置", approvers=("chenmy",), reviewers=("wangfang",))
    history = scenario.history()
    (moved,) = _moved_later(history)
    assert moved.key == "problem.DC517.moved-later"
    assert (dict(moved.args)["before"], dict(moved.args)["after"]) == ("2026-01-02", "2026-03-01")
    assert [
        (r.commit, r.approved, [p.code for p in r.problems])
        for r in history.documents["SM-P-01"].revisions
    ] == [(direct, False, ["DC501"])]
    # and so when the history is extended from the cache by a later commit
    scenario.git.commit("空提交", who="wangfang")
    again = scenario.history()
    assert [p.key for p in _moved_later(again)] == ["problem.DC517.moved-later"]
    assert [r.commit for r in again.documents["SM-P-01"].revisions] == [direct]
    # set back, the start of control is where it was, and the refused move stays on record
    scenario.git.branch("back")
    scenario.set_config("control_since: 2026-03-01", "control_since: 2026-01-02")
    scenario.git.commit("改回", who="zhaolei")
    scenario.git.merge("back", "批准改回", approvers=("chenmy",), reviewers=("wangfang",))
    fixed = scenario.history()
    assert [p.key for p in _moved_later(fixed)] == ["problem.DC517.moved-later"]
    assert [r.commit for r in fixed.documents["SM-P-01"].revisions] == [direct]


def test_control_since_named_by_commit_cannot_move_to_a_later_commit(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    baseline = s.git.commit("导入", who="wangfang")
    s.git.branch("adopt")
    s.set_config("control_since: null", f"control_since: '{baseline}'")
    s.git.commit("声明受控起点", who="zhouqiang")
    s.git.merge("adopt", "批准基线", approvers=("chenmy",), reviewers=("wangfang",))
    s.files.doc(version="V1.1", body=body("直接"))
    direct = s.git.commit("受控后的直接提交", who="zhaolei")
    s.git.branch("later")
    s.set_config(f"control_since: '{baseline}'", f"control_since: '{direct}'")
    s.git.commit("推后", who="zhaolei")
    s.git.merge("later", "批准", approvers=("chenmy",), reviewers=("wangfang",))
    history = s.history()
    assert [p.key for p in _moved_later(history)] == ["problem.DC517.moved-later"]
    unapproved = [r for r in history.documents["SM-P-01"].revisions if r.commit == direct]
    assert [(r.approved, [p.code for p in r.problems]) for r in unapproved] == [(False, ["DC501"])]
    # the command auditors run says so, and fails
    result = cli(s.root, "trail", "--strict")
    assert result.returncode != 0
    assert "受控起点只能提前" in result.stdout + result.stderr


def test_control_since_removed_then_set_again_later_is_refused(scenario):
    scenario.files.doc(version="V1.1", body=body("偷改"))
    direct = scenario.git.commit("直接改", who="zhaolei")
    scenario.git.branch("off")
    scenario.set_config("control_since: 2026-01-02", "control_since: null")
    scenario.git.commit("取消受控起点", who="zhaolei")
    scenario.git.merge("off", "批准", approvers=("chenmy",), reviewers=("wangfang",))
    scenario.git.branch("on")
    scenario.set_config("control_since: null", "control_since: 2026-06-01")
    scenario.git.commit("重新设置", who="zhaolei")
    scenario.git.merge("on", "批准", approvers=("chenmy",), reviewers=("wangfang",))
    history = scenario.history()
    assert [p.key for p in _moved_later(history)] == ["problem.DC517.set-again"]
    # the whole history is judged: the import too, and the direct change
    revisions = history.documents["SM-P-01"].revisions
    assert [(r.version, r.approved) for r in revisions] == [("V1.0", False), ("V1.1", False)]
    assert revisions[1].commit == direct


# --- 5. odd file names -------------------------------------------------------------------


def test_document_whose_path_holds_a_newline_is_still_in_the_history(scenario):
    scenario.files.write("docs/procedures/evil\nname.md", procedure(doc_id="SM-P-09"))
    scenario.git.commit("奇怪的文件名", who="zhaolei")
    history = scenario.history()
    (rev,) = history.documents["SM-P-09"].revisions
    assert (rev.kind, rev.approved, [p.code for p in rev.problems]) == (
        "unapproved",
        False,
        ["DC501"],
    )


def test_every_markdown_extension_mkdocs_renders_is_a_document(scenario):
    scenario.files.write("docs/procedures/secret.markdown", procedure(doc_id="SM-P-09"))
    scenario.git.commit("另一种扩展名", who="zhaolei")
    assert "SM-P-09" in scenario.history().documents


# --- 6. message markers are not evidence -------------------------------------------------


def test_forge_markers_in_a_direct_commit_are_not_a_squash_merge(scenario):
    trailers = "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    for n, message in enumerate(
        (
            f"修订 (#123)\n\n{trailers}",
            f"修订\n\nSee merge request g/p!12\n\n{trailers}",
            f"修订\n\nReviewed-on: https://gerrit.example.com/c/sms/+/7\n{trailers}",
        ),
        start=1,
    ):
        scenario.files.doc(version=f"V1.{n}", body=body(f"偷改 {n}"))
        scenario.git.commit(message, who="zhaolei")
    history = scenario.history()
    assert [(e.kind, e.approved, e.merge_request) for e in history.events] == [
        ("direct", False, None)
    ] * 3
    assert all(
        "trusted forge key" in e.problems[0].text(catalogue.load("en")) for e in history.events
    )


def test_squash_merge_signed_by_a_trusted_forge_key_counts(tmp_path):
    forge, forge_pub = keypair(tmp_path, "forge")
    s = make_scenario(tmp_path, "trusted_forge_keys: []", f'trusted_forge_keys: ["{forge_pub}"]')
    s.files.doc(version="V1.1", body=body("平台压缩合并"))
    s.git.run("add", "-A")
    s.git.run(
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingkey={forge}",
        "commit",
        "-q",
        "-S",
        "-m",
        "修订目的 (#31)\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        who="zhaolei",
        date="2026-02-01T10:00:00+08:00",
    )
    (event,) = s.history().events
    assert (event.kind, event.approved, event.evidence) == ("squash", True, "forge-signed")


# --- rewritten history -------------------------------------------------------------------


def test_force_push_that_removes_an_approved_merge_is_reported_and_stays_reported(scenario):
    change_doc(scenario, "cr-1")
    merge = scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.history()  # derived once: the cache remembers the approval
    scenario.git.run("reset", "-q", "--hard", "HEAD~1")
    scenario.files.doc(version="V1.1", body=body("改写"))
    scenario.git.commit("改写", who="zhaolei")
    first = scenario.history()
    (problem,) = [p for p in first.problems if p.code == "DC518"]
    assert merge[:10] in problem.message
    scenario.files.doc(version="V1.2", body=body("再改"))
    scenario.git.commit("再改", who="zhaolei")
    assert "DC518" in codes(scenario.history())
    result = cli(scenario.root, "trail", "--strict")
    assert result.returncode == 1 and "DC518" in result.stdout + result.stderr


# --- hostile history text ----------------------------------------------------------------


def test_gbk_and_lying_encodings_never_break_the_outputs(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "合并", approvers=("liujing",))
    scenario.files.doc(version="V1.2", body=body("GBK"))
    scenario.git.run("add", "-A")
    scenario.git.commit_raw(
        "修订：GBK 编码".encode("gbk"), who="zhaolei", config=("-c", "i18n.commitEncoding=GBK")
    )
    scenario.files.doc(version="V1.3", body=body("谎报编码"))
    scenario.git.run("add", "-A")
    scenario.git.commit_raw(
        "修订：\xff 不是 GBK".encode("utf-8", "surrogateescape") + b"\x81",
        who="zhaolei",
        config=("-c", "i18n.commitEncoding=GBK"),
    )
    for args in (("log", "SM-P-01"), ("log", "--all", "--format", "json"), ("trail",)):
        result = cli(scenario.root, *args)
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "修订：GBK 编码" in cli(scenario.root, "log", "--all", "--format", "json").stdout


def test_control_since_naming_a_commit_off_the_main_line_is_ignored_and_reported(scenario):
    scenario.git.branch("side")
    side = scenario.git.commit("旁支上的提交", who="zhaolei")
    scenario.git.checkout("main")
    scenario.files.doc(version="V1.1", body=body("偷改"))
    scenario.git.commit("直接改", who="zhaolei")
    # a commit never reached on the first-parent line would leave everything pre-control
    scenario.set_config("control_since: 2026-01-02", f"control_since: {side}")
    scenario.git.commit("指向旁支", who="zhaolei")
    history = scenario.history()
    assert "DC517" in codes(history)
    # nobody approved the move, so control still began where the approved config says: the
    # import is the baseline, and the direct change is judged
    revisions = history.documents["SM-P-01"].revisions
    assert [(r.kind, r.approved) for r in revisions] == [("unapproved", False)]
