"""Attacks on round 81's fixes that held (each test passes today)."""

from __future__ import annotations

import json

from rt74_helpers import NEW, SECOND, ack_by, owed, procedure, run, scheduled_v12
from rt75_helpers import BOTH, built, drawn, flow_chart_site
from rt78_helpers import due_copies
from rt81_helpers import V11_TEXT, ending
from rt82_helpers import NET, approve_at, copy_then_review, net_in_force

from history_helpers import body, make_scenario


def test_a_copy_spelled_v01_1_is_judged_as_v11(tmp_path):
    """Copy 02 issued as ``V01.1``: kept without a redraw, recalled with one (the number is
    read as the version rules read it, its pictures compared)."""
    kept = copy_then_review(tmp_path / "a", V11_TEXT, "V01.1", redraw=False)
    assert due_copies(kept, "2026-07-01") == []
    redrawn = copy_then_review(tmp_path / "b", V11_TEXT, "V01.1")
    assert due_copies(redrawn, "2026-07-01") == ["02"]


def test_a_picture_named_in_html_or_by_reference_recalls_when_redrawn(tmp_path):
    """The chart named by ``<img src>`` or a reference-style image: its redraw at a review
    recalls copy 02 (``images_named`` reads both)."""
    html = copy_then_review(tmp_path / "html", '见 <img src="flow.png" alt="流程"> 第一版正文')
    assert due_copies(html, "2026-07-01") == ["02"]
    ref = copy_then_review(tmp_path / "ref", "见 ![流程][f] 第一版正文\n\n[f]: flow.png\n")
    assert due_copies(ref, "2026-07-01") == ["02"]


def test_a_picture_outside_docs_is_not_compared(tmp_path):
    """The text names ``../../records/x.png`` (outside docs/: never embedded, never
    published); the review redraws flow.png, which this text does not name: copy 02 kept."""
    s = copy_then_review(tmp_path, "见 ![外部](../../records/x.png) 第一版正文")
    assert due_copies(s, "2026-07-01") == []


def test_an_acknowledgement_before_a_rewrite_the_same_day_counts(tmp_path):
    """Dates vs instants: 王芳 acknowledges V1.2 at 11:00 on 2026-03-12, V1.2 is rewritten at
    15:00 (恢复后的新目的) and back on 2026-03-20 (第二版的目的): she read the text in force;
    her record counts (the last approval by her record's instant is the first)."""
    s = scheduled_v12(tmp_path)
    ack_by(s, "wangfang", "V1.2", "2026-03-12")
    approve_at(
        s,
        "v12b",
        procedure(version="V1.2", effective_date="2026-06-01", body=NEW),
        "2026-03-12",
        "15:00",
        5,
    )
    approve_at(
        s,
        "v12c",
        procedure(version="V1.2", effective_date="2026-06-01", body=SECOND),
        "2026-03-20",
        "10:00",
        6,
    )
    _, rows, problems = owed(s, "2026-07-01")
    assert rows["wangfang"]["done"], rows["wangfang"]
    assert not [p for p in problems if p["code"] == "DC542"], problems


def test_a_first_version_for_a_later_day_made_obsolete_is_withheld(tmp_path):
    """SM-P-02 V1.0 approved on 2026-03-01 for 2026-06-01 (never in force), made obsolete at
    once on 2026-04-01 with the same text: ``show`` refuses, the register says obsolete (no
    version in force), and nothing was given back."""
    s = make_scenario(tmp_path)
    steps = (
        ("effective", "2026-06-01", "V1.0", "2026-03-01"),
        ("obsolete", "2026-04-01", "V1.1", "2026-04-01"),
    )
    for n, (status, effective, version, day) in enumerate(steps, 1):
        s.git.branch(f"net-{n}")
        text = procedure(
            doc_id="SM-P-02",
            title="网络管理程序",
            version=version,
            status=status,
            effective_date=effective,
            body=body("网络正文"),
        )
        s.files.write(NET, text)
        s.git.commit(f"网络 {n}", who="zhaolei", date=f"{day}T08:00:00+08:00")
        s.git.merge(f"net-{n}", f"网络 {n}", approvers=BOTH, date=f"{day}T10:00:00+08:00", number=n)
    shown = run(s, "show", "SM-P-02", "--as-of", "2026-05-01")
    assert shown.returncode != 0 and "网络正文" not in shown.stdout
    out = run(s, "register", "--format", "json", "--as-of", "2026-05-01")
    row = next(r for r in json.loads(out.stdout) if r["id"] == "SM-P-02")
    assert row["state"] == "obsolete" and row["in_force_version"] == "", row


def test_another_documents_own_later_picture_is_published_after_a_give_back(tmp_path):
    """After SM-P-01's ending gave back V1.1 (2026-04-20), SM-P-02 V1.0 with its own picture,
    approved in a merge of its own on 2026-04-22, is published: ``after_given_back`` lists
    only SM-P-01's approvals."""
    s = flow_chart_site(tmp_path, "2026-06-01", as_of="2026-05-01")
    ending(s, "cr-3", "2026-04-20", 3)
    net_in_force(s, "2026-04-22", "TOPO-1", "V1.0", 5)
    out = built(s, tmp_path)
    assert (out / "network/topology.png").read_bytes() == drawn("TOPO-1")
    assert (out / "procedures/flow.png").read_bytes() == drawn("FLOW-V1.1")
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert "第一版正文" in page and "第二版正文" not in page
