"""Round 57, question 3: history's git pins log.showRoot, log.diffMerges, diff.relative and
diff.renameLimit (``gitread._DIFF_PINNED``). Submodule ignoring is not pinned: git's raw diff
leaves out every gitlink change that ``diff.ignoreSubmodules=all`` (the reader's config) or a
``submodule.<name>.ignore = all`` line in the checked-out ``.gitmodules`` (a file the author
commits, which CI checks out) ignores. A submodule standing in a controlled place (under
docs/, which the site publishes) is then added and moved to another commit with no trace in
the trail. Nor is trailer parsing pinned: ``core.commentChar`` decides where git's
``%(trailers)`` block ends, so two readers disagree on an approval."""

from __future__ import annotations

import pytest
from rt57_helpers import git_config

from history_helpers import make_scenario

THEME = "docs/assets/theme"
GITMODULES = (
    '[submodule "theme"]\n\tpath = docs/assets/theme\n'
    "\turl = https://git.example.com/it/theme.git\n{extra}"
)


def _gitlink(s, target: str, message: str) -> str:
    """赵磊 pushes a commit pointing the submodule at docs/assets/theme to ``target``."""
    (s.root / THEME).mkdir(parents=True, exist_ok=True)
    s.git.run("update-index", "--add", "--cacheinfo", f"160000,{target},{THEME}")
    s.git.run("commit", "-q", "-m", message, who="zhaolei", date=s.git.next_date())
    return s.git.head()


def _theme(tmp_path, extra: str = ""):
    """The attacker's direct pushes: .gitmodules and the submodule at docs/assets/theme (#1),
    then the submodule moved to another commit (#2). Returns the scenario and both commits."""
    s = make_scenario(tmp_path)
    first = s.git.head()
    s.files.write(".gitmodules", GITMODULES.format(extra=extra))
    s.git.run("add", ".gitmodules")
    added = _gitlink(s, first, "主题")
    s.files.write("docs/procedures/readme.txt", "x")
    other = s.git.commit("说明", who="zhaolei")
    moved = _gitlink(s, other, "主题更新")
    return s, added, moved


def _controlled(s) -> dict[str, tuple[str, ...]]:
    return {e.commit: e.controlled for e in s.history().events}


def test_control_a_pushed_submodule_under_docs_is_reported(tmp_path):
    s, added, moved = _theme(tmp_path)
    seen = _controlled(s)
    assert THEME in seen[added] and THEME in seen[moved]


def test_gitmodules_ignore_all_hides_a_pushed_submodule_under_docs(tmp_path):
    s, added, moved = _theme(tmp_path, "\tignore = all\n")
    seen = _controlled(s)
    assert THEME in seen.get(added, ()) and moved in seen, (
        "the committed .gitmodules says ignore = all, so git log --raw leaves out the gitlink: "
        f"the push adding it shows only {seen.get(added)}, and the push moving it to another "
        f"commit is not in the trail at all ({moved in seen})"
    )


def test_reader_diff_ignore_submodules_hides_a_pushed_submodule_under_docs(tmp_path):
    s, added, moved = _theme(tmp_path)
    git_config(s.root, ("diff.ignoreSubmodules", "all"))
    seen = _controlled(s)
    assert THEME in seen.get(added, ()) and moved in seen, (
        f"diff.ignoreSubmodules=all in the reader's config: {seen.get(added)}, "
        f"moved reported: {moved in seen}"
    )


def _commented_merge(s) -> str:
    """A merge whose message ends with its trailers and then a line starting with ';'."""
    s.git.branch("cr-1")
    s.files.doc(version="V1.1")
    s.git.commit("变更", who="zhaolei")
    s.git.checkout("main")
    return s.git.merge_message(
        "Merge branch 'cr-1' into 'main'\n\n变更\n\nSee merge request it/sms!1\n\n"
        "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>\n"
        "; 另见变更单",
        "cr-1",
        flags=("--cleanup=verbatim",),
    )


@pytest.mark.parametrize("comment_char", [None, ";"])
def test_reader_comment_char_changes_which_trailers_history_reads(tmp_path, comment_char):
    s = make_scenario(tmp_path)
    merged = _commented_merge(s)
    if comment_char:
        git_config(s.root, ("core.commentChar", comment_char))
    got = {e.commit: e.approved for e in s.history().events}[merged]
    assert not got, (
        f"with core.commentChar={comment_char!r} the last line is a comment to git's trailer "
        "parser, so the trailers count and the merge is approved on this reader only (CI, with "
        "the default '#', reads no trailers)"
    )
