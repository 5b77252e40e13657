"""Round 121's shared histories: round 120's fix (``_Deriver.untaken``) asks, for a merge whose
side forks from a commit an earlier merge brought into the line, whether that merge held the
fork's version of every path the approval changes. These histories bring the approver's own
text in through forks the question does not reach: a draft at another file name (the
approval renames it), a draft an earlier merge did take, before control began, and a draft
commit merged as a parent of its own (an octopus) beside a branch that brings commits."""

from __future__ import annotations

from rt27_helpers import SOON, cli_env, new_doc, trail_strict
from rt120_helpers import event_of, log_json

from gitrepo import PEOPLE, ident
from history_helpers import body
from rules_attacks import approve

NEW = "docs/procedures/p9.md"  # SM-P-09, the document she drafts
DRAFT_AT = "docs/procedures/p9-draft.md"  # where her draft of it first stood (hole 1)
OLD = "docs/procedures/test.md"  # SM-P-01, the scenario's baseline procedure
HER_TITLE = "她起草的程序"
HER_TEXT = "刘静起草的目的条款。"
DRAFTER = "liujing"  # 刘静: management representative, the only approver of procedures
PRE = "2026-01-01T1{}:00:00+08:00"  # a moment before control began (control_since 2026-01-02)

__all__ = [
    "DRAFTER",
    "DRAFT_AT",
    "HER_TEXT",
    "HER_TITLE",
    "NEW",
    "OLD",
    "PATHS",
    "SOON",
    "approve",
    "body",
    "cli_env",
    "event_of",
    "her_draft_in_an_octopus",
    "her_draft_merged_before_control",
    "her_draft_renamed_in",
    "ident",
    "log_json",
    "many_forks",
    "new_doc",
    "refused",
    "trail_strict",
]

PATHS = {"new": NEW, "old": OLD}


def refused(s, approval: str, doc_id: str) -> tuple[bool, str]:
    """Whether the approval is judged as the drafter's own (DC503, not approved, strict
    fails, the version not approved in `log`), and what the trail said of it."""
    event = event_of(s, approval)
    names = sorted(p["name"] for p in event["authors"])
    codes = {p["code"] for p in event["problems"]}
    code, out = trail_strict(s)
    revision = [r for r in log_json(s, doc_id) if r["commit"] == approval]
    ok = (
        PEOPLE[DRAFTER][0] in names
        and "DC503" in codes
        and not event["approved"]
        and code != 0
        and bool(revision)
        and not revision[-1]["approved"]
    )
    return ok, f"authors={names} codes={sorted(codes)} approved={event['approved']}\n{out}"


def _take_back(s, path: str, kind: str) -> None:
    if kind == "new":
        s.git.run("rm", "-q", path)
    else:
        s.git.run("checkout", "-q", "main", "--", path)


def _his_line(s, path: str) -> None:
    """赵磊's one line: the scope clause of the procedure at ``path``."""
    file = s.root / path
    file.write_text(
        file.read_text("utf-8").replace("适用范围的内容。", "适用范围：全公司。", 1), "utf-8"
    )


def _merge_main_keeping(s, path: str) -> None:
    """赵磊 merges main into his branch; where git drops or conflicts on ``path`` (main took
    the draft back), he keeps his branch's file, as a forge asks him to."""
    s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "main", who="zhaolei")
    s.git.run("checkout", "-q", "HEAD", "--", path)
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", "Merge main into feat", who="zhaolei", date=s.git.next_date())


def _approve(s, via: str) -> str:
    """刘静 approves ``feat``: `doccontrol approve feat --reviewer 王芳` run as her, or a
    forge merge with her Approved-by and 王芳's Reviewed-by."""
    s.git.checkout("main")
    if via == "forge":
        return s.git.merge("feat", "补充说明", who=DRAFTER, approvers=(DRAFTER,))
    result, merged = approve(s, "feat", DRAFTER, "wangfang")
    assert merged, result.stdout + result.stderr
    return s.git.head()


def her_draft_renamed_in(s, noop: bool = True, via: str = "forge") -> tuple[str, str]:
    """Hole 1. 刘静 drafts SM-P-09 on branch ``draft`` at another file name (``DRAFT_AT``),
    takes it back, and ``draft`` is merged as a no-op (round 120's first steps). 赵磊 branches
    from her draft commit, moves the file to ``NEW`` (`git mv`: git follows it as a rename),
    adds one line, merges main (rename/delete: he keeps his file) and 刘静 approves. Without
    ``noop`` the draft is never merged before (the control). Returns (draft, approval)."""
    s.git.branch("draft")
    s.files.write(DRAFT_AT, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    draft = s.git.commit("起草", who=DRAFTER)
    if noop:
        s.git.run("rm", "-q", DRAFT_AT)
        s.git.commit("撤回草稿", who=DRAFTER)
        s.git.checkout("main")
        s.git.merge_message("Merge branch 'draft'\n\n草稿已撤回，无变化", "draft", who="zhaolei")
    s.git.branch("feat", draft)
    s.git.run("mv", DRAFT_AT, NEW)
    _his_line(s, NEW)
    s.git.commit("补充说明", who="zhaolei")
    if noop:
        _merge_main_keeping(s, NEW)
    return draft, _approve(s, via)


def her_draft_merged_before_control(
    s, kind: str = "old", how: str = "merge", taken: bool = True, via: str = "forge"
) -> tuple[str, str]:
    """Hole 2. Before control began, 刘静's draft (her SM-P-01 V1.1 with her purpose clause,
    or a new SM-P-09) reached main and was taken back: merged from branch ``draft`` (``how=
    "merge"``: the merge took her text) or committed on main itself (``how="direct"``), then
    reverted on main, all dated before control_since. Under control, 赵磊 branches from her
    draft commit, adds one line (for SM-P-09, a V1.1, since its V1.0 was in the baseline),
    merges main keeping his file, and 刘静 approves. Without ``taken`` the draft never reached
    main (the control). Returns (draft, approval)."""
    path = PATHS[kind]
    if how == "merge" or not taken:
        s.git.branch("draft")
    if kind == "new":
        s.files.write(path, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    else:
        s.files.doc(version="V1.1", body=body(HER_TEXT), effective_date=SOON)
    draft = s.git.commit("起草", who=DRAFTER, date=PRE.format(1))
    if taken:
        if how == "merge":
            s.git.checkout("main")
            s.git.merge_message("Merge branch 'draft'", "draft", who=DRAFTER, date=PRE.format(2))
        if kind == "new":
            s.git.run("rm", "-q", path)
        else:
            s.git.run("checkout", "-q", f"{draft}~1", "--", path)
        s.git.commit("撤回", who=DRAFTER, date=PRE.format(3))
    else:
        s.git.checkout("main")
    s.git.branch("feat", draft)
    _his_line(s, path)
    if kind == "new":
        file = s.root / path
        file.write_text(file.read_text("utf-8").replace("version: V1.0", "version: V1.1"), "utf-8")
    s.git.commit("补充说明", who="zhaolei")
    if taken:
        _merge_main_keeping(s, path)
    return draft, _approve(s, via)


def her_draft_in_an_octopus(s, noop: bool = True) -> tuple[str, str]:
    """Hole 3. 刘静's new SM-P-09 on branch ``draft``, taken back, merged as a no-op (round
    120's first steps; without ``noop``, never merged: the control). 赵磊's branch ``feat``
    from main holds one commit of his (an empty one will do). The approval is one merge of
    main, her draft commit and ``feat`` (an octopus, pushed as it is: `git commit-tree` with
    three parents), whose tree is main's with her SM-P-09: her draft's own version, so no
    merger wrote it. Her approval and 王芳's review are in its trailers. Returns (draft,
    approval)."""
    s.git.branch("draft")
    s.files.write(NEW, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    draft = s.git.commit("起草", who=DRAFTER)
    s.git.checkout("main")
    if noop:
        s.git.checkout("draft")
        s.git.run("rm", "-q", NEW)
        s.git.commit("撤回草稿", who=DRAFTER)
        s.git.checkout("main")
        s.git.merge_message("Merge branch 'draft'\n\n草稿已撤回，无变化", "draft", who="zhaolei")
    s.git.branch("feat")
    his = s.git.commit("补充说明", who="zhaolei")
    s.git.checkout("main")
    s.git.run("checkout", "-q", draft, "--", NEW)
    s.git.run("add", "-A")
    tree = s.git.run("write-tree")
    s.git.run("reset", "-q", "--hard")
    message = (
        "Merge branches 'draft' and 'feat' into 'main'\n\n补充说明\n\n"
        f"Approved-by: {ident(DRAFTER)}\nReviewed-by: {ident('wangfang')}\n"
    )
    parents = ("-p", "main", "-p", draft, "-p", his)
    approval = s.git.run(
        "commit-tree", tree, *parents, "-m", message, who=DRAFTER, date=s.git.next_date()
    )
    s.git.run("update-ref", "refs/heads/main", approval)
    s.git.run("reset", "-q", "--hard", "main")
    return draft, approval


def many_forks(s, n: int, noop: bool = True) -> str:
    """Hole 4's history, written with `git fast-import`: 刘静's branch ``draft`` of ``n``
    commits, each a version of SM-P-09 (the last one removes it), merged into main as a no-op
    (without ``noop``: never merged before). 赵磊's branch forks from each of her ``n``
    commits in turn (his first commit on her first, then a merge of each next one, keeping
    his file), merges main, and 刘静 merges it with her approval typed. Returns the approval."""
    import subprocess

    base = s.git.head()
    doc = new_doc("SM-P-09").encode()
    liu, zhao = ident("liujing"), ident("zhaolei")
    stream: list[bytes] = []
    clock = [1_800_000_000]
    marks = [0]

    def mark() -> str:
        marks[0] += 1
        return f":{marks[0]}"

    def blob(data: bytes) -> str:
        m = mark()
        stream.append(b"blob\nmark %s\ndata %d\n%s\n" % (m.encode(), len(data), data))
        return m

    def commit(ref, who, parents, put=None, drop=False, message="c") -> str:
        m = mark()
        clock[0] += 60
        text = message.encode()
        head = (
            f"commit {ref}\nmark {m}\nauthor {who} {clock[0]} +0800\n"
            f"committer {who} {clock[0]} +0800\ndata {len(text)}\n"
        ).encode()
        lines = [f"from {parents[0]}"] + [f"merge {p}" for p in parents[1:]]
        if put is not None:
            lines.append(f"M 100644 {put} {NEW}")
        if drop:
            lines.append(f"D {NEW}")
        stream.append(head + text + b"\n" + "\n".join(lines).encode() + b"\n\n")
        return m

    his = blob(doc)
    drafts = []
    previous = base
    for i in range(n):
        version = blob(doc.replace("适用范围".encode(), f"适用范围{i}".encode()))
        previous = commit("refs/heads/draft", liu, [previous], put=version)
        drafts.append(previous)
    taken_back = commit("refs/heads/draft", liu, [previous], drop=True)
    line = base
    if noop:
        line = commit("refs/heads/main", zhao, [base, taken_back], message="Merge draft")
    tip = commit("refs/heads/feat", zhao, [drafts[0]], put=his)
    for fork in drafts[1:]:
        tip = commit("refs/heads/feat", zhao, [tip, fork], put=his)
    tip = commit("refs/heads/feat", zhao, [tip, line], put=his)
    message = (
        f"Merge branch 'feat'\n\n补充说明\n\nApproved-by: {liu}\nReviewed-by: {ident('wangfang')}\n"
    )
    approval = commit("refs/heads/main", liu, [line, tip], put=his, message=message)
    stream.append(f"get-mark {approval}\n".encode())
    done = subprocess.run(
        ["git", "fast-import", "--quiet", "--force"],
        input=b"".join(stream),
        cwd=s.root,
        capture_output=True,
        check=True,
    )
    s.git.run("reset", "-q", "--hard", "main")
    return done.stdout.decode().strip()
