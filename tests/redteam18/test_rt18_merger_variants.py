"""Ways the merge's version of a stale branch's whole file escapes ``lacks()`` although it
undoes main's approved paragraph P and no reviewed diff showed that:

- ``lacks()`` finds the merged branch by *exact bytes* (``read_file_at(p, new_path) ==
  result``) and answers "not lacking" when no side holds them ("the merger wrote it, judged as
  such"); but the "merger wrote it" test in ``step()`` compares *without the effective-date
  line* (``sans_effective``), as ``approve --effective`` sets the date in the merge. A version
  that is a side's but for its date falls between the two: neither judged as stale nor as
  the merger's.
- a version holding a NUL byte is "not judged" (round 17's fix), whatever it lacks.
- main renamed the document; the branch's file, taken at main's new path (git's own
  ``checkout --theirs`` in a rename conflict), is at a path no side has: "the merger wrote
  it", which only makes the merger an author."""

from __future__ import annotations

import re

from rt18_helpers import (
    DOC,
    MSG,
    P,
    add_p,
    all_codes,
    approve,
    bump,
    fresh,
    git,
    hand_merge,
    head,
    make_scenario,
    trail_json,
)

MOVED = "docs/procedures/moved.md"


def _stale_b(s, *pairs):
    """赵磊's cr-b is made from M0 (V1.0); 周强's P is approved (V1.1); cr-b then makes V1.2 (a
    new 目的, plus ``pairs``). Its diff from the merge base never shows P."""
    s.git.branch("cr-b", "main")
    s.git.checkout("main")
    add_p(s)
    s.git.checkout("cr-b")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。", *pairs)
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    assert P not in git(s, "diff", "main...cr-b").stdout


def test_stale_whole_file_with_the_date_set_in_the_merge_is_stale(tmp_path):
    """FINDING (false negative, fresh and cached). Steps: the stale cr-b above; 刘静 merges it
    by hand (its trailers), resolving the conflict by taking cr-b's whole file, and sets the
    effective date in the merge (as ``approve --effective`` does: 2027-06-01). What happened:
    P is gone from main; the trail reports no problem at all, fresh or cached — whereas the
    same merge keeping cr-b's date is DC522 (round 17 HELD). ``step()`` does not count the
    version as the merger's (it is cr-b's but for the date: ``sans_effective``), so ``stale()``
    is asked; ``lacks()`` finds no parent holding those exact bytes and returns False. Why it
    matters: one changed date line turns off DC522 for any stale whole file. Safe: DC522
    (lacks() finds the merged side by the text with the date set aside, as step() does)."""
    s = make_scenario(tmp_path)
    _stale_b(s)
    trail_json(s)
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-b", who="liujing")
    git(s, "checkout", "cr-b", "--", DOC)
    text = (s.root / DOC).read_text(encoding="utf-8")
    text = re.sub(r"effective_date: \S+", "effective_date: 2027-06-01", text, count=1)
    (s.root / DOC).write_text(text, encoding="utf-8")
    git(s, "add", DOC)
    s.git.run("commit", "-q", "-m", MSG.format("cr-b"), who="liujing", date=s.git.next_date())
    m = head(s)
    assert P not in git(s, "show", f"main:{DOC}").stdout
    cached = all_codes(s, m)
    fresh(s)
    without = all_codes(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_stale_whole_file_holding_a_nul_byte_is_stale(tmp_path):
    """FINDING (false negative, fresh and cached). Steps: the stale cr-b above, whose V1.2
    also puts a NUL byte into one line (``术语和定义的内容。\\x00``); the merger takes cr-b's
    whole file. What happened: P is gone, the merge is an approval of SM-P-01 V1.2 with no
    problem at all (fresh and cached): ``lacks()`` returns False for any version holding a
    NUL (round 17's fix for a false positive), and nothing else in the trail objects to the
    byte. Why it matters: one invisible byte switches DC522 off for a stale whole file; the
    author can remove it in the next change. Safe: DC522 — a version git will not merge as
    text is compared by other means (e.g. lines, or merge-file with ``--text``/``-a``), not
    waved through."""
    s = make_scenario(tmp_path)
    _stale_b(s, "术语和定义的内容。", "术语和定义的内容。\x00")
    trail_json(s)
    m = hand_merge(s, "cr-b", take="cr-b")
    assert P not in git(s, "show", f"main:{DOC}").stdout
    cached = all_codes(s, m)
    fresh(s)
    without = all_codes(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def _moved_on_main(s):
    """cr-b (from M0) makes V1.2 at test.md; 周强's cr-a adds P and moves the procedure to
    moved.md (approved by approve)."""
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n" + P)
    git(s, "mv", DOC, MOVED)
    s.git.commit("cr-a: P，移动", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr


def test_stale_file_taken_at_the_path_main_moved_it_to_is_stale(tmp_path):
    """FINDING (false negative, fresh and cached). Steps: main's approved cr-a adds P and
    moves SM-P-01 to moved.md; cr-b (made before) edits it at test.md. ``git merge cr-b``
    conflicts (rename/modify); 赵磊, who pushes the merge with 刘静's trailers, resolves it
    the usual way, ``git checkout --theirs moved.md`` (cr-b's whole file at the new path).
    What happened: P is gone from main; no problem at all. No merged side has that version at
    moved.md, so ``step()`` marks it as the merger's and ``stale()`` is never asked; being the
    merger's only adds the merger to the authors (with 刘静 as merger it is DC503
    self-approval; with 赵磊, the branch's own author, nothing). Why it matters: the stale
    file undoes approved text with no diff showing it, exactly DC522's case. Safe: DC522
    (judge the merge's version against main's at the path main held it under, and find the
    merged side's version through the rename)."""
    s = make_scenario(tmp_path)
    _moved_on_main(s)
    trail_json(s)
    r = s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-b", who="zhaolei")
    assert r.returncode != 0  # a conflict
    git(s, "checkout", "--theirs", "--", MOVED)
    git(s, "add", MOVED)
    s.git.run("commit", "-q", "-m", MSG.format("cr-b"), who="zhaolei", date=s.git.next_date())
    m = head(s)
    assert not (s.root / DOC).exists()
    assert P not in git(s, "show", f"main:{MOVED}").stdout
    assert "修订的目的" in git(s, "show", f"main:{MOVED}").stdout
    cached = all_codes(s, m)
    fresh(s)
    without = all_codes(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)
