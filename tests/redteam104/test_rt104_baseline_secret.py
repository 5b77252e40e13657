"""Bytes the tree control began with are taken as public (round 103's ``_secret_bytes``), and a
picture no change after control began ever touched is no hidden document's at all
(``brought_by_hidden``: no change at the path, nothing hidden). But the baseline can hold a
secret document (imported before control began, ``confidentiality: secret``) with its figure:
its pixels are the secret's, whatever day they came.

A public page later approved to show the figure (at its own path, or a copy of its bytes under
another name) gets the secret pixels on the public site. The same history with the secret
document and figure brought by an approval after control began keeps them back (control)."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from secret_figures import pdf_images
from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
CHART = "docs/procedures/chart.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"


def history(scenario, baseline: bool, copy: bool):
    secret_files = {SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
                    FIG: png(SECRET_PIXELS)}  # fmt: skip
    if baseline:  # imported with the tree control began with (2026-01-01)
        for rel, content in secret_files.items():
            scenario.files.write(rel, content)
        s = site_repo(scenario)
    else:
        s = site_repo(scenario)
        approve(s, "cr-secret", secret_files, "新增受控文件", 1)
    shown = "chart.png" if copy else "fig.png"
    files: dict[str, str | bytes] = {
        PUBLIC: procedure(version="V1.1", body=body(f"见下图。\n\n![图]({shown})"))
    }
    if copy:
        files[CHART] = png(SECRET_PIXELS)
    approve(s, "cr-show", files, "公开流程图", 2)
    return s


@pytest.mark.parametrize("copy", [False, True], ids=["same-path", "copied"])
def test_a_baseline_secret_figure_never_reaches_a_public_page(scenario, tmp_path, copy):
    site = built_site(history(scenario, baseline=True, copy=copy), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


@pytest.mark.parametrize("copy", [False, True], ids=["same-path", "copied"])
def test_control_the_same_figure_approved_after_control_began_is_kept_back(
    scenario, tmp_path, copy
):
    site = built_site(history(scenario, baseline=False, copy=copy), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


@pytest.mark.parametrize("copy", [False, True], ids=["same-path", "copied"])
def test_a_public_copy_leaves_out_a_baseline_secret_figure(scenario, tmp_path, copy):
    s = history(scenario, baseline=True, copy=copy)
    assert pdf_images(s, tmp_path / "c.pdf") == 0


@pytest.mark.parametrize("copy", [False, True], ids=["same-path", "copied"])
def test_control_a_public_copy_leaves_out_the_figure_approved_after_control_began(
    scenario, tmp_path, copy
):
    s = history(scenario, baseline=False, copy=copy)
    assert pdf_images(s, tmp_path / "c.pdf") == 0
