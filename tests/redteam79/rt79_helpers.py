"""What the round 79 and later tests share: the flow-chart site ended while V1.2 waits,
with V1.1's text given back."""

from __future__ import annotations

from rt75_helpers import BOTH, FLOW, built, drawn, flow_chart_site

from history_helpers import body


def ended_with_v11_text(tmp_path, as_of: str, put_back_picture: bool):
    """The flow-chart site (V1.1 in force from 2026-03-10 with FLOW-V1.1; V1.2 with FLOW-V1.2
    approved on 2026-04-10 for 2026-06-01), made obsolete at once on 2026-04-20 at V1.3 with
    V1.1's text brought back, and its picture too when ``put_back_picture``; built as of
    ``as_of``."""
    s = flow_chart_site(tmp_path, "2026-06-01", as_of=as_of)
    s.git.branch("cr-3")
    if put_back_picture:
        s.files.write(FLOW, drawn("FLOW-V1.1"))
    s.files.doc(
        version="V1.3",
        status="obsolete",
        body=body("见 ![流程](flow.png) 第一版正文"),
        effective_date="2026-04-20",
    )
    s.git.commit("作废，恢复第一版正文", who="zhaolei", date="2026-04-12T10:00:00+08:00")
    s.git.merge("cr-3", "作废", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    return built(s, tmp_path)
