"""Pictures held back per path (session 32): a held document that names its picture in a
spelling ``page_links.images_used`` does not read, while the page (and the browser) does.

SM-P-01 V1.1 (第一版正文) shows flow.png (FLOW-V1.1), in force from 2026-03-10, spelled so
that ``images_used`` does not resolve it (an HTML entity for the dot, or a line break before
the ``=`` of ``src``); SM-P-02 V1.0 (TOPO-1) in force from 2026-03-12. On 2026-04-10 one
approved merge approves SM-P-01 V1.2 (第二版正文, same spelling) for 2026-06-01, redrawing
flow.png (FLOW-V1.2), and puts SM-P-02 V2.0 in force at once, whose text names
``../procedures/flow.png`` plainly. Built as of 2026-05-01.

``publishing.assets_ahead`` holds a path when the held document's texts show it
(``StoredVersions.shown_images`` → ``images_used``): they show nothing here, SM-P-02 (released)
shows flow.png, so FLOW-V1.2 is published. nh3 (site/sanitize.py) decodes the entity and
normalises the attribute, so V1.1's page carries ``<img src="../flow.png">``: V1.1's text
is given with FLOW-V1.2, a picture never in force with it. Before session 32 the whole merge
was held (FLOW-V1.1)."""

from __future__ import annotations

import pytest
from rt75_helpers import BOTH, FLOW, built, drawn
from rt82_helpers import NET, TOPOLOGY, net, net_in_force

from history_helpers import body, make_scenario
from rules_attacks import png
from site_helpers import site_repo

SPELLED = {
    "html-entity": '<img src="../flow&#46;png" alt="流程">',
    "markdown-entity": "![流程](../flow&#46;png)",
    "newline-before-equals": '<img src\n="../flow.png" alt="流程">',
}
# Fixed too (session 32): spellings the page keeps as written, which a browser reads as
# flow.png (a backslash as a slash; a path from the site's root when it is served there)
AS_WRITTEN = {
    "backslash": '<img src="..\\flow.png" alt="流程">',
    "root-absolute": '<img src="/procedures/flow.png" alt="流程">',
}
PLAIN = "![流程](flow.png)"


def _site(tmp_path, ref: str):
    s = site_repo(make_scenario(tmp_path), as_of="2026-05-01")
    s.git.branch("cr-1")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(version="V1.1", body=body(f"见 {ref} 第一版正文"), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    net_in_force(s, "2026-03-12", "TOPO-1", "V1.0", 5)
    s.git.branch("cr-2")
    s.files.write(FLOW, drawn("FLOW-V1.2"))
    s.files.doc(version="V1.2", body=body(f"见 {ref} 第二版正文"), effective_date="2026-06-01")
    s.files.write(TOPOLOGY, drawn("TOPO-2"))
    s.files.write(
        NET,
        net(
            "V2.0",
            "2026-04-10",
            "见 ![拓扑](topology.png) ![流程](../procedures/flow.png) 网络第二版",
        ),
    )
    s.git.commit("改流程图，修订 SM-P-02", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "两份文件", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return built(s, tmp_path)


def _v11_page(out) -> str:
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert "第一版正文" in page and "第二版正文" not in page
    return page


@pytest.mark.parametrize("spelling", list(SPELLED))
def test_the_held_chart_stays_back_however_the_text_spells_it(tmp_path, spelling):
    """As of 2026-05-01 V1.1 is in force; its page shows ../flow.png: the chart published is
    FLOW-V1.1, never FLOW-V1.2 (V1.2 waits for 2026-06-01)."""
    out = _site(tmp_path, SPELLED[spelling])
    page = _v11_page(out)
    if spelling == "markdown-entity":
        # taken out (session 33): MkDocs leaves this Markdown name as written, so the browser
        # reads it from the page's URL while control reads it from the file's folder (round 88)
        assert 'src="../flow.png"' not in page
    else:
        assert 'src="../flow.png"' in page  # what the browser loads beside V1.1's text
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")


def test_control_the_plain_spelling_stays_back(tmp_path):
    """Control (passes, session 32's fix): the same merge with V1.1 naming ![流程](flow.png)
    keeps FLOW-V1.1 published."""
    out = _site(tmp_path, PLAIN)
    assert 'src="../flow.png"' in _v11_page(out)
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")


@pytest.mark.parametrize("spelling", list(SPELLED))
def test_control_the_other_document_is_given_in_force(tmp_path, spelling):
    """Control (passes): SM-P-02 V2.0 is given in force with TOPO-2 in the same build."""
    out = _site(tmp_path, SPELLED[spelling])
    assert "网络第二版" in (out / "network/net/index.html").read_text("utf-8")
    assert (out / "network/topology.png").read_bytes() == drawn("TOPO-2")


@pytest.mark.parametrize("spelling", list(AS_WRITTEN))
def test_the_held_chart_stays_back_spelled_as_a_browser_reads_it(tmp_path, spelling):
    """The picture published is FLOW-V1.1 whichever of these spellings V1.1's page keeps."""
    out = _site(tmp_path, AS_WRITTEN[spelling])
    _v11_page(out)
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")
