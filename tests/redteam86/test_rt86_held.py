"""Held attacks: the shared chart SM-P-02 V1.0 redrew blue (approved 2026-04-01, in force from
2026-06-01) stays held back from SM-P-01's copy and page as of 2026-05-01, after a periodic
review of SM-P-01 (2026-04-10) vouches for main as it stood after that merge, whatever is
done to SM-P-02 in between: made confidential, withdrawn (deleted or obsolete), given another
id, moved to another folder, replaced by a V1.1 that no longer shows the chart, or its file
broken by a direct push. Each: ``pdf`` and the site print red, ``recall-due`` keeps copy 02."""

from __future__ import annotations

import pytest
from rt78_helpers import due_copies
from rt85_helpers import BLUE, FLOW, NET, RED, approved, base, built, net, png, review, site_colour
from rt86_helpers import copy_colours

CONFIDENTIAL = ("confidentiality: internal", "confidentiality: confidential")


def _after_net(s, variant: str) -> None:
    if variant == "none":
        return
    if variant == "broken_direct":
        s.files.write(NET, "---\nid: [unclosed\n---\n正文\n")
        s.git.commit("直接改坏", who="zhaolei", date="2026-04-05T10:00:00+08:00")
        return
    s.git.branch("net-2")
    if variant == "deleted":
        (s.root / NET).unlink()
    elif variant == "obsolete":
        s.files.write(NET, net(day="2026-06-01", status="obsolete"))
    elif variant == "renamed_id":
        s.files.write(NET, net(day="2026-06-01").replace("id: SM-P-02", "id: SM-P-06"))
    elif variant == "moved":
        (s.root / NET).unlink()
        s.files.write("docs/other/net.md", net(day="2026-06-01"))
    elif variant == "v11_without_chart":
        s.files.write(NET, net("V1.1", day="2026-06-01", text="网络正文 第二版"))
    else:
        raise AssertionError(variant)
    approved(s, "net-2", "网络管理程序 变更", "2026-04-05", 4)


def _scenario(tmp_path, variant: str, secret: bool = False):
    s = base(tmp_path, site_pdf=True)
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    text = net(day="2026-06-01")
    s.files.write(NET, text.replace(*CONFIDENTIAL) if secret else text)
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    _after_net(s, variant)
    review(s, number=5)
    return s


VARIANTS = [
    "none",
    "broken_direct",
    "deleted",
    "obsolete",
    "renamed_id",
    "moved",
    "v11_without_chart",
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_pdf_and_recall_due_keep_the_red_chart(tmp_path, variant):
    s = _scenario(tmp_path, variant)
    assert copy_colours(s, tmp_path, "2026-05-01") == {RED}
    assert due_copies(s, "2026-05-01") == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_site_and_its_pdf_keep_the_red_chart(tmp_path, variant):
    from rt85_helpers import file_colours

    out = built(_scenario(tmp_path, variant), tmp_path)
    assert site_colour(out, "procedures/flow.png") == RED
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}


def test_confidential_sm_p_02_holds_its_chart_everywhere(tmp_path):
    s = _scenario(tmp_path, "none", secret=True)
    assert copy_colours(s, tmp_path, "2026-05-01") == {RED}
    assert due_copies(s, "2026-05-01") == []
    out = built(s, tmp_path)
    assert site_colour(out, "procedures/flow.png") == RED
