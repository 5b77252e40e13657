"""A hidden text that shows its figure through CSS, with the name written with a CSS escape
(``url(fig\\2e png)``, ``url('fig.p\\6e g')``), is read as naming nothing: the figure of a
mixed approval counts as a public change, and a later public approval that shows it publishes
the secret pixels.

A browser reads ``\\2e `` (hex, then one blank the escape swallows) as ``.`` inside a CSS
``url(…)``, in a ``style`` attribute or a ``<style>`` block, both of which Python-Markdown
passes through as raw HTML: the secret page draws ``fig.png``. ``page_links._decoded`` reads
YAML/JavaScript escapes (``\\x2e``, ``\\u002e``) and entities, not CSS's, and ``_SCRIPT_ESCAPE``
turns ``\\2e`` into ``2e``: ``fig2e png`` / ``fig.p6e g`` end in no picture suffix.

!1 (a mixed merge) approves the secret SM-P-07 with such a text, the figure ``fig.png`` (the
secret pixels) and a wording change of the public SM-P-01. !2, an approval of SM-P-01 alone,
shows ``fig.png``. The same text written ``url(fig.png)`` (control) keeps the pixels back."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks

from secret_figures import SECRET_PIXELS, mixed_then_shown, pdf_images


def history(scenario, html: str):
    return mixed_then_shown(scenario, html)


ESCAPED = {
    "style-unquoted": '<div style="height:9em;background:url(fig\\2e png)"></div>',
    "style-quoted": "<div style=\"height:9em;background:url('fig.p\\6e g')\"></div>",
    "style-block": '<style>.f{background:url(fig\\00002epng)}</style>\n\n<div class="f"></div>',
}


@pytest.mark.parametrize("html", ESCAPED.values(), ids=ESCAPED.keys())
def test_a_figure_named_with_a_css_escape_never_reaches_the_public_page(scenario, tmp_path, html):
    site = built_site(history(scenario, html), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_a_figure_named_in_plain_css_is_kept_back(scenario, tmp_path):
    html = '<div style="height:9em;background:url(fig.png)"></div>'
    site = built_site(history(scenario, html), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_a_public_copy_leaves_out_a_figure_named_with_a_css_escape(scenario, tmp_path):
    s = history(scenario, ESCAPED["style-unquoted"])
    assert pdf_images(s, tmp_path / "c.pdf") == 0


def test_control_a_public_copy_leaves_out_a_figure_named_in_plain_css(scenario, tmp_path):
    s = history(scenario, '<div style="height:9em;background:url(fig.png)"></div>')
    assert pdf_images(s, tmp_path / "c.pdf") == 0
