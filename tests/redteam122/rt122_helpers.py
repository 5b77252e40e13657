"""Round 122's shared histories: round 121's fix (``history/untaken.py``,
``new_text_writers``) asks ``git blame -C`` who wrote each line a merge (a squash, an
``approve``) lands that main's line did not hold, but only where the side forks from a commit
in ``unvouched`` (brought off the line by an earlier merge, or on the line before control
began). These histories bring the approver's own unjudged text into an approval she makes
while the blame names someone else, or nobody: a deletion (no line to blame), her text copied
from a file the same commit left alone or given trailing spaces (blame names the copier), a
draft committed on the line under control at a path nothing controls (never ``unvouched``),
and a document at a path holding a newline (never blamed)."""

from __future__ import annotations

from rt27_helpers import SOON, cli_env, new_doc, trail_strict
from rt120_helpers import event_of, log_json

from gitrepo import PEOPLE, ident
from history_helpers import body
from rules_attacks import approve
from site_helpers import mkdocs, page, table_rows

NEW = "docs/procedures/p9.md"  # SM-P-09, a document she drafts
OLD = "docs/procedures/test.md"  # SM-P-01, the scenario's baseline procedure
CONFIG = "doccontrol.yml"
DRAFT_AT = "docs/procedures/p9-draft.md"  # where her draft first stood (hole 2, copy)
UNCONTROLLED = "drafts/p9.md"  # a path no rule controls (hole 3)
ODD = "docs/procedures/p9\n.md"  # a document path holding a newline (hole 4)
HER_TITLE = "她起草的程序"
HER_TEXT = "刘静起草的目的条款。"
DRAFTER = "liujing"  # 刘静: management representative, the only approver of procedures
GM = "chenmy"  # 陈明远: general manager, the configuration's approver
# the clause 刘静's V1.1 of SM-P-01 deletes (hole 1): a whole paragraph, nothing else
DELETED = "角色与职责的内容。\n\n"
# the rules line 陈明远's draft deletes (hole 1, config): tools/ leaves control
TOOLS_CONTROLLED = "  controlled_paths: [tools/]\n"
CONFIG_EDITS = ("  trusted_forge_keys: []\n", "  trusted_forge_keys: []\n" + TOOLS_CONTROLLED)

__all__ = [
    "CONFIG",
    "CONFIG_EDITS",
    "DELETED",
    "DRAFTER",
    "DRAFT_AT",
    "GM",
    "HER_TEXT",
    "HER_TITLE",
    "NEW",
    "ODD",
    "OLD",
    "PEOPLE",
    "SOON",
    "TOOLS_CONTROLLED",
    "UNCONTROLLED",
    "approve",
    "body",
    "cli_env",
    "event_of",
    "her_deletion",
    "her_draft_at_an_odd_path",
    "her_draft_laundered",
    "her_draft_on_the_line",
    "ident",
    "log_json",
    "moved_in_a_release",
    "new_doc",
    "squashed_deletion",
    "trail_strict",
    "verdict",
]


def verdict(s, approval: str, who: str, doc_id: str | None) -> tuple[bool, str]:
    """Whether the approval is judged as ``who``'s own change (``who`` among its writers,
    DC503, not approved, `trail --strict` fails, and, for a document, `log` shows the version
    not approved), and what the trail said of it."""
    event = event_of(s, approval)
    names = sorted(p["name"] for p in event["authors"])
    codes = sorted({p["code"] for p in event["problems"]})
    code, out = trail_strict(s)
    logged = True
    if doc_id is not None:
        revision = [r for r in log_json(s, doc_id) if r["commit"] == approval]
        logged = bool(revision) and not revision[-1]["approved"]
    ok = (
        PEOPLE[who][0] in names
        and "DC503" in codes
        and not event["approved"]
        and code != 0
        and logged
    )
    return ok, f"authors={names} codes={codes} approved={event['approved']} strict={code}\n{out}"


def _take_back(s, path: str, who: str, existed: bool) -> None:
    """The drafter takes the draft back on branch ``draft`` and 赵磊 merges ``draft`` into
    main: a merge that changes nothing (round 120's first steps)."""
    if existed:
        s.git.run("checkout", "-q", "main", "--", path)
    else:
        s.git.run("rm", "-q", path)
    s.git.commit("撤回草稿", who=who)
    s.git.checkout("main")
    s.git.merge_message("Merge branch 'draft'\n\n草稿已撤回，无变化", "draft", who="zhaolei")


def _merge_main_keeping(s, path: str) -> None:
    """赵磊 merges main into his branch; where git drops or conflicts on ``path`` (main took
    the draft back), he keeps his branch's file, as a forge asks him to."""
    s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "main", who="zhaolei")
    s.git.run("checkout", "-q", "HEAD", "--", path)
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", "Merge main into feat", who="zhaolei", date=s.git.next_date())


def _approve(s, who: str, via: str) -> str:
    """``who`` approves ``feat``: a forge merge made by ``who`` with their Approved-by and
    王芳's Reviewed-by (``forge``), the same merge made by 赵磊 after their approval
    (``forge-by-author``), or `doccontrol approve feat --reviewer 王芳` run as them."""
    s.git.checkout("main")
    if via == "forge":
        return s.git.merge("feat", "补充说明", who=who, approvers=(who,))
    if via == "forge-by-author":
        return s.git.merge("feat", "补充说明", who="zhaolei", approvers=(who,))
    result, merged = approve(s, "feat", who, "wangfang")
    assert merged, result.stdout + result.stderr
    return s.git.head()


def _edit(s, path: str, old: str, new: str) -> None:
    file = s.root / path
    text = file.read_text("utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), "utf-8")


def her_deletion(s, kind: str = "old", noop: bool = True, via: str = "forge") -> tuple[str, str]:
    """Hole 1. The approver's draft on branch ``draft`` only deletes text: 刘静 removes the
    role-and-responsibility paragraph of SM-P-01 (``old``), or 陈明远 removes the line that
    keeps ``tools/`` under control from doccontrol.yml (``config``). The drafter takes it back
    and ``draft`` is merged as a no-op (without ``noop``: never merged, the control). 赵磊
    branches from the draft commit and changes other lines only (SM-P-01's version and
    effective date; a comment in doccontrol.yml), merges main keeping his file, and the
    drafter approves. Returns (draft, approval)."""
    who, path = (GM, CONFIG) if kind == "config" else (DRAFTER, OLD)
    s.git.branch("draft")
    _edit(s, path, TOOLS_CONTROLLED if kind == "config" else DELETED, "")
    draft = s.git.commit("删减", who=who)
    if noop:
        _take_back(s, path, who, existed=True)
    else:
        s.git.checkout("main")
    s.git.branch("feat", draft)
    if kind == "config":
        _edit(s, path, "schema_version: 1\n", "schema_version: 1\n# 组织的文件控制规则\n")
    else:
        _edit(s, path, "version: V1.0", "version: V1.1")
        _edit(s, path, "effective_date: 2026-01-05", f"effective_date: {SOON}")
    s.git.commit("升版", who="zhaolei")
    if noop:
        _merge_main_keeping(s, path)
    return draft, _approve(s, who, via)


def her_draft_laundered(
    s, how: str = "copy", noop: bool = True, via: str = "forge"
) -> tuple[str, str]:
    """Hole 2. 刘静 drafts SM-P-09 on branch ``draft`` (at ``DRAFT_AT`` for ``copy``, at its
    own path for ``space``), takes it back, and ``draft`` is merged as a no-op (without
    ``noop``: never merged, the control). 赵磊 branches from her draft commit and:
    ``copy``: copies her file byte for byte to ``NEW`` in one commit (her file left as it is),
    and removes her file in the next; ``space``: ends every line of her file with one space
    (Markdown renders the page the same; no check reports it). He merges main keeping his
    file, and 刘静 approves."""
    at = DRAFT_AT if how == "copy" else NEW
    s.git.branch("draft")
    s.files.write(at, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    draft = s.git.commit("起草", who=DRAFTER)
    if noop:
        _take_back(s, at, DRAFTER, existed=False)
    else:
        s.git.checkout("main")
    s.git.branch("feat", draft)
    if how == "copy":
        (s.root / NEW).write_bytes((s.root / DRAFT_AT).read_bytes())
        s.git.run("add", "-A")
        s.git.commit("复制草稿", who="zhaolei")
        s.git.run("rm", "-q", DRAFT_AT)
        s.git.commit("删除旧稿", who="zhaolei")
    else:
        file = s.root / NEW
        file.write_bytes(file.read_bytes().replace(b"\n", b" \n"))
        s.git.commit("格式整理", who="zhaolei")
    if noop:
        _merge_main_keeping(s, NEW)
    return draft, _approve(s, DRAFTER, via)


def first_approval(s) -> str:
    """An ordinary approval under control (赵磊's SM-P-07, 刘静 approves): the line is under
    control from here, for history and for `approve` alike."""
    s.git.branch("p7")
    s.files.write("docs/procedures/p7.md", new_doc("SM-P-07", title="七"))
    s.git.commit("新增七", who="zhaolei")
    return s.git.merge("p7", "新增七", who=DRAFTER)


def her_draft_on_the_line(s, on_line: bool = True, via: str = "forge") -> tuple[str, str]:
    """Hole 3. After an ordinary approval, 刘静 commits her SM-P-09 (front matter and all) on
    main itself at ``UNCONTROLLED``, a path no rule controls (no problem: nothing judged is
    changed), and removes it in the next commit (no problem either). 赵磊 branches from her
    commit, moves the file to ``NEW`` (`git mv`: git follows it as a rename), adds one line,
    merges main keeping his file, and 刘静 approves. Without ``on_line`` her commit is on a
    branch never merged (the control). Returns (draft, approval)."""
    first_approval(s)
    if not on_line:
        s.git.branch("draft")
    s.files.write(UNCONTROLLED, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    draft = s.git.commit("草稿", who=DRAFTER, date=s.git.next_date())
    if on_line:
        s.git.run("rm", "-q", UNCONTROLLED)
        s.git.commit("删除草稿", who=DRAFTER, date=s.git.next_date())
    else:
        s.git.checkout("main")
    s.git.branch("feat", draft)
    s.git.run("mv", UNCONTROLLED, NEW)
    _edit(s, NEW, "适用范围的内容。", "适用范围：全公司。")
    s.git.commit("补充说明", who="zhaolei")
    if on_line:
        _merge_main_keeping(s, NEW)
    return draft, _approve(s, DRAFTER, via)


def her_draft_at_an_odd_path(
    s, path: str = ODD, noop: bool = True, via: str = "forge-by-author"
) -> tuple[str, str]:
    """Hole 4. Round 120's history (her SM-P-09 on ``draft``, taken back, merged as a no-op;
    赵磊's branch from her draft commit adds one line and merges main keeping his file) with
    the document at ``path``, which may hold a newline; 赵磊 merges with her Approved-by
    (the merger is no writer of a version a side holds). Returns (draft, approval)."""
    s.git.branch("draft")
    (s.root / path).write_text(
        new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)), encoding="utf-8"
    )
    s.git.run("add", "-A")
    draft = s.git.commit("起草", who=DRAFTER)
    if noop:
        _take_back(s, path, DRAFTER, existed=False)
    else:
        s.git.checkout("main")
    s.git.branch("feat", draft)
    _edit(s, path, "适用范围的内容。", "适用范围：全公司。")
    s.git.run("add", "-A")
    s.git.commit("补充说明", who="zhaolei")
    if noop:
        _merge_main_keeping(s, path)
    return draft, _approve(s, DRAFTER, via)


def moved_in_a_release(s, released_before: bool = True) -> str:
    """Hole 5 (a false positive). GitFlow: after an ordinary approval, branch ``develop``
    leaves main; with ``released_before`` it is released once (赵磊's SM-P-08, 刘静
    approves), so its commits are ``unvouched``. 赵磊 then moves SM-P-01's purpose paragraph
    (王芳's text of the baseline) into his new SM-P-09 (SM-P-01 to V1.1), and 刘静 approves
    the release, 王芳 reviewing. Returns the release's merge."""
    first_approval(s)
    s.git.branch("develop")
    if released_before:
        s.files.write("docs/procedures/p8.md", new_doc("SM-P-08", title="八"))
        s.git.commit("新增八", who="zhaolei")
        s.git.merge("develop", "发布一", who=DRAFTER)
        s.git.checkout("develop")
    _edit(s, OLD, "目的的内容。\n", "见 SM-P-09。\n")
    _edit(s, OLD, "version: V1.0", "version: V1.1")
    _edit(s, OLD, "effective_date: 2026-01-05", f"effective_date: {SOON}")
    s.files.write(NEW, new_doc("SM-P-09", title="目的说明", body=body("目的的内容。\n补充。")))
    s.git.commit("移动目的段落", who="zhaolei")
    return s.git.merge("develop", "发布二", who=DRAFTER)


def squashed_deletion(tmp_path, noop: bool = True) -> tuple[object, str]:
    """Hole 1 as a forge squash: 刘静's draft of SM-P-01 deletes the paragraph, is taken back
    and merged as a no-op (without ``noop``: never merged). 赵磊's pull request #7 is built on
    her draft commit, bumps the version and merges main (keeping his file); GitHub squashes it
    onto main, and the forge's K1-signed note records 刘静's and 王芳's approving reviews of
    its head (round 121's K1 history with a deletion). Returns the scenario and the squash."""
    from forge_helpers import capture, github_scenario, keypair, pull_request, record, review

    when = "2026-02-01T10:00:00Z"
    k1, k1_pub = keypair(tmp_path, "forge")
    s = github_scenario(
        tmp_path, "  trusted_forge_keys: []\n", f'  trusted_forge_keys: ["{k1_pub}"]\n'
    )
    s.git.branch("draft")
    _edit(s, OLD, DELETED, "")
    draft = s.git.commit("删减", who=DRAFTER)
    if noop:
        _take_back(s, OLD, DRAFTER, existed=True)
    else:
        s.git.checkout("main")
    s.git.branch("cr-7", draft)
    _edit(s, OLD, "version: V1.0", "version: V1.1")
    _edit(s, OLD, "effective_date: 2026-01-05", f"effective_date: {SOON}")
    s.git.commit("升版", who="zhaolei")
    if noop:
        _merge_main_keeping(s, OLD)
    head = s.git.head()
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    s.git.run("commit", "-q", "-m", "升版 (#7)", who="zhaolei", date=s.git.next_date())
    squash = s.git.head()
    assert DELETED.strip() not in s.git.run("show", f"{squash}:{OLD}")
    items = [
        review(71, "liu-jing", "APPROVED", head, when),
        review(72, "Wang-Fang", "APPROVED", head, when),
    ]
    pull = pull_request(7, "升版", head, squash, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api7", pull, items), 7, "--sign-key", str(k1))
    return s, squash


def site_names_her(s, site, summary: str = "补充说明") -> None:
    """What CI publishes of the change ``summary``: `check` finds nothing, and the strict site
    build (DOCCONTROL_STRICT) either stops (right) or its 审批记录 row names the drafter
    among the 更改人, not 已批准, DC503 (rounds 122 to 127: their holes showed 赵磊 alone,
    批准人 刘静, 已批准)."""
    assert cli_env(s.root, {}, "check").returncode == 0  # nothing for CI's check to find
    if mkdocs(s.root, site, True).returncode != 0:
        return
    header, *rows = table_rows(page(site, "registers/approvals"), "dc-trail")
    found = [dict(zip(header, row, strict=True)) for row in rows if row[3] == summary]
    assert len(found) == 1, rows
    row = found[0]
    assert PEOPLE[DRAFTER][0] in row["更改人"] and row["结论"] != "已批准", row
    assert "DC503" in row["问题"], row
