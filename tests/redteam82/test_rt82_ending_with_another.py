"""An ending that gives back V1.1's text, merged together with another document's new
version (``Standing.after_given_back`` is a list of commits: ``assets_ahead`` holds back every
picture those merges changed, whichever document it belongs to).

The flow-chart site: V1.1 (第一版正文, FLOW-V1.1) in force from 2026-03-10; V1.2 (第二版正文,
FLOW-V1.2) approved 2026-04-10 for 2026-06-01. SM-P-02 V1.0 (网络管理程序) with TOPO-1 in force
from 2026-04-12. On 2026-04-20 one approved merge makes SM-P-01 obsolete at V1.3 with V1.1's
body AND puts SM-P-02 V2.0 in force at once, its topology redrawn (TOPO-2)."""

from __future__ import annotations

import pytest
from rt75_helpers import BOTH, FLOW, built, drawn, flow_chart_site
from rt81_helpers import V11_TEXT, V12_TEXT
from rt82_helpers import NET, TOPOLOGY, net, net_in_force

from history_helpers import body, make_scenario
from rules_attacks import png
from site_helpers import site_repo


def _site(tmp_path, as_of: str, end: bool = True):
    s = flow_chart_site(tmp_path, "2026-06-01", as_of=as_of)
    net_in_force(s, "2026-04-12", "TOPO-1", "V1.0", 5)
    s.git.branch("cr-3")
    if end:
        s.files.doc(
            version="V1.3", status="obsolete", body=body(V11_TEXT), effective_date="2026-04-20"
        )
    s.files.write(TOPOLOGY, drawn("TOPO-2"))
    s.files.write(NET, net("V2.0", "2026-04-20", "见 ![拓扑](topology.png) 网络第二版"))
    s.git.commit("作废 SM-P-01，修订 SM-P-02", who="zhaolei", date="2026-04-19T08:00:00+08:00")
    s.git.merge("cr-3", "作废与修订", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    return s, built(s, tmp_path)


def _net(out) -> tuple[str, bytes | None]:
    page = (out / "network/net/index.html").read_text("utf-8")
    chart = out / "network/topology.png"
    return page, chart.read_bytes() if chart.exists() else None


@pytest.mark.parametrize("as_of", ["2026-05-01", "2026-07-02"])
def test_the_other_documents_picture_in_force_is_published(tmp_path, as_of):
    """SM-P-02 V2.0 is in force since 2026-04-20 with TOPO-2: its page gives 网络第二版 with TOPO-2
    (what a PDF copy of V2.0 embeds), never TOPO-1."""
    _, out = _site(tmp_path, as_of)
    page, chart = _net(out)
    assert "网络第二版" in page
    assert chart == drawn("TOPO-2")


@pytest.mark.parametrize("as_of", ["2026-05-01", "2026-07-02"])
def test_control_the_ending_gives_v11_with_its_picture(tmp_path, as_of):
    """Control (passes, round 81's fix): the same build gives SM-P-01 第一版正文 with FLOW-V1.1."""
    _, out = _site(tmp_path, as_of)
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert "第一版正文" in page and "第二版正文" not in page
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")


def test_control_without_the_ending_the_picture_in_force_is_published(tmp_path):
    """Control (passes, right): the same merge without SM-P-01's ending gives SM-P-02 V2.0
    with TOPO-2."""
    _, out = _site(tmp_path, "2026-05-01", end=False)
    page, chart = _net(out)
    assert "网络第二版" in page
    assert chart == drawn("TOPO-2")


def _in_v12s_merge(tmp_path, as_of: str, net_text: str = "见 ![拓扑](topology.png) 网络第二版"):
    """SM-P-01 V1.1 (FLOW-V1.1) in force from 2026-03-10 and SM-P-02 V1.0 (TOPO-1) from
    2026-03-12; on 2026-04-10 one approved merge approves SM-P-01 V1.2 (FLOW-V1.2) for
    2026-06-01 and puts SM-P-02 V2.0 (TOPO-2, ``net_text``) in force at once."""
    s = site_repo(make_scenario(tmp_path), as_of=as_of)
    s.git.branch("cr-1")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(version="V1.1", body=body(V11_TEXT), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    net_in_force(s, "2026-03-12", "TOPO-1", "V1.0", 5)
    s.git.branch("cr-2")
    s.files.write(FLOW, drawn("FLOW-V1.2"))
    s.files.doc(version="V1.2", body=body(V12_TEXT), effective_date="2026-06-01")
    s.files.write(TOPOLOGY, drawn("TOPO-2"))
    s.files.write(NET, net("V2.0", "2026-04-10", net_text))
    s.git.commit("改流程图，修订 SM-P-02", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "两份文件", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return built(s, tmp_path)


def test_the_other_documents_picture_in_force_while_v12_waits(tmp_path):
    """As of 2026-05-01 SM-P-02 V2.0 is in force (TOPO-2); SM-P-01's V1.2 waits. SM-P-02's
    page gives 网络第二版 with TOPO-2."""
    out = _in_v12s_merge(tmp_path, "2026-05-01")
    page, chart = _net(out)
    assert "网络第二版" in page
    assert chart == drawn("TOPO-2")


def test_control_the_waiting_chart_stays_back(tmp_path):
    """Control (passes, round 75's fix): the same build gives SM-P-01 V1.1 with FLOW-V1.1."""
    out = _in_v12s_merge(tmp_path, "2026-05-01")
    assert "第一版正文" in (out / "procedures/test/index.html").read_text("utf-8")
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")


# Fixes (session 32): pictures are held back per path, by the texts of the held approval.


def test_a_picture_the_waiting_text_shows_too_stays_back(tmp_path):
    """SM-P-02 V2.0, in force at once, shows SM-P-01's flow chart too: one file cannot be both
    documents' picture, and the one never in force with V1.1's text is never published
    (SM-P-01 keeps FLOW-V1.1), while SM-P-02's own TOPO-2 is."""
    out = _in_v12s_merge(
        tmp_path,
        "2026-05-01",
        "见 ![拓扑](topology.png) ![流程](../procedures/flow.png) 网络第二版",
    )
    page, chart = _net(out)
    assert "网络第二版" in page and chart == drawn("TOPO-2")
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")
