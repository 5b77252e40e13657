"""What the round 85 tests share: SM-P-01 V1.1 with a red flow chart (round 84's ``base``),
a second procedure SM-P-02 that shows the same chart, and the three outputs that show a
chart (the site, ``pdf``, ``recall-due``)."""

from __future__ import annotations

from rt82_helpers import NET
from rt84_helpers import (
    BLUE,
    BOTH,
    FLOW,
    RED,
    TEXT,
    approved,
    base,
    built,
    colours,
    due_copies,
    file_colours,
    page_colours,
    png,
    pushed,
    review,
    site_colour,
    v11,
)

from builders import procedure
from history_helpers import body

__all__ = [
    "BLUE",
    "BOTH",
    "FLOW",
    "NET",
    "RED",
    "TEXT",
    "approved",
    "base",
    "built",
    "colours",
    "due_copies",
    "file_colours",
    "net",
    "net_made_obsolete",
    "page_colours",
    "png",
    "pushed",
    "review",
    "site_colour",
    "v11",
]

NET_TEXT = "见 ![流程](../procedures/flow.png) 网络正文"


def net(version: str = "V1.0", day: str = "2026-06-01", text: str = NET_TEXT, **extra) -> str:
    """SM-P-02 (网络管理程序) at ``version``, in force from ``day``, showing SM-P-01's chart."""
    return procedure(
        doc_id="SM-P-02",
        title="网络管理程序",
        version=version,
        effective_date=day,
        body=body(text),
        **extra,
    )


def net_made_obsolete(s) -> None:
    """SM-P-02 V1.0 showing the chart, in force 2026-03-12 (merge 3), made obsolete on
    2026-03-20 (V1.1, merge 4): its page stays on the site with its last text."""
    s.git.branch("net-1")
    s.files.write(NET, net(day="2026-03-12"))
    approved(s, "net-1", "网络管理程序", "2026-03-12", 3)
    s.git.branch("net-2")
    s.files.write(NET, net(version="V1.1", day="2026-03-20", status="obsolete"))
    approved(s, "net-2", "网络管理程序作废", "2026-03-20", 4)
