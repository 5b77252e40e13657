"""A secret document's figure merged *before* the secret text that shows it (picture first, in a
merge of its own, then the text): the split the ordinary workflow makes, round 105's hole 1 in
the other order.

!1 merges ``docs/procedures/fig.png`` alone (the secret's pixels), approved by two reviewers;
no text on main names it. !2 approves the secret SM-P-07 alone; its text shows
``![图](fig.png)`` and changes no picture. !3, an approval of the public SM-P-01 alone, shows
``fig.png`` (no picture changes). ``brought_by_hidden`` reads !1 as a public change: it holds
no hidden document, and ``_named_by_hidden_versions`` asks only the hidden versions *up to*
that approval, and none names the picture yet. ``_secret_bytes`` decides the bytes public
(an approved accepted change), so the site and ``pdf SM-P-01`` carry the secret's pixels.
Control: the same picture merged together with the secret text (!1 + !2 in one) stays back."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from secret_figures import pdf_images
from site_helpers import site_repo

PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"


def history(scenario, first: bool):
    s = site_repo(scenario)
    secret = secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")
    if first:
        approve(s, "cr-figure", {FIG: png(PIXELS)}, "新增流程图", 1)
        approve(s, "cr-secret", {SECRET: secret}, "新增受控文件", 2)
    else:
        approve(s, "cr-secret", {FIG: png(PIXELS), SECRET: secret}, "新增受控文件", 2)
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 3)  # fmt: skip
    return s


def test_a_secret_figure_merged_before_its_text_never_reaches_the_public_page(scenario, tmp_path):
    site = built_site(history(scenario, first=True), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PIXELS.decode()]) == []


def test_a_public_copy_leaves_out_a_secret_figure_merged_before_its_text(scenario, tmp_path):
    assert pdf_images(history(scenario, first=True), tmp_path / "c.pdf") == 0


def test_control_the_secret_figure_merged_with_its_text_is_kept_back(scenario, tmp_path):
    s = history(scenario, first=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", PIXELS.decode()]) == []
    assert pdf_images(s, tmp_path / "c.pdf") == 0
