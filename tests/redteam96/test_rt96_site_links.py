"""Hole 1: a link to one of the site's pictures by the site's own address (site_url) is
taken out only when the value as written has the site's host exactly and ends in a picture
suffix (mkdocs_plugin._picture_links.link, the ``site_host`` branch, compares the raw text);
anything else with a host goes to fetched_target, which answers None for any host but its
own and so leaves it. A browser reads the host (:443, case, a final dot, full-width letters,
%2E, user info) and a server reads the path's %-escapes (flow.p%6eg) back to the site's
picture: SM-P-01's page links the blue chart SM-P-02 redrew, which SM-P-01's copies never
print (round 88's set-up)."""

from __future__ import annotations

import pytest
from rt87_helpers import BLUE, PAGE, RED, built, two_texts
from rt96_helpers import browser_links, led_to

H = "sms.example.com"
HELD = {
    "plain": f"https://{H}/procedures/flow.png",
    "http": f"http://{H}/procedures/flow.png",
    "query": f"https://{H}/procedures/flow.png?x",
    "upper-suffix": f"https://{H}/procedures/flow.PNG",
}
HOLES = {
    "escaped-n": f"https://{H}/procedures/flow.p%6eg",
    "escaped-dot": f"https://{H}/procedures/flow%2Epng",
    "port-443": f"https://{H}:443/procedures/flow.png",
    "upper-host-dot": "https://SMS.EXAMPLE.COM./procedures/flow.png",
    "fullwidth-host": "https://ｓｍｓ.example.com/procedures/flow.png",
    "escaped-host": "https://sms%2Eexample.com/procedures/flow.png",
    "user-info": f"https://u@{H}/procedures/flow.png",
    "no-scheme-escaped": f"//{H}/procedures/flow.p%6eg",
}
VALUES = {**HELD, **HOLES}
TEXT = "见 ![流程](flow.png) 第一版正文\n\n" + " ".join(
    f'<a title="{name}" href="{value}">{name}</a>' for name, value in VALUES.items()
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("rt96-links")
    s = two_texts(tmp_path, TEXT, site_pdf=True)
    out = built(s, tmp_path)
    return s, out, browser_links(out, PAGE, "a[title]")


def test_control_the_site_serves_blue_and_the_copy_prints_red(site, tmp_path):
    from rt85_helpers import file_colours

    s, out, _ = site
    from rt88_helpers import blue_served_not_printed

    blue_served_not_printed(s, out, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}


@pytest.mark.parametrize("name", sorted(HELD))
def test_held_a_link_by_the_sites_address_leads_to_no_blue(site, name):
    _, out, links = site
    assert name in links
    assert led_to(out, links[name]) != BLUE


@pytest.mark.parametrize("name", sorted(HOLES))
def test_a_link_by_the_sites_address_spelt_otherwise_leads_to_no_blue(site, name):
    _, out, links = site
    assert name in links
    assert led_to(out, links[name]) != BLUE
