"""Round 120's shared histories: the approver's own commit reaches main's graph first through
a merge that brings none of its text (her draft, taken back on the same branch, merged as a
no-op), so a later branch built on that commit brings her text in while the history reads the
commit as already merged, and her name drops out of the change's writers."""

from __future__ import annotations

import json

from rt27_helpers import cli_env, new_doc, trail_strict

from history_helpers import body
from rules_attacks import approve

NEW = "docs/procedures/p9.md"  # SM-P-09, a document she drafts
OLD = "docs/procedures/test.md"  # SM-P-01, the scenario's baseline procedure
HER_TITLE = "她起草的程序"
HER_TEXT = "刘静起草的目的条款。"

__all__ = [
    "CONFIG",
    "DRAFTER",
    "HER_TEXT",
    "HER_TITLE",
    "NEW",
    "OLD",
    "PATHS",
    "SELF_ON",
    "approve",
    "cli_env",
    "event_of",
    "her_text_via_a_noop_merge",
    "log_json",
    "trail_strict",
]


CONFIG = "doccontrol.yml"
SELF_OFF = "allow_self_approval: false"
SELF_ON = "allow_self_approval: true"
# the file each kind of draft writes, and who drafts and approves it: 刘静 approves procedures,
# 陈明远 (the general manager, the manual's approver) approves the rules
PATHS = {"new": NEW, "old": OLD, "config": CONFIG}
DRAFTER = {"new": "liujing", "old": "liujing", "config": "chenmy"}


def _her_text(s, kind: str) -> None:
    """The approver's draft: a new SM-P-09 (``new``), SM-P-01's V1.1 with her purpose clause
    (``old``), or 陈明远's doccontrol.yml that lifts segregation of duties (``config``)."""
    if kind == "config":
        s.set_config(SELF_OFF, SELF_ON)
    elif kind == "new":
        s.files.write(NEW, new_doc("SM-P-09", title=HER_TITLE))
    else:
        from rt27_helpers import SOON

        s.files.doc(version="V1.1", body=body(HER_TEXT), effective_date=SOON)


def her_text_via_a_noop_merge(
    s, kind: str = "new", noop: bool = True, via: str = "approve"
) -> tuple[str, str]:
    """刘静 (the approver of procedures) writes a draft on branch ``draft``. With ``noop``, she
    takes it back on the same branch and ``draft`` is merged into main, which changes nothing
    (a merge request closed as "nothing to merge" would do the same to the graph). 赵磊 then
    branches from her draft commit, touches one other line, merges main into his branch
    (resolving git's conflict by keeping the branch's file, as the forge asks him to), and
    刘静 approves his branch with ``doccontrol approve`` (王芳 reviewed), or (``via="forge"``)
    a forge merges it with her ``Approved-by`` and 王芳's ``Reviewed-by``. Returns (her draft
    commit, the approval); without ``noop`` the same branch built on her draft is approved
    with no no-op merge before it (the control)."""
    who, path = DRAFTER[kind], PATHS[kind]
    s.git.branch("draft")
    _her_text(s, kind)
    draft = s.git.commit("起草", who=who)
    if noop:
        if kind == "new":
            s.git.run("rm", "-q", NEW)
        else:
            s.git.run("checkout", "-q", "main", "--", path)
        s.git.commit("撤回草稿", who=who)
        s.git.checkout("main")
        s.git.merge_message("Merge branch 'draft'\n\n草稿已撤回，无变化", "draft", who="zhaolei")
    else:
        s.git.checkout("main")
    s.git.branch("feat", draft)
    file = s.root / path
    if kind == "config":
        old, new = "schema_version: 1\n", "schema_version: 1\n# 组织的文件控制规则\n"
    else:
        old, new = "适用范围的内容。", "适用范围：全公司。"
    file.write_text(file.read_text("utf-8").replace(old, new, 1), "utf-8")
    s.git.commit("补充说明", who="zhaolei")
    if noop:
        # main took the draft back: git's merge drops it; he keeps the branch's file
        s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "main", who="zhaolei")
        s.git.run("checkout", "-q", "feat", "--", path)
        s.git.run("add", "-A")
        s.git.run(
            "commit", "-q", "-m", "Merge main into feat", who="zhaolei", date=s.git.next_date()
        )
    s.git.checkout("main")
    if via == "forge":
        return draft, s.git.merge("feat", "补充说明", who=who, approvers=(who,))
    result, merged = approve(s, "feat", who, "wangfang")
    assert merged, result.stdout + result.stderr
    return draft, s.git.head()


def event_of(s, sha: str) -> dict:
    out = cli_env(s.root, {}, "trail", "--format", "json")
    assert out.returncode == 0, out.stderr
    found = [e for e in json.loads(out.stdout)["events"] if e["commit"] == sha]
    assert len(found) == 1, found
    return found[0]


def log_json(s, doc_id: str) -> list[dict]:
    """`log DOC --format json`'s revisions (it exits 1 when the document has a problem)."""
    out = cli_env(s.root, {}, "log", doc_id, "--format", "json")
    assert out.returncode in (0, 1) and out.stdout, out.stderr
    return json.loads(out.stdout)["documents"][0]["revisions"]
