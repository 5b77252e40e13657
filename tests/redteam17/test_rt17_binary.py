"""A document whose text holds a NUL byte, which git takes for binary: ``git merge-file``
refuses to merge it (exit 255), ``GitReader.merge_file`` returns None, and ``lacks()`` reads
None as "lacks main's text" — whatever the text. The quick path (no git) never asks; the text
path (an octopus always; a two-parent merge whenever the run extends a cache, so line_index
does not know where the branch left main) says DC522."""

from __future__ import annotations

from rt16_helpers import DOC, approve, bump, fresh, git, hand_merge, head, make_scenario, problems


def _nul_branch(s, name="cr-a"):
    s.git.branch(name, "main")  # from main as it stands: holds main's version exactly
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\x00（控制字符）")
    s.git.commit(f"{name}: 适用范围", who="zhouqiang")
    s.git.checkout("main")


def test_a_current_branch_of_a_nul_document_is_not_stale_with_or_without_the_cache(tmp_path):
    """FINDING (false positive + cache dependence; approve and trail disagree). 周强 branches
    from main and edits a document whose new text holds a NUL byte. approve merges it (exit 0,
    and approve leaves a history cache behind). The next ``trail`` extends that cache and says
    DC522 (the approval does not take effect); with .git/doccontrol removed it says nothing."""
    s = make_scenario(tmp_path)
    _nul_branch(s)
    result, merged = approve(s, "cr-a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m1 = head(s)
    with_cache = problems(s, m1)
    fresh(s)
    without = problems(s, m1)
    assert with_cache == without == [], (with_cache, without)


def test_an_octopus_of_current_branches_of_a_nul_document_is_not_stale(tmp_path):
    """FINDING (false positive). The same up-to-date branch merged in an octopus with an
    unrelated branch: an octopus is always judged by the text, and merge-file's refusal of a
    binary file is read as \"lacks\"; DC522 even on a fresh run."""
    s = make_scenario(tmp_path)
    _nul_branch(s, "cr-b")
    s.git.branch("cr-c", "main")
    (s.root / "other.txt").write_text("c\n", encoding="utf-8")
    s.git.commit("cr-c: other", who="zhaolei")
    s.git.checkout("main")
    m = hand_merge(s, "cr-b", "cr-c")
    assert "\x00" in git(s, "show", f"main:{DOC}").stdout
    fresh(s)
    assert "DC522" not in problems(s, m)
