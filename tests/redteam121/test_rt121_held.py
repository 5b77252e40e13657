"""What held in round 121 (the most instructive of what was tried against 4c1fd08), and the
cost of the fix (hole 4)."""

from __future__ import annotations

from rt120_helpers import her_text_via_a_noop_merge
from rt121_helpers import DRAFTER, HER_TITLE, NEW, many_forks, new_doc, refused, trail_strict

from doccontrol.history import gitread


def test_held_a_cache_from_before_the_approval_extends_to_the_same_verdict(scenario):
    """Round 120's history with the cache (``.git/doccontrol``, ``brought_by`` in it) written
    by a trail run before the approval: the run that extends it after the approval finds her
    a writer as a fresh one does (DC503)."""
    s = scenario
    _draft, approval = her_text_via_a_noop_merge(s, "new", via="forge")
    s.git.run("reset", "-q", "--hard", f"{approval}^1")
    code, out = trail_strict(s)
    assert code == 0, out  # the no-op merge: nothing to judge
    s.git.run("reset", "-q", "--hard", approval)
    ok, said = refused(s, approval, "SM-P-09")
    assert ok, said


def test_held_a_noop_merge_on_a_side_branch(scenario):
    """Her draft first brought in by a merge on a side branch (a no-op there), the side branch
    merged into main later: the draft commit's brought_by is the line merge that brought the
    side branch, which does not hold her text, so a branch built on the draft counts her."""
    s = scenario
    s.git.branch("draft")
    s.files.write(NEW, new_doc("SM-P-09", title=HER_TITLE))
    draft = s.git.commit("起草", who=DRAFTER)
    s.git.run("rm", "-q", NEW)
    s.git.commit("撤回草稿", who=DRAFTER)
    s.git.branch("side", "main")
    s.files.write("notes.txt", "说明\n")
    s.git.commit("说明", who="zhaolei")
    s.git.merge_message("Merge branch 'draft' into side", "draft", who="zhaolei")
    s.git.checkout("main")
    s.git.merge_message("Merge branch 'side'", "side", who="zhaolei")
    s.git.branch("feat", draft)
    file = s.root / NEW
    file.write_text(
        file.read_text("utf-8").replace("适用范围的内容。", "适用范围：全公司。"), "utf-8"
    )
    s.git.commit("补充说明", who="zhaolei")
    s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "main", who="zhaolei")
    s.git.run("checkout", "-q", "feat", "--", NEW)
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", "Merge main", who="zhaolei", date=s.git.next_date())
    approval = s.git.merge("feat", "补充说明", who=DRAFTER, approvers=(DRAFTER,))
    ok, said = refused(s, approval, "SM-P-09")
    assert ok, said


def test_held_a_colleague_cherry_picks_her_draft(scenario):
    """赵磊 cherry-picks her no-op-merged draft commit onto his branch: git keeps her as its
    author (he is its committer), and the new commit is among what the approval brings in."""
    s = scenario
    s.git.branch("draft")
    s.files.write(NEW, new_doc("SM-P-09", title=HER_TITLE))
    draft = s.git.commit("起草", who=DRAFTER)
    s.git.run("rm", "-q", NEW)
    s.git.commit("撤回草稿", who=DRAFTER)
    s.git.checkout("main")
    s.git.merge_message("Merge branch 'draft'", "draft", who="zhaolei")
    s.git.branch("feat")
    s.git.run("cherry-pick", draft, who="zhaolei", date=s.git.next_date())
    approval = s.git.merge("feat", "补充说明", who=DRAFTER, approvers=(DRAFTER,))
    ok, said = refused(s, approval, "SM-P-09")
    assert ok, said


# --- hole 4 (low): what the fix asks git for grows with the square of the forks -------------


def _rows_read(monkeypatch, s) -> tuple[int, int]:
    """(git processes the writers' question ran, commits they listed) for one fresh derivation
    of ``s``'s history in this process. (Round 121 counted ``branch_commits``, which the fix
    asks no more: now ``holding``, once per earlier merge, and ``blamed`` per changed path.)"""
    calls, rows = [0], [0]
    holding, blamed = gitread.GitReader.holding, gitread.GitReader.blamed

    def counting_holding(self, heads, base):
        calls[0] += 1
        found = holding(self, heads, base)
        rows[0] += len(found)
        return found

    def counting_blame(self, rev, path):
        calls[0] += 1
        return blamed(self, rev, path)

    monkeypatch.setattr(gitread.GitReader, "holding", counting_holding)
    monkeypatch.setattr(gitread.GitReader, "blamed", counting_blame)
    s.history()
    return calls[0], rows[0]


N = 300


def test_the_forks_cost_no_more_than_the_commits(scenario, monkeypatch):
    s = scenario
    approval = many_forks(s, N)
    calls, rows = _rows_read(monkeypatch, s)
    assert s.git.head() == approval
    # before the fix: 300 git processes listing 45,150 commits for a history of ~600; now
    # one log of her commits (and a blame: the branch also forks from before control began)
    assert 0 < calls <= 3 and rows <= N + 2, (calls, rows)


def test_control_the_same_forks_without_a_noop_merge(scenario, monkeypatch):
    """The same 赵磊 branch forking from each of her commits, which no merge brought before:
    they are all new to the line (and she is a writer)."""
    s = scenario
    many_forks(s, N, noop=False)
    calls, rows = _rows_read(monkeypatch, s)
    # the branch also forks from main's first commit, from before control began (a draft the
    # line gave up before then could be brought back): one blame, as with the no-op merge
    assert calls <= 3 and rows <= N + 2, (calls, rows)
