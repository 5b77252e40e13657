"""A document renumbered in place: b.md keeps its path, its id goes from SM-P-02 to SM-P-03
in an approved merge (`approve --effective TODAY`). SM-P-02 is withdrawn in that merge. What
do the outputs say about SM-P-02, the id that left?"""

from __future__ import annotations

from rt27_helpers import two_doc_scenario
from rt32_helpers import (
    DOC_B,
    TODAY,
    approve_ok,
    branch_with,
    new_doc,
    pack_entries,
    register,
    run,
)

from site_helpers import built, site_repo, table_rows

SECRET_TITLE = "并购谈判预案"  # the new id's title: confidential, never to be published


def _renumbered(tmp_path, level="internal", site=False):
    s = two_doc_scenario(tmp_path)
    if site:
        site_repo(s)
    text = new_doc("SM-P-03", SECRET_TITLE).replace("的内容。", "的内容（丙）。")
    text = text.replace("confidentiality: internal", f"confidentiality: {level}")
    branch_with(s, "cr-renumber", files={DOC_B: text})
    approve_ok(s, "cr-renumber", "--effective", TODAY)
    return s


def test_show_of_a_renumbered_id_prints_its_own_last_text(tmp_path):
    """`show SM-P-02 --as-of TODAY` says "withdrawn ... (the version before the withdrawal)
    V1.0" and must print SM-P-02 V1.0 (the text with （乙）), not SM-P-03's; `register` must
    give SM-P-02's own title."""
    s = _renumbered(tmp_path)
    assert register(s)["SM-P-02"]["state"] == "withdrawn"
    shown = run(s, "show", "SM-P-02", "--as-of", TODAY)
    assert shown.returncode == 0, shown.stderr
    assert "withdrawn" in shown.stdout.splitlines()[0], shown.stdout
    body = shown.stdout
    assert "id: SM-P-02" in body and "（乙）" in body, (
        "show SM-P-02 prints another document's text under SM-P-02's heading:\n" + body[:700]
    )
    assert "（丙）" not in body and "id: SM-P-03" not in body, body[:700]
    assert register(s)["SM-P-02"]["title"] == "第二程序", register(s)["SM-P-02"]


def test_a_confidential_renumbering_leaks_no_title_through_the_withdrawn_id(tmp_path):
    """SM-P-03 is confidential (above publish.max_confidentiality: internal). SM-P-02 was
    internal all its life, so the audit pack and the site may name it as withdrawn. Neither
    may show SM-P-03's title (or its level) in SM-P-02's row."""
    s = _renumbered(tmp_path, level="confidential", site=True)
    entries = pack_entries(s, tmp_path / "pack.zip")
    leaked = sorted(n for n, text in entries.items() if SECRET_TITLE in text)
    site = built(s.root, tmp_path / "site")
    pages = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file()
        and p.suffix in (".html", ".json", ".xml", ".txt")
        and SECRET_TITLE in p.read_text("utf-8", "replace")
    )
    register_page = site / "registers/documents/index.html"
    rows = (
        table_rows(register_page.read_text("utf-8"), "dc-register")
        if register_page.is_file()
        else []
    )
    row = next((r for r in rows if r and r[0] == "SM-P-02"), None)
    assert not leaked and not pages, (
        f"the confidential title of SM-P-03 is published under SM-P-02: pack {leaked}, "
        f"site {pages}, site row {row}"
    )
