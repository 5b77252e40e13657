"""A mixed approval that brings the secret's figure twice, at its own name and at a copy no
hidden text names: which of the two decides the bytes depends on the order of the file names.

!1 (a mixed merge) approves the secret SM-P-07, which shows ``fig.png`` (secret pixels), with a
wording change of the public SM-P-01, and brings the very same bytes again as ``a.png``
(named by nothing). ``brought_by_hidden`` records each picture's bytes as first brought by
``first.setdefault(oid, secret)`` over ``event.controlled``, which is sorted: ``a.png`` (not
named: not secret) comes before ``fig.png``, so the secret pixels count as brought first by a
public change. !2, an approval of SM-P-01 alone, lets V1.2 show ``a.png`` (not one byte of a
picture changed): the public site serves the secret pixels. With the copy named ``z.png``
(after ``fig.png``) the same history keeps them back (control)."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"


def history(scenario, copy: str):
    s = site_repo(scenario)
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS), f"docs/procedures/{copy}": png(SECRET_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
            PUBLIC: procedure(version="V1.1", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 1)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body(f"见下图。\n\n![图]({copy})"))},
            "公开流程图", 2)  # fmt: skip
    return s


def test_a_copy_of_the_secret_figure_sorting_first_never_reaches_the_public_page(
    scenario, tmp_path
):
    site = built_site(history(scenario, "a.png"), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_a_copy_sorting_after_the_figure_is_kept_back(scenario, tmp_path):
    site = built_site(history(scenario, "z.png"), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
