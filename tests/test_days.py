"""The organisation's calendar (doccontrol/days.py): with ``timezone`` in doccontrol.yml, the day
of an approval is the organisation's, whatever offset its committer's clock (or a forge's)
wrote, and "today" is the organisation's; the zone counts from the approved change that set
it, never before; an unknown zone is a problem in doccontrol.yml, with its line."""

from __future__ import annotations

import datetime

import pytest

from doccontrol import days
from history_helpers import body, cli, make_scenario


@pytest.mark.parametrize(
    ("name", "offset"),
    [
        ("Asia/Shanghai", datetime.timedelta(hours=8)),
        ("+08:00", datetime.timedelta(hours=8)),
        ("-05:30", -datetime.timedelta(hours=5, minutes=30)),
        ("UTC", datetime.timedelta(0)),
    ],
)
def test_a_zone_is_named_by_iana_or_by_offset(name, offset):
    tz = days.zone(name)
    assert tz is not None
    assert tz.utcoffset(datetime.datetime(2026, 1, 15)) == offset


@pytest.mark.parametrize(
    "name",
    [
        "Mars/Olympus",
        "+25:00",
        "08:00",
        "../etc/passwd",
        "Asia",  # a folder of the tz database: was an IsADirectoryError in every command
        "localtime",  # the machine's own zone, whatever it is
        "right/UTC",  # leap-second copies
        "x" * 5000,  # a name too long for a file
        "",
        None,
    ],
)
def test_a_name_that_names_no_zone_gives_none(name):
    assert days.zone(name) is None


def test_a_moment_keeps_its_instant_and_takes_the_zones_day():
    shanghai = days.zone("Asia/Shanghai")
    assert days.in_zone("2026-03-09T20:30:00-05:00", shanghai) == "2026-03-10T09:30:00+08:00"
    assert days.in_zone("2026-03-10T09:30:00+08:00", shanghai) == "2026-03-10T09:30:00+08:00"
    # no zone, or no date git would write: as it is
    assert days.in_zone("2026-03-09T20:30:00-05:00", None) == "2026-03-09T20:30:00-05:00"
    assert days.in_zone("not a date", shanghai) == "not a date"


def _approved_in_new_york(s, branch: str, version: str, when: str) -> None:
    """A change approved by a merge whose committer's clock said ``when`` (UTC-5)."""
    s.git.branch(branch)
    s.files.doc(version=version, body=body(f"修订 {version}"), effective_date="2026-03-20")
    s.git.commit(f"修订 {version}", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    s.git.merge(branch, f"批准 {version}", date=when)


def _event_days(s) -> list[str]:
    return [e.date[:10] for e in s.history().events if e.documents]


def test_with_a_zone_an_approval_falls_on_the_organisations_day(tmp_path):
    s = make_scenario(
        tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shanghai"
    )
    # 20:30 in New York on 9 March is 09:30 in Shanghai on 10 March
    _approved_in_new_york(s, "cr-1", "V1.1", "2026-03-09T20:30:00-05:00")
    (event,) = [e for e in s.history().events if e.documents]
    assert event.date == "2026-03-10T09:30:00+08:00"
    log = cli(s.root, "log", "SM-P-01", env={"LC_ALL": "en_US.UTF-8"})
    assert log.returncode == 0, log.stderr
    assert "2026-03-10" in log.stdout and "2026-03-09" not in log.stdout


def test_without_a_zone_each_day_is_the_committers_own(tmp_path):
    s = make_scenario(tmp_path)
    _approved_in_new_york(s, "cr-1", "V1.1", "2026-03-09T20:30:00-05:00")
    assert _event_days(s) == ["2026-03-09"]


def test_the_zone_counts_from_the_approval_that_set_it(tmp_path):
    s = make_scenario(tmp_path)
    _approved_in_new_york(s, "cr-1", "V1.1", "2026-03-09T20:30:00-05:00")
    # the zone, set by an approved change: the merge that approves it is judged by the rules
    # before it, so it keeps its committer's day too
    s.git.branch("cr-tz")
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shanghai")
    s.git.commit("组织时区", who="zhaolei", date="2026-03-11T10:00:00+08:00")
    s.git.merge("cr-tz", "组织时区", approvers=("chenmy",), date="2026-03-11T20:30:00-05:00")
    _approved_in_new_york(s, "cr-2", "V1.2", "2026-03-12T20:30:00-05:00")
    assert _event_days(s) == ["2026-03-09", "2026-03-13"]
    config_events = [e for e in s.history().events if "doccontrol.yml" in e.controlled]
    assert [e.date[:10] for e in config_events] == ["2026-03-11"]


def test_a_zone_changed_without_approval_moves_no_day(tmp_path):
    s = make_scenario(tmp_path)
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: +14:00")
    s.git.commit("直接改时区", who="zhaolei", date="2026-03-05T10:00:00+08:00")
    _approved_in_new_york(s, "cr-1", "V1.1", "2026-03-09T20:30:00-05:00")
    assert _event_days(s) == ["2026-03-09"]


def test_today_is_the_organisations(tmp_path):
    """review-due counts from today: 26 hours apart, +14:00 and -12:00 never share a day."""
    said = {}
    for name in ("+14:00", "-12:00"):
        s = make_scenario(
            tmp_path / name,
            "control_since: 2026-01-02",
            f"control_since: 2026-01-02\ntimezone: '{name}'",
        )
        before = days.today(days.zone(name)).isoformat()
        out = cli(s.root, "review-due", env={"LC_ALL": "en_US.UTF-8"})
        after = days.today(days.zone(name)).isoformat()
        assert out.returncode == 0, out.stderr
        assert f"overdue on {before}" in out.stdout or f"overdue on {after}" in out.stdout
        said[name] = out.stdout
    assert said["+14:00"] != said["-12:00"]


def test_an_unknown_zone_is_a_problem_in_the_config_with_its_line(tmp_path):
    s = make_scenario(tmp_path)
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shangai")
    line = next(
        n
        for n, text in enumerate((s.root / "doccontrol.yml").read_text().splitlines(), 1)
        if text.startswith("timezone:")
    )
    out = cli(s.root, "check", env={"LC_ALL": "en_US.UTF-8"})
    assert out.returncode == 1
    assert f"doccontrol.yml:{line}:11: DC402 time zone 'Asia/Shangai' is not known" in out.stdout


def test_a_zone_changed_without_approval_does_not_move_today(tmp_path):
    """Approved +14:00, then a direct commit says -12:00 (26 hours apart: never one day): the
    commands count from today in the approved zone."""
    s = make_scenario(
        tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: '+14:00'"
    )
    s.set_config("timezone: '+14:00'", "timezone: '-12:00'")
    s.git.commit("直接改时区", who="zhaolei", date="2026-03-05T10:00:00+08:00")
    approved = days.zone("+14:00")
    before = days.today(approved).isoformat()
    out = cli(s.root, "review-due", env={"LC_ALL": "en_US.UTF-8"})
    after = days.today(approved).isoformat()
    assert out.returncode == 0, out.stderr
    assert f"overdue on {before}" in out.stdout or f"overdue on {after}" in out.stdout


def test_a_commit_dated_at_the_calendars_end_keeps_its_own_day():
    """A commit dated 9999-12-31T23:00Z is past the calendar in Shanghai: every command that
    read history ended with an OverflowError; the date stands as written."""
    shanghai = days.zone("Asia/Shanghai")
    assert days.in_zone("9999-12-31T23:00:00+00:00", shanghai) == "9999-12-31T23:00:00+00:00"


def test_history_with_a_commit_at_the_calendars_end_is_read(tmp_path):
    s = make_scenario(
        tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shanghai"
    )
    s.git.commit("空提交", who="zhaolei", date="@253402297200 +0000")  # 9999-12-31T23:00Z
    for args in (("trail",), ("register",)):
        out = cli(s.root, *args)
        assert out.returncode in (0, 1), (args, out.stderr)
        assert "Traceback" not in out.stderr and "internal error" not in out.stderr


def test_a_zone_is_known_without_the_systems_tz_database(tmp_path):
    """A slim container or Windows has no /usr/share/zoneinfo: the tzdata package names the
    zones (PYTHONTZPATH points zoneinfo away from the system's)."""
    s = make_scenario(
        tmp_path, "control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shanghai"
    )
    out = cli(
        s.root, "check", env={"PYTHONTZPATH": str(tmp_path / "none"), "LC_ALL": "en_US.UTF-8"}
    )
    assert out.returncode == 0, out.stdout + out.stderr
