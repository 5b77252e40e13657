"""Denial: round 107 counts an approval of mkdocs.yml as a public document for the logo it
names only in the "hidden-only approval" branch of ``brought_by_hidden`` (``alone``), not in
``_shown_by_public``. A public logo approved with the site's configuration (no document in
that approval) that a secret procedure's text also shows (a letterhead on its first page) is
read as the secret's (``_named_by_hidden_versions``, nothing public in that approval shows
it): the site's own approved logo is kept back, and a strict build fails."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, built_site, leaks, png, secret_doc

from site_helpers import site_repo

LOGO = "docs/procedures/logo.png"
SECRET = "docs/procedures/secret.md"


def logo_yml(s, value: str) -> str:
    text = (s.root / "mkdocs.yml").read_text("utf-8")
    anchor = "  name: material\n"
    assert anchor in text
    return text.replace(anchor, f"{anchor}  logo: {value}\n", 1)


def public_logo_and_secret(scenario, secret_text: str):
    s = site_repo(scenario)
    approve(s, "cr-logo", {LOGO: png(b"PUBLICLOGOMARK"), "mkdocs.yml": logo_yml(s, "procedures/logo.png")},
            "站点标志", 1)  # fmt: skip
    approve(s, "cr-secret", {SECRET: secret_doc(text=secret_text)}, "新增受控文件", 2)
    return s


@pytest.mark.xfail(
    strict=True,
    reason="open (session 37): hole (low, fails closed): a public logo approved with "
    "mkdocs.yml alone is kept back once a secret text also shows it; approve it with a public "
    "page that shows it",
)
def test_a_public_logo_a_secret_text_also_shows_is_still_served(scenario, tmp_path):
    s = public_logo_and_secret(scenario, "SECRETBODYMARK\n\n![标志](logo.png)")
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, ["PUBLICLOGOMARK"]) == [("procedures/logo.png", "PUBLICLOGOMARK")]


def test_control_a_public_logo_no_secret_text_shows_is_served(scenario, tmp_path):
    s = public_logo_and_secret(scenario, "SECRETBODYMARK")
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, ["PUBLICLOGOMARK"]) == [("procedures/logo.png", "PUBLICLOGOMARK")]
