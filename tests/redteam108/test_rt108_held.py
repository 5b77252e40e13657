"""Held: the secret figure is not reached through other theme keys or an unapproved
configuration. ``extra_css`` ``url()`` is no site file (``theme.icon.logo`` is an icon name: MkDocs
fails on a picture path there): the figure is
in no published page's or site file's list, so ``on_files`` drops it; a logo named by a
mkdocs.yml pushed straight to main (not approved) counts for nothing."""

from __future__ import annotations

from rt41_helpers import approve, built_site, leaks, png, secret_doc

from site_helpers import site_repo

PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"


def with_secret_figure(scenario):
    s = site_repo(scenario)
    secret = secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")
    approve(s, "cr-secret", {FIG: png(PIXELS), "docs/procedures/secret.md": secret}, "新增", 1)
    return s


def themed(s, extra: str) -> str:
    text = (s.root / "mkdocs.yml").read_text("utf-8")
    anchor = "  name: material\n"
    assert anchor in text
    return text.replace(anchor, anchor + extra, 1)


def test_held_extra_css_url_does_not_bring_the_secret_figure(scenario, tmp_path):
    s = with_secret_figure(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8") + "extra_css:\n  - procedures/x.css\n"
    css = ".md-header { background: url(fig.png); }\n"
    approve(s, "cr-css", {"mkdocs.yml": yml, "docs/procedures/x.css": css}, "样式", 2)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", PIXELS.decode()]) == []


def test_held_a_logo_pushed_to_main_unapproved_is_not_served(scenario, tmp_path):
    s = with_secret_figure(scenario)
    s.files.write("mkdocs.yml", themed(s, "  logo: procedures/fig.png\n"))
    s.git.commit("直接修改站点标志", who="zhaolei")
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", PIXELS.decode()]) == []
