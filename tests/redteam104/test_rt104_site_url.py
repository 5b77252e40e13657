"""A hidden text that names its figure by the site's own address (``site_url`` in mkdocs.yml,
``https://sms.example.com/``) is read as naming nothing: the figure of a mixed approval counts
as a public change, and a later public approval that shows it publishes the secret pixels.

!1 (a mixed merge) approves the secret SM-P-07, whose text shows
``![图](https://sms.example.com/procedures/fig.png)`` (the very picture its merge brings, as the
site serves it), with a wording change of the public SM-P-01. ``_named_by_mixed`` asks
``page_links.images_named``, whose ``_named_words`` splits a word at ``:`` and reads
``//sms.example.com/procedures/fig.png`` as another host's, so nothing names ``fig.png`` and
its change is public. !2, an approval of SM-P-01 alone, shows ``fig.png`` (not one byte of a
picture changed): the public site serves the secret pixels. The same text with the site-root
name ``/procedures/fig.png`` (control) keeps them back."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks

from secret_figures import SECRET_PIXELS, mixed_then_shown


def history(scenario, name: str):
    return mixed_then_shown(scenario, f"![图]({name})")


@pytest.mark.parametrize(
    "name",
    ["https://sms.example.com/procedures/fig.png", "//sms.example.com/procedures/fig.png"],
    ids=["https", "scheme-relative"],
)
def test_a_figure_named_by_the_sites_address_never_reaches_the_public_page(
    scenario, tmp_path, name
):
    site = built_site(history(scenario, name), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_a_figure_named_from_the_sites_root_is_kept_back(scenario, tmp_path):
    site = built_site(history(scenario, "/procedures/fig.png"), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
