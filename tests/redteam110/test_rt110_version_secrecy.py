"""Hole 3's fix (session 38): a version is secret by the level it carried, not by what its
document became. An approval of a version at a level the site may publish published it (a
chart it brought stays public once the document is reclassified); a version nobody approved
publishes nothing; bytes a secret version brought stay secret whatever the document's later
level."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc
from test_rt110_shared_chart import shared_chart

from secret_figures import pdf_images
from site_helpers import site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"
FIG = "docs/procedures/fig.png"
SHOWS_FIG = "SECRETBODYMARK\n\n![图](fig.png)"


def public_page_shows_fig(s, number: int) -> None:
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", number)  # fmt: skip


def test_the_reclassified_procedures_chart_is_in_the_public_pdf_copy(scenario, tmp_path):
    s = shared_chart(scenario, reclassify=True)
    assert pdf_images(s, tmp_path / "copy.pdf") > 0  # (pypdf counts it once per object)


def test_control_a_chart_first_approved_secret_is_not_in_the_public_pdf_copy(scenario, tmp_path):
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text=SHOWS_FIG), FIG: png(b"SECRETPIXELSMARK")},
            "新增受控文件", 1)  # fmt: skip
    public_page_shows_fig(s, 2)
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_a_public_level_version_pushed_directly_publishes_no_figure(scenario, tmp_path):
    """A direct push of the document at a public level, with the figure, then its approved
    secret version: nobody approved publishing the figure."""
    s = site_repo(scenario)
    s.files.write(SECRET, secret_doc(text=SHOWS_FIG, level="internal"))
    s.files.write(FIG, png(b"SECRETPIXELSMARK"))
    s.git.commit("直接提交", who="zhaolei")
    approve(s, "cr-secret", {SECRET: secret_doc(text=SHOWS_FIG, version="V1.1")}, "定密", 1)
    public_page_shows_fig(s, 2)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETPIXELSMARK", "SECRETBODYMARK"]) == []


def test_a_secret_figure_stays_secret_when_its_document_is_reclassified_public_later(
    scenario, tmp_path
):
    """Secret first (with the figure), then approved at a public level, the figure unchanged:
    its bytes were brought by the secret version."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text=SHOWS_FIG), FIG: png(b"SECRETPIXELSMARK")},
            "新增受控文件", 1)  # fmt: skip
    approve(s, "cr-level", {SECRET: secret_doc(text=SHOWS_FIG, level="internal", version="V1.1")},
            "密级调整", 2)  # fmt: skip
    public_page_shows_fig(s, 3)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETPIXELSMARK", "SECRETBODYMARK"]) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_a_figure_redrawn_by_a_public_level_approval_of_a_once_secret_document_is_public(
    scenario, tmp_path
):
    """Secret first, then approved at a public level with the figure redrawn (new bytes):
    that approval published the new bytes; the old ones stay secret under any name."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text=SHOWS_FIG), FIG: png(b"SECRETPIXELSMARK")},
            "新增受控文件", 1)  # fmt: skip
    approve(s, "cr-level", {SECRET: secret_doc(text=SHOWS_FIG, level="internal", version="V1.1"),
                            FIG: png(b"REDRAWNMARK"),
                            "docs/procedures/old.png": png(b"SECRETPIXELSMARK")},
            "密级调整并重绘", 2)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1",
                                             body=body("见下图。\n\n![图](fig.png)\n\n![旧](old.png)"))},
            "公开流程图", 3)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETPIXELSMARK", "SECRETBODYMARK"]) == []
    assert ("procedures/fig.png", "REDRAWNMARK") in leaks(site, ["REDRAWNMARK"])
