"""A secret document's figure named by the *approved* site configuration (``theme.logo``):
the site's own files are left out of ``images_kept_back`` (``_site_file_images``), so the
secret's pixels are served as the logo on every page, though a public page's approved text
showing the same picture would be kept back (round 98)."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
SECRET = "docs/procedures/secret.md"
PUBLIC = "docs/procedures/test.md"


def with_secret_figure(scenario):
    s = site_repo(scenario)
    secret = secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")
    approve(s, "cr-secret", {FIG: png(PIXELS), SECRET: secret}, "新增受控文件", 1)
    return s


def logo_yml(s, value: str) -> str:
    text = (s.root / "mkdocs.yml").read_text("utf-8")
    anchor = "  name: material\n"
    assert anchor in text
    return text.replace(anchor, f"{anchor}  logo: {value}\n", 1)


def test_an_approved_logo_naming_a_secret_figure_does_not_publish_it(scenario, tmp_path):
    s = with_secret_figure(scenario)
    approve(s, "cr-logo", {"mkdocs.yml": logo_yml(s, "procedures/fig.png")}, "更换站点标志", 2)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PIXELS.decode()]) == []


def test_control_a_public_page_showing_the_secret_figure_does_not_publish_it(scenario, tmp_path):
    s = with_secret_figure(scenario)
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", PIXELS.decode()]) == []


LOGO = "docs/procedures/logo.png"


def with_public_logo(scenario):
    s = site_repo(scenario)
    approve(s, "cr-logo", {LOGO: png(b"PUBLICLOGOMARK"), "mkdocs.yml": logo_yml(s, "procedures/logo.png")},
            "站点标志", 1)  # fmt: skip
    return s


def test_a_logo_a_secret_approval_redrew_is_not_served(scenario, tmp_path):
    # the logo was approved public; a secret-only approval redraws it with the secret's pixels
    s = with_public_logo(scenario)
    secret = secret_doc(text="SECRETBODYMARK\n\n![图](logo.png)")
    approve(s, "cr-secret", {LOGO: png(PIXELS), SECRET: secret}, "新增受控文件", 2)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PIXELS.decode()]) == []


def test_control_a_public_logo_is_served(scenario, tmp_path):
    s = with_public_logo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK")}, "新增受控文件", 2)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", PIXELS.decode()]) == []
    assert leaks(site, ["PUBLICLOGOMARK"]) == [("procedures/logo.png", "PUBLICLOGOMARK")]
