"""Hole 1: a name spelled with the site's own scheme and no host (``https:../flow.png``).
The URL standard reads a special scheme equal to the base's as relative to the page
("special relative or authority state"), so on SM-P-01's page served at
https://sms.example.com/procedures/test/ a browser fetches /procedures/flow.png: the blue chart
the site serves there (SM-P-02's later approval). ``page_links.fetched_target`` joins the value
to ``http://site.invalid/``: for ``https:`` the scheme differs, ``urljoin`` returns the value
as it is, the result names no host of the site, so it is "not a picture of this site" and
``_picture_links`` leaves it alone; nh3 keeps it (``https`` is an allowed scheme) and
``sanitize._from_root`` does not look at it (it does not start with ``/``).

Hole 2: the same picture named by its full URL on the site's own host (``site_url``):
``https://sms.example.com/procedures/flow.png``. Round 87 drops ``//sms.example.com/…``
(``_from_root``), not the same name with its scheme.

Round 87's two texts: SM-P-01 V1.1 red (2026-03-10); SM-P-02 V1.0 redraws the shared chart
blue, in force 2026-04-01. Built as of 2026-05-01; read as served at the project's
``site_url`` (https://sms.example.com/)."""

from __future__ import annotations

import pytest
from rt88_helpers import blue_served_not_printed
from rt89_helpers import BLUE, PAGE, RED, built, https_colours, two_texts

SAME_SCHEME = {
    "raw": '见 <img src="https:../flow.png" alt="流程"> 正文',
    "raw-upper": '见 <img src="HTTPS:../flow.png" alt="流程"> 正文',
    "markdown": "见 ![流程](https:../flow.png) 正文",
    "path-absolute": '见 <img src="https:/procedures/flow.png" alt="流程"> 正文',
}

OWN_HOST = {
    "raw": '见 <img src="https://sms.example.com/procedures/flow.png" alt="流程"> 正文',
    "markdown": "见 ![流程](https://sms.example.com/procedures/flow.png) 正文",
}


def test_setup_the_site_serves_blue_and_sm_p_01s_copies_print_no_blue(tmp_path):
    s = two_texts(tmp_path, SAME_SCHEME["raw"], site_pdf=True)
    blue_served_not_printed(s, built(s, tmp_path), tmp_path)


@pytest.mark.parametrize("name", sorted(SAME_SCHEME))
def test_a_same_scheme_name_never_shows_the_blue_chart(tmp_path, name):
    out = built(two_texts(tmp_path, SAME_SCHEME[name]), tmp_path)
    assert BLUE not in https_colours(out)


def test_a_same_scheme_link_never_opens_the_blue_chart(tmp_path):
    text = '见 <a href="https:../flow.png">流程图</a> 与 ![流程](flow.png) 正文'
    out = built(two_texts(tmp_path, text), tmp_path)
    assert https_colours(out) == [RED]  # set-up: the picture itself is its own red copy
    assert BLUE not in https_colours(out, attribute="href", tag="a")


@pytest.mark.parametrize("name", sorted(OWN_HOST))
def test_the_sites_own_url_never_shows_the_blue_chart(tmp_path, name):
    out = built(two_texts(tmp_path, OWN_HOST[name]), tmp_path)
    assert BLUE not in https_colours(out)


def test_control_the_charts_own_name_shows_the_red_own_copy(tmp_path):
    out = built(two_texts(tmp_path, "见 ![流程](flow.png) 正文"), tmp_path)
    assert https_colours(out) == [RED]


def test_control_root_relative_own_host_is_taken_out(tmp_path):
    # round 87: //host/… is from the root, never shown
    text = '见 <img src="//sms.example.com/procedures/flow.png" alt="流程"> 正文'
    out = built(two_texts(tmp_path, text), tmp_path)
    assert https_colours(out) == []


def test_held_http_scheme_relative_name_is_taken_out(tmp_path):
    # fetched_target's own scheme (http): read as relative, control reads it otherwise: out
    out = built(two_texts(tmp_path, '见 <img src="http:../flow.png" alt="流程"> 正文'), tmp_path)
    page = (out / PAGE).read_text(encoding="utf-8")
    assert "http:../flow.png" not in page


def test_a_broken_url_in_a_page_is_taken_out_and_the_build_goes_on(tmp_path):
    """A value no URL parser reads (an IPv6 host never closed) is taken out of the page; the
    build neither stops with a traceback nor loses the page's own picture (session 33)."""
    text = '见 <a href="//[oops/flow.png">坏链接</a> <img src="https://[::1/x.png"> ![流程](flow.png) 正文'
    out = built(two_texts(tmp_path, text), tmp_path)
    page = (out / PAGE).read_text(encoding="utf-8")
    assert "oops" not in page and "::1" not in page
    assert https_colours(out) == [RED]
