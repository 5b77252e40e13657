"""The audit pack's web pages (documents/html/<ID>.html, from a stamped site built as of the
pack's end date) must be the page of the document the file is named after."""

from __future__ import annotations

from rt32_helpers import approve_ok
from rt48_helpers import (
    DOC,
    DOC_B,
    TODAY,
    branch_with,
    built,
    merge_dated,
    pack,
    page_id,
    procedure,
    register,
    site_repo,
    two_doc_scenario,
)


def test_the_pack_page_of_a_moved_document_is_its_own_not_the_new_tenant_of_its_old_path(
    tmp_path,
):
    """SM-P-01 (V1.0, the baseline) is moved to moved.md by an approved merge (same version,
    as a move keeps it), and a later approved merge puts a new document SM-P-03 at the old
    path test.md. The site (as of today) gives SM-P-01 at procedures/moved/ and SM-P-03 at
    procedures/test/. The pack made from that site must give SM-P-01's page as
    documents/html/SM-P-01.html: it gives SM-P-03's, since it looks the page up by the path
    of the revision in force (the baseline's test.md), not where the site put the page."""
    s = two_doc_scenario(tmp_path)
    site_repo(s, as_of=TODAY)
    text = (s.root / DOC).read_text("utf-8")
    merge_dated(s, "cr-move", {"docs/procedures/moved.md": text}, "2026-03-01", removed=[DOC])
    third = procedure(doc_id="SM-P-03", title="第三程序", effective_date="2026-04-01")
    merge_dated(s, "cr-new", {DOC: third.replace("的内容。", "的内容（丙）。")}, "2026-04-01")
    assert register(s)["SM-P-01"]["state"] == "effective"
    assert register(s)["SM-P-03"]["state"] == "effective"
    site = built(s.root, tmp_path / "site")
    assert page_id((site / "procedures/moved/index.html").read_text("utf-8")) == "SM-P-01"
    entries = pack(s, tmp_path / "pack.zip", "2026-01-01", TODAY, "--site", str(site))
    assert "documents/html/SM-P-01.html" in entries, sorted(entries)
    shown = page_id(entries["documents/html/SM-P-01.html"])
    assert shown == "SM-P-01", (
        f"the pack's documents/html/SM-P-01.html is the site's page of {shown}"
    )


def test_the_pack_page_of_two_swapped_documents_is_each_ones_own(tmp_path):
    """`doccontrol approve` merges a branch that swaps the files of SM-P-01 and SM-P-02 (each keeps its version, as a
    swap does). The pack's documents/html/SM-P-01.html must be SM-P-01's page, and
    SM-P-02.html SM-P-02's."""
    s = two_doc_scenario(tmp_path)
    site_repo(s, as_of=TODAY)
    a, b = (s.root / DOC).read_text("utf-8"), (s.root / DOC_B).read_text("utf-8")
    branch_with(s, "cr-swap", files={DOC: b, DOC_B: a})
    approve_ok(s, "cr-swap")  # `doccontrol approve` itself: a swap keeps versions and dates
    site = built(s.root, tmp_path / "site")
    entries = pack(s, tmp_path / "pack.zip", "2026-01-01", TODAY, "--site", str(site))
    got = {
        doc_id: page_id(entries.get(f"documents/html/{doc_id}.html", ""))
        for doc_id in ("SM-P-01", "SM-P-02")
    }
    assert got == {"SM-P-01": "SM-P-01", "SM-P-02": "SM-P-02"}, got
