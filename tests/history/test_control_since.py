"""control_since never moves later: an author with push access tries to make commits that
were under control pre-control (so their problems vanish), through every spelling and order
of changes to where control began that the fifth and sixth attackers found. Each ends with
the direct change still judged and `trail --strict` failing; and legitimate histories (an
adoption, a move earlier) are not flagged."""

from __future__ import annotations

import os
import shutil

import pytest

from builders import RepoBuilder
from history_helpers import Scenario, body, cli, make_scenario


def codes(history):
    return sorted({p.code for p in history.problems})


def keys(history):
    return sorted({p.key for p in history.problems})


def approve(s, name, edit, who="zhaolei", date=None):
    s.git.branch(name)
    edit()
    s.git.commit(name, who=who)
    return s.git.merge(name, "批准", approvers=("chenmy",), reviewers=("wangfang",), date=date)


def config_edit(s, old, new):
    return lambda: s.set_config(old, new)


def with_a_direct_change(tmp_path):
    s = make_scenario(tmp_path)  # control_since 2026-01-02; the import on 2026-01-01
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei")  # 2026-01-02: under control, DC501
    return s


def still_judged(s):
    """The direct change is still DC501, also on a fresh clone's first run (no cache), and
    the auditors' command fails without a traceback."""
    assert "problem.DC501" in keys(s.history())
    shutil.rmtree(s.root / ".git" / "doccontrol", ignore_errors=True)
    assert "problem.DC501" in keys(s.history())
    result = cli(s.root, "trail", "--strict")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1 and "DC501" in result.stdout, result.stdout[-600:]


def approved_move(s, old, new, day):
    """An approval on ``day`` (a branch commit at 10:00, the merge at 11:00, +08:00) that
    changes control_since from ``old`` to ``new``."""
    s.git.branch("cfg")
    s.set_config(old, new)
    s.git.commit("调整受控起点", who="zhaolei", date=f"{day}T10:00:00+08:00")
    s.git.merge(
        "cfg", "批准", approvers=("chenmy",), reviewers=("wangfang",), date=f"{day}T11:00:00+08:00"
    )


# --- moves the rule refuses, however they are spelt ----------------------------------------


def test_to_head(tmp_path):
    s = with_a_direct_change(tmp_path)
    approve(s, "a", config_edit(s, "control_since: 2026-01-02", "control_since: HEAD"))
    still_judged(s)


def test_to_a_relative_name_after_removing_it(tmp_path):
    s = with_a_direct_change(tmp_path)
    approve(s, "a", config_edit(s, "control_since: 2026-01-02", "control_since: null"))
    approve(s, "b", config_edit(s, "control_since: null", "control_since: main~1"))
    still_judged(s)


def test_to_an_abbreviated_id_a_tag_of_that_name_points_past(tmp_path):
    s = with_a_direct_change(tmp_path)
    direct = s.git.head()
    first = s.git.run("rev-list", "--max-parents=0", "HEAD").strip()
    s.git.run("tag", first[:7], direct)
    approve(s, "a", config_edit(s, "control_since: 2026-01-02", f"control_since: '{first[:7]}'"))
    still_judged(s)


def test_by_removing_the_config_and_adding_it_again(tmp_path):
    s = with_a_direct_change(tmp_path)
    text = (s.root / "doccontrol.yml").read_text()
    later = text.replace("control_since: 2026-01-02", "control_since: 2026-06-01")
    approve(s, "a", lambda: (s.root / "doccontrol.yml").unlink())
    approve(s, "b", lambda: (s.root / "doccontrol.yml").write_text(later))
    still_judged(s)


def test_through_a_linked_config(tmp_path):
    s = with_a_direct_change(tmp_path)
    text = (s.root / "doccontrol.yml").read_text()

    def link():
        later = text.replace("control_since: 2026-01-02", "control_since: 2026-06-01")
        (s.root / "real.yml").write_text(later)
        (s.root / "doccontrol.yml").unlink()
        os.symlink("real.yml", s.root / "doccontrol.yml")

    approve(s, "a", link)
    still_judged(s)


def test_after_an_unreadable_config(tmp_path):
    s = with_a_direct_change(tmp_path)
    text = (s.root / "doccontrol.yml").read_text()
    approve(s, "a", lambda: (s.root / "doccontrol.yml").write_text(text + "\n: : [\n"))
    later = text.replace("control_since: 2026-01-02", "control_since: 2026-06-01")
    approve(s, "b", lambda: (s.root / "doccontrol.yml").write_text(later))
    still_judged(s)


@pytest.mark.parametrize(
    "spelling",
    [
        "!!str 2026-06-01",
        "'2026-06-01'",
        '"2026-06-01\\n"',
        "2026-06-01T00:00:00",
        "' 2026-01-02'",
        "'2026-01-02 '",
        "'nonexistent'",
    ],
)
def test_yaml_spellings(tmp_path, spelling):
    s = with_a_direct_change(tmp_path)
    approve(s, "a", config_edit(s, "control_since: 2026-01-02", f"control_since: {spelling}"))
    still_judged(s)


def test_in_a_merge_dated_years_ahead(tmp_path):
    s = with_a_direct_change(tmp_path)
    edit = config_edit(s, "control_since: 2026-01-02", "control_since: 2026-06-01")
    approve(s, "a", edit, date="2030-01-01T10:00:00+08:00")
    still_judged(s)


def test_earlier_then_later_on_one_branch(tmp_path):
    s = with_a_direct_change(tmp_path)
    s.git.branch("a")
    s.set_config("control_since: 2026-01-02", "control_since: 2025-01-01")
    s.git.commit("1", who="zhaolei")
    s.set_config("control_since: 2025-01-01", "control_since: 2026-06-01")
    s.git.commit("2", who="zhaolei")
    s.git.merge("a", "批准", approvers=("chenmy",))
    still_judged(s)


def test_earlier_then_later_by_commit_ids_in_two_approvals(tmp_path):
    s = with_a_direct_change(tmp_path)
    direct = s.git.head()
    first = s.git.run("rev-list", "--max-parents=0", "HEAD").strip()
    approve(s, "a", config_edit(s, "control_since: 2026-01-02", f"control_since: '{first}'"))
    approve(s, "b", config_edit(s, f"control_since: '{first}'", f"control_since: '{direct}'"))
    still_judged(s)


def test_moved_while_the_history_is_cached(tmp_path):
    s = with_a_direct_change(tmp_path)
    s.history()
    approve(s, "a", config_edit(s, "control_since: 2026-01-02", "control_since: 2026-06-01"))
    s.history()
    s.git.commit("空", who="wangfang")
    still_judged(s)


# --- days as the line reached them, not as a commit claims them ----------------------------


def test_a_committers_own_offset_does_not_reopen_the_set_up(scenario):
    # a direct commit dated 01-01 in its own offset (-12:00), after a commit of 01-02, sets a
    # later day; an approval then "moves it earlier" from there
    s = scenario
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei", date="2026-01-02T00:30:00+14:00")
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-20")
    s.git.commit("挪后", who="zhaolei", date="2026-01-01T01:00:00-12:00")
    approved_move(s, "control_since: 2026-01-20", "control_since: 2026-01-03", "2026-02-01")
    still_judged(s)


def test_a_time_zone_switched_by_a_direct_commit_does_not_either(tmp_path):
    s = make_scenario(
        tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shanghai"
    )
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei", date="2026-01-02T10:00:00+08:00")
    s.set_config("timezone: Asia/Shanghai", "timezone: '-12:00'")
    s.git.commit("时区", who="zhaolei", date="2026-01-02T11:00:00+08:00")
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-20")
    s.git.commit("挪后", who="zhaolei", date="2026-01-02T12:00:00+08:00")
    approved_move(s, "control_since: 2026-01-20", "control_since: 2026-01-03", "2026-02-01")
    still_judged(s)


def test_a_backdated_commit_named_as_the_start(scenario):
    # its own date says 2025-12-01; it reached the line on 2026-01-05, under control
    s = scenario
    s.git.commit("空提交", who="wangfang", date="2026-01-05T10:00:00+08:00")
    s.files.doc(version="V1.1", body=body("偷改"))
    direct = s.git.commit("直接改", who="zhaolei", date="2025-12-01T10:00:00+08:00")
    approved_move(s, "control_since: 2026-01-02", f"control_since: '{direct}'", "2026-01-06")
    still_judged(s)
    assert "problem.DC517.moved-later" in keys(s.history())


def test_a_move_from_a_commit_to_its_own_day_is_no_move_later(tmp_path):
    # committed in California on 01-05, which is 01-06 in the organisation's zone
    s = Scenario(RepoBuilder(tmp_path / "r"))
    text = (s.root / "doccontrol.yml").read_text()
    zoned = text.replace("control_since: null", "control_since: null\ntimezone: Asia/Shanghai")
    (s.root / "doccontrol.yml").write_text(zoned)
    s.files.doc()
    imported = s.git.commit("导入", who="wangfang", date="2026-01-05T20:00:00-08:00")
    s.git.branch("baseline")
    s.set_config("control_since: null", f"control_since: '{imported}'")
    s.git.commit("声明基线", who="zhouqiang", date="2026-01-07T10:00:00+08:00")
    s.git.merge(
        "baseline", "批准基线", approvers=("chenmy",), reviewers=("wangfang",),
        date="2026-01-07T11:00:00+08:00",
    )  # fmt: skip
    s.git.branch("earlier")
    s.set_config(f"control_since: '{imported}'", "control_since: 2026-01-06")
    s.git.commit("提前（含导入当天）", who="zhouqiang", date="2026-01-08T10:00:00+08:00")
    s.git.merge(
        "earlier", "批准", approvers=("chenmy",), reviewers=("wangfang",),
        date="2026-01-08T11:00:00+08:00",
    )  # fmt: skip
    history = s.history()
    assert "DC517" not in codes(history)
    # the import is judged now (nobody approved it), as moving the start earlier means
    assert [(r.version, r.approved) for r in history.documents["SM-P-01"].revisions] == [
        ("V1.0", False)
    ]


# --- names git would read another way ------------------------------------------------------


def test_a_tag_spelt_like_the_first_configs_abbreviated_id_is_not_read(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    (s.root / "doccontrol.yml").rename(tmp_path / "cfg")
    imported = s.git.commit("导入", who="wangfang")
    (tmp_path / "cfg").rename(s.root / "doccontrol.yml")
    s.set_config("control_since: null", f"control_since: '{imported[:7]}'")
    s.git.commit("采用 doccontrol", who="wangfang")
    s.files.doc(version="V1.1", body=body("偷改"))
    direct = s.git.commit("直接改", who="zhaolei")
    s.git.commit("后来的提交", who="zhaolei")
    s.git.run("tag", imported[:7], direct)  # no commit at all: a tag pushed
    still_judged(s)


def test_a_value_that_names_nothing_judges_everything_and_says_so(tmp_path):
    s = with_a_direct_change(tmp_path)
    s.set_config("control_since: 2026-01-02", "control_since: 'nonexistent'")
    s.git.commit("直接", who="zhaolei")
    result = cli(s.root, "trail", "--strict")
    assert "Traceback" not in result.stderr
    assert "DC501" in result.stdout and "DC516" in result.stdout

    # approved, it is in force, and it names no place: the whole history is judged
    s = with_a_direct_change(tmp_path / "approved")
    approve(s, "a", config_edit(s, "control_since: 2026-01-02", "control_since: 'nonexistent'"))
    history = s.history()
    assert "problem.DC517.no-point" in keys(history)
    assert [r.approved for r in history.documents["SM-P-01"].revisions] == [False, False]


def test_an_earlier_value_that_names_nothing_stops_nothing(tmp_path):
    s = make_scenario(tmp_path, "control_since: 2026-01-02", "control_since: '2026-1-5'")
    s.files.doc(version="V1.1", body=body("x"))
    s.git.commit("整理", who="wangfang")
    s.set_config("control_since: '2026-1-5'", "control_since: 2026-01-05")
    s.git.commit("修正格式", who="wangfang")
    result = cli(s.root, "trail", "--strict")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 and "DC516" in result.stdout


# --- many walks, and the cache ---------------------------------------------------------------


def test_an_extended_cache_judges_as_a_fresh_run(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    imported = s.git.commit("导入", who="wangfang")
    s.git.branch("baseline")
    s.set_config("control_since: null", f"control_since: '{imported}'")
    s.git.commit("声明基线", who="zhouqiang")
    s.git.merge("baseline", "批准基线", approvers=("chenmy",), reviewers=("wangfang",))
    s.set_config(f"control_since: '{imported}'", "control_since: 2026-12-31")
    s.git.commit("推后", who="zhaolei")  # direct: DC516 and DC517, not applied
    s.history()
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei")
    extended = s.history()
    shutil.rmtree(s.root / ".git" / "doccontrol")
    fresh = s.history()
    assert keys(extended) == keys(fresh)
    assert "problem.DC501" in keys(fresh)


def test_a_refused_declaration_of_the_baseline_approves_no_document(tmp_path):
    """Control already begun, an approved merge sets control_since to its own parent (what
    `doccontrol baseline` writes at adoption): the move is refused (DC517), and it is no
    approval of every document either, so SM-P-01's direct change stays pending and its
    last approval is still none."""
    s = with_a_direct_change(tmp_path)
    tip = s.git.head()
    approve(
        s, "baseline-again", config_edit(s, "control_since: 2026-01-02", f"control_since: '{tip}'")
    )
    history = s.history()
    assert "DC517" in codes(history)
    doc = history.documents["SM-P-01"]
    assert [r.kind for r in doc.revisions if r.kind == "baseline"] == []
    assert doc.pending and doc.last_approved is None
    still_judged(s)
