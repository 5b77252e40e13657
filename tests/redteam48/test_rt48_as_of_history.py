"""A site built `as_of` a past day (the one an audit pack of a period ending that day takes)
gives the page as the document stood that day: its 变更履历 must not list approvals made
after it, which the pack's own history/revisions.csv (the period) and a PDF copy as of that
day (the 变更履历 up to that version) leave out."""

from __future__ import annotations

from rt48_helpers import (
    DOC,
    built,
    merge_dated,
    pack,
    procedure,
    register,
    site_repo,
    table_rows,
    two_doc_scenario,
)

AS_OF = "2026-04-01"


def test_a_page_built_as_of_a_day_lists_no_later_approval_in_its_change_history(tmp_path):
    """V1.1 approved 2026-03-01, V1.2 approved 2026-06-01. Site and pack as of 2026-04-01: the
    register, the control block and the pack's revisions.csv say V1.1, last approved
    2026-03-01; the page (also the pack's documents/html/SM-P-01.html) lists V1.2's approval
    of 2026-06-01 in its 变更履历, a fact of a day after the one the page describes."""
    s = two_doc_scenario(tmp_path)
    site_repo(s, as_of=AS_OF)
    v11 = procedure(version="V1.1", effective_date="2026-03-01")
    merge_dated(s, "cr-11", {DOC: v11.replace("目的的内容。", "目的（一点一）。")}, "2026-03-01")
    v12 = procedure(version="V1.2", effective_date="2026-06-01")
    merge_dated(s, "cr-12", {DOC: v12.replace("目的的内容。", "目的（一点二）。")}, "2026-06-01")
    assert register(s, "--as-of", AS_OF)["SM-P-01"]["version"] == "V1.1"
    site = built(s.root, tmp_path / "site")
    entries = pack(s, tmp_path / "pack.zip", "2026-01-01", AS_OF, "--site", str(site))
    assert "V1.2" not in entries["history/revisions.csv"]
    page = entries["documents/html/SM-P-01.html"]
    history = [row[1] for row in table_rows(page, "dc-history")[1:]]
    assert history == ["V1.1"], (
        f"the page as of {AS_OF} lists the versions {history} in its 变更履历, the pack's "
        "revisions.csv only V1.1"
    )
