"""A document body may not use doccontrol's reserved classes (dc-…): they carry authority."""

from __future__ import annotations

from doccontrol.site.sanitize import body_marks, clean, clean_page


def test_a_body_loses_doccontrol_classes_and_keeps_its_own() -> None:
    html = '<div class="dc-stamp note DC-Control"><p class="dc-stamp-title">受控副本</p></div>'
    cleaned = clean(html, body=True)
    assert "dc-" not in cleaned.lower() and 'class="note"' in cleaned and "受控副本" in cleaned
    # doccontrol's own page (control block and all) keeps them
    assert 'class="dc-stamp note DC-Control"' in clean(html)


def test_a_page_keeps_doccontrol_classes_only_outside_the_body_marks() -> None:
    start, end = body_marks("n0nce")
    own = '<div class="dc-control">控制块</div>'
    fake = '<div class="dc-stamp">受控副本</div>'
    page = clean_page(own + start + fake + end + own, "n0nce")
    assert page.count('class="dc-control"') == 2 and "dc-stamp" not in page
    assert "n0nce" not in page  # the marks are comments: stripped


def test_a_page_whose_marks_are_not_found_in_order_is_cleaned_as_a_body() -> None:
    start, end = body_marks("n0nce")
    own = '<div class="dc-control">控制块</div>'
    for page in (own + start + own, own + end + own + start, own + start + end + start + own, own):
        assert "dc-control" not in clean_page(page, "n0nce"), page
