"""Held attacks: outputs that agree on the same fact for the same day."""

from __future__ import annotations

import json

from rt97_helpers import (
    DOC,
    approve,
    body,
    built,
    pack_files,
    procedure,
    register_row,
    run,
    scenario,
    show_head,
    site_block,
    site_repo,
)


def test_held_a_merge_late_in_new_york_is_the_next_day_everywhere(tmp_path):
    """timezone Asia/Shanghai (approved with the import). V1.1 (effective_date 2026-02-01) is
    merged at 2026-02-01 23:30 −05:00, which is 2026-02-02 12:30 in Shanghai. register and show
    as of 2026-02-01 give V1.0; as of 2026-02-02 both give V1.1 from 2026-02-02; `log` dates
    the approval 2026-02-02 with DC520 (a date before its approval)."""
    s = scenario(tmp_path)
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: Asia/Shanghai")
    s.git.commit("时区", who="wangfang", date="2026-01-01T13:00:00+08:00")
    s.git.branch("v11")
    s.files.write(DOC, procedure(version="V1.1", effective_date="2026-02-01", body=body("一")))
    s.git.commit("v11", who="zhaolei", date="2026-02-01T09:00:00-05:00")
    s.git.merge("v11", "批准", date="2026-02-01T23:30:00-05:00", number=1)
    before = register_row(s, "2026-02-01")
    assert before["in_force_version"] == "V1.0", before
    assert "version V1.0" in show_head(s, "2026-02-01")
    after = register_row(s, "2026-02-02")
    assert (after["in_force_version"], after["effective_date"], after["last_approval"]) == (
        "V1.1",
        "2026-02-02",
        "2026-02-02",
    ), after
    assert "effective from 2026-02-02" in show_head(s, "2026-02-02")
    log = json.loads(run(s, "log", "SM-P-01", "--format", "json").stdout)
    (rev,) = log["documents"][0]["revisions"]
    assert rev["date"].startswith("2026-02-02"), rev
    assert [p["code"] for p in rev["problems"]] == ["DC520"], rev


def test_held_an_obsolete_version_ends_on_its_day_in_register_pack_and_show(tmp_path):
    """V1.1 in force from 2026-02-01; V1.2 obsolete approved 2026-03-01 for 2026-04-01. The
    register and the audit pack ending on 2026-03-31 give V1.1 in force (V1.2 upcoming) and the
    pack's documents hold V1.1; ending on 2026-04-01 both give the document obsolete."""
    s = scenario(tmp_path)
    approve(
        s,
        "v11",
        procedure(version="V1.1", effective_date="2026-02-01", body=body("一")),
        "2026-02-01",
        n=1,
    )
    obsolete = procedure(
        version="V1.2", status="obsolete", effective_date="2026-04-01", body=body("一")
    )
    approve(s, "obs", obsolete, "2026-03-01", n=2)
    eve = register_row(s, "2026-03-31")
    assert (eve["in_force_version"], eve["upcoming"]) == ("V1.1", "V1.2"), eve
    pack = pack_files(s, tmp_path / "eve.zip", "2026-01-01", "2026-03-31")
    assert '"SM-P-01","测试程序","Procedure","V1.1","Effective"' in pack["register/register.csv"]
    assert "documents/SM-P-01 V1.1.md" in pack
    day = register_row(s, "2026-04-01")
    assert (day["in_force_version"], day["state"], day["current"]) == ("", "obsolete", False)
    pack = pack_files(s, tmp_path / "day.zip", "2026-01-01", "2026-04-01")
    assert '"SM-P-01","测试程序","Procedure","V1.2","Obsolete"' in pack["register/register.csv"]
    assert "obsolete on 2026-04-01" in show_head(s, "2026-04-01")


def test_held_a_shorter_interval_waiting_moves_no_review_date_early(tmp_path):
    """V1.1 (12 months) in force from 2026-02-01; V1.2 with review_interval_months 3 approved
    2026-03-01 for 2026-06-01. On 2026-03-15 the register and the site's control block both
    give 下次评审 2027-03-01 (last approval + V1.1's 12 months); on the site V1.1 is shown."""
    s = site_repo(scenario(tmp_path), as_of="2026-03-15")
    approve(
        s,
        "v11",
        procedure(version="V1.1", effective_date="2026-02-01", body=body("一")),
        "2026-02-01",
        n=1,
    )
    v12 = procedure(version="V1.2", effective_date="2026-06-01", body=body("二"))
    approve(
        s,
        "v12",
        v12.replace("review_interval_months: 12", "review_interval_months: 3"),
        "2026-03-01",
        n=2,
    )
    row = register_row(s, "2026-03-15")
    assert (row["in_force_version"], row["next_review"]) == ("V1.1", "2027-03-01"), row
    block = site_block(built(s.root, tmp_path / "site"))
    assert " 版本 V1.1 " in block and " 下次评审 2027-03-01 " in block, block[:800]
