"""Round 47: the obsolete banner of a public document, whose successor is a secret one. The
successor link is hidden (site.not_published), but the author-typed withdrawal reason the
banner gives is not redacted as a merge title or a change note is."""

from __future__ import annotations

from rt41_helpers import (
    SECRET_ID,
    SECRET_TITLE,
    approve,
    body,
    built_site,
    leaks,
    procedure,
    site_with_secret,
)


def _obsolete(scenario, extra: str):
    s = site_with_secret(scenario)
    text = procedure(version="V1.1", status="obsolete", body=body("目的。"), extra=extra)
    approve(s, "cr-obsolete", {"docs/procedures/test.md": text}, "作废 SM-P-01", 2)
    return s


def test_a_withdrawal_reason_naming_a_secret_successor_is_redacted(scenario, tmp_path):
    # the honest way to say why: "由 SM-P-07《…》取代" (the successor's id and title)
    s = _obsolete(scenario, f"withdrawal_reason: 由 {SECRET_ID}《{SECRET_TITLE}》取代\n")
    site = built_site(s, tmp_path / "site", strict=True)
    html = (site / "procedures/test/index.html").read_text("utf-8")
    assert "dc-obsolete" in html
    assert leaks(site, [SECRET_ID, SECRET_TITLE]) == []
