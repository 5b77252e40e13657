"""history/untaken.py on real repositories: who wrote the lines a change brings when its side
forks from a commit off the line (rounds 120, 121)."""

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


def test_lines_a_draft_wrote_count_its_writer_under_another_name(tmp_path):
    """A branch from the draft commit moves the file and adds a line: blame follows the move
    back to her commit, so both she and the colleague wrote what lands."""
    g, draft = _draft_taken_back(tmp_path)
    g.run("checkout", "-q", "-b", "feat", draft)
    g.run("mv", DOC, "docs/final.md")
    _write(g, "her first line\nher second line\nhis line\n", "docs/final.md")
    tip = g.commit("moved", who="zhaolei")
    main = g.run("rev-parse", "main")
    with GitReader(tmp_path) as reader:
        found = untaken.new_text_writers(
            reader, {draft}, {draft}.__contains__, tip, main, ["docs/final.md"]
        )
    assert _names(found) == {PEOPLE["liujing"][0], PEOPLE["zhaolei"][0]}


def test_lines_the_line_already_holds_are_nobodys_new_text(tmp_path):
    """A later change of a branch git merged while main had fixed the same file: only the
    new line's writer, not the earlier branch's (its lines are on the line already)."""
    g = GitRepo(tmp_path)
    _write(g, "one\ntwo\nthree\nfour\nfive\n")
    g.commit("start")
    g.branch("dev")
    _write(g, "ONE by her\ntwo\nthree\nfour\nfive\n")
    d1 = g.commit("release 1", who="liujing")
    g.checkout("main")
    _write(g, "one\ntwo\nthree\nfour\nFIVE fixed\n")
    g.commit("fix")
    g.run("merge", "-q", "--no-ff", "-m", "release 1", "dev")
    g.checkout("dev")
    _write(g, "ONE by her\ntwo\nTHREE by him\nfour\nfive\n")
    g.commit("release 2", who="zhaolei")
    g.checkout("main")
    g.run("merge", "-q", "--no-ff", "-m", "release 2", "dev")
    merge, before = g.run("rev-parse", "main", "main^1").split()
    with GitReader(tmp_path) as reader:
        found = untaken.new_text_writers(reader, {d1}, {d1}.__contains__, merge, before, [DOC])
    assert _names(found) == {PEOPLE["zhaolei"][0]}


def test_a_side_forking_from_the_line_asks_git_nothing(tmp_path):
    _g, draft = _draft_taken_back(tmp_path)

    class NoGit:
        def __getattr__(self, name):
            raise AssertionError(f"git asked: {name}")

    found = untaken.new_text_writers(NoGit(), {draft}, lambda sha: False, "x", "y", [DOC])  # type: ignore[arg-type]
    assert found == []


def test_only_the_lines_that_land_count(tmp_path):
    """``result``: a line the tip holds but the change does not land is nobody's text."""
    g, draft = _draft_taken_back(tmp_path)
    g.run("checkout", "-q", "-b", "feat", draft)
    _write(g, "his only line\n")
    tip = g.commit("rewritten", who="zhaolei")
    main = g.run("rev-parse", "main")
    with GitReader(tmp_path) as reader:
        # the change lands only what the tip holds: her lines are gone
        found = untaken.new_text_writers(reader, {draft}, {draft}.__contains__, tip, main, [DOC])
        assert _names(found) == {PEOPLE["zhaolei"][0]}
        # a result that holds nothing of the file: no writer
        start = g.run("rev-list", "--max-parents=0", "main")
        assert (
            untaken.new_text_writers(reader, {draft}, {draft}.__contains__, tip, main, [DOC], start)
            == []
        )


def test_forks_are_the_parents_outside_the_side():
    parents = {"c": ("b",), "b": ("a", "x"), "m": ("c", "y")}
    assert untaken.forks(["b", "c", "m"], lambda sha: parents.get(sha, ())) == {"a", "x", "y"}
