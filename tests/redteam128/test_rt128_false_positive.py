"""Round 128, hole 4 (a false positive): a name in her spreadsheet or notes is "text she
wrote". Round 126 left short list items (< 16 characters) out of the index in data files
(YAML, JSON, CSV …) only; an Excel sheet (each cell is one paragraph of
``xl/sharedStrings.xml``) or a Markdown note (round 127: list marks removed, items indexed
one by one) is no data file. 刘静 commits the service catalogue on main
(``records/service-catalogue.xlsx``, or ``notes/services.md`` with one bullet a service);
赵磊 writes his own SM-P-09 whose scope names one of the services as a bullet
(``- 客户门户托管服务``, 8 characters); she approves. Secure outcome: approved, no problem,
`trail --strict` 0, `approve` merges. Today: authors [刘静, 赵磊], DC503, `trail --strict`
1, `approve` refuses (segregation of duties)."""

from __future__ import annotations

import pytest
from rt122_helpers import event_of, trail_strict
from rt128_helpers import her_catalogue_then_his_doc


def _honest(scenario, how, via) -> None:
    approval = her_catalogue_then_his_doc(scenario, how, via)  # approve: asserts it merged
    event = event_of(scenario, approval)
    code, out = trail_strict(scenario)
    names = sorted(p["name"] for p in event["authors"])
    assert event["approved"] and not event["problems"] and code == 0, (names, out)


@pytest.mark.parametrize("via", ["forge", "approve"])
@pytest.mark.parametrize("how", ["xlsx", "notes"])
def test_a_name_in_her_sheet_or_notes_makes_her_no_writer(scenario, how, via):
    _honest(scenario, how, via)


@pytest.mark.parametrize("via", ["forge", "approve"])
def test_control_the_same_names_in_yaml_make_her_no_writer(scenario, via):
    """The control: the same catalogue as a YAML list (round 126's fix): approved."""
    _honest(scenario, "yaml", via)
