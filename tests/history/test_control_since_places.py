"""control_since as places on the line, attacked a second time (the seventh attacker): a
day read in a time zone a set-up change brings in, a start pushed off the line then adopted
again, a set-up change before control began, odd commit dates, and how many walks a run takes.
Each ends with the direct change judged; the legitimate histories stay clean."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from builders import RepoBuilder
from doccontrol.history import derive as derive_module
from history_helpers import Scenario, body, cli, make_scenario


def keys(h):
    return sorted({p.key for p in h.problems})


def approve(s, name, edit, who="zhouqiang", date=None, branch_date=None, approvers=("chenmy",)):
    s.git.branch(name)
    edit()
    s.git.commit(name, who=who, date=branch_date)
    return s.git.merge(name, "批准", approvers=approvers, reviewers=("wangfang",), date=date)


def count_walks(monkeypatch):
    """How many commits each walk of the first-parent line reads, run after run."""
    walks = []
    real = derive_module._Deriver.run

    def run(self, commits, *args, **kwargs):
        commits = list(commits)
        walks.append(len(commits))
        return real(self, commits, *args, **kwargs)

    monkeypatch.setattr(derive_module._Deriver, "run", run)
    return walks


def adopted_after_a_typed_in_start(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    s.git.commit("导入", who="wangfang")
    s.set_config("control_since: null", "control_since: 2026-01-05")
    s.git.commit("试着设定受控起点", who="zhouqiang")
    s.set_config("control_since: 2026-01-05", "control_since: null")
    tip = s.git.commit("改回", who="zhouqiang")
    s.git.branch("baseline")
    s.set_config("control_since: null", f"control_since: '{tip}'")
    s.git.commit("声明基线", who="zhouqiang")
    s.git.merge("baseline", "批准基线", approvers=("chenmy",), reviewers=("wangfang",))
    return s


def zoned_import_then_a_direct_zone_change(tmp_path, zone, other):
    """The import in the time zone ``zone`` (05 January), then a direct commit switching to
    ``other`` while every commit is judged (DC516, not applied); returns it and its commit."""
    s = Scenario(RepoBuilder(tmp_path / "r"))
    text = (s.root / "doccontrol.yml").read_text()
    (s.root / "doccontrol.yml").write_text(
        text.replace("control_since: null", f"control_since: null\ntimezone: {zone}")
    )
    s.files.doc()
    s.git.commit("导入", who="wangfang", date="2026-01-05T10:00:00+08:00")
    s.set_config(f"timezone: {zone}", f"timezone: {other}")
    return s, s.git.commit("时区", who="zhaolei", date="2026-01-06T10:00:00+08:00")


def adopted_on_2_february_then_a_direct_change(s, value):
    """An approved adoption at ``value`` merged on 2 February 05:00 (+08:00: still the 1st in
    UTC), then a direct change dated as the merge (the line keeps that date anyway)."""
    approve(
        s,
        "baseline",
        lambda: s.set_config("control_since: null", f"control_since: {value}"),
        branch_date="2026-02-02T04:00:00+08:00",
        date="2026-02-02T05:00:00+08:00",
    )
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei", date="2026-02-02T05:00:00+08:00")


def foxtrot(s, start):
    """A branch from ``start`` with a commit, merging main as its second parent, pushed to
    main as a fast-forward: main's own history is now on the side of the line."""
    s.git.branch("f", start)
    s.git.commit("旁支", who="zhaolei")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", "Merge branch 'main'", "main", who="zhaolei",
        date=s.git.next_date(),
    )  # fmt: skip
    s.git.checkout("main")
    s.git.run("merge", "--ff-only", "-q", "f")


def test_setup_change_before_control_began_is_not_flagged(tmp_path):
    # first commit (01-01) names 2026-01-10; on 01-02, still before control, the team moves it
    # to 01-05 (earlier, still after its own commit) - the set-up, before anything was judged
    s = make_scenario(tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-10")
    s.set_config("control_since: 2026-01-10", "control_since: 2026-01-05")
    s.git.commit("调整受控起点", who="wangfang")  # 2026-01-02, pre-control by either value
    s.git.commit("空", who="wangfang")
    h = s.history()
    assert keys(h) == []
    assert cli(s.root, "trail", "--strict").returncode == 0


def test_setup_change_later_before_control_began_is_not_flagged(tmp_path):
    s = make_scenario(tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-05")
    s.set_config("control_since: 2026-01-05", "control_since: 2026-01-10")
    s.git.commit("推迟受控起点（尚未受控）", who="wangfang")  # 2026-01-02
    h = s.history()
    assert keys(h) == []


def test_day_moved_within_its_place_then_reread_in_another_zone(tmp_path):
    # while nothing is adopted (every commit judged): a direct zone change, DC516, not applied;
    # the adoption will make it pre-control (legitimately) - and then it applies
    s, _ = zoned_import_then_a_direct_zone_change(tmp_path, "Asia/Shanghai", "UTC")
    # adoption (02-02 05:00 in Shanghai, 02-01 21:00 UTC): control from 02-01, i.e. from this merge
    adopted_on_2_february_then_a_direct_change(s, "2026-02-01")
    # an approved change from 02-01 to 02-02: the same place on the line (the merge) - allowed
    approve(
        s,
        "c",
        lambda: s.set_config("control_since: 2026-02-01", "control_since: 2026-02-02"),
        branch_date="2026-02-02T09:00:00+08:00",
        date="2026-02-02T10:00:00+08:00",
    )
    h = s.history()
    shutil.rmtree(s.root / ".git" / "doccontrol", ignore_errors=True)
    r = cli(s.root, "trail", "--strict")
    assert "problem.DC501" in keys(h)
    assert r.returncode == 1


def test_adopted_by_commit_id_then_switched_to_the_merges_own_day(tmp_path):
    """The usual adoption (doccontrol baseline: the tip's id), then an approved switch to the
    day the adoption merge has on the line (the same place): the merge and a direct change
    after it become pre-control once the day is re-read with a pre-adoption zone change."""
    s, tip = zoned_import_then_a_direct_zone_change(tmp_path, "Asia/Shanghai", "UTC")
    adopted_on_2_february_then_a_direct_change(s, f"'{tip}'")
    approve(
        s,
        "c",
        lambda: s.set_config(f"control_since: '{tip}'", "control_since: 2026-02-02"),
        branch_date="2026-02-02T09:00:00+08:00",
        date="2026-02-02T10:00:00+08:00",
    )
    h = s.history()
    r = cli(s.root, "trail", "--strict")
    assert "problem.DC501" in keys(h)
    assert r.returncode == 1


def test_same_with_a_warm_cache_after_every_push(tmp_path):
    s, tip = zoned_import_then_a_direct_zone_change(tmp_path, "Asia/Shanghai", "UTC")
    s.history()
    approve(
        s,
        "baseline",
        lambda: s.set_config("control_since: null", f"control_since: '{tip}'"),
        branch_date="2026-02-02T04:00:00+08:00",
        date="2026-02-02T05:00:00+08:00",
    )
    s.history()
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei", date="2026-02-02T05:00:00+08:00")
    assert "problem.DC501" in keys(s.history())
    approve(
        s,
        "c",
        lambda: s.set_config(f"control_since: '{tip}'", "control_since: 2026-02-02"),
        branch_date="2026-02-02T09:00:00+08:00",
        date="2026-02-02T10:00:00+08:00",
    )
    h = s.history()
    assert "problem.DC501" in keys(h)


def test_adoption_by_day_then_a_direct_change_dated_at_the_merge(tmp_path):
    # a direct change of the zone, while everything is judged (DC516) - it will be pre-control
    s, _ = zoned_import_then_a_direct_zone_change(tmp_path, "'+08:00'", "'-12:00'")
    s.git.branch("baseline")
    s.set_config("control_since: null", "control_since: 2026-02-01")
    s.git.commit("声明基线", who="zhouqiang", date="2026-02-01T09:00:00+08:00")
    s.git.merge(
        "baseline",
        "批准基线",
        approvers=("chenmy",),
        reviewers=("wangfang",),
        date="2026-02-01T10:00:00+08:00",
    )
    # after the adoption: a direct change, dated as the merge (the line keeps that date)
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    h = s.history()
    shutil.rmtree(s.root / ".git" / "doccontrol", ignore_errors=True)
    r = cli(s.root, "trail", "--strict")
    assert "problem.DC501" in keys(h)
    assert r.returncode == 1


def test_each_new_commit_is_an_extension_not_three_whole_walks(tmp_path, monkeypatch):
    s = adopted_after_a_typed_in_start(tmp_path)
    for i in range(30):
        s.git.commit(f"空 {i}", who="wangfang")
    walks = count_walks(monkeypatch)
    assert not s.history().problems
    for i in range(3):
        walks.clear()
        s.git.commit(f"新 {i}", who="wangfang")
        s.history()
        assert walks == [1], walks  # the new commit only


def test_the_shipped_oscillation_scenario_on_each_new_commit(scenario, monkeypatch):
    s = scenario
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-10")
    s.git.commit("直接改配置", who="zhaolei", date="2026-01-02T00:30:00+14:00")
    s.git.branch("m1")
    s.set_config("control_since: 2026-01-10", "control_since: 2026-01-20")
    s.git.commit("b", who="zhaolei", date="2026-01-01T00:50:00-12:00")
    s.git.merge("m1", "批准", approvers=("chenmy",), date="2026-01-01T01:00:00-12:00")
    s.git.branch("m2")
    off = s.git.commit("旁支提交", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    s.set_config("control_since: 2026-01-20", f"control_since: '{off}'")
    s.git.commit("c", who="zhaolei", date="2026-03-01T11:00:00+08:00")
    s.git.merge("m2", "批准", approvers=("chenmy",), date="2026-03-02T10:00:00+08:00")
    walks = count_walks(monkeypatch)
    assert "problem.DC516" in keys(s.history())  # the direct config change stays judged
    assert cli(s.root, "trail", "--strict").returncode == 1
    for i in range(2):
        walks.clear()
        s.git.commit(f"新 {i}", who="wangfang", date="2026-03-03T10:00:00+08:00")
        s.history()
    assert walks == [1], walks


def test_config_added_after_the_first_commit_naming_a_day(tmp_path):
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    (s.root / "doccontrol.yml").rename(tmp_path / "cfg")
    s.git.commit("导入", who="wangfang")  # 01-01, no config yet
    (tmp_path / "cfg").rename(s.root / "doccontrol.yml")
    s.set_config("control_since: null", "control_since: 2026-01-05")
    s.git.commit("加入配置", who="wangfang")  # 01-02
    s.files.doc(version="V1.1", body=body("整理"))
    s.git.commit("整理", who="wangfang")  # 01-03: still before control
    approve(s, "a", lambda: s.files.doc(version="V1.2", body=body("修订")), approvers=("liujing",))
    h = s.history()
    assert keys(h) == [], keys(h)


def test_a_day_replaced_by_the_id_of_the_commit_it_placed_control_after(tmp_path):
    s = make_scenario(tmp_path)  # 2026-01-02; import 01-01
    imported = s.git.head()
    approve(s, "a", lambda: s.files.doc(version="V1.1", body=body("修订")), approvers=("liujing",))
    approve(
        s, "b", lambda: s.set_config("control_since: 2026-01-02", f"control_since: '{imported}'")
    )
    approve(
        s, "c", lambda: s.set_config(f"control_since: '{imported}'", "control_since: 2026-01-02")
    )
    h = s.history()
    assert keys(h) == [], keys(h)
    assert cli(s.root, "trail", "--strict").returncode == 0


@pytest.mark.parametrize(
    "stamp",
    [
        "99999999999 +0000",
        "0 +0000",
        "1767225600 +9959",
        "1767225600 -1400",
        "18446744073709551615 +0000",
    ],
)
def test_odd_committer_dates_do_not_crash(tmp_path, stamp):
    s = make_scenario(
        tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shanghai"
    )
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.run("add", "-A")
    tree = s.git.run("write-tree")
    parent = s.git.head()
    raw = (
        f"tree {tree}\nparent {parent}\nauthor Mallory <mallory@evil.example> {stamp}\n"
        f"committer Mallory <mallory@evil.example> {stamp}\n\n直接改\n"
    ).encode()
    sha = (
        subprocess.run(
            ["git", "hash-object", "--literally", "-t", "commit", "-w", "--stdin"],
            input=raw,
            cwd=s.root,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    s.git.run("update-ref", "refs/heads/main", sha)
    s.git.run("reset", "-q", "--hard")
    s.files.doc(version="V1.2", body=body("再改"))
    s.git.commit("再改", who="zhaolei", date="2026-01-03T10:00:00+08:00")
    r = cli(s.root, "trail", "--strict")
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert r.returncode == 1, (r.stdout[-600:], r.stderr[-600:])


def test_a_foxtrot_merge_is_a_rewrite_to_a_clone_that_read_the_history(tmp_path):
    # the line now goes round the adoption and the direct change: a clone whose cache holds
    # the history read before says so (a fresh clone cannot tell: see the README's limits)
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    imported = s.git.commit("导入", who="wangfang")
    start = s.git.commit("整理", who="wangfang")
    s.git.branch("baseline")
    s.set_config("control_since: null", f"control_since: '{start}'")
    s.git.commit("声明基线", who="zhouqiang")
    s.git.merge("baseline", "批准基线", approvers=("chenmy",), reviewers=("wangfang",))
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei")
    assert "problem.DC501" in keys(s.history())
    foxtrot(s, imported)
    assert "problem.DC518.rewritten" in keys(s.history())
    result = cli(s.root, "trail", "--strict")
    assert result.returncode == 1 and "DC518" in result.stdout


def test_an_id_names_the_earliest_commit_on_the_line_before_the_change_that_set_it():
    # forging a commit whose id starts with seven chosen digits takes seconds (the eighth
    # attacker's collide.c): a commit pushed after the value was set never becomes its start,
    # nor one pushed later than the genuine commit
    line = {"aaaaaaa1": 0, "5eed5ee0": 3, "bbbbbbb2": 4, "5eed5ee9": 7}
    place = derive_module._commit_place
    assert place(["5eed5ee9", "5eed5ee0"], line, None) == 4  # the earliest: the genuine one
    assert place(["5eed5ee9", "5eed5ee0"], line, 5) == 4
    assert place(["5eed5ee9"], line, 5) == 0  # pushed after the change at place 5: nothing
    assert place(["5eed5ee9"], line, None) == 8
    assert place(["cccccccc"], line, None) == 0  # off the line


def test_an_extended_cache_keeps_the_start_where_it_was_placed(tmp_path):
    # the legitimate history: a zone change before the adoption (set-up, so it applies), an
    # adoption by id, then an approved switch to the adoption merge's own day in Shanghai,
    # which is still the day before in UTC (the zone the last walk reads days in)
    s, tip = zoned_import_then_a_direct_zone_change(tmp_path, "Asia/Shanghai", "UTC")
    adopt = lambda: s.set_config("control_since: null", f"control_since: '{tip}'")  # noqa: E731
    approve(
        s, "baseline", adopt, "zhouqiang", "2026-02-02T05:00:00+08:00", "2026-02-02T04:00:00+08:00"
    )
    switch = lambda: s.set_config(f"control_since: '{tip}'", "control_since: 2026-02-02")  # noqa: E731
    approve(s, "c", switch, "zhouqiang", "2026-02-02T07:00:00+08:00", "2026-02-02T06:00:00+08:00")
    assert keys(s.history()) == []  # and cached
    # in one push: an approved move later, a direct revert byte for byte (the cache key stays),
    # a direct change, and a later commit
    text = (s.root / "doccontrol.yml").read_text()
    later = lambda: s.set_config("control_since: 2026-02-02", "control_since: 2026-03-01")  # noqa: E731
    approve(
        s, "later", later, "zhouqiang", "2026-02-02T07:20:00+08:00", "2026-02-02T07:10:00+08:00"
    )
    (s.root / "doccontrol.yml").write_text(text)
    s.git.commit("改回", who="zhaolei", date="2026-02-02T07:30:00+08:00")
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei", date="2026-02-02T07:40:00+08:00")
    s.git.commit("空", who="zhaolei", date="2026-02-05T10:00:00+08:00")
    extended = keys(s.history())
    shutil.rmtree(s.root / ".git" / "doccontrol")
    fresh = keys(s.history())
    assert "problem.DC501" in fresh and "problem.DC517.moved-later" in fresh
    assert extended == fresh


# --- the ninth attacker ----------------------------------------------------------------------


def test_a_day_not_reached_yet_is_placed_when_the_line_reaches_it(tmp_path):
    # a cached run fixed a future day's place at the line's length then, so the next run put
    # a commit made before the day under control (and `trail --strict` failed on a clean line)
    s = make_scenario(tmp_path, "control_since: 2026-01-02", "control_since: 2026-03-01")
    assert cli(s.root, "trail", "--strict").returncode == 0  # cached: control not begun
    s.files.doc(version="V1.1", body=body("整理"))
    s.git.commit("整理（尚未受控）", who="wangfang")  # 2026-01-02, before 03-01
    extended = keys(s.history())
    assert cli(s.root, "trail", "--strict").returncode == 0
    shutil.rmtree(s.root / ".git" / "doccontrol")
    assert extended == keys(s.history()) == []


@pytest.mark.parametrize("spoilt", ["unreadable", "link"])
def test_a_readable_config_committed_directly_after_an_unreadable_first_one(tmp_path, spoilt):
    # every commit was judged while no readable doccontrol.yml was committed; a direct commit
    # making it readable, with a far-off day, is a change nobody approved, not "the first"
    s = Scenario(RepoBuilder(tmp_path / "r"))
    good = (s.root / "doccontrol.yml").read_text()
    s.files.doc()
    if spoilt == "link":
        (s.root / "real.yml").write_text(good)
        (s.root / "doccontrol.yml").unlink()
        (s.root / "doccontrol.yml").symlink_to("real.yml")
    else:
        (s.root / "doccontrol.yml").write_text(good + "\n: : [\n")
    s.git.commit("导入", who="wangfang")
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei")  # judged: DC501
    (s.root / "doccontrol.yml").unlink()
    (s.root / "doccontrol.yml").write_text(
        good.replace("control_since: null", "control_since: 2030-01-01")
    )
    s.git.commit("修好配置", who="zhaolei")
    assert "problem.DC501" in keys(s.history())
    result = cli(s.root, "trail", "--strict")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1


def test_a_day_placed_before_a_set_up_zone_change_costs_no_walk_per_commit(tmp_path, monkeypatch):
    # the walk that placed the day read it in -12:00; the last walk applies the set-up change
    # to +14:00, in which a commit before the place already has the day: control begins at the
    # place all the same, so the cache agrees with the checkpoint and a new commit is one step
    s = make_scenario(
        tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-10\ntimezone: '-12:00'"
    )
    s.set_config("timezone: '-12:00'", "timezone: '+14:00'")
    s.git.commit("时区（受控前）", who="wangfang", date="2026-01-02T10:00:00+08:00")
    s.git.commit("X", who="wangfang", date="2026-01-09T20:00:00+08:00")
    s.git.commit("Y", who="wangfang", date="2026-01-11T12:00:00+08:00")
    s.set_config("control_since: 2026-01-10", "control_since: null")
    s.git.commit("直接改回 null", who="zhaolei", date="2026-01-12T10:00:00+08:00")
    s.history()
    walks = count_walks(monkeypatch)
    for n in range(3):
        walks.clear()
        s.git.commit(f"新 {n}", who="wangfang", date=f"2026-01-1{3 + n}T10:00:00+08:00")
        s.history()
        assert walks == [1], walks


# --- the tenth attacker: a doccontrol.yml in force that cannot be read -------------------------


def _own_rules_merged(s, good):
    """zhaolei's branch: a readable config giving himself the config approver's role and
    adopting control from 3 January, merged with his own typed Approved-by."""
    s.git.branch("fix")
    mine = good.replace("control_since: null", "control_since: 2026-01-03").replace(
        "roles: [service-manager,", "roles: [general-manager, service-manager,"
    )
    (s.root / "doccontrol.yml").write_text(mine)
    s.git.commit("修好配置", who="zhouqiang")
    s.git.merge("fix", "修好配置", who="zhaolei", approvers=("zhaolei",), reviewers=("wangfang",))


@pytest.mark.parametrize("slip", ["first", "approved"])
def test_an_unreadable_config_in_force_never_hands_the_rules_to_the_tip(tmp_path, slip):
    # before: the tip's config judged every commit after an unreadable one, so the merge that
    # brought the attacker's config approved itself, and its adoption hid the DC501
    s = Scenario(RepoBuilder(tmp_path / "r"))
    good = (s.root / "doccontrol.yml").read_text()
    s.files.doc()
    if slip == "first":
        (s.root / "doccontrol.yml").write_text(good + "\n: : [\n")
    s.git.commit("导入", who="wangfang")
    s.files.doc(version="V1.1", body=body("偷改"))
    s.git.commit("直接改", who="zhaolei")  # judged: DC501
    if slip == "approved":  # a YAML slip approved properly: the last readable config rules on
        s.git.branch("slip")
        (s.root / "doccontrol.yml").write_text(good + "\n: : [\n")
        s.git.commit("配置（有误）", who="zhouqiang")
        s.git.merge("slip", "批准", approvers=("chenmy",), reviewers=("wangfang",))
    _own_rules_merged(s, good)
    found = keys(s.history())
    assert "problem.DC501" in found
    # with no readable rules before it, nothing after the slip is approved, and the trail says why
    assert ("problem.DC517.no-rules" in found) == (slip == "first")
    shutil.rmtree(s.root / ".git" / "doccontrol")
    assert cli(s.root, "trail", "--strict").returncode == 1


def test_a_direct_set_up_change_stays_the_set_up_when_the_tip_is_changed_directly(tmp_path):
    # before control began (10 January) the start was moved directly to 1 February: the
    # set-up, free. A direct change at the tip made the first walk judge every commit, which
    # dropped the set-up change, and the tidy-up of 15 January was blamed as DC501.
    s = make_scenario(tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-10")
    s.set_config("control_since: 2026-01-10", "control_since: 2026-02-01")
    s.git.commit("设定（受控前）", who="wangfang", date="2026-01-02T10:00:00+08:00")
    s.files.doc(version="V1.1", body=body("整理"))
    tidy = s.git.commit("整理（受控前）", who="wangfang", date="2026-01-15T10:00:00+08:00")
    assert keys(s.history()) == []
    s.set_config("control_since: 2026-02-01", "control_since: null")
    s.git.commit("直接改", who="zhaolei", date="2026-02-06T10:00:00+08:00")
    history = s.history()
    assert "problem.DC516" in keys(history) and "problem.DC501" not in keys(history)
    assert tidy not in [r.commit for r in history.documents["SM-P-01"].revisions]
    shutil.rmtree(s.root / ".git" / "doccontrol")
    assert keys(s.history()) == keys(history)
