"""Round 62's low finding (read, then tested in session 27): an obsolete public document's
``superseded_by`` naming the secret SM-P-07 in another spelling. ``pages.doc_link`` compared
the value with the hidden ids exactly, so a lenient build printed the spelling given; it now
compares by ``publishing.id_key`` (``Site.hides``), as records are judged. The problems the
home page lists (DC105, DC205 quote the value) are redacted too (``Site.problem_text``)."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, built_site, leaks, procedure, site_with_secret


@pytest.mark.parametrize("spelling", ["sm-p-07", "ＳＭ-Ｐ-０７", "SM-P-07"])
def test_a_successor_spelt_otherwise_is_not_named(scenario, tmp_path, spelling):
    s = site_with_secret(scenario)
    obsolete = procedure(
        version="V1.1",
        status="obsolete",
        extra=f"superseded_by: '{spelling}'\nwithdrawal_reason: 合并到另一程序\n",
    )
    approve(s, "cr-obsolete", {"docs/procedures/test.md": obsolete}, "废止测试程序", 2)
    site = built_site(s, tmp_path / "site")
    page = (site / "procedures/test/index.html").read_text("utf-8")
    assert "本文件已作废" in page and "（未发布的文件）" in page  # the banner, its successor hidden
    assert leaks(site, [spelling]) == []
