"""Round 49: a site built as of a past day pages a document withdrawn since, from Git
(round 48's fix). Here SM-P-02 was internal and in force on the day; in June an approved merge
raised it to secret, and in July it was withdrawn, *because* it became secret."""

from __future__ import annotations

from rt48_helpers import DOC_B, built, merge_dated, site_repo, two_doc_scenario

from site_helpers import leaks

AS_OF = "2026-04-01"


def test_held_an_as_of_site_gives_no_page_for_a_document_withdrawn_after_becoming_secret(
    tmp_path,
):
    s = two_doc_scenario(tmp_path)
    site_repo(s, as_of=AS_OF)
    text = (s.root / DOC_B).read_text("utf-8")
    raised = text.replace("confidentiality: internal", "confidentiality: secret").replace(
        "version: V1.0", "version: V1.1"
    )
    assert raised != text
    merge_dated(s, "cr-raise", {DOC_B: raised}, "2026-06-01")
    merge_dated(s, "cr-withdraw", {}, "2026-07-01", removed=[DOC_B])
    site = built(s.root, tmp_path / "site")
    assert not (site / "procedures/b/index.html").exists()
    assert leaks(site, ["第二程序", "适用范围的内容（乙）"]) == []
