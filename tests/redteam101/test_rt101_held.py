"""Held attacks on round 100's fixes."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import mkdocs, site_repo

PUBLIC_PIXELS = b"PUBLICPIXELSMARK"
SECRET_PIXELS = b"SECRETPIXELSMARK"
CHART = "docs/procedures/chart.png"
PUBLIC = "docs/procedures/test.md"


def test_a_secret_redraw_reverted_by_a_public_approval(scenario, tmp_path):
    """!2 (secret only) redraws the chart; !3 approves SM-P-01 V1.2 with the chart put back to
    the public drawing: the page's bytes are !3's, last changed by a public approval. The
    public pixels are published, the secret ones never, and nothing is kept back."""
    s = site_repo(scenario)
    approve(s, "cr-chart", {CHART: png(PUBLIC_PIXELS),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](chart.png)"))},
            "公开流程图", 1)  # fmt: skip
    approve(s, "cr-secret", {CHART: png(SECRET_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](chart.png)")},
            "新增受控文件", 2)  # fmt: skip
    approve(s, "cr-back", {CHART: png(PUBLIC_PIXELS),
            PUBLIC: procedure(version="V1.2", body=body("见下图（复原）。\n\n![图](chart.png)"))},
            "复原流程图", 3)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, [SECRET_PIXELS.decode(), "SECRETBODYMARK"]) == []
    assert leaks(site, [PUBLIC_PIXELS.decode()]) != []
    assert mkdocs(s.root, tmp_path / "strict", True).returncode == 0


def test_a_direct_commit_of_secret_pixels_after_the_public_approval(scenario, tmp_path):
    """A direct push (no approval) redraws the shared chart with secret pixels, and a later
    public approval only rewords the text: the direct change is never approved, so the page
    keeps !1's bytes; the secret pixels are published nowhere."""
    s = site_repo(scenario)
    approve(s, "cr-chart", {CHART: png(PUBLIC_PIXELS),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](chart.png)"))},
            "公开流程图", 1)  # fmt: skip
    s.files.write(CHART, png(SECRET_PIXELS))
    s.files.write(
        "docs/procedures/secret.md", secret_doc(text="SECRETBODYMARK\n\n![图](chart.png)")
    )
    s.git.commit("直接提交", who="zhaolei")
    approve(s, "cr-reword",
            {PUBLIC: procedure(version="V1.2", body=body("见下图（措辞修订）。\n\n![图](chart.png)"))},
            "修订措辞", 2)  # fmt: skip
    result = mkdocs(s.root, tmp_path / "site", False)
    assert leaks(tmp_path / "site", [SECRET_PIXELS.decode(), "SECRETBODYMARK"]) == [], result.stderr
