"""The read-back of what an approval changes (DC523, `derive._read_back`): asked for every
document a *merge* changes. A forge's squash is an approval too, with one parent."""

from __future__ import annotations

from rt33_helpers import (
    DOC,
    DOC_B,
    TRUST,
    bumped_b,
    git_out,
    procedure,
    register,
    run,
    scenario,
    squash_out_of_order,
    trail_codes,
    trail_strict,
)

from gitrepo import ident


def test_a_squash_of_a_tree_out_of_order_does_not_count(tmp_path):
    """`approval.trust_unsigned_squash: true`. 赵磊 bumps SM-P-02 to V1.1 honestly, then writes
    the commit again with the root tree's `docs` entry after `schemas` (treeNotSorted) and puts
    it on main as a squash: one parent, `See merge request it/sms!12`, 刘静's approval and 王芳's
    review in the trailers. The diff is `M docs/procedures/b.md`; a lookup of any document by
    path finds nothing. Round 31 hole 1 again: `_read_back` asks only a merge's documents (or a
    path the diff adds), so the squash is "Approved, 0 problems". Once V1.1 is in force, `show`
    cannot read it and the register has no title, type or owner for SM-P-02; a checkout writes
    V1.1."""
    s = scenario(tmp_path, *TRUST)
    squash_out_of_order(s)
    assert git_out(s, "diff-tree", "-r", "-M", "--name-status", "main^", "main").split() == [
        "M",
        DOC_B,
    ]
    code, out = trail_strict(s)
    shown = run(s, "show", "SM-P-02", "--as-of", "2027-02-01")
    assert "DC523" in trail_codes(s) and code == 1, (
        "a squash whose tree cannot be read by path counts as an approval; show V1.1: "
        f"{shown.stderr.strip()!r}\n" + out[-600:]
    )


def test_an_honest_octopus_merge_with_a_renamed_spaced_name_is_no_dc523(tmp_path):
    """Held: one merge of two branches (an octopus): the first moves SM-P-01 to a name with a
    space and Chinese characters and changes its purpose (V1.1); the second bumps SM-P-02.
    Every document it changes reads back by path: no DC523."""
    s = scenario(tmp_path)
    s.git.branch("cr-a")
    moved = "docs/procedures/测试 程序.md"
    (s.root / DOC).unlink()
    s.files.write(
        moved,
        procedure(version="V1.1", effective_date="2027-01-02").replace("目的的内容。", "新目的。"),
    )
    s.git.commit("移动并修改", who="zhaolei")
    s.git.checkout("main")
    bumped_b(s, "cr-b")
    s.git.merge_message(
        f"Merge branches 'cr-a' and 'cr-b'\n\n合并\n\nApproved-by: {ident('liujing')}\n"
        f"Reviewed-by: {ident('wangfang')}\n",
        "cr-a",
        "cr-b",
    )
    assert len(git_out(s, "log", "-1", "--format=%P").split()) == 3
    assert "DC523" not in trail_codes(s)
    rows = register(s)
    assert rows["SM-P-01"]["path"] == moved and rows["SM-P-01"]["last_approved_version"] == "V1.1"
    assert rows["SM-P-02"]["last_approved_version"] == "V1.1"
