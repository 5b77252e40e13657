"""What the round 81 tests share: the flow-chart site ended in the ways round 80's fixes did
not foresee (``rt75_helpers.flow_chart_site``: V1.1 with FLOW-V1.1 in force from 2026-03-10,
V1.2 with FLOW-V1.2 approved 2026-04-10)."""

from __future__ import annotations

from rt75_helpers import BOTH, FLOW, drawn

from history_helpers import body

DOC = "docs/procedures/test.md"
V11_TEXT = "见 ![流程](flow.png) 第一版正文"
V12_TEXT = "见 ![流程](flow.png) 第二版正文"


def ending(s, branch: str, day: str, number: int, text: str = V11_TEXT, **front) -> None:
    """An approved merge on ``day`` (10:00) making SM-P-01 obsolete at once at V1.3 with
    ``text`` (V1.1's by default); ``front``: more front matter (title…)."""
    s.git.branch(branch)
    s.files.doc(
        version="V1.3",
        status="obsolete",
        body=body(text),
        effective_date=front.pop("effective_date", day),
        **front,
    )
    s.git.commit(f"{branch} 作废", who="zhaolei", date=f"{day}T08:00:00+08:00")
    s.git.merge(
        branch, f"{branch} 作废", approvers=BOTH, date=f"{day}T10:00:00+08:00", number=number
    )


def withdraw(s, day: str, number: int) -> None:
    """An approved merge on ``day`` deleting SM-P-01's file (the picture stays)."""
    s.git.branch(f"withdraw-{number}")
    (s.root / DOC).unlink()
    s.git.commit("撤回", who="zhaolei", date=f"{day}T08:00:00+08:00")
    s.git.merge(
        f"withdraw-{number}", "撤回", approvers=BOTH, date=f"{day}T10:00:00+08:00", number=number
    )


def bring_back(s, day: str, number: int, redraw: str | None = None, **front) -> None:
    """An approved merge on ``day`` writing SM-P-01 at V1.2 with V1.2's very body, in force
    from ``day`` (``front`` may say otherwise); the chart redrawn as ``redraw`` when given."""
    s.git.branch(f"back-{number}")
    if redraw is not None:
        s.files.write(FLOW, drawn(redraw))
    s.files.doc(
        version="V1.2",
        body=body(V12_TEXT),
        effective_date=front.pop("effective_date", day),
        **front,
    )
    s.git.commit("恢复", who="zhaolei", date=f"{day}T08:00:00+08:00")
    s.git.merge(
        f"back-{number}", "恢复", approvers=BOTH, date=f"{day}T10:00:00+08:00", number=number
    )
