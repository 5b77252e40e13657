"""Round 49: a site built as of a past day gives a withdrawn document its page from Git, as a
generated file at the path it then had (round 48's fix). The work tree now holds another
document whose page MkDocs writes to the same URL (``b.md`` and ``b/index.md`` are both
``b/index.html``)."""

from __future__ import annotations

import json

import pytest
from rt48_helpers import (
    DOC_B,
    built,
    control_cells,
    merge_dated,
    procedure,
    site_repo,
    two_doc_scenario,
)

AS_OF = "2026-04-01"
OTHER = "docs/procedures/b/index.md"


@pytest.mark.parametrize("added", ["2026-08-01", "2026-03-01"])
def test_an_as_of_page_and_a_work_tree_page_at_one_url(tmp_path, added):
    s = two_doc_scenario(tmp_path)
    site_repo(s, as_of=AS_OF)
    merge_dated(s, "cr-withdraw", {}, "2026-07-01", removed=[DOC_B])
    third = procedure(doc_id="SM-P-03", title="第三程序", effective_date=added)
    merge_dated(s, "cr-new", {OTHER: third}, added)
    site = built(s.root, tmp_path / "site")
    stamp = json.loads((site / "doccontrol-build.json").read_text("utf-8"))
    page = site / "procedures/b/index.html"
    said = control_cells(page.read_text("utf-8")).get("文件编号") if page.is_file() else None
    print(stamp.get("pages"), said)
    # whatever page is there is the one the stamp maps, and no two ids share it
    pages = stamp.get("pages", {})
    assert len(set(pages.values())) == len(pages), pages
    for doc_id, name in pages.items():
        if name == "procedures/b/index.html":
            assert said == doc_id, (doc_id, said)
