"""What the round 82 tests share (on top of the earlier rounds' helpers)."""

from __future__ import annotations

from rt71_helpers import DOC
from rt75_helpers import BOTH, FLOW, drawn
from rt78_helpers import issued_copy

from builders import procedure
from history_helpers import body, make_scenario
from site_helpers import site_repo

TOPOLOGY = "docs/network/topology.png"
NET = "docs/network/net.md"


def net(version: str, day: str, text: str = "见 ![拓扑](topology.png) 网络正文") -> str:
    """SM-P-02 (网络管理程序) at ``version``, in force from ``day``, naming topology.png."""
    return procedure(
        doc_id="SM-P-02",
        title="网络管理程序",
        version=version,
        effective_date=day,
        body=body(text),
    )


def net_in_force(s, day: str, label: str, version: str, number: int) -> None:
    """An approved merge on ``day`` writing SM-P-02 ``version`` (in force from that day) with
    its topology drawn as ``label``."""
    branch = f"net-{number}"
    s.git.branch(branch)
    s.files.write(TOPOLOGY, drawn(label))
    s.files.write(NET, net(version, day))
    s.git.commit(f"网络管理程序 {version}", who="zhaolei", date=f"{day}T08:00:00+08:00")
    s.git.merge(
        branch,
        f"网络管理程序 {version}",
        approvers=BOTH,
        date=f"{day}T10:00:00+08:00",
        number=number,
    )


def approve_at(s, branch: str, text: str | None, day: str, hour: str, n: int) -> str:
    """As ``rt71_helpers.approve``, at ``hour`` (HH:MM, +08:00) on ``day``: 赵磊's branch
    writes SM-P-01 (``text``; None deletes it) a minute before, 刘静 approves it."""
    s.git.branch(branch)
    if text is None:
        (s.root / DOC).unlink()
    else:
        s.files.write(DOC, text)
    hh, mm = hour.split(":")
    before = f"{hh}:{int(mm) - 1:02d}" if int(mm) else f"{int(hh) - 1:02d}:59"
    s.git.commit(f"{branch} 修改", who="zhaolei", date=f"{day}T{before}:00+08:00")
    return s.git.merge(branch, f"{branch} 批准", date=f"{day}T{hour}:00+08:00", number=n)


def copy_then_review(
    tmp_path,
    text: str,
    copy_version: str = "V1.1",
    redraw: bool = True,
    charts: tuple[bytes, bytes] | None = None,
    pushed: bool = False,
    as_of: str | None = None,
):
    """V1.1 (``text``, flow.png) in force from 2026-03-10; copy 02 of ``copy_version`` issued
    2026-03-12; a periodic review of V1.1 on 2026-04-10, redrawing flow.png when ``redraw``.
    ``charts``: the first chart and the redrawn one (FLOW-V1.1, FLOW-REDRAWN); ``pushed``: the
    redrawn chart pushed straight to main on 2026-04-01 instead (nobody approves it, the
    review's diff holds the front matter only); ``as_of``: a site built as of that day."""
    first, redrawn = charts or (drawn("FLOW-V1.1"), drawn("FLOW-REDRAWN"))
    s = make_scenario(tmp_path)
    if as_of is not None:
        s = site_repo(s, as_of=as_of)
    s.git.branch("cr-1")
    s.files.write(FLOW, first)
    s.files.doc(version="V1.1", body=body(text), effective_date="2026-03-10")
    s.git.commit("V1.1", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "V1.1", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    issued_copy(s, copy_version, "2026-03-12")
    if pushed:
        s.files.write(FLOW, redrawn)
        s.git.commit("直接换图", who="zhaolei", date="2026-04-01T10:00:00+08:00")
    s.git.branch("review")
    if redraw and not pushed:
        s.files.write(FLOW, redrawn)
    s.files.doc(
        version="V1.1",
        body=body(text),
        effective_date="2026-03-10",
        extra="review_date: 2026-04-10\n",
    )
    s.git.commit("定期评审", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("review", "定期评审", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return s
