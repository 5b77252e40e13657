"""Two outputs disagree: the site passes ``site_files`` to ``brought_by_hidden`` (round 107),
``doccontrol pdf`` (cli/copies.py) does not. A picture an approval of a secret document brings
together with the mkdocs.yml that names it as the site's logo is public for the site (and for
the site's PDF copies, pdf/site.py) but the secret's for ``doccontrol pdf``: a public page that
shows it serves it on the site, while the controlled copy of that same page leaves it out.

!1 approves the secret SM-P-07 (its text names no picture), ``logo.png`` and mkdocs.yml with
``theme.logo: procedures/logo.png``. !2 approves the public SM-P-01 showing ``logo.png``."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

PIXELS = b"LOGOPIXELSMARK"
LOGO = "docs/procedures/logo.png"
PUBLIC = "docs/procedures/test.md"


def logo_yml(s, value: str) -> str:
    text = (s.root / "mkdocs.yml").read_text("utf-8")
    anchor = "  name: material\n"
    assert anchor in text
    return text.replace(anchor, f"{anchor}  logo: {value}\n", 1)


def history(scenario, configures: bool):
    s = site_repo(scenario)
    files: dict[str, str | bytes] = {
        LOGO: png(PIXELS),
        "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK"),
    }
    if configures:
        files["mkdocs.yml"] = logo_yml(s, "procedures/logo.png")
    approve(s, "cr-secret", files, "新增受控文件与站点标志", 1)
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![标志](logo.png)"))},
            "公开页面显示标志", 2)  # fmt: skip
    return s


def _pdf_images(s, out) -> int:
    from pypdf import PdfReader

    from history_helpers import cli

    result = cli(s.root, "pdf", "SM-P-01", "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return sum(len(page.images) for page in PdfReader(str(out)).pages)


def _site_shows(s, out) -> bool:
    site = built_site(s, out)
    assert leaks(site, ["SECRETBODYMARK"]) == []
    return bool(leaks(site, [PIXELS.decode()]))


def test_the_site_and_the_copy_agree_on_a_logo_approved_with_a_secret(scenario, tmp_path):
    s = history(scenario, configures=True)
    assert _site_shows(s, tmp_path / "site") == (_pdf_images(s, tmp_path / "c.pdf") > 0)


def test_control_without_the_configuration_both_keep_it_back(scenario, tmp_path):
    s = history(scenario, configures=False)
    assert _site_shows(s, tmp_path / "site") is False
    assert _pdf_images(s, tmp_path / "c.pdf") == 0
