"""Follow-up to hole 1 (session 37): the tree control began with holds a secret document
naming ``fig.png`` and the very same bytes again as ``a.png``, which no text names. A public
page later approved to show ``a.png`` (no byte of it changed since) must not get them: bytes a
secret text named as control began are the secret's under any name, changed or not."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
PUBLIC = "docs/procedures/test.md"


def history(scenario, copy: bytes):
    scenario.files.write(
        "docs/procedures/secret.md", secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")
    )
    scenario.files.write("docs/procedures/fig.png", png(SECRET_PIXELS))
    scenario.files.write("docs/procedures/a.png", png(copy))
    s = site_repo(scenario)
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](a.png)"))},
            "公开流程图", 2)  # fmt: skip
    return s


def test_an_unchanged_baseline_copy_of_a_secret_figure_stays_back(scenario, tmp_path):
    site = built_site(history(scenario, SECRET_PIXELS), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_an_unchanged_baseline_picture_of_its_own_is_published(scenario, tmp_path):
    site = built_site(history(scenario, b"PUBLICPIXELSMARK"), tmp_path / "site", strict=True)
    assert leaks(site, ["PUBLICPIXELSMARK"]) == [("procedures/a.png", "PUBLICPIXELSMARK")]
