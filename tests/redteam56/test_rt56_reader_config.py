"""Round 56, question 1 ("is rests_on_no_note computed on the right diff for every kind of
first-parent commit: root commit, merge…"): the diff every rule reads (``commit.changes``,
``GitReader.first_parent_commits``: ``git log --first-parent -m --raw``) is shaped by the
reader's own git configuration, which the command does not pin (it pins log.showSignature,
core.quotePath and log.mailmap only):

- ``log.showRoot=false`` (git: "Tools like git-log, which normally hide the root commit"): the
  root commit shows no diff, so the first committed doccontrol.yml is never seen, and the
  first *later* change to it "stands from its own commit (trust has to begin somewhere)",
  even an author's direct push;
- ``log.diffMerges=combined`` (or remerge, dense-combined): ``-m`` takes that format, and a
  merge shows only paths that differ from every parent, so an approved merge changes nothing.

A user's ~/.gitconfig or the clone's .git/config is enough; the history cache is not keyed on
either, so a desk and CI disagree about which rules are in force."""

from __future__ import annotations

from rt56_helpers import in_force_text

from history_helpers import make_scenario


def _pushed(tmp_path, *config: str):
    s = make_scenario(tmp_path)
    for item in config:
        s.git.run("config", *item.split("=", 1))
    # the author's direct push (DC516: never applied) drops the review requirement
    s.set_config("require_review: true", "require_review: false")
    s.git.commit("直接推送", who="zhaolei")
    return s


def test_control_an_authors_direct_push_of_the_rules_is_not_in_force(tmp_path):
    s = _pushed(tmp_path)
    assert "require_review: true" in in_force_text(s)


def test_log_show_root_false_puts_an_authors_direct_push_of_the_rules_in_force(tmp_path):
    s = _pushed(tmp_path, "log.showRoot=false")
    assert "require_review: true" in in_force_text(s), (
        "with log.showRoot=false in the reader's git config the root commit's doccontrol.yml "
        "is never read: the author's unapproved push is the rules in force"
    )


def _approved_merge(tmp_path, *config: str):
    s = make_scenario(tmp_path)
    for item in config:
        s.git.run("config", *item.split("=", 1))
    s.git.branch("cr-1")
    s.files.doc(version="V1.1")
    s.git.commit("变更 1", who="zhaolei")
    merge = s.git.merge("cr-1", "变更 1")  # 刘静 approves, 王芳 reviews (trailers)
    return s, merge


def test_control_an_approved_merge_is_in_the_trail(tmp_path):
    s, merge = _approved_merge(tmp_path)
    assert [e.approved for e in s.history().events if e.commit == merge] == [True]


def test_log_diff_merges_combined_hides_every_merge_from_history(tmp_path):
    s, merge = _approved_merge(tmp_path, "log.diffMerges=combined")
    found = [e.approved for e in s.history().events if e.commit == merge]
    assert found == [True], (
        f"with log.diffMerges=combined the merge shows no changes: its events are {found}"
    )
