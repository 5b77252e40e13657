"""Attacks on the body digest that held (each test passes today).

Base: ``rt74_helpers.scheduled_v12`` (V1.1 = 第一版的目的 in force from 2026-02-01; V1.2 =
第二版的目的 approved 2026-03-01 for 2026-06-01), then an ending on 2026-04-01."""

from __future__ import annotations

import shutil

from rt71_helpers import DOC
from rt74_helpers import (
    FIRST,
    SECOND,
    approve,
    procedure,
    register_row,
    run,
    scenario,
    scheduled_v12,
)
from rt78_helpers import due_copies, issued_copy

from builders import RepoBuilder
from history_helpers import Scenario


def _bytes_approve(s, branch: str, data: bytes, day: str, n: int) -> None:
    """``rt71_helpers.approve`` with the file's bytes as given."""
    s.git.branch(branch)
    (s.root / DOC).write_bytes(data)
    s.git.commit(f"{branch} 修改", who="zhaolei", date=f"{day}T09:00:00+08:00")
    s.git.merge(branch, f"{branch} 批准", date=f"{day}T10:00:00+08:00", number=n)


def _ended(s, text: str) -> None:
    obsolete = procedure(version="V1.3", status="obsolete", effective_date="2026-04-01", body=text)
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)


def _body_lines(out: str) -> list[str]:
    """The lines of ``show``'s output below the front matter."""
    return out.split("\n---\n", 2)[-1].splitlines()


def test_crlf_line_ends_are_the_same_text(tmp_path):
    """The ending is V1.1's text with CRLF line ends: the same text, given (a line end is not
    a change anyone reads)."""
    s = scheduled_v12(tmp_path)
    text = procedure(version="V1.3", status="obsolete", effective_date="2026-04-01", body=FIRST)
    _bytes_approve(s, "obsolete", text.replace("\n", "\r\n").encode(), "2026-04-01", 3)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0 and "第一版的目的" in shown.stdout, shown.stderr


def test_a_body_with_what_renders_like_front_matter_is_another_text(tmp_path):
    """The ending's body opens with a second ``---`` block (rendered as a rule and a heading)
    before V1.1's text: not the same text, withheld."""
    s = scheduled_v12(tmp_path)
    _ended(s, "---\ntitle: 第二版\n---\n\n" + FIRST)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode != 0 and "第一版的目的" not in shown.stdout, shown.stdout


def test_the_same_body_under_other_front_matter_is_given_with_its_own(tmp_path):
    """README: the body counts 'whatever its front matter says'. The ending with V1.1's body and
    another title is given under the ending's (approved) title, as any ending would be."""
    s = scheduled_v12(tmp_path)
    obsolete = procedure(
        version="V1.3",
        status="obsolete",
        effective_date="2026-04-01",
        body=FIRST,
        title="测试程序（已作废）",
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0 and "测试程序（已作废）" in shown.stdout.splitlines()[0]
    assert register_row(s, "2026-05-01")["title"] == "测试程序（已作废）"


def test_bytes_that_decode_alike_are_shown_alike(tmp_path):
    """Two bodies that differ only in a byte that is not UTF-8 (Latin-1 ½ and ¼) have one digest
    (decoded with 'replace'), so the ending is given as the text in force. Held: ``show``
    decodes the same way (content.text_at), so what it prints for V1.1 and for the ending is
    the same; no output tells a text apart that the digest calls the same."""
    s = scenario(tmp_path)
    base = procedure(version="V1.1", effective_date="2026-02-01", body=FIRST)
    v11 = base.replace("第一版的目的。", "响应时限 X 小时。").encode()
    _bytes_approve(s, "v11", v11.replace(b"X", b"\xbd"), "2026-02-01", 1)
    v12 = procedure(version="V1.2", effective_date="2026-06-01", body=SECOND)
    approve(s, "v12", v12, "2026-03-01", n=2)
    end = procedure(version="V1.3", status="obsolete", effective_date="2026-04-01", body=FIRST)
    end_bytes = end.replace("第一版的目的。", "响应时限 X 小时。").encode().replace(b"X", b"\xbc")
    _bytes_approve(s, "obsolete", end_bytes, "2026-04-01", 3)
    before = run(s, "show", "SM-P-01", "--as-of", "2026-03-15")
    after = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert before.returncode == 0 and after.returncode == 0, after.stderr
    assert _body_lines(before.stdout) == _body_lines(after.stdout)


def test_a_cached_run_and_a_cold_run_agree(tmp_path):
    """An adopted repository (the adoption baseline's digest is ``_approved_digest``): ``show``
    run after the adoption and after V1.2 (the cache extended twice), then after the ending
    with the adopted text, agrees with a run without the cache; both give the adopted text."""
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc(version="V1.0", body=SECOND, effective_date="2026-01-05")
    s.git.commit("导入", who="wangfang", date="2026-01-01T10:00:00+08:00")
    s.files.doc(version="V1.1", body=FIRST, effective_date="2026-01-10")
    tip = s.git.commit("导入二", who="wangfang", date="2026-01-10T10:00:00+08:00")
    s.git.branch("baseline")
    s.set_config("control_since: null", f"control_since: '{tip}'")
    s.git.commit("声明基线", who="zhouqiang", date="2026-01-20T09:00:00+08:00")
    s.git.merge("baseline", "批准基线", approvers=("chenmy",), date="2026-01-20T10:00:00+08:00")
    assert "第一版的目的" in run(s, "show", "SM-P-01", "--as-of", "2026-01-25").stdout
    v12 = procedure(version="V1.2", effective_date="2026-06-01", body=SECOND)
    approve(s, "v12", v12, "2026-03-01", n=2)
    assert "第一版的目的" in run(s, "show", "SM-P-01", "--as-of", "2026-03-25").stdout
    _ended(s, FIRST)
    warm = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    shutil.rmtree(s.root / ".git" / "doccontrol")
    cold = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    assert warm.returncode == 0 and "第一版的目的" in warm.stdout, warm.stderr


def test_a_copy_of_the_same_text_under_another_number_is_recalled(tmp_path):
    """Copy 02 of V1.2 issued ahead; withdrawn; brought back as V1.3 with V1.2's very text:
    the copy is labelled V1.2, not the version in force, and is recalled (superseded by V1.3)
    whatever the digest says."""
    s = scheduled_v12(tmp_path)
    issued_copy(s, "V1.2")
    approve(s, "withdraw", None, "2026-04-01", n=3)
    back = procedure(version="V1.3", effective_date="2026-05-01", body=SECOND)
    approve(s, "restore", back, "2026-05-01", n=4)
    assert due_copies(s, "2026-07-01") == ["02"]


def test_a_copy_of_the_text_that_waited_is_recalled_after_an_ending_with_the_text_in_force(
    tmp_path,
):
    """Copy 02 of V1.2 issued ahead; the document made obsolete at V1.3 with V1.1's text (the
    ending gives that text now): the copy is due, as obsolete."""
    s = scheduled_v12(tmp_path)
    issued_copy(s, "V1.2")
    _ended(s, FIRST)
    done = run(s, "recall-due", "--today", "2026-07-01", "--format", "json")
    assert done.returncode == 0 and '"obsolete"' in done.stdout, done.stdout + done.stderr


def _secret_site(tmp_path, raised: bool):
    """V1.1 (第一版正文, internal) in force from 2026-03-10; V1.2 (机密流程甲乙丙, raised to
    confidential when ``raised``) approved 2026-04-10 for 2026-06-01; obsolete at once at V1.3
    with V1.1's text and ``confidentiality: internal`` on 2026-04-20; built as of 2026-05-01."""
    from rt75_helpers import BOTH, built

    from history_helpers import body, make_scenario
    from site_helpers import site_repo

    s = site_repo(make_scenario(tmp_path), as_of="2026-05-01")
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("第一版正文"), effective_date="2026-03-10")
    s.git.commit("第一版", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "第一版", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    s.git.branch("cr-2")
    path = s.files.doc(version="V1.2", body=body("机密流程甲乙丙"), effective_date="2026-06-01")
    if raised:
        text = path.read_text(encoding="utf-8")
        level = "confidentiality: confidential"
        path.write_text(text.replace("confidentiality: internal", level), encoding="utf-8")
    s.git.commit("第二版", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "第二版", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    s.git.branch("cr-3")
    s.files.doc(
        version="V1.3", status="obsolete", body=body("第一版正文"), effective_date="2026-04-20"
    )
    s.git.commit("作废", who="zhaolei", date="2026-04-12T10:00:00+08:00")
    s.git.merge("cr-3", "作废", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    return built(s, tmp_path)


def test_a_secret_waiting_text_does_not_get_out_through_an_ending(tmp_path):
    """V1.2, waiting, raised the document to confidential; the ending gives back V1.1's text
    as internal. The site (up to internal) shows neither the secret nor the page: a document
    is published only if every level it ever had on main may be
    (``publishing.document_publishable``)."""
    from site_helpers import leaks

    out = _secret_site(tmp_path, raised=True)
    assert leaks(out, ["机密流程甲乙丙", "第一版正文"]) == []


def test_control_the_same_ending_of_an_internal_document_is_given(tmp_path):
    """Control: never raised, the same ending's page gives V1.1's text (and never V1.2's)."""
    from rt75_helpers import page_text

    out = _secret_site(tmp_path, raised=False)
    page = page_text(out)
    assert "第一版正文" in page and "机密流程甲乙丙" not in page
