"""HELD: what paper (legacy) approvals cannot do.

- A paper entry never changes the version in force, its effective date or the state: even one
  for V9.0 with an `effective_date` (DC102 in `check`), committed directly, leaves the register
  at V1.0 in force from 2026-01-05, with the direct change counted as pending.
- Cached and fresh histories agree byte for byte across a planted, an approved and an erased
  paper record.
- A reviewed correction of the paper record (a typo) is merged by `approve` and approved by
  the trail: no false positive.
- Moving the start of control earlier (control_since removed by an approval) after an adoption
  with paper history: `approve` and the trail still agree on the roles (the adopted front
  matter's incident-manager)."""

from __future__ import annotations

import json
import re

import pytest
from rt11_helpers import DOC, IM, MR, adopted, agree, legacy, paper, register

from builders import procedure
from history_helpers import body, make_scenario
from rules_attacks import SOON, approve, forge_merge, history


def test_held_paper_entries_never_change_what_is_in_force(tmp_path):
    s = make_scenario(tmp_path)
    before = register(s, "2026-06-01")
    s.files.doc(extra=legacy(paper("V9.0", approver="陈明远", effective_date="2020-01-01")))
    s.git.commit("补录", who="zhaolei")
    after = register(s, "2026-06-01")
    keys = ("version", "in_force_version", "effective_date", "state", "upcoming")
    assert {k: after[k] for k in keys} == {k: before[k] for k in keys}
    assert after["pending"] == 1


def _dump(h):
    return json.dumps(
        [d.to_json() for d in h.documents.values()], ensure_ascii=False, sort_keys=True
    )


def test_held_cached_and_fresh_agree(tmp_path):
    s = make_scenario(tmp_path)
    steps = []
    s.files.doc(extra=legacy(paper(approver="陈明远")))
    s.git.commit("补录", who="zhaolei")
    steps.append((_dump(history(s, use_cache=True)), _dump(history(s))))
    s.git.branch("cr")
    s.files.doc(
        version="V1.1", body=body("改"), effective_date=SOON, extra=legacy(paper(approver="刘静"))
    )
    s.git.commit("修订", who="zhaolei")
    forge_merge(s, "cr", approvers=("liujing",))
    steps.append((_dump(history(s, use_cache=True)), _dump(history(s))))
    s.files.doc(version="V1.1", body=body("改"), effective_date=SOON)
    s.git.commit("删除履历", who="zhaolei")
    steps.append((_dump(history(s, use_cache=True)), _dump(history(s))))
    for cached, fresh in steps:
        assert cached == fresh


@pytest.mark.parametrize("who, expected", [("liujing", False), ("sunyue", True)])
def test_held_control_moved_earlier_after_adoption(tmp_path, who, expected):
    s = adopted(tmp_path, "SM-P-01:\n" + paper(approver="孙悦"), roles=IM)
    s.git.branch("cs")
    config = s.root / "doccontrol.yml"
    config.write_text(
        re.sub(r"^control_since:.*$", "control_since: null", config.read_text(), flags=re.M)
    )
    s.git.commit("从头受控", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cs", who="chenmy")
    assert merged, result.stdout + result.stderr
    s.git.branch("cr")
    text = procedure(
        version="V1.1", body=body("改"), effective_date=SOON, extra=legacy(paper(approver="孙悦"))
    )
    s.files.write(DOC, text.replace(MR, IM))
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    assert agree(s, "cr", who)[:2] == (expected, expected)


def test_held_correcting_the_paper_record_is_no_false_positive(tmp_path):
    # a reviewed correction of a typo in the adopted paper record (no new version, same body):
    # `approve` merges it and the trail approves it (as a review of V1.0), trail --strict passes
    from rt11_helpers import log_json

    from rules_attacks import last_event, strict_trail

    s = adopted(tmp_path, "SM-P-01:\n" + paper(approver="刘静"))
    s.git.branch("fix")
    text = (s.root / DOC).read_text(encoding="utf-8").replace('"新建"', '"新建（更正笔误）"')
    s.files.write(DOC, text)
    s.git.commit("更正纸质履历笔误", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "fix", who="liujing")
    assert merged, result.stdout + result.stderr
    assert last_event(s)["approved"] and strict_trail(s) == 0
    assert [r["change"] for r in log_json(s)["revisions"] if r["kind"] == "legacy"] == [
        "新建（更正笔误）"
    ]
