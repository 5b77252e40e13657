"""Red team: an author with push access (and no approver's private key) attacks the trail.

Every attack is built in a real repository with real git (and real ssh-keygen keys) and the
test asserts the SAFE outcome: the forged change is not approved, or ``trail --strict`` exits 1
with a clear problem, and nothing ends in a traceback. Attacks the engine already resists are
regression tests; the holes found are ``xfail(strict=True)`` with the hole in the reason, so the
suite stays green until each is closed (then the xfail turns into an XPASS failure: remove it).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from test_signatures_and_faults import keypair

from builders import RepoBuilder, procedure
from gitrepo import ident
from history_helpers import Scenario, body, cli, make_scenario

APPROVE = "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"


def change_doc(s, branch, version="V1.1", purpose="修订后的目的。", who="zhaolei"):
    s.git.branch(branch)
    s.files.doc(version=version, body=body(purpose))
    return s.git.commit(f"修订 {branch}", who=who)


def no_crash(result):
    out = result.stdout + result.stderr
    assert "Traceback" not in out and "internal error" not in out, out[-2000:]
    return result


def strict_trail(root):
    """``trail --strict`` as CI runs it, never a traceback."""
    result = no_crash(cli(root, "trail", "--strict"))
    assert result.returncode in (0, 1), result.stderr
    return result


def codes(history):
    return sorted({p.code for p in history.problems})


def sign(key: Path) -> tuple[str, ...]:
    return ("-c", "gpg.format=ssh", "-c", f"user.signingkey={key}")


def signed_scenario(tmp_path) -> Scenario:
    """Signed approvals required; 刘静, 陈明远 and 赵磊 each own a registered SSH key."""
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    s.keys = {name: keypair(tmp_path, name) for name in ("liu", "chen", "zhao", "forge")}
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
    s.set_config(
        "department: operations, roles: [service-manager,",
        f'signing_keys: ["{s.keys["zhao"][1]}"], department: operations, roles: [service-manager,',
    )
    s.git.commit("初始导入", who="wangfang")  # 2026-01-01: the pre-control baseline
    return s


def signed_merge(s, branch, message, who, key):
    s.git.checkout("main")
    s.git.run(
        *sign(key), "merge", "--no-ff", "-q", "-S", "-m", message, branch, who=who,
        date=s.git.next_date(),
    )  # fmt: skip
    return s.git.head()


def merge_text(branch, *trailers):
    return f"Merge branch '{branch}' into 'main'\n\n修订\n\n" + "\n".join(trailers)


# === holes ================================================================================


# Closed hole: HOLE: evil merge. Text the merger writes into the merge commit itself (not on
# either side) is not attributed to anyone: authors are only the commits the merge brought in,
# so an approver can add her own text while merging someone else's branch and sign it as an
# 'approver-signed' approval of her own work (segregation of duties bypassed).
def test_evil_merge_text_written_in_the_merge_commit_is_the_mergers_own(tmp_path):
    s = signed_scenario(tmp_path)
    change_doc(s, "cr-1", who="sunyue")  # a harmless change by 孙悦
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "cr-1", who="liujing", check=False)
    s.files.doc(version="V1.1", body=body("刘静在合并提交里自己写的目的。"))
    s.git.run("add", "-A")
    s.git.run(
        *sign(s.keys["liu"][0]), "commit", "-q", "-S", "-m", merge_text("cr-1", APPROVE),
        who="liujing", date=s.git.next_date(),
    )  # fmt: skip
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert "刘静在合并提交里自己写的目的" in (s.root / "docs/procedures/test.md").read_text()
    assert rev.approved is False, (rev.evidence, [a.name for a in rev.authors])


# Closed hole: HOLE: a merge that brings in nothing new (its other parent is already on main,
# made with git commit-tree) has no authors at all, so no approver is ever an author: the
# approver writes the change in the merge and approves it herself, signed.
def test_merge_whose_other_parent_is_already_on_main_has_the_merger_as_author(tmp_path):
    s = signed_scenario(tmp_path)
    side = change_doc(s, "cr-1", who="sunyue")
    signed_merge(s, "cr-1", merge_text("cr-1", APPROVE), "liujing", s.keys["liu"][0])
    s.files.doc(version="V1.2", body=body("刘静自己写、自己批准。"))
    s.git.run("add", "-A")
    tree = s.git.run("write-tree")
    forged = s.git.run(
        *sign(s.keys["liu"][0]), "commit-tree", "-S", tree, "-p", "main", "-p", side,
        "-m", merge_text("cr-1", APPROVE), who="liujing", date=s.git.next_date(),
    )  # fmt: skip
    s.git.run("update-ref", "refs/heads/main", forged)
    s.git.run("reset", "-q", "--hard", "main")
    rev = s.history().documents["SM-P-01"].revisions[-1]
    assert rev.version == "V1.2"
    assert rev.approved is False, (rev.evidence, rev.authors)


# Closed hole: HOLE: with require_signed, any registered key-holder named among the approvers
# makes a merge 'signed by an approver': 赵磊 (a key, no approver role) signs a merge whose
# trailers name himself and 刘静; 刘静's role counts and her name needs no signature. Evidence is
# shown as approver-signed.
def test_signed_merge_where_only_an_unqualified_approver_signed(tmp_path):
    s = signed_scenario(tmp_path)
    change_doc(s, "cr-1", who="sunyue")
    message = merge_text("cr-1", f"Approved-by: {ident('zhaolei')}", APPROVE)
    signed_merge(s, "cr-1", message, "zhaolei", s.keys["zhao"][0])
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert rev.approved is False, (rev.evidence, rev.signature)
    assert rev.evidence != "approver-signed"


# Closed hole: HOLE: the same forged co-approver on a change to doccontrol.yml: 赵磊 signs a merge
# naming himself and 陈明远 (config approver) and so grants himself every role; from then on he
# approves documents alone, signed — a complete takeover under require_signed.
def test_signed_config_takeover_with_a_forged_co_approver(tmp_path):
    s = signed_scenario(tmp_path)
    s.git.branch("cfg")
    s.set_config(
        "department: operations, roles: [service-manager,",
        "department: operations, roles: [general-manager, management-representative, service-manager,",
    )
    s.git.commit("调整角色", who="sunyue")
    message = merge_text(
        "cfg", f"Approved-by: {ident('zhaolei')}", f"Approved-by: {ident('chenmy')}",
        f"Reviewed-by: {ident('wangfang')}",
    )  # fmt: skip
    signed_merge(s, "cfg", message, "zhaolei", s.keys["zhao"][0])
    change_doc(s, "cr-1", who="sunyue")
    message = merge_text(
        "cr-1", f"Approved-by: {ident('zhaolei')}", "Reviewed-by: 王芳 <wang.fang@example.com>"
    )
    signed_merge(s, "cr-1", message, "zhaolei", s.keys["zhao"][0])
    history = s.history()
    assert history.events[0].approved is False
    (rev,) = history.documents["SM-P-01"].revisions
    assert rev.approved is False


# Closed hole: HOLE: first-parent swap by a plain (fast-forward) push. The attacker makes an
# orphan commit holding his text, dated before control_since, and merges main into it with -s
# ours: main is an ancestor of the result, so the push needs no force, but the first-parent line
# is now the attacker's. Everything is pre-control baseline, every approval and problem
# vanishes, and trail --strict exits 0 (no DC518 either, since the old head is still an
# ancestor).
def test_first_parent_line_swapped_by_a_fast_forward_push(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.history()  # a clone that derived before: its cache knows the approval
    git = scenario.git
    git.run("checkout", "-q", "--orphan", "evil")
    scenario.files.doc(version="V9.0", body=body("攻击者的内容"))
    git.run("add", "-A")
    git.run("commit", "-q", "-m", "导入", who="zhaolei", date="2025-12-01T10:00:00+08:00")
    git.run(
        "merge", "-q", "-s", "ours", "--allow-unrelated-histories", "-m", "同步", "main",
        who="zhaolei", date=git.next_date(),
    )  # fmt: skip
    git.run("checkout", "-q", "main")
    git.run("merge", "-q", "--ff-only", "evil")  # what a non-force push does on the server
    assert "V9.0" in (scenario.root / "docs/procedures/test.md").read_text()
    assert strict_trail(scenario.root).returncode == 1


# Closed hole: HOLE: control_since given as a commit id (the recommended form) that is not, or
# no longer, on the first-parent line: the walk never reaches it, so every commit stays
# pre-control for ever. A fast-forward first-parent swap (an orphan line merged with main)
# achieves it without touching doccontrol.yml; no DC517, trail --strict exits 0.
def test_control_since_commit_pushed_off_the_first_parent_line(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    baseline = s.git.commit("导入", who="wangfang")
    s.git.branch("since")
    s.set_config("control_since: null", f"control_since: {baseline}")
    s.git.commit("声明受控起点", who="liujing")
    s.git.merge("since", "声明受控起点", who="chenmy", approvers=("chenmy",))
    change_doc(s, "cr-1")
    s.git.merge("cr-1", "批准", approvers=("liujing",))
    assert strict_trail(s.root).returncode == 0
    s.git.run("checkout", "-q", "--orphan", "evil")
    s.files.doc(version="V9.0", body=body("攻击者的内容"))
    s.git.run("add", "-A")
    s.git.commit("导入", who="zhaolei")
    s.git.run(
        "merge", "-q", "-s", "ours", "--allow-unrelated-histories", "-m", "同步", "main",
        who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    s.git.run("checkout", "-q", "main")
    s.git.run("merge", "-q", "--ff-only", "evil")
    assert strict_trail(s.root).returncode == 1


# Closed hole: HOLE: main_branch comes from the work tree's doccontrol.yml. A direct commit on
# main that changes a document and sets main_branch to the last approved commit's id (or any tag
# or branch) makes log/trail/site judge that other ref: the unapproved change and the DC516 for
# the config edit are never read; trail --strict exits 0.
def test_main_branch_retargeted_by_a_direct_commit(scenario):
    change_doc(scenario, "cr-1")
    approved = scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.files.doc(version="V1.2", body=body("偷改"))
    scenario.set_config("main_branch: main", f"main_branch: {approved}")
    scenario.git.commit("顺手调整", who="zhaolei")
    # main_branch names branches only: a commit id is refused, so CI fails loudly
    result = no_crash(cli(scenario.root, "trail", "--strict"))
    assert result.returncode == 2 and "找不到主分支" in result.stderr, result.stdout


# Closed hole: HOLE: a symlinked doccontrol.yml. The tip's committed config is a symlink (its
# blob is the target's name, which does not load), so the work tree's config is used instead,
# read through the link from an uncontrolled file that moves control_since to 2099. With
# control_since null before (the shipped default) the link's value is also 'null', so no DC517;
# every commit becomes baseline and trail --strict goes from 1 to 0.
def test_symlinked_config_moves_control_since_without_a_trace(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    s.git.commit("导入", who="wangfang")
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei")
    assert strict_trail(s.root).returncode == 1
    text = (s.root / "doccontrol.yml").read_text()
    (s.root / "settings.yml").write_text(
        text.replace("control_since: null", "control_since: 2099-01-01")
    )
    (s.root / "doccontrol.yml").unlink()
    (s.root / "doccontrol.yml").symlink_to("settings.yml")
    s.git.commit("整理配置", who="zhaolei")
    assert strict_trail(s.root).returncode == 1


def test_abbreviated_control_since_hijacked_by_a_tag_of_the_same_name(tmp_path):
    # git rev-parse lets a ref win over an abbreviated id; control_since is looked up among
    # commits only, so the tag changes nothing: the direct change stays judged
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    baseline = s.git.commit("导入", who="wangfang")
    s.git.branch("since")
    s.set_config("control_since: null", f"control_since: '{baseline[:12]}'")
    s.git.commit("声明受控起点", who="liujing")
    s.git.merge("since", "声明受控起点", who="chenmy", approvers=("chenmy",))
    s.files.doc(version="V1.1", body=body("偷改"))
    evil = s.git.commit("直接改", who="zhaolei")
    assert strict_trail(s.root).returncode == 1
    s.git.run("tag", baseline[:12], evil)
    clone = tmp_path / "ci"  # a fresh clone, as CI has (this clone's cache keeps the old answer)
    subprocess.run(["git", "clone", "-q", str(s.root), str(clone)], check=True)
    result = strict_trail(clone)
    assert result.returncode == 1 and evil[:10] in result.stdout and "DC501" in result.stdout


def test_control_since_head_is_reported(tmp_path):
    # 'HEAD' moves with every commit: the commit that set it is then pre-control, so DC517
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    s.git.commit("导入", who="wangfang")
    s.git.branch("since")
    s.set_config("control_since: null", "control_since: HEAD")
    s.git.commit("声明受控起点", who="liujing")
    s.git.merge("since", "声明受控起点", who="chenmy", approvers=("chenmy",))
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei")
    result = strict_trail(s.root)
    assert result.returncode == 1 and "DC517" in result.stdout


# Closed hole: HOLE: a document's id changed on a branch makes it a new document, judged by the
# approver roles in its own (new) front matter: 赵磊 rewrites SM-P-01 as SM-P-02 with approver
# [process-owner] and 孙悦 (process-owner) approves it. SM-P-01 vanishes without a withdrawal.
def test_document_id_swap_is_judged_by_the_old_approver_roles(scenario):
    scenario.git.branch("cr-1")
    text = procedure(doc_id="SM-P-02", version="V1.1", body=body("换了编号的新内容"))
    scenario.files.write(
        "docs/procedures/test.md",
        text.replace("approver: [management-representative]", "approver: [process-owner]"),
    )
    scenario.git.commit("修订", who="zhaolei")
    scenario.git.merge("cr-1", "批准", approvers=("sunyue",))
    history = scenario.history()
    (rev,) = history.documents["SM-P-02"].revisions
    assert rev.approved is False, rev.problems


# Closed hole: HOLE: a new document is judged by the roles its own front matter names, not the
# document type's default approver roles: a new procedure naming approver [process-owner] is
# approved by a colleague who is a process owner, not the management representative.
def test_new_document_cannot_choose_its_own_approver_role(scenario):
    scenario.git.branch("cr-1")
    text = procedure(doc_id="SM-P-07", body=body("新程序"))
    scenario.files.write(
        "docs/procedures/new.md",
        text.replace("approver: [management-representative]", "approver: [process-owner]"),
    )
    scenario.git.commit("新增程序", who="zhaolei")
    scenario.git.merge("cr-1", "批准", approvers=("sunyue",))
    (rev,) = scenario.history().documents["SM-P-07"].revisions
    assert rev.approved is False, rev.problems


# Closed hole: HOLE (policy): the reviewer may be the change's author: 王芳 writes the change and
# is its required reviewer. Segregation of duties is applied to approvers only.
def test_author_reviewing_her_own_change(scenario):
    change_doc(scenario, "cr-1", who="wangfang")
    scenario.git.merge("cr-1", "批准", approvers=("liujing",), reviewers=("wangfang",))
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert rev.approved is False


# Closed hole: HOLE: files under docs/ that are not Markdown (an image or SVG a procedure
# embeds, an HTML page, JavaScript) are published by MkDocs as they are, but history ignores
# them: a direct commit replacing a procedure's flow chart leaves no trace.
def test_direct_change_to_a_published_file_a_procedure_embeds(scenario):
    scenario.files.write("docs/procedures/flow.svg", "<svg><text>审批流程</text></svg>")
    scenario.files.doc(version="V1.0", body=body("见流程图 ![流程](flow.svg)"))
    scenario.git.commit("加流程图", who="wangfang", date="2026-01-01T11:00:00+08:00")  # baseline
    scenario.files.write("docs/procedures/flow.svg", "<svg><text>无需审批</text></svg>")
    scenario.git.commit("换图", who="zhaolei")
    assert strict_trail(scenario.root).returncode == 1


# Closed hole: HOLE (DoS): a gitlink (submodule entry) named like a document, docs/x.md, makes
# cat-file return a commit, not a blob: every log, trail and site build fails with exit 2 for
# good (the commit stays in history) instead of reporting the change.
def test_submodule_entry_named_like_a_document(scenario):
    scenario.git.run(
        "update-index", "--add", "--cacheinfo",
        f"160000,{scenario.git.head()},docs/procedures/sub.md",
    )  # fmt: skip
    scenario.git.run("commit", "-q", "-m", "子模块", who="zhaolei", date=scenario.git.next_date())
    result = strict_trail(scenario.root)
    assert result.returncode == 1 and "DC516" in result.stdout


# Closed hole: HOLE (minor): commit messages are printed raw, terminal escape sequences
# included: a message can move the cursor and erase the '! DC501' line in a terminal showing
# 'doccontrol trail' (the exit code is still 1).
def test_terminal_escapes_in_messages_are_not_printed_raw(scenario):
    scenario.files.doc(version="V1.1", body=body("偷改"))
    scenario.git.commit("修订\x1b[1A\x1b[2K\x1b[1A\x1b[2K", who="zhaolei")
    result = strict_trail(scenario.root)
    assert "\x1b" not in result.stdout


# === resisted (regression tests) ==========================================================


@pytest.mark.parametrize("encoding", ["undefined", "idna", "punycode", "x-no-such-code"])
def test_encoding_header_naming_a_codec_that_cannot_replace(scenario, encoding):
    # git cannot convert from these, so the bytes come through raw; Python's codecs by those
    # names raise even with errors="replace" (fixed: UnicodeError is caught as LookupError is)
    scenario.files.doc(version="V1.1", body=body("编码"))
    scenario.git.run("add", "-A")
    scenario.git.commit_raw(
        b"bad \xff\xfe bytes", who="zhaolei", config=("-c", f"i18n.commitEncoding={encoding}")
    )
    assert strict_trail(scenario.root).returncode == 1
    assert no_crash(cli(scenario.root, "log", "--all", "--format", "json")).returncode == 1


def test_utf7_message_decoding_to_nul_cannot_inject_a_commit(scenario):
    # git re-encodes UTF-7 to UTF-8 for --encoding=UTF-8; '+AAAAHgBA-' is NUL, RS, '@': the
    # token stream must not be split by it (git cuts the message at the NUL)
    scenario.files.doc(version="V1.1", body=body("注入"))
    scenario.git.run("add", "-A")
    message = b"x +AAAAHg- fake\n\nApproved-by: +UhiQWQ- <liu.jing@example.com>\n"
    subprocess.run(
        ["git", "-c", "i18n.commitEncoding=UTF-7", "commit", "-q", "-F", "-"],
        input=message,
        cwd=scenario.root,
        env={
            "GIT_AUTHOR_NAME": "赵磊", "GIT_AUTHOR_EMAIL": "zhao.lei@example.com",
            "GIT_COMMITTER_NAME": "赵磊", "GIT_COMMITTER_EMAIL": "zhao.lei@example.com",
            "GIT_AUTHOR_DATE": "2026-02-01T10:00:00-0800",
            "GIT_COMMITTER_DATE": "2026-02-01T10:00:00-0800",
            "HOME": str(scenario.root.parent), "PATH": os.environ["PATH"],
        },
        check=True,
    )  # fmt: skip
    history = scenario.history()
    assert [(e.kind, e.approved) for e in history.events] == [("direct", False)]
    assert strict_trail(scenario.root).returncode == 1


def test_raw_commit_object_with_nul_and_a_fake_header_in_its_message(scenario):
    scenario.files.doc(version="V1.1", body=body("注入"))
    scenario.git.run("add", "-A")
    tree = scenario.git.run("write-tree")
    head = scenario.git.head()
    fake = "\x00\x1e" + "\x00".join(["f" * 40, head, "刘静", "liu.jing@example.com"])
    raw = (
        f"tree {tree}\nparent {head}\nauthor 赵磊 <zhao.lei@example.com> 1770000000 +0800\n"
        f"committer 赵磊 <zhao.lei@example.com> 1770000000 +0800\n\n修订{fake}\n\n{APPROVE}\n"
    ).encode()
    obj = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin", "--literally"],
        input=raw, cwd=scenario.root, capture_output=True, check=True,
    ).stdout.decode().strip()  # fmt: skip
    scenario.git.run("update-ref", "refs/heads/main", obj)
    scenario.git.run("reset", "-q", "--hard", "main")
    history = scenario.history()
    assert [(e.commit, e.kind, e.approved) for e in history.events] == [(obj, "direct", False)]


def test_trailers_in_the_branch_commits_or_a_branch_merge_do_not_approve(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("分支"))
    scenario.git.commit(f"修订\n\n{APPROVE}", who="zhaolei")
    # a merge of main into the branch, with trailers, also lies off the first-parent line
    scenario.git.merge_message(f"Merge branch 'main' into cr-1\n\n{APPROVE}", "main", who="zhaolei")
    scenario.git.checkout("main")
    scenario.git.merge_message("Merge branch 'cr-1'\n\n修订", "cr-1", who="zhaolei")
    assert scenario.summary() == [("approval", "V1.1", False, ["DC504", "DC505"])]


@pytest.mark.parametrize(
    "trailer",
    [
        "Approved-by : 刘静 <liu.jing@example.com>",  # git accepts space before the colon
        "APPROVED-BY: 刘静 <LIU.JING@EXAMPLE.COM>",  # keys and emails are case-insensitive
    ],
)
def test_odd_but_valid_trailer_spelling_still_catches_self_approval(scenario, trailer):
    change_doc(scenario, "cr-1", who="liujing")
    scenario.git.checkout("main")
    scenario.git.merge_message(
        f"Merge branch 'cr-1'\n\n修订\n\n{trailer}\nReviewed-by: {ident('wangfang')}",
        "cr-1",
        who="liujing",
    )
    assert scenario.summary() == [("approval", "V1.1", False, ["DC503"])]


def test_lookalike_trailer_key_does_not_count(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.checkout("main")
    # Cyrillic А, a zero-width space, and a folded line that does not start the block
    scenario.git.merge_message(
        "Merge branch 'cr-1'\n\n修订\n\n"
        "Аpproved-by: 刘静 <liu.jing@example.com>\n"
        "Approved\u200b-by: 刘静 <liu.jing@example.com>\n"
        f"Reviewed-by: {ident('wangfang')}",
        "cr-1",
        who="zhaolei",
    )
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert rev.approved is False and not any(a.person_id == "liujing" for a in rev.approvers)


def test_octopus_merge_that_brings_in_the_approvers_own_branch(scenario):
    change_doc(scenario, "a", who="sunyue")
    scenario.git.checkout("main")
    scenario.git.branch("b")
    scenario.files.write("docs/procedures/b.md", procedure(doc_id="SM-P-02"))
    scenario.git.commit("新增", who="liujing")
    scenario.git.checkout("main")
    scenario.git.merge_message(
        f"Merge branches 'a' and 'b'\n\n修订\n\n{APPROVE}", "a", "b", who="liujing"
    )
    history = scenario.history()
    assert not any(r.approved for d in history.documents.values() for r in d.revisions)
    assert "DC503" in codes(history)


def test_unrelated_history_merged_by_the_approver_with_a_forged_author(scenario):
    # the side's author is whatever the attacker typed, but the approver who merges is still
    # caught when she is the author she names
    scenario.git.run("checkout", "-q", "--orphan", "import")
    scenario.files.write("docs/procedures/imported.md", procedure(doc_id="SM-P-09"))
    scenario.git.run("add", "-A")
    scenario.git.run("commit", "-q", "-m", "导入", who="liujing", date=scenario.git.next_date())
    scenario.git.run("checkout", "-q", "-f", "main")
    scenario.git.merge_message(
        f"Merge branch 'import'\n\n导入\n\n{APPROVE}", "import",
        flags=("--allow-unrelated-histories",), who="liujing",
    )  # fmt: skip
    (rev,) = scenario.history().documents["SM-P-09"].revisions
    assert (rev.approved, [p.code for p in rev.problems]) == (False, ["DC503"])


def test_config_swapped_in_by_renames_is_a_direct_change_and_not_applied(scenario):
    text = (scenario.root / "doccontrol.yml").read_text()
    relaxed = text.replace("require_review: true", "require_review: false").replace(
        "allow_self_approval: false", "allow_self_approval: true"
    )
    scenario.files.write("relaxed.yml", relaxed)
    scenario.git.commit("备用配置", who="zhaolei")
    scenario.git.run("mv", "doccontrol.yml", "old.yml")
    scenario.git.run("mv", "relaxed.yml", "doccontrol.yml")
    scenario.git.commit("换配置", who="zhaolei")
    change_doc(scenario, "cr-1", who="liujing")
    scenario.git.merge("cr-1", "自批", who="liujing", reviewers=())
    history = scenario.history()
    assert "DC516" in codes(history)
    (rev,) = history.documents["SM-P-01"].revisions
    assert rev.approved is False and {"DC503", "DC505"} <= {p.code for p in rev.problems}


def test_schemas_renamed_away_and_mailmap_deleted_directly_are_reported(scenario):
    scenario.files.write(".mailmap", "王芳 <wang.fang@example.com> <fang@home.example>\n")
    scenario.git.commit("mailmap", who="wangfang", date="2026-01-01T12:00:00+08:00")  # baseline
    scenario.git.run("mv", "schemas", "schemas-old")
    scenario.git.run("rm", "-q", ".mailmap")
    scenario.git.commit("整理", who="zhaolei")
    history = scenario.history()
    (event,) = history.events
    assert not event.approved and {p.code for p in event.problems} == {"DC516"}
    assert ".mailmap" in event.controlled and "schemas/document.schema.json" in event.controlled


def test_deleting_doccontrol_yml_directly_cannot_relax_the_rules(scenario):
    scenario.git.run("rm", "-q", "doccontrol.yml")
    scenario.git.commit("删配置", who="zhaolei")
    scenario.git.run("checkout", "-q", "HEAD~1", "--", "doccontrol.yml")
    scenario.set_config("require_review: true", "require_review: false")
    scenario.git.commit("再加回来", who="zhaolei")
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "无审核", reviewers=())
    history = scenario.history()
    assert [e.approved for e in history.events[:2]] == [False, False]
    assert scenario.summary() == [("approval", "V1.1", False, ["DC505"])]


def test_mailmap_on_the_approved_branch_applies_only_after_it(scenario):
    # a branch maps its author's address to someone else: the merge that brings it in is
    # still judged with the old identities, so the approver-author is caught
    scenario.git.branch("cr-1")
    scenario.files.write(".mailmap", "孙悦 <sun.yue@example.com> <liu.jing@example.com>\n")
    scenario.files.doc(version="V1.1", body=body("改"))
    scenario.git.commit("修订", who="liujing")
    scenario.git.merge("cr-1", "批准", who="chenmy", approvers=("liujing", "chenmy"))
    history = scenario.history()
    (rev,) = history.documents["SM-P-01"].revisions
    assert "DC503" in {p.code for p in rev.problems}


def test_co_authored_by_the_approver_in_a_branch_commit(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("合写"))
    scenario.git.commit(f"修订\n\nCo-authored-by: {ident('liujing').upper()}", who="zhaolei")
    scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    assert scenario.summary() == [("approval", "V1.1", False, ["DC503"])]


def test_forge_signed_direct_commit_without_a_marker_is_not_approved(tmp_path):
    forge, forge_pub = keypair(tmp_path, "forge")
    s = make_scenario(tmp_path, "trusted_forge_keys: []", f'trusted_forge_keys: ["{forge_pub}"]')
    s.files.doc(version="V1.1", body=body("平台签名"))
    s.git.run("add", "-A")
    s.git.run(
        *sign(forge), "commit", "-q", "-S", "-m", f"修订\n\n{APPROVE}", who="zhaolei",
        date=s.git.next_date(),
    )  # fmt: skip
    (event,) = s.history().events
    assert (event.kind, event.approved) == ("direct", False)


def test_squash_signed_by_a_key_registered_only_on_the_branch(tmp_path):
    s = signed_scenario(tmp_path)
    evil, evil_pub = keypair(tmp_path, "evil")
    s.git.branch("keys")
    s.set_config("trusted_forge_keys: []", f'trusted_forge_keys: ["{evil_pub}"]')
    s.files.doc(version="V1.1", body=body("改"))
    s.git.run("add", "-A")
    s.git.run(
        *sign(evil), "commit", "-q", "-S", "-m", f"修订 (#7)\n\n{APPROVE}", who="zhaolei",
        date=s.git.next_date(),
    )  # fmt: skip
    s.git.checkout("main")
    s.git.run("merge", "-q", "--ff-only", "keys")
    history = s.history()
    assert [(e.kind, e.approved) for e in history.events] == [("direct", False)]
    assert "DC516" in codes(history)


def test_tag_named_main_does_not_replace_origin_main(scenario, tmp_path):
    change_doc(scenario, "cr-1")
    approved = scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.files.doc(version="V1.2", body=body("偷改"))
    scenario.git.commit("直接改", who="zhaolei")
    clone = tmp_path / "ci"
    subprocess.run(["git", "clone", "-q", str(scenario.root), str(clone)], check=True)
    subprocess.run(["git", "checkout", "-q", "--detach", "origin/main"], cwd=clone, check=True)
    subprocess.run(["git", "branch", "-q", "-D", "main"], cwd=clone, check=True)
    subprocess.run(["git", "tag", "main", approved], cwd=clone, check=True)
    result = strict_trail(clone)
    assert result.returncode == 1 and "DC501" in result.stdout


def test_full_commit_id_control_since_is_not_hijacked_by_a_ref_of_that_name(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    baseline = s.git.commit("导入", who="wangfang")
    s.git.branch("since")
    s.set_config("control_since: null", f"control_since: '{baseline}'")
    s.git.commit("声明受控起点", who="liujing")
    s.git.merge("since", "声明受控起点", who="chenmy", approvers=("chenmy",))
    s.files.doc(version="V1.1", body=body("偷改"))
    evil = s.git.commit("直接改", who="zhaolei")
    s.git.run("tag", baseline, evil)
    s.git.run("branch", baseline, evil)
    result = strict_trail(s.root)
    assert result.returncode == 1 and "DC501" in result.stdout


def test_control_since_date_with_a_far_timezone_does_not_reopen_the_baseline(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.files.doc(version="V1.2", body=body("偷改"))
    # in UTC-12 the commit's own date is still the day before control began
    scenario.git.commit("时区", who="zhaolei", date="2026-01-01T23:59:00-12:00")
    assert scenario.summary()[-1] == ("unapproved", "V1.2", False, ["DC501"])


def test_symlinked_document_is_a_direct_change(scenario):
    (scenario.root / "docs/procedures/link.md").symlink_to("../../doccontrol.yml")
    scenario.git.commit("链接", who="zhaolei")
    result = strict_trail(scenario.root)
    assert result.returncode == 1 and "DC516" in result.stdout


def test_huge_commit_message(scenario):
    scenario.files.doc(version="V1.1", body=body("大"))
    scenario.git.run("add", "-A")
    scenario.git.commit_raw(("修订\n\n" + "很长的说明。" * 300_000).encode(), who="zhaolei")
    assert strict_trail(scenario.root).returncode == 1


@pytest.mark.parametrize(
    "content",
    [
        b"null",
        b"[]",
        b"\xff\xfe not json",
        b'{"format": 4, "history": []}',
        b'{"format": 4, "key": 1, "history": {"head": 5}}',
    ],
)
def test_cache_of_any_shape_in_the_git_directory_is_discarded(scenario, content):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.history()
    folder = scenario.root / ".git/doccontrol"
    for name in ("history.json", "state.json"):
        (folder / name).write_bytes(content)
    assert scenario.summary() == [("approval", "V1.1", True, [])]


# Closed hole: HOLE (robustness, local only): a history.json with the right key and head but
# wrong-typed values inside (a person's name a number) is returned as it is and crashes
# log/trail with an internal error; the shape check covers the structure, not the types. Not
# reachable by a push (the cache is inside .git).
def test_cache_with_the_right_key_and_wrong_types_inside(scenario):
    change_doc(scenario, "cr-1")
    scenario.git.merge("cr-1", "批准", approvers=("liujing",))
    scenario.history()
    path = scenario.root / ".git/doccontrol/history.json"
    data = json.loads(path.read_text())
    data["people"] = [[1, 2, 3, [4]] for _ in data["people"]]
    path.write_text(json.dumps(data))
    for args in (("trail",), ("log", "SM-P-01")):
        no_crash(cli(scenario.root, *args))


def test_replace_refs_do_not_rewrite_the_history_read(scenario):
    # git log and cat-file honour refs/replace/* (a mirror clone, the forge's own repository,
    # anyone who fetched them): 'git replace' would swap a direct commit for a forged approved
    # merge. Fixed: GitReader runs git with GIT_NO_REPLACE_OBJECTS=1.
    scenario.git.branch("side")
    side = scenario.git.commit("空", who="sunyue")
    scenario.git.checkout("main")
    scenario.files.doc(version="V1.1", body=body("偷改"))
    direct = scenario.git.commit("直接改", who="zhaolei")
    forged = scenario.git.run(
        "commit-tree", f"{direct}^{{tree}}", "-p", f"{direct}^", "-p", side,
        "-m", merge_text("side", APPROVE), who="liujing", date=scenario.git.next_date(),
    )  # fmt: skip
    scenario.git.run("replace", direct, forged)
    result = strict_trail(scenario.root)
    assert result.returncode == 1 and f"DC501 提交 {direct[:10]}" in result.stdout
