"""A chart a public approval brought, redrawn by an approval of a secret document alone.

!1 approves the public SM-P-01 V1.1 showing ``chart.png`` (public pixels). !2 approves only the
secret SM-P-07, which shows the same chart, and redraws it (secret pixels: the secret
procedure's own topology). ``hidden_images`` keeps back only a picture no public approval ever
brought, so ``chart.png`` stays publishable; ``pages_in_force`` gives the public page the
bytes at the approval vouching for its text. Once !3 approves a wording change of SM-P-01 that
does not touch the chart, that approval's tree holds !2's secret pixels, and the public page
serves them."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import mkdocs, site_repo

PUBLIC_PIXELS = b"PUBLICPIXELSMARK"
SECRET_PIXELS = b"SECRETPIXELSMARK"
CHART = "docs/procedures/chart.png"
PUBLIC = "docs/procedures/test.md"


def history(scenario, reword_public: bool):
    s = site_repo(scenario)
    approve(s, "cr-chart", {CHART: png(PUBLIC_PIXELS),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](chart.png)"))},
            "公开流程图", 1)  # fmt: skip
    approve(s, "cr-secret", {CHART: png(SECRET_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](chart.png)")},
            "新增受控文件", 2)  # fmt: skip
    if reword_public:
        approve(s, "cr-reword",
                {PUBLIC: procedure(version="V1.2", body=body("见下图（措辞修订）。\n\n![图](chart.png)"))},
                "修订措辞", 3)  # fmt: skip
    return s


def test_secret_redraw_never_reaches_the_public_page(scenario, tmp_path):
    s = history(scenario, reword_public=True)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_without_the_later_public_approval_the_old_pixels_stay(scenario, tmp_path):
    """The public page's bytes are those its own approval (!1) vouched for: published."""
    s = history(scenario, reword_public=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
    assert leaks(site, [PUBLIC_PIXELS.decode()]) != []


def test_the_secret_redraw_is_kept_back_and_said(scenario, tmp_path):
    """Fixed (session 36): after !3 the page's bytes would be !2's: the chart is left out, the
    build names it, and a strict build stops."""
    s = history(scenario, reword_public=True)
    result = mkdocs(s.root, tmp_path / "site", False)
    assert result.returncode == 0, result.stderr
    assert "procedures/chart.png" in result.stderr
    assert mkdocs(s.root, tmp_path / "strict", True).returncode != 0


def test_control_a_chart_only_public_approvals_touched_stays(scenario, tmp_path):
    s = site_repo(scenario)
    approve(s, "cr-chart", {CHART: png(PUBLIC_PIXELS),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](chart.png)"))},
            "公开流程图", 1)  # fmt: skip
    approve(s, "cr-secret",
            {"docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](chart.png)")},
            "新增受控文件", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, [PUBLIC_PIXELS.decode()]) != []
