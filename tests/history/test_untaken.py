"""history/untaken.py on real repositories: the commits under a fork off the line that the
merge which brought the fork did not take (round 120)."""

from __future__ import annotations

from doccontrol.history import untaken
from doccontrol.history.gitread import GitReader
from gitrepo import GitRepo

DOC = "docs/draft.md"


def _line(g: GitRepo) -> list[str]:
    return g.run("rev-list", "--first-parent", "main").split()


def _brought_by(g: GitRepo):
    """Each commit off the line → (the oldest line commit holding it, its first parent)."""
    line = _line(g)
    place = {sha: at for at, sha in enumerate(line)}

    def by(sha: str):
        if sha in place:
            return None
        holding = g.run("rev-list", "--ancestry-path", f"{sha}..main").split()
        at = max(place[h] for h in holding if h in place)
        return line[at], line[at + 1]

    return by


def _history(tmp_path, taken_back: bool) -> tuple[GitRepo, str]:
    """main: a first commit; branch draft: liujing adds the draft (then, ``taken_back``,
    removes it again); draft merged into main. Returns (the repo, the draft commit)."""
    g = GitRepo(tmp_path)
    (tmp_path / "README.md").write_text("start\n")
    g.run("add", "-A")
    g.commit("start")
    g.branch("draft")
    (tmp_path / "docs").mkdir()
    (tmp_path / DOC).write_text("her draft\n")
    g.run("add", "-A")
    draft = g.commit("draft", who="liujing")
    if taken_back:
        g.run("rm", "-q", DOC)
        g.commit("taken back", who="liujing")
    g.checkout("main")
    g.run("merge", "-q", "--no-ff", "-m", "merge draft", "draft")
    return g, draft


def test_a_fork_whose_text_the_merge_did_not_take_gives_its_commits(tmp_path):
    g, draft = _history(tmp_path, taken_back=True)
    with GitReader(tmp_path) as reader:
        found = untaken.untaken_commits(reader, {draft}, _brought_by(g), [DOC])
    assert [(sha, a.author_name) for sha, a in found] == [(draft, "刘静")]


def test_a_fork_whose_text_the_merge_took_gives_nothing(tmp_path):
    g, draft = _history(tmp_path, taken_back=False)
    with GitReader(tmp_path) as reader:
        assert untaken.untaken_commits(reader, {draft}, _brought_by(g), [DOC]) == []


def test_a_fork_on_the_line_or_a_path_not_changed_asks_nothing(tmp_path):
    g, draft = _history(tmp_path, taken_back=True)
    with GitReader(tmp_path) as reader:
        # the line's own commit: nothing to ask
        assert untaken.untaken_commits(reader, set(_line(g)), _brought_by(g), [DOC]) == []
        # a path both hold alike (README.md): the merge took the fork's text of it
        assert untaken.untaken_commits(reader, {draft}, _brought_by(g), ["README.md"]) == []
        assert untaken.untaken_commits(reader, {draft}, _brought_by(g), []) == []


def test_forks_are_the_parents_outside_the_side():
    parents = {"c": ("b",), "b": ("a", "x"), "m": ("c", "y")}
    assert untaken.forks(["b", "c", "m"], lambda sha: parents.get(sha, ())) == {"a", "x", "y"}


def _both_changed(tmp_path, strategy: str) -> tuple[GitRepo, str]:
    """The draft branch changes the first line of a file main changes the last line of (a fix
    merged first); the branch is then merged with ``strategy`` ("recursive": git's own 3-way
    merge, "ours": the branch's text dropped)."""
    g = GitRepo(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / DOC).write_text("one\ntwo\nthree\nfour\nfive\n")
    g.run("add", "-A")
    g.commit("start")
    g.branch("draft")
    (tmp_path / DOC).write_text("ONE by her\ntwo\nthree\nfour\nfive\n")
    g.run("add", "-A")
    draft = g.commit("draft", who="liujing")
    g.checkout("main")
    (tmp_path / DOC).write_text("one\ntwo\nthree\nfour\nFIVE fixed\n")
    g.run("add", "-A")
    g.commit("fix")
    g.run("merge", "-q", "--no-ff", "-s", strategy, "-m", "merge draft", "draft")
    return g, draft


def test_a_fork_git_merged_with_a_fix_on_the_line_was_taken(tmp_path):
    """The ids differ (the merge holds her line and the fix), but git's own merge of the fork
    into the line before it gives the merge's text: taken, nobody owed."""
    g, draft = _both_changed(tmp_path, "recursive")
    assert "ONE by her" in g.run("show", f"main:{DOC}")
    with GitReader(tmp_path) as reader:
        assert untaken.untaken_commits(reader, {draft}, _brought_by(g), [DOC]) == []


def test_a_fork_a_merge_dropped_with_strategy_ours_was_not_taken(tmp_path):
    g, draft = _both_changed(tmp_path, "ours")
    assert "ONE by her" not in g.run("show", f"main:{DOC}")
    with GitReader(tmp_path) as reader:
        found = untaken.untaken_commits(reader, {draft}, _brought_by(g), [DOC])
    assert [sha for sha, _ in found] == [draft]
