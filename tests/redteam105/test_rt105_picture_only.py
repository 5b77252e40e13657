"""A secret document's figure redrawn in an approval of the picture alone (no document in the
merge) counts as a public change: a later public approval that shows the same name publishes the
secret's new pixels.

!1 approves the secret SM-P-07 alone; its text shows ``![图](fig.png)``, and the merge brings
``fig.png`` (first secret pixels). !2 is the ordinary way to redraw a figure: a merge of the
picture alone, approved (``fig.png`` → new secret pixels). ``brought_by_hidden`` reads each
change by the documents its approval holds: none are hidden, so ``secret`` is False, and the
approval accepted the change, so ``_secret_bytes`` decides the new bytes public. !3, an approval
of the public SM-P-01 alone, shows ``fig.png`` (no picture changes): the site serves the
secret's new pixels, and ``doccontrol pdf SM-P-01`` embeds them. Without the redraw (control)
the first pixels stay back. The text in force that names the picture at !2 is the secret's,
and no public text names it: the change is the secret's."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from secret_figures import pdf_images
from site_helpers import site_repo

FIRST = b"SECRETPIXELSMARK"
REDRAWN = b"REDRAWNSECRETMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"


def history(scenario, redraw: bool, beside: bool = False):
    s = site_repo(scenario)
    approve(s, "cr-secret", {FIG: png(FIRST),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")},
            "新增受控文件", 1)  # fmt: skip
    if redraw:
        files: dict[str, str | bytes] = {FIG: png(REDRAWN)}
        if beside:  # with a wording change of the public SM-P-01 that shows no picture
            files[PUBLIC] = procedure(version="V1.1", body=body("措辞修订。"))
        approve(s, "cr-redraw", files, "更新流程图", 2)
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 3)  # fmt: skip
    return s


@pytest.mark.parametrize("beside", [False, True], ids=["alone", "beside-public-wording"])
def test_a_secret_figure_redrawn_alone_never_reaches_the_public_page(scenario, tmp_path, beside):
    site = built_site(history(scenario, redraw=True, beside=beside), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [FIRST.decode(), REDRAWN.decode()]) == []


def test_a_public_copy_leaves_out_a_secret_figure_redrawn_alone(scenario, tmp_path):
    assert pdf_images(history(scenario, redraw=True), tmp_path / "c.pdf") == 0


def test_control_the_secret_figure_not_redrawn_is_kept_back(scenario, tmp_path):
    s = history(scenario, redraw=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", FIRST.decode()]) == []
    assert pdf_images(s, tmp_path / "c.pdf") == 0
