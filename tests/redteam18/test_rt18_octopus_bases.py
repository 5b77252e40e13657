"""An octopus merge of a controlled file, where main and a merged branch have two merge bases
(a criss-cross): the merge's version was judged against git's merge over the first base only,
so which base git listed first chose the verdict. The branch's diff from the other base hides
the removal of an approved change."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import blob, history, last_event

SCHEMA = "schemas/records/incident.schema.json"
TITLE = ('"title": "测试事件"', '"title": "测试事件（甲）"')
KEEP = ('"retention_years": 3', '"retention_years": 5')
TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def _edit(s, *pairs):
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    s.files.write(SCHEMA, text)


def _crisscross(s):
    """cr-b starts on M0 and commits b1 (dated before M1, so git lists M1 first); cr-a's TITLE is approved (M1);
    main merges b1 (M2); cr-b merges M1 and then drops TITLE while making KEEP. The merge
    bases of main and cr-b are M1 (holding TITLE) and b1 (without), M1 listed first."""
    s.git.branch("cr-b")
    (s.root / "notes.txt").write_text("b1\n", encoding="utf-8")
    s.git.commit("cr-b: notes", who="zhaolei", date="2026-01-01T12:00:00+08:00")
    s.git.checkout("main")
    s.git.branch("cr-a")
    _edit(s, TITLE)
    s.git.commit("cr-a: title", who="zhaolei")
    s.git.checkout("main")
    m1 = s.git.merge_message("Merge branch 'cr-a'\n\n甲\n\n" + TRAILERS, "cr-a")
    s.git.merge_message("Merge branch 'cr-b'\n\n笔记\n\n" + TRAILERS, "cr-b")
    s.git.checkout("cr-b")
    s.git.run("merge", "-q", "--no-ff", "-m", "merge main", m1, who="zhaolei")
    _edit(s, (TITLE[1], TITLE[0]), KEEP)
    s.git.commit("cr-b: retention", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-y")
    (s.root / "other.txt").write_text("y\n", encoding="utf-8")
    s.git.commit("cr-y: other", who="zhouqiang")
    s.git.checkout("main")
    bases = s.git.run("merge-base", "--all", "main", "cr-b").split()
    assert bases[0] == m1 and len(bases) == 2, bases
    return m1


def _octopus_with(s, text):
    """刘静 commits an octopus of cr-b and cr-y whose schema is ``text``."""
    s.git.run("merge", "-q", "--no-ff", "--no-commit", "cr-y", who="liujing", check=False)
    s.files.write(SCHEMA, text)
    (s.root / "notes.txt").write_text("b1\n", encoding="utf-8")
    s.git.run("add", "-A")
    tree = s.git.run("write-tree").strip()
    message = "Merge branches 'cr-b' and 'cr-y'\n\n乙\n\n" + TRAILERS
    made = s.git.run(
        "commit-tree",
        tree,
        "-p",
        "main",
        "-p",
        "cr-b",
        "-p",
        "cr-y",
        "-m",
        message,
        who="liujing",
        date=s.git.next_date(),
    ).strip()
    s.git.run("merge", "--abort", check=False)
    s.git.run("reset", "-q", "--hard", made)
    return made


def test_an_octopus_hiding_a_removal_from_one_merge_base_is_not_the_branches_version(tmp_path):
    """FINDING (session 18, from the open point "octopus merges over one merge base"). The
    octopus takes cr-b's schema (TITLE gone, KEEP made): git's merge over M1 gives that, but
    the diff from b1, the other base, never shows TITLE's removal. Safe: DC516.merged, the
    schema does not take effect, and the one in force keeps TITLE."""
    s = make_scenario(tmp_path)
    _crisscross(s)
    theirs = s.git.run("show", f"cr-b:{SCHEMA}")
    _octopus_with(s, theirs)
    last = last_event(s)
    assert "problem.DC516.merged" in [p["key"] for p in last["problems"]], last["problems"]
    assert SCHEMA not in last["accepted"], last
    in_force = history(s).in_force_files[SCHEMA]
    assert in_force is not None and TITLE[1].encode() in blob(s, in_force)


def test_an_octopus_where_every_base_agrees_takes_effect(tmp_path):
    """HELD (control). The same criss-cross, but cr-b keeps TITLE: git's merge over either
    base gives TITLE and KEEP, which is the octopus's schema; it takes effect."""
    s = make_scenario(tmp_path)
    _crisscross(s)
    s.git.checkout("cr-b")
    _edit(s, TITLE)
    s.git.commit("cr-b: keep the title", who="zhaolei")
    s.git.checkout("main")
    _octopus_with(s, s.git.run("show", f"cr-b:{SCHEMA}"))
    last = last_event(s)
    assert last["problems"] == [], last["problems"]
    assert SCHEMA in last["accepted"], last
