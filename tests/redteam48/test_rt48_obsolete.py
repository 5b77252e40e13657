"""A document made obsolete by an approved version whose 发布实施日期 is months ahead: until
that day the version before it is still the one in force (README: an approved version is in
force from its own effective_date, never before)."""

from __future__ import annotations

from rt48_helpers import DOC, merge_dated, procedure, register, run, two_doc_scenario


def test_an_obsolete_version_dated_ahead_does_not_end_the_document_before_its_day(tmp_path):
    """刘静 approves, on 2026-06-01, SM-P-01 V1.1 `status: obsolete` with effective_date
    2026-09-01 (superseded by SM-P-02 from September). On 2026-07-01 every output says SM-P-01
    is 已作废: the register (no 发布实施日期), `show`, and `pdf` refuses a copy, so the procedure
    staff work by until September vanishes three months early, with nothing in the trail."""
    s = two_doc_scenario(tmp_path)
    obsolete = procedure(
        version="V1.1",
        status="obsolete",
        effective_date="2026-09-01",
        extra="withdrawal_reason: 并入 SM-P-02\nsuperseded_by: SM-P-02\n",
    )
    merge_dated(s, "cr-obsolete", {DOC: obsolete}, "2026-06-01")
    trail = run(s, "trail", "--strict")
    row = register(s, "--as-of", "2026-07-01")["SM-P-01"]
    assert (row["state"], row["in_force_version"]) == ("effective", "V1.0"), (
        f"on 2026-07-01, two months before V1.1 (obsolete) takes effect: {row['state']} "
        f"{row['in_force_version']!r}; trail --strict exit {trail.returncode}"
    )
    assert register(s, "--as-of", "2026-09-01")["SM-P-01"]["state"] == "obsolete"


def test_approve_s_obsolete_version_for_a_later_day_is_not_obsolete_today(tmp_path):
    """The same through `doccontrol approve` itself: the branch makes SM-P-01 V1.1 obsolete
    from a day ahead; approve merges it (`--effective` that day). Today the register must
    still give V1.0 in force."""
    from rt32_helpers import a_later_day, approve_ok, branch_with

    s = two_doc_scenario(tmp_path)
    ahead = a_later_day()
    obsolete = procedure(
        version="V1.1",
        status="obsolete",
        effective_date=ahead,
        extra="withdrawal_reason: 并入 SM-P-02\nsuperseded_by: SM-P-02\n",
    )
    branch_with(s, "cr-obsolete", files={DOC: obsolete})
    approve_ok(s, "cr-obsolete", "--effective", ahead)
    row = register(s)["SM-P-01"]
    assert (row["state"], row["in_force_version"]) == ("effective", "V1.0"), row
