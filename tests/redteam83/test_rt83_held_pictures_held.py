"""Things tried against session 32's pictures held back per path that held.

SM-P-01 V1.1 (第一版正文, flow.png FLOW-V1.1) in force from 2026-03-10; SM-P-02 V1.0 (TOPO-1)
from 2026-03-12. On 2026-04-10 one approved merge approves SM-P-01 V1.2 for 2026-06-01 and
puts SM-P-02 V2.0 in force at once. Built as of 2026-05-01 (V1.2 waits)."""

from __future__ import annotations

from rt75_helpers import BOTH, FLOW, built, drawn
from rt82_helpers import NET, TOPOLOGY, net, net_in_force

from history_helpers import body, make_scenario
from rules_attacks import png
from site_helpers import site_repo

MOVED = "docs/procedures/flow-v2.png"


def _site(tmp_path, v12_ref: str, net_ref: str, rename: bool, delete: bool = False):
    s = site_repo(make_scenario(tmp_path), as_of="2026-05-01")
    s.git.branch("cr-1")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(
        version="V1.1", body=body("见 ![流程](flow.png) 第一版正文"), effective_date="2026-03-10"
    )
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    net_in_force(s, "2026-03-12", "TOPO-1", "V1.0", 5)
    s.git.branch("cr-2")
    if delete:
        s.git.run("rm", "-q", FLOW)
    elif rename:
        s.git.run("mv", FLOW, MOVED)
        s.files.write(MOVED, drawn("FLOW-V1.2"))
    else:
        s.files.write(FLOW, drawn("FLOW-V1.2"))
    s.files.doc(version="V1.2", body=body(f"见 {v12_ref} 第二版正文"), effective_date="2026-06-01")
    s.files.write(TOPOLOGY, drawn("TOPO-2"))
    s.files.write(NET, net("V2.0", "2026-04-10", f"见 ![拓扑](topology.png) {net_ref} 网络第二版"))
    s.git.commit("改流程图，修订 SM-P-02", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "两份文件", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return built(s, tmp_path)


def test_a_chart_new_in_the_held_merge_is_not_published(tmp_path):
    """Held: V1.2 renames flow.png to flow-v2.png (FLOW-V1.2) and SM-P-02, released, names
    flow-v2.png: flow-v2.png, new in a held merge and shown by V1.2's text, is not published
    with FLOW-V1.2 (``test_rt83_renamed_chart.py`` for what happens to flow.png)."""
    out = _site(tmp_path, "![流程](flow-v2.png)", "![流程](../procedures/flow-v2.png)", True)
    moved = out / "procedures/flow-v2.png"
    assert not moved.exists() or moved.read_bytes() != drawn("FLOW-V1.2")


def test_a_released_raw_html_name_does_not_release_the_held_chart(tmp_path):
    """Held: SM-P-02 names the chart in raw HTML from its page URL (<img src="../../procedures/
    flow.png">); V1.1 keeps FLOW-V1.1."""
    out = _site(
        tmp_path,
        "![流程](flow.png)",
        '<img src="../../procedures/flow.png" alt="流程">',
        False,
    )
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")


def test_a_chart_only_the_waiting_text_names_stays_back(tmp_path):
    """Held: V1.2 names flow.png with a query string and a fragment (flow.png?v=2#x), SM-P-02
    names it plainly: kept by V1.2's text, V1.1 keeps FLOW-V1.1."""
    out = _site(tmp_path, "![流程](flow.png?v=2#x)", "![流程](../procedures/flow.png)", False)
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")
