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


def test_a_page_given_its_own_picture_links_to_it_in_the_body_only() -> None:
    """A page whose text in force shows other bytes of a shared picture than the site serves
    at its path points the body's ``src`` and ``href`` at its own copy (round 85, hole 2);
    "" takes the link out (no bytes approved for this page); the control block is not the
    author's and keeps what it has."""
    from doccontrol.site.sanitize import clean_parts

    start, end = body_marks("n0nce")
    own = '<img src="../flow.png">'
    body = (
        '<p><img alt="图" src="../flow.png"> <a href="../flow.png">原图</a> '
        '<img src="../other.png"> <img src="../gone.png"></p>'
    )

    def link(value: str) -> str | None:
        return {"../flow.png": "../../own/flow.png", "../gone.png": ""}.get(value)

    parts = clean_parts(own + start + body + end, "n0nce", link)
    assert parts is not None
    head, cleaned, _ = parts
    assert head == own
    assert cleaned.count('"../../own/flow.png"') == 2 and "../flow.png" not in cleaned
    assert 'src="../other.png"' in cleaned  # not given its own copy: as it was
    assert "gone.png" not in cleaned and cleaned.count("<img") == 3  # the picture, no src
    # without links the body is only cleaned
    plain = clean_parts(own + start + body + end, "n0nce")
    assert plain is not None and plain[1].count("../flow.png") == 2


def test_a_body_never_shows_a_picture_named_from_the_sites_root() -> None:
    """Control reads a page's pictures from its own place: a picture named from the site's
    root, however a browser would spell it, is never shown nor linked (round 87, hole 2); a
    link to a page from the root, and a relative picture, stay."""
    for src in ("/procedures/flow.png", " /flow.png", "\\flow.png", "//host/flow.png"):
        cleaned = clean(f'<img alt="图" src="{src}">', body=True)
        assert "src" not in cleaned and "flow.png" not in cleaned, src
    assert "href" not in clean('<a href="/procedures/flow.png?x#y">图</a>', body=True)
    # the path as the server reads it, %-escapes and all (round 96)
    for href in ("/procedures/flow.p%6eg", "https:../flow%2Epng", "/flow%2epng"):
        assert "href" not in clean(f'<a href="{href}">图</a>', body=True), href
    assert 'href="/registers/documents/"' in clean(
        '<a href="/registers/documents/">登记</a>', body=True
    )
    assert 'src="../flow.png"' in clean('<img src="../flow.png">', body=True)
    # doccontrol's own parts (not a body) are not an author's: left as they are
    assert 'src="/logo.png"' in clean('<img src="/logo.png">')


def test_browser_url_reads_a_value_as_a_browser_does() -> None:
    from doccontrol.page_links import browser_url

    assert browser_url(" ..\\fl\tow.png\n ") == "../flow.png"
    assert browser_url("\x00/a.png") == "/a.png"
    assert browser_url("fl\row.png") == "flow.png"


def test_a_body_never_shows_a_picture_from_elsewhere() -> None:
    """An image from another place (another host, the site's own address, a scheme with no
    host that a browser reads from the page) is not a picture control read: never shown; a
    link to another site stays, a link to a picture by a scheme with no host does not
    (round 89)."""
    for src in ("https://evil.example/beacon.png", "https:../flow.png", "HTTPS:/x.png"):
        assert "src" not in clean(f'<img src="{src}">', body=True), src
    assert 'href="https://www.iso.org/"' in clean(
        '<a href="https://www.iso.org/">ISO</a>', body=True
    )
    assert "href" not in clean('<a href="https:../flow.png">图</a>', body=True)
    assert 'href="mailto:qa@example.com"' in clean(
        '<a href="mailto:qa@example.com">QA</a>', body=True
    )
