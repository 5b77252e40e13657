"""A site built `as_of` a past day (README: how an audit pack of a period ending that day gets
its web pages) against documents that came or went after that day. The register as of the day
is the answer; the site's pages must tell the same story."""

from __future__ import annotations

from rt48_helpers import (
    DOC_B,
    built,
    control_cells,
    merge_dated,
    pack,
    procedure,
    register,
    site_repo,
    two_doc_scenario,
)

AS_OF = "2026-04-01"


def _scenario(tmp_path):
    """SM-P-01 and SM-P-02 in force from the baseline; SM-P-03 approved 2026-06-01; SM-P-02
    withdrawn by an approved merge on 2026-07-01. Site built as of 2026-04-01."""
    s = two_doc_scenario(tmp_path)
    site_repo(s, as_of=AS_OF)
    third = procedure(doc_id="SM-P-03", title="第三程序", effective_date="2026-06-01")
    merge_dated(s, "cr-new", {"docs/procedures/c.md": third}, "2026-06-01")
    merge_dated(s, "cr-withdraw", {}, "2026-07-01", removed=[DOC_B])
    day = register(s, "--as-of", AS_OF)
    assert day["SM-P-02"]["state"] == "effective" and "SM-P-03" not in day, day
    return s


def test_a_site_as_of_a_day_gives_a_page_for_each_document_in_force_that_day(tmp_path):
    """On 2026-04-01 SM-P-02 V1.0 was in force: the site's register (as of that day) lists it
    as 有效, and the pack of the period holds documents/SM-P-02 V1.0.md. The site has no page
    for it (its file left the work tree in July), so the register row links nowhere and the
    pack, whose README says its web pages come from that site, silently has no
    documents/html/SM-P-02.html."""
    s = _scenario(tmp_path)
    site = built(s.root, tmp_path / "site")
    entries = pack(s, tmp_path / "pack.zip", "2026-01-01", AS_OF, "--site", str(site))
    assert "documents/SM-P-02 V1.0.md" in entries
    names = sorted(n for n in entries if n.startswith("documents/"))
    assert "documents/html/SM-P-02.html" in names, (
        f"in force on the pack's end date, in its register and documents/, but no web page: {names}"
    )


def test_a_site_as_of_a_day_does_not_call_a_later_approved_document_unapproved(tmp_path):
    """SM-P-03 reached main only on 2026-06-01, approved by 刘静. The register as of
    2026-04-01 does not list it. The site as of that day publishes a page for it whose
    control block says 状态 未经批准, 批准 尚无批准记录 (a fact neither the register nor the
    trail states), above a 变更履历 that shows 刘静's approval of 2026-06-01."""
    s = _scenario(tmp_path)
    site = built(s.root, tmp_path / "site")
    page = site / "procedures/c/index.html"
    if page.is_file():
        cells = control_cells(page.read_text("utf-8"))
        assert cells.get("状态") != "未经批准", (
            f"the site as of {AS_OF} calls SM-P-03 (approved 2026-06-01) {cells.get('状态')}, "
            f"批准 {cells.get('批准')}"
        )
