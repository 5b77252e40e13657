"""What the round 82 tests share (on top of the earlier rounds' helpers)."""

from __future__ import annotations

from rt71_helpers import DOC
from rt75_helpers import BOTH, drawn

from builders import procedure
from history_helpers import body

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
