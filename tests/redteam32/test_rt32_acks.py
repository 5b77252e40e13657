"""Read-and-understood acknowledgements (阅知确认): can the report count an acknowledgement of
an older text as one of the version in force?"""

from __future__ import annotations

import json
import shutil

from rt32_helpers import run

from ack_records import ack_path, ack_text
from builders import PROJECT, procedure
from history_helpers import body, make_scenario

DOC = "docs/procedures/test.md"
NEW_PURPOSE = "全部改写的目的：新的流程"


def _ack_scenario(tmp_path):
    """SM-P-01 V1.0 (pre-control baseline, in force from 2026-01-05), distributed to qa:
    刘静 and 王芳 each acknowledge V1.0 in a commit of their own on main."""
    s = make_scenario(tmp_path)
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        s.root / "schemas/records/acknowledgement.schema.json",
    )
    s.git.commit("阅知确认记录模式", who="wangfang", date="2026-01-01T12:00:00+08:00")
    for person in ("liujing", "wangfang"):
        s.files.write(ack_path(person), ack_text(person))
        s.git.commit("阅知确认 V1.0", who=person)
    return s


def _merged(s, branch, text, title):
    """赵磊 writes ``text`` on ``branch``; 刘静 approves it, 王芳 reviewed (a forge merge)."""
    s.git.branch(branch)
    s.files.write(DOC, text)
    s.git.commit(title, who="zhaolei")
    return s.git.merge(branch, title)


def _owed(s, day):
    out = run(s, "ack-due", "--all", "--today", day, "--format", "json")
    assert out.returncode == 0, out.stderr
    return {o["person"]: o for o in json.loads(out.stdout)["owed"] if o["document"] == "SM-P-01"}


def test_an_ack_of_the_old_text_does_not_count_for_a_version_whose_text_came_from_a_draft(
    tmp_path,
):
    """V1.1, a draft with a rewritten 目的, is approved for comment. V1.2 publishes that same
    text as effective. V1.2's body equals the last approved body (the draft's), so history
    records no changed section and the acknowledgement exemption `front-matter` treats V1.2 as
    a front-matter-only revision of V1.0, the last *effective* version. Nobody has read the new
    目的, yet `ack-due` counts 刘静's and 王芳's V1.0 acknowledgements as done for V1.2."""
    s = _ack_scenario(tmp_path)
    draft = procedure(
        version="V1.1", status="draft", effective_date="2026-02-01", body=body(NEW_PURPOSE)
    )
    _merged(s, "rev-draft", draft, "草稿征求意见")
    final = procedure(version="V1.2", effective_date="2026-02-01", body=body(NEW_PURPOSE))
    _merged(s, "rev-final", final, "发布 V1.2")
    owed = _owed(s, "2026-03-01")
    assert {o["version"] for o in owed.values()} == {"V1.2"}, owed
    done = sorted(p for p, o in owed.items() if o["done"])
    assert not done, (
        f"V1.2's text ({NEW_PURPOSE}) was never acknowledged, yet ack-due counts {done} as done "
        f"through their V1.0 records: {[owed[p]['record'] for p in done]}"
    )


def test_an_ack_of_v10_still_counts_for_a_front_matter_only_v11(tmp_path):
    """Held (the exemption works as documented): V1.1 changes only the effective date and
    version; the V1.0 acknowledgements count for it, and V1.2 with a new 目的 asks again."""
    s = _ack_scenario(tmp_path)
    _merged(s, "rev-11", procedure(version="V1.1", effective_date="2026-02-01"), "V1.1")
    owed = _owed(s, "2026-03-01")
    assert all(o["done"] and o["version"] == "V1.1" for o in owed.values()), owed
    v12 = procedure(version="V1.2", effective_date="2026-03-10", body=body(NEW_PURPOSE))
    _merged(s, "rev-12", v12, "V1.2")
    owed = _owed(s, "2026-04-01")
    assert owed and not any(o["done"] for o in owed.values()), owed
