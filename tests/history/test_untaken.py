"""history/untaken.py on real repositories: who wrote what a change brings when its side forks
from a commit no approval judged (rounds 120 to 122)."""

from __future__ import annotations

from doccontrol.history import untaken
from doccontrol.history.gitread import GitReader
from gitrepo import PEOPLE, GitRepo

DOC = "docs/draft.md"


def _write(g: GitRepo, text: str, path: str = DOC) -> None:
    (g.root / path).parent.mkdir(parents=True, exist_ok=True)
    (g.root / path).write_text(text)
    g.run("add", "-A")


def _names(found) -> set[str]:
    return {ancestor.author_name for _, ancestor in found}


def _brought(g: GitRepo, sha: str) -> untaken.Brought:
    """(the oldest line commit holding ``sha``, its first parent), as history records it."""
    line = g.run("rev-list", "--first-parent", "main").split()
    holding = set(g.run("rev-list", "--ancestry-path", f"{sha}..main").split())
    at = max(i for i, c in enumerate(line) if c in holding)
    return line[at], line[at + 1]


def _draft_taken_back(tmp_path) -> tuple[GitRepo, str]:
    """liujing's draft on a branch, taken back there, the branch merged (a no-op)."""
    g = GitRepo(tmp_path)
    _write(g, "start\n", "README.md")
    g.commit("start")
    g.branch("draft")
    _write(g, "her first line\nher second line\n")
    draft = g.commit("draft", who="liujing")
    g.run("rm", "-q", DOC)
    g.commit("taken back", who="liujing")
    g.checkout("main")
    g.run("merge", "-q", "--no-ff", "-m", "merge draft", "draft")
    return g, draft


def test_a_fork_whose_text_its_merge_dropped_owes_its_writer_whatever_lands(tmp_path):
    """Judged by commits: a branch from the draft that rewords every line still owes her."""
    g, draft = _draft_taken_back(tmp_path)
    g.run("checkout", "-q", "-b", "feat", draft)
    g.run("mv", DOC, "docs/final.md")
    _write(g, "His first line.\nHis second line.\n", "docs/final.md")
    tip = g.commit("reworded", who="zhaolei")
    main = g.run("rev-parse", "main")
    unvouched = {draft: _brought(g, draft)}
    with GitReader(tmp_path) as reader:
        found = untaken.writers_not_new(
            reader, {draft}, unvouched, set(), tip, main, ["docs/final.md"]
        )
    assert _names(found) == {PEOPLE["liujing"][0]}


def _both_changed(tmp_path, strategy: str) -> tuple[GitRepo, str]:
    """The draft branch changes the first line of a file main changes the last line of (a fix
    merged first); the branch is then merged with ``strategy`` ("ort": git's own 3-way merge,
    "ours": the branch's text dropped)."""
    g = GitRepo(tmp_path)
    _write(g, "one\ntwo\nthree\nfour\nfive\n")
    g.commit("start")
    g.branch("draft")
    _write(g, "ONE by her\ntwo\nthree\nfour\nfive\n")
    draft = g.commit("draft", who="liujing")
    g.checkout("main")
    _write(g, "one\ntwo\nthree\nfour\nFIVE fixed\n")
    g.commit("fix")
    g.run("merge", "-q", "--no-ff", "-s", strategy, "-m", "merge draft", "draft")
    return g, draft


def test_a_fork_git_merged_with_a_fix_on_the_line_was_taken(tmp_path):
    """The merge holds her line and the fix (not the fork's file), but git's own merge of the
    fork into the line before it gives the merge's text: taken, nobody owed."""
    g, draft = _both_changed(tmp_path, "ort")
    assert "ONE by her" in g.run("show", f"main:{DOC}")
    with GitReader(tmp_path) as reader:
        merge = _brought(g, draft)
        assert untaken.untaken(reader, [draft], {draft: merge}, {merge[0]}) == []
        # the same merge, had it approved nothing, judged no text (round 123)
        found = untaken.untaken(reader, [draft], {draft: merge}, set())
        assert [sha for sha, _ in found] == [draft]


def test_a_fork_a_merge_dropped_with_strategy_ours_was_not_taken(tmp_path):
    g, draft = _both_changed(tmp_path, "ours")
    assert "ONE by her" not in g.run("show", f"main:{DOC}")
    with GitReader(tmp_path) as reader:
        merge = _brought(g, draft)
        found = untaken.untaken(reader, [draft], {draft: merge}, {merge[0]})
    assert [sha for sha, _ in found] == [draft]


def test_new_lines_are_those_the_line_held_in_none_of_the_changed_files(tmp_path):
    """A paragraph moved from one changed file to another is nobody's new text; a line the
    change writes is its writer's."""
    g = GitRepo(tmp_path)
    _write(g, "her paragraph\nkept\n", "docs/a.md")
    before = g.commit("start", who="liujing")
    _write(g, "kept\n", "docs/a.md")
    _write(g, "her paragraph\nhis new line\n", "docs/b.md")
    tip = g.commit("moved", who="zhaolei")
    with GitReader(tmp_path) as reader:
        found = untaken.new_lines(reader, tip, before, ["docs/a.md", "docs/b.md"])
        assert _names(found) == {PEOPLE["zhaolei"][0]}
        # what lands decides: a result without his line owes nobody
        assert untaken.new_lines(reader, tip, before, ["docs/b.md"], before) == []


def test_a_side_forking_from_the_line_under_control_asks_git_nothing():
    class NoGit:
        def __getattr__(self, name):
            raise AssertionError(f"git asked: {name}")

    reader = NoGit()
    assert untaken.writers_not_new(reader, {"a"}, {}, set(), "x", "y", [DOC]) == []  # type: ignore[arg-type]


def test_forks_are_the_parents_outside_the_side():
    parents = {"c": ("b",), "b": ("a", "x"), "m": ("c", "y")}
    assert untaken.forks(["b", "c", "m"], lambda sha: parents.get(sha, ())) == {"a", "x", "y"}


def test_a_line_any_document_held_before_is_nobodys_new_text(tmp_path):
    """A heading every procedure has, written first by someone else in another document, is
    not the new document's text; a draft kept at a path nothing controls is no document, so
    its lines copied in stay its writer's where git's blame -C -C sees the copy (a block with
    enough ASCII letters and digits: git counts those alone, so a copy of Chinese prose alone
    is not seen; README)."""
    g = GitRepo(tmp_path)
    _write(g, "## 1 目的\nold text\n", "docs/old.md")
    g.commit("first procedure", who="wangfang")
    draft = "id: SM-P-09\ntitle: Draft procedure for change records\nversion: V1.0\n"
    _write(g, draft, "drafts/p9.md")
    before = g.commit("draft kept aside", who="liujing")
    _write(g, "## 1 目的\n" + draft + "his line\n", "docs/new.md")
    tip = g.commit("new procedure", who="zhaolei")
    with GitReader(tmp_path) as reader:
        found = untaken.new_lines(reader, tip, before, ["docs/new.md"])
    assert _names(found) == {PEOPLE["liujing"][0], PEOPLE["zhaolei"][0]}
