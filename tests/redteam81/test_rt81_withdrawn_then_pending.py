"""Withdrawn, then a new version approved for a later day, then made obsolete before that day.

SM-P-01 V1.1 (第一版正文, FLOW-V1.1) in force from 2026-03-10. Withdrawn on 2026-04-01 (the
file deleted; the picture stays). On 2026-04-10 an approved merge brings the file back as V1.2
(第二版正文, chart redrawn FLOW-V1.2) to take effect on 2026-06-01. On 2026-04-20, before that
day, an approved merge makes it obsolete at once at V1.3.

``standing._placed`` marks a later text as unissued only while something is in force
(``unissued or in_force is not None``). After the withdrawal nothing is, so V1.2 waiting does
not count: at the ending ``before`` is False, ``ended_unissued`` is False and ``gives_back``
is None. So:
- an ending with V1.1's body gives it with V1.2's picture (``assets_ahead``: the ending is
  approved after V1.2), unlike the same ending without the withdrawal (round 80's fix);
- an ending with V1.2's body gives V1.2's text, never in force, as the document's, unlike
  the same ending without the withdrawal (round 78), where the page is withheld and ``show``
  refuses."""

from __future__ import annotations

import pytest
from rt74_helpers import register_row, run
from rt75_helpers import BOTH, FLOW, built, drawn, flow_chart_site, page_text, picture
from rt78_helpers import obsolete_site
from rt81_helpers import V11_TEXT, V12_TEXT, ending, withdraw

from history_helpers import body, make_scenario
from site_helpers import site_repo


def _withdrawn_then_pending(tmp_path, text: str, as_of: str = "2026-05-01"):
    s = site_repo(make_scenario(tmp_path), as_of=as_of)
    s.git.branch("cr-1")
    s.files.write(FLOW, drawn("FLOW-V1.1"))
    s.files.doc(version="V1.1", body=body(V11_TEXT), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    withdraw(s, "2026-04-01", 2)
    s.git.branch("cr-2")
    s.files.write(FLOW, drawn("FLOW-V1.2"))
    s.files.doc(version="V1.2", body=body(V12_TEXT), effective_date="2026-06-01")
    s.git.commit("重新发布", who="zhaolei", date="2026-04-08T10:00:00+08:00")
    s.git.merge("cr-2", "重新发布", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=3)
    ending(s, "cr-3", "2026-04-20", 4, text=text)
    return s


@pytest.mark.parametrize("as_of", ["2026-05-01", "2026-07-02"])
def test_the_text_last_in_force_is_given_with_its_picture(tmp_path, as_of):
    """Fixed (session 31) (README: 'a withdrawal before the ending changes nothing', 'given with the
    pictures it had in force'): 第一版正文 with FLOW-V1.1 or no picture."""
    out = built(_withdrawn_then_pending(tmp_path, V11_TEXT, as_of), tmp_path)
    page = page_text(out)
    assert "第一版正文" in page and "第二版正文" not in page
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


def test_an_ending_with_the_text_that_waited_is_withheld_by_show(tmp_path):
    """Fixed (session 31) (README: 'A document ended while an approved later text had not taken effect
    ends with a text that was never in force'): ``show`` refuses, as it does without the
    withdrawal (control below)."""
    s = _withdrawn_then_pending(tmp_path, V12_TEXT)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode != 0 and "第二版正文" not in shown.stdout, shown.stdout


def test_an_ending_with_the_text_that_waited_is_withheld_on_the_site(tmp_path):
    """Fixed (session 31): the page gives no text of V1.2 and FLOW-V1.2 stays back."""
    out = built(_withdrawn_then_pending(tmp_path, V12_TEXT), tmp_path)
    assert "第二版正文" not in page_text(out)
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


def test_control_without_the_withdrawal_the_text_that_waited_is_withheld(tmp_path):
    """Control (passes, round 78): V1.1 in force, V1.2 waiting, ended with V1.2's text:
    the page gives no V1.2 text and FLOW-V1.2 stays back."""
    out = obsolete_site(tmp_path, "2026-05-01")
    assert "第二版正文" not in page_text(out)
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


def test_control_the_register_calls_it_obsolete_at_v13(tmp_path):
    """Control (passes): the register agrees on the state either way; only the text and the
    picture given are at issue."""
    row = register_row(_withdrawn_then_pending(tmp_path, V12_TEXT), "2026-05-01")
    assert (row["state"], row["version"], row["in_force_version"]) == ("obsolete", "V1.3", "")


def test_control_without_the_withdrawal_show_refuses_the_text_that_waited(tmp_path):
    """Control (passes, round 78): V1.1 in force, V1.2 waiting, the same ending with V1.2's
    text on 2026-04-20: ``show`` refuses to give it."""
    s = flow_chart_site(tmp_path, "2026-06-01")
    ending(s, "cr-3", "2026-04-20", 3, text=V12_TEXT)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode != 0 and "第二版正文" not in shown.stdout, shown.stdout
