"""Round 126, hole 2 (a false positive): a record's YAML list item is "text she wrote". 刘静
files a change request on main (records are written straight on main) whose lists are in
YAML's block style (``services:`` / ``  - 客户门户托管服务``, ``departments:`` /
``  - service-desk``). 赵磊 then writes his own SM-P-09 (his title, his purpose) that names
the same service as a bullet in its body, or lists its distribution in block style in its
front matter (valid YAML; front matter values count as landed text since round 125). Each
such line, spaces removed, is 8+ characters, so the loose index names her the writer of his
document and her approval is DC503: an honest team's ordinary approval blocks CI
(`trail --strict`) and `approve` refuses it. Secure outcome: approved, no problem,
`trail --strict` 0, `approve` merges."""

from __future__ import annotations

import pytest
from rt122_helpers import event_of, trail_strict
from rt126_helpers import her_record_then_his_doc


def _honest(scenario, shared, via, record="") -> None:
    approval = her_record_then_his_doc(scenario, shared, via, record)  # approve: asserts it merged
    event = event_of(scenario, approval)
    code, out = trail_strict(scenario)
    names = sorted(p["name"] for p in event["authors"])
    assert event["approved"] and not event["problems"] and code == 0, (names, out)


@pytest.mark.parametrize("via", ["forge", "approve"])
@pytest.mark.parametrize("shared", ["service", "distribution"])
def test_a_list_item_her_record_holds_makes_her_no_writer(scenario, shared, via):
    _honest(scenario, shared, via)


@pytest.mark.parametrize("via", ["forge", "approve"])
@pytest.mark.parametrize("record", ["service", "distribution"])
def test_control_his_document_beside_her_record_is_approved(scenario, record, via):
    """The control: the same record and document without the shared list line."""
    _honest(scenario, None, via, record)


@pytest.mark.parametrize("via", ["forge", "approve"])
def test_held_a_flow_style_list_keeps_its_key(scenario, via):
    """What does not misfire: both lists in flow style, as every shipped file spells them.
    The record's line keeps its key (``recipient_departments:[operations,service-desk]``)
    while the document's value loses its own (``[operations,service-desk]``): no unit is
    shared, so her record names her no writer."""
    _honest(scenario, "flow", via)
