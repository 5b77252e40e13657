"""Round 31, trees out of Git's order (``git fsck``: treeNotSorted). Git's lookup by path
(``rev:path``: history's text reader, the site, `approve`) stops at the first entry that sorts
after the name, so an entry placed after it cannot be read by path; a checkout and a forge's
diff still show it. No duplicate is involved, so nothing asks."""

from __future__ import annotations

from rt31_helpers import (
    approve,
    branch_on_tree,
    bumped_b,
    codes_of,
    docs_last,
    forge_merge,
    git_out,
    trail_strict,
    two_doc_scenario,
)

from doccontrol.history.content import text_at
from doccontrol.history.gitread import GitReader

B = "docs/procedures/b.md"


def test_a_forge_merge_of_a_tree_out_of_order_does_not_count(tmp_path):
    """赵磊 bumps SM-P-02 to V1.1 honestly, then re-commits the same files with the root's
    `docs` entry after `schemas`. git's diff (with -M, as history reads it) is one line,
    `M docs/procedures/b.md`: the deletion and re-addition of every document pair up as
    modifications or nothing. A forge merges it (刘静 approved).
    Seen: "Approved, 0 problems", while `main:docs/procedures/b.md` is missing and the text
    history gives for V1.1 (``content.text_at``, the site's and PDF's reader) falls back to
    the first parent's, V1.0's. Right: DC523 (or another problem that fails --strict)."""
    s = two_doc_scenario(tmp_path)
    bumped_b(s, "cr-x")
    branch_on_tree(s, "cr-order", docs_last(s, "cr-x"))
    raw = git_out(s, "diff-tree", "-r", "--raw", "-M", "main", "cr-order").strip()
    assert raw.endswith(f"M\t{B}") and raw.count("\n") == 0, raw
    sha = forge_merge(s, "cr-order")
    lookup = git_out(s, "cat-file", "-t", f"main:{B}").strip() or "missing"
    revision = s.history().documents["SM-P-02"].revisions[-1]
    with GitReader(s.root) as reader:
        shown = text_at(reader, revision) or ""
    code, out = trail_strict(s)
    assert "DC523" in codes_of(s.history(), sha) and code != 0, (
        f"a root tree out of order is approved: main:{B} is {lookup}; the text given for "
        f"{revision.version} says {'V1.0' if 'version: V1.0' in shown else 'V1.1'}:\n{out}"
    )


def test_approve_refuses_a_branch_whose_tree_is_out_of_order(tmp_path):
    """The same branch given to `doccontrol approve` (刘静, 王芳 reviewing). git's merge
    rewrites the root in order, so main reads well; but history reads the branch's side by
    path too (who wrote what the merge holds), finds nothing there, and takes the merge's
    maker for a writer of SM-P-02 V1.1. Seen: approve merges it, and the trail then calls
    刘静's approval self-approval (DC503): approve and trail disagree, and an author can make
    an approver's honest merge fail --strict. Right: approve refuses the tree (as it refuses
    a path listed twice), or the trail takes the merge as approved."""
    s = two_doc_scenario(tmp_path)
    bumped_b(s, "cr-x")
    branch_on_tree(s, "cr-order", docs_last(s, "cr-x"))
    _, merged = approve(s, "cr-order", "liujing", "wangfang")
    if not merged:
        return  # refused: right
    sha = git_out(s, "rev-parse", "main").strip()
    code, out = trail_strict(s)
    assert code == 0 and not codes_of(s.history(), sha), (
        "approve merged a branch whose tree is out of Git's order, and the trail then says:\n" + out
    )


def test_a_new_document_in_a_tree_out_of_order_does_not_count(tmp_path):
    """Guard (holds): the same out-of-order root, on a branch that adds SM-P-03 (c.md).
    git's diff: `A docs/procedures/c.md`; Git's lookup cannot find it; ``misread`` asks it:
    DC523."""
    from rt31_helpers import SOON

    from builders import procedure

    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-c", "main")
    (s.root / "docs/procedures/c.md").write_text(
        procedure(doc_id="SM-P-03", title="第三程序", effective_date=SOON), encoding="utf-8"
    )
    s.git.commit("新增 SM-P-03", who="zhaolei")
    s.git.checkout("main")
    branch_on_tree(s, "cr-order", docs_last(s, "cr-c"))
    raw = git_out(s, "diff-tree", "-r", "--raw", "-M", "main", "cr-order").strip()
    assert raw.endswith("A\tdocs/procedures/c.md") and raw.count("\n") == 0, raw
    sha = forge_merge(s, "cr-order")
    code, out = trail_strict(s)
    assert "DC523" in codes_of(s.history(), sha) and code != 0, out
