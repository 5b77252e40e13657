"""``rules.sans_version`` sets a front-matter ``version:`` / ``effective_date:`` line aside only
when a newline follows it inside the front matter as it cuts it (``data[:end]``, which stops
before the newline that ends the last front-matter line). A document whose front matter ends
with ``effective_date:`` (or ``version:``) keeps that line, so two versions that differ only in
their dates conflict in git's merge and the branch is read as lacking main's text."""

from __future__ import annotations

import re

from rt18_helpers import DOC, bump, git, hand_merge, problems, rewrite

DATE = "effective_date: 2026-01-05\n"


def _scenario(tmp_path, date_last):
    from builders import RepoBuilder, procedure
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    text = procedure()
    if date_last:  # the same front matter, the date moved to its end (any order is valid YAML)
        text = text.replace(DATE, "", 1).replace(
            "distribution: [qa]\n", "distribution: [qa]\n" + DATE, 1
        )
    builder.write(DOC, text)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def _stacked_rebased(s):
    """rt16's honest stacked-and-rebased branch: cr-2 is stacked on cr-1's first commit; cr-1
    is rebased onto main and approved; cr-2 is merged taking its own file, which holds every
    approved line (only its version and date differ from main's)."""
    s.git.branch("cr-1", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围：全公司（已批准）。")
    c1 = s.git.commit("cr-1: 适用范围", who="zhaolei")
    s.git.branch("cr-2", c1)
    rewrite(s, DOC, "version: V1.1", "version: V1.2", "目的的内容。", "修订的目的。")
    text = (s.root / DOC).read_text(encoding="utf-8")
    (s.root / DOC).write_text(
        re.sub(r"effective_date: \S+", "effective_date: 2099-01-01", text, count=1), "utf-8"
    )
    s.git.commit("cr-2: 目的", who="zhouqiang")
    s.git.checkout("main")
    (s.root / "notes.txt").write_text("main moves on\n", encoding="utf-8")
    s.git.commit("notes", who="wangfang")
    s.git.checkout("cr-1")
    s.git.run("rebase", "-q", "main", who="zhaolei")
    s.git.checkout("main")
    m1 = hand_merge(s, "cr-1")
    assert problems(s, m1) == []
    m2 = hand_merge(s, "cr-2", take="cr-2")
    text = git(s, "show", f"main:{DOC}").stdout
    assert "已批准" in text and "修订的目的" in text and "version: V1.2" in text
    return m2


def test_held_stacked_rebased_branch_with_the_date_inside_the_front_matter(tmp_path):
    """HELD (control): the date line in the middle of the front matter is set aside: no DC522."""
    s = _scenario(tmp_path, date_last=False)
    assert problems(s, _stacked_rebased(s)) == []


def test_stacked_rebased_branch_with_the_date_last_in_the_front_matter_is_not_stale(tmp_path):
    """FINDING (false positive). The same honest history, but the document's front matter ends
    with its ``effective_date:`` line (valid YAML; the parser reads it as usual). cr-2 holds
    every approved line, yet the merge is DC522 and its approval does not take effect:
    ``sans_version`` cuts the front matter before the newline of its last line, so
    ``^effective_date:...\\n`` never matches there; the date line stays in, and main's date
    (V1.1's) and the branch's (V1.2's) conflict over the base's. Safe: the front matter's lines
    are set aside wherever they stand in it (e.g. cut at ``end + 1``), no DC522."""
    s = _scenario(tmp_path, date_last=True)
    text = (s.root / DOC).read_text(encoding="utf-8")
    assert text.split("\n---", 1)[0].rstrip("\n").endswith(DATE.strip())
    assert problems(s, _stacked_rebased(s)) == []
