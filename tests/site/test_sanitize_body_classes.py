"""A document body may not use doccontrol's reserved classes (dc-…): they carry authority."""

from __future__ import annotations

from doccontrol.site.sanitize import clean


def test_a_body_loses_doccontrol_classes_and_keeps_its_own() -> None:
    html = '<div class="dc-stamp note DC-Control"><p class="dc-stamp-title">受控副本</p></div>'
    cleaned = clean(html, body=True)
    assert "dc-" not in cleaned.lower() and 'class="note"' in cleaned and "受控副本" in cleaned
    # doccontrol's own page (control block and all) keeps them
    assert 'class="dc-stamp note DC-Control"' in clean(html)
