"""A page's own copy of a picture at bytes a secret approval redrew, beside a later public redraw.

!1 approves the public SM-P-01 and SM-P-02, both showing ``chart.png`` (public pixels). !2
approves only the secret SM-P-07 and redraws the chart (secret pixels). !3 rewords SM-P-01 (its
approval's tree holds !2's pixels: its page's ``at`` is !2). !4 approves SM-P-02 V1.2 with a new
public drawing of the chart. The site serves !4's bytes at ``chart.png`` (the later approval)
and gives SM-P-01's page its *own copy* at !2 (``_own_pictures``). ``Site.images_kept_back``
names ``chart.png`` (SM-P-01's ``at`` is hidden), and the plugin drops the file at its path,
but ``_own_pictures`` never asks: the secret pixels are written under the build's own folder."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

PUBLIC_PIXELS = b"PUBLICPIXELSMARK"
SECRET_PIXELS = b"SECRETPIXELSMARK"
LATER_PIXELS = b"LATERPUBLICPIXELS"
CHART = "docs/procedures/chart.png"
PUBLIC = "docs/procedures/test.md"
OTHER = "docs/procedures/other.md"


def other(version: str, text: str) -> str:
    return procedure(doc_id="SM-P-02", title="另一程序", version=version, body=body(text))


def history(scenario, secret_redraw: bool):
    s = site_repo(scenario)
    approve(s, "cr-chart", {CHART: png(PUBLIC_PIXELS),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](chart.png)")),
            OTHER: other("V1.1", "另见下图。\n\n![图](chart.png)")},
            "公开流程图", 1)  # fmt: skip
    files: dict[str, str | bytes] = {
        "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](chart.png)")
    }
    if secret_redraw:
        files[CHART] = png(SECRET_PIXELS)
    approve(s, "cr-secret", files, "新增受控文件", 2)
    approve(s, "cr-reword",
            {PUBLIC: procedure(version="V1.2", body=body("见下图（措辞修订）。\n\n![图](chart.png)"))},
            "修订措辞", 3)  # fmt: skip
    approve(s, "cr-redraw", {CHART: png(LATER_PIXELS),
            OTHER: other("V1.2", "另见下图（重绘）。\n\n![图](chart.png)")},
            "重绘流程图", 4)  # fmt: skip
    return s


def test_secret_bytes_never_reach_a_pages_own_copy(scenario, tmp_path):
    s = history(scenario, secret_redraw=True)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_without_the_secret_redraw_each_page_has_its_public_picture(scenario, tmp_path):
    s = history(scenario, secret_redraw=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
    assert leaks(site, [LATER_PIXELS.decode()]) != []
    assert leaks(site, [PUBLIC_PIXELS.decode()]) != []  # SM-P-01's own copy at !1
