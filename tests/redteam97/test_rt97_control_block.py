"""The site's control block and a PDF copy of the same version on the same day name the same
approval (pdf/facts.py says it names the approval "as the site's control block says")."""

from __future__ import annotations

from rt97_helpers import (
    approve,
    body,
    built,
    pdf_signoffs,
    pdf_text,
    procedure,
    run,
    scenario,
    show_head,
    site_block,
    site_repo,
    site_signoffs,
)

DAY = "2026-03-15"


def _waiting_over_baseline(tmp_path):
    """V1.0 is the pre-control baseline (in force from 2026-01-05, nobody approved it). 赵磊
    writes V1.1, 王芳 reviews and 刘静 approves it on 2026-02-10 for 2026-04-01. On 2026-03-15
    V1.0 is still in force."""
    s = site_repo(scenario(tmp_path), as_of=DAY)
    v11 = procedure(version="V1.1", effective_date="2026-04-01", body=body("新的目的。"))
    approve(s, "v11", v11, "2026-02-10", n=1)
    return s


def test_the_baseline_page_and_its_copy_name_the_same_signoffs(tmp_path):
    """The page of V1.0 (in force on 2026-03-15) shows 编制 赵磊 2026-02-10, 审核 王芳
    2026-02-10, 合并请求 !1, 批准证据 未签名（依赖分支保护）: V1.1's approval (only the
    批准 cell says "批准的是 V1.1，不是本版本"). `pdf SM-P-01 --as-of 2026-03-15` prints V1.0
    with Prepared 王芳 2026-01-01, Reviewed —, Approved —, evidence "baseline of document
    control", merge request —, and `show` says "the baseline taken into control on 2026-01-01".
    site/pages.py:control_block takes ``stand.vouched_by or stand.last_approval``, while
    pdf/facts.py:gather takes ``stand.vouched_by or revision`` (the baseline)."""
    s = _waiting_over_baseline(tmp_path)
    site = built(s.root, tmp_path / "site")
    block = site_block(site)
    assert " 版本 V1.0 " in block, block[:600]
    text = pdf_text(s, DAY, tmp_path / "f.pdf")
    assert "Version V1.0" in text, text[:600]
    assert "baseline taken into control" in show_head(s, DAY)
    page, copy = site_signoffs(block), pdf_signoffs(text)
    assert page["author"] == copy["author"], (page, copy)
    assert page["reviewer"] == copy["reviewer"], (page, copy)
    assert page["merge_request"] == copy["merge_request"], (page, copy)


def test_control_an_approved_version_in_force_has_one_set_of_signoffs(tmp_path):
    """Control: with V1.1 approved (2026-01-20, in force from then) and V1.2 waiting, the page
    and the copy both give V1.1's own approval: 编制 赵磊, 审核 王芳, 批准 刘静 2026-01-20, !1."""
    s = site_repo(scenario(tmp_path), as_of=DAY)
    v11 = procedure(version="V1.1", effective_date="2026-01-20", body=body("批准的目的。"))
    approve(s, "v11", v11, "2026-01-20", n=1)
    v12 = procedure(version="V1.2", effective_date="2026-04-01", body=body("新的目的。"))
    approve(s, "v12", v12, "2026-02-10", n=2)
    site = built(s.root, tmp_path / "site")
    page = site_signoffs(site_block(site))
    copy = pdf_signoffs(pdf_text(s, DAY, tmp_path / "f.pdf"))
    assert page["author"] == copy["author"] == "赵磊 2026-01-20", (page, copy)
    assert page["reviewer"] == copy["reviewer"] == "王芳 2026-01-20", (page, copy)
    assert page["approver"].startswith("刘静 2026-01-20"), page
    assert copy["approver"] == "刘静 2026-01-20", copy
    assert page["merge_request"] == copy["merge_request"] == "!1", (page, copy)
    assert run(s, "show", "SM-P-01", "--as-of", DAY).returncode == 0


def test_a_change_at_the_baselines_number_never_approves_the_baseline_text_on_the_page(tmp_path):
    """V1.0 is the pre-control baseline (目的的内容。, in force from 2026-01-05). 赵磊 rewrites
    its 目的 keeping V1.0; 王芳 reviews, 刘静 approves on 2026-01-20 (DC511: not in force).
    On 2026-03-15 the site's page gives the baseline text with 编制 赵磊 2026-01-20, 审核 王芳,
    批准 刘静 2026-01-20, 合并请求 !1, 批准证据 未签名（依赖分支保护） and no note (the
    approval's version is V1.0 too, so `site.control.approved_version` is not added): the text
    nobody approved reads as approved by 刘静. `pdf --as-of` prints that same text with
    Approved — and "baseline of document control"; `show` says "the baseline taken into
    control on 2026-01-01"."""
    s = site_repo(scenario(tmp_path), as_of=DAY)
    rewritten = procedure(version="V1.0", effective_date="2026-01-20", body=body("改写的目的。"))
    approve(s, "v10", rewritten, "2026-01-20", n=1)
    assert "DC511" in run(s, "log", "SM-P-01").stdout
    assert "baseline taken into control" in show_head(s, DAY)
    text = pdf_text(s, DAY, tmp_path / "f.pdf")
    assert "改写的目的" not in text and "目的的内容" in text, text[:800]
    block = site_block(built(s.root, tmp_path / "site"))
    assert "改写的目的" not in block and " 目的的内容。" in block, block[:800]
    page, copy = site_signoffs(block), pdf_signoffs(text)
    assert copy["approver"] == "—", copy
    assert not page["approver"].startswith("刘静"), (page, copy)
    assert page["author"] == copy["author"] and page["reviewer"] == copy["reviewer"], (page, copy)


def test_control_a_new_number_over_the_baseline_is_its_own_approval(tmp_path):
    """Control: the same rewrite approved as V1.1 (2026-01-20, for 2026-01-20) is in force;
    the page and the copy give its text and 批准 刘静 2026-01-20, !1."""
    s = site_repo(scenario(tmp_path), as_of=DAY)
    v11 = procedure(version="V1.1", effective_date="2026-01-20", body=body("改写的目的。"))
    approve(s, "v11", v11, "2026-01-20", n=1)
    text = pdf_text(s, DAY, tmp_path / "f.pdf")
    block = site_block(built(s.root, tmp_path / "site"))
    assert "改写的目的" in text and "改写的目的" in block
    page, copy = site_signoffs(block), pdf_signoffs(text)
    assert page["approver"] == copy["approver"] == "刘静 2026-01-20", (page, copy)
    assert page["merge_request"] == copy["merge_request"] == "!1", (page, copy)
