"""trail.py: the approval trail's rows, as the terminal table and as the full listing."""

from __future__ import annotations

from doccontrol import catalogue
from doccontrol.history.model import ApprovalEvent, ApprovedDocument, Person, Signature
from doccontrol.trail import trail_rows

PERSON = Person("陈明远", "chen.mingyuan@example.com")


def _event(documents: int, controlled: int = 0) -> ApprovalEvent:
    return ApprovalEvent(
        commit="a" * 40,
        date="2026-11-30T10:00:00+08:00",
        kind="merge",
        summary="纳入文件控制",
        merge_request=None,
        authors=(PERSON,),
        reviewers=(PERSON,),
        approvers=(PERSON,),
        merger=PERSON,
        signature=Signature("none"),
        documents=tuple(
            ApprovedDocument(f"SM-P-{n:02d}", "V1.0", f"docs/p{n}.md", "approval")
            for n in range(1, documents + 1)
        ),
        approved=True,
        controlled=tuple(f"schemas/records/t{n}.schema.json" for n in range(controlled)),
    )


def _files(event: ApprovalEvent, short: bool, language: str = "zh") -> str:
    _headers, rows = trail_rows([event], cat=catalogue.load(language), short=short)
    return rows[0][5]


def test_the_table_names_a_few_files_and_counts_the_rest():
    # an adoption merge names every document: the terminal table would be a page wide
    big = _event(30, controlled=25)
    assert _files(big, short=True) == "SM-P-01 V1.0、SM-P-02 V1.0、SM-P-03 V1.0 等 52 项"
    assert _files(big, short=True, language="en") == (
        "SM-P-01 V1.0, SM-P-02 V1.0, SM-P-03 V1.0 and 52 more"
    )
    # the CSV (and the audit pack, which uses the same rows) lists every one
    full = _files(big, short=False)
    assert full.count("、") == 54 and full.endswith("schemas/records/t24.schema.json")


def test_a_short_list_is_shown_whole():
    # "and 1 more" would take the room of the one it hides
    assert _files(_event(4), short=True) == "、".join(f"SM-P-0{n} V1.0" for n in range(1, 5))
    assert _files(_event(1, controlled=1), short=True) == (
        "SM-P-01 V1.0、schemas/records/t0.schema.json"
    )
