"""A document moved and rewritten in one change: git's diff is a deletion of the old path and
an addition of the new one (below 50% similar), both in the reviewed diff (merge base →
branch) and in the merge's own. ``undoable()`` lists the added version's claimed document
(main's SM-P-01 at test.md) and, the merge deleting test.md, the same document again as a
``moved`` one; the list keeps one entry per id, and the later one (``moved=True``) replaces
the claimed one. ``lacks()`` then judges it only where git's diff base → branch renames
test.md to new.md, which it does not. Separately, the changes are applied in git's path
order: an added new.md sorting before the deleted test.md is applied first, and the deletion
then marks SM-P-01 withdrawn though new.md holds it."""

from __future__ import annotations

from rt20_helpers import (
    DOC,
    P,
    add_p,
    approve_ok,
    both_runs,
    bump_at,
    event_docs,
    git,
    make_scenario,
    rewrite_body,
    state_of,
    take_conflicted,
    trail_json,
)

NEW = "docs/procedures/new.md"  # sorts before test.md
LATER = "docs/procedures/zz.md"  # sorts after test.md


def _rewritten_branch(s, path, old="V1.0"):
    """赵磊's cr-b (from main's tip) moves SM-P-01 to ``path`` (``None``: keeps it at test.md),
    rewrites every section and bumps it to V2.0, keeping its id."""
    s.git.branch("cr-b", "main")
    if path is not None:
        git(s, "mv", DOC, path)
    bump_at(s, path or DOC, old, "V2.0")
    rewrite_body(s, path or DOC)
    s.git.commit("cr-b: 全面改写并迁移", who="zhaolei")
    s.git.checkout("main")


def test_a_stale_rewrite_moved_keeping_the_id_is_stale(tmp_path):
    """FINDING (false negative, fresh and cached). Steps: 赵磊's cr-b (from M0) moves SM-P-01
    test.md → new.md, keeps its id, rewrites every section and makes V2.0; the reviewed diff
    main...cr-b is D test.md (V1.0's text) + A new.md. 周强's paragraph P is approved on main
    meanwhile (V1.1). 刘静 merges cr-b: git stops on the modify/delete conflict of test.md; she
    resolves it as cr-b did (test.md removed), keeping cr-b's new.md.
    What happened: P is gone from main and SM-P-01 V2.0 is approved, with no problem, fresh
    or cached. ``undoable()`` lists SM-P-01 twice — as the document new.md claims (which
    would be judged against main's test.md: DC522) and as the document the merge deletes
    (``moved=True``) — and keeps the second; ``lacks()`` then gives up because git's diff
    base → cr-b does not rename test.md to new.md (it is a rewrite).
    Why it matters: the same stale rewrite left at test.md is DC522 (control below); moving
    the file in the same change turns the check off. No reviewed diff showed P's removal.
    Safe behaviour: DC522 — the claimed document is judged as main held it whether or not
    the merge also deletes it (a ``moved`` entry must not replace a claimed one)."""
    s = make_scenario(tmp_path)
    _rewritten_branch(s, NEW)
    add_p(s)
    reviewed = git(s, "diff", "-M", "--name-status", "main...cr-b").stdout.split()
    assert reviewed == ["A", NEW, "D", DOC], reviewed  # the review: a rewrite, no P shown
    trail_json(s)  # a cache, as approve leaves one
    m = take_conflicted(s, "cr-b", NEW, remove=[DOC])
    assert P not in (s.root / NEW).read_text("utf-8") and not (s.root / DOC).exists()
    docs, approved = event_docs(s, m)
    assert ("SM-P-01", "V2.0", "approval") in docs and not approved, docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_the_same_stale_rewrite_in_place_is_stale(tmp_path):
    """HELD (control). The same stale rewrite left at test.md, merged taking cr-b's file:
    DC522, fresh and cached."""
    s = make_scenario(tmp_path)
    _rewritten_branch(s, None)
    add_p(s)
    trail_json(s)
    m = take_conflicted(s, "cr-b", DOC)
    assert P not in (s.root / DOC).read_text("utf-8")
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_an_honest_rewrite_and_move_leaves_the_document_in_force(tmp_path):
    """FINDING (false accusation, fresh and cached). Steps: P approved on main (V1.1). 赵磊's
    cr-b, from main's tip, moves SM-P-01 test.md → new.md, keeps its id, rewrites every
    section and makes V2.0; approve merges it (git: A new.md + D test.md). Later 周强's cr-c
    (from main's tip) edits new.md's 目的 (V2.1); approve merges it with no warning.
    What happened: the trail records cr-b's merge as an approval of SM-P-01 V2.0 *and* an
    approved withdrawal of SM-P-01 V2.0 (the added new.md is applied before the deletion of
    test.md, git's path order, and the deletion withdraws the document new.md now holds);
    SM-P-01 is withdrawn in the derived history. cr-c's honest, up-to-date edit is then
    **DC522** ("would undo approved content": main holds no SM-P-01, and the merge base
    holds it), and V2.1 is not approved, fresh and cached.
    Why it matters: an ordinary reviewed move-and-rewrite marks an in-force procedure
    withdrawn, and every later approval of it is accused of undoing approved text; with the
    new path sorting after the old one (control below) nothing of this happens.
    Safe behaviour: a deletion withdraws only a document no path holds any more (SM-P-01
    stays in force at new.md); cr-c's approval has no DC522 and is approved."""
    s = make_scenario(tmp_path)
    add_p(s)
    _rewritten_branch(s, NEW, old="V1.1")
    approve_ok(s, "cr-b")
    withdrawn = state_of(s, "SM-P-01").withdrawn  # between the two approvals
    s.git.branch("cr-c", "main")
    bump_at(s, NEW, "V2.0", "V2.1", "目的：", "目的（修订）：")
    s.git.commit("cr-c: V2.1", who="zhouqiang")
    s.git.checkout("main")
    trail_json(s)
    m = approve_ok(s, "cr-c")
    _, approved = event_docs(s, m)
    cached, without = both_runs(s, m)
    assert (cached, without, approved, withdrawn) == ([], [], True, False)


def test_held_an_honest_rewrite_and_move_to_a_later_path(tmp_path):
    """HELD (control). The same honest move-and-rewrite to zz.md (sorting after test.md):
    SM-P-01 stays in force, and the later edit is approved with no problem."""
    s = make_scenario(tmp_path)
    add_p(s)
    _rewritten_branch(s, LATER, old="V1.1")
    approve_ok(s, "cr-b")
    withdrawn = state_of(s, "SM-P-01").withdrawn
    s.git.branch("cr-c", "main")
    bump_at(s, LATER, "V2.0", "V2.1", "目的：", "目的（修订）：")
    s.git.commit("cr-c: V2.1", who="zhouqiang")
    s.git.checkout("main")
    trail_json(s)
    m = approve_ok(s, "cr-c")
    _, approved = event_docs(s, m)
    cached, without = both_runs(s, m)
    assert (cached, without, approved, withdrawn) == ([], [], True, False)
