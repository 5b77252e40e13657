"""Round 111: the public document that "shows" the secret figure in the mixed approval
(``approved_images._shown_by_public``) need not be a page anyone sees: a document MkDocs leaves
out of the site (under ``docs/templates/``) is still a public document of that approval. Its
text makes the secret procedure's figure public, bytes and all; a later public revision that
shows the figure then publishes the secret bytes, where without the left-out page the site
keeps them back ("a public page that embeds a secret procedure's figure does not publish it").
"""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"
FIG = "docs/procedures/secret-fig.png"
LEFT_OUT = "docs/templates/sample.md"  # MkDocs never renders docs/templates/


def attack(scenario, with_left_out: bool):
    s = site_repo(scenario)
    files: dict[str, str | bytes] = {
        SECRET: secret_doc(text="SECRETBODYMARK\n\n![机密](secret-fig.png)"),
        FIG: png(b"SECRETFIGMARK"),
    }
    if with_left_out:
        files[LEFT_OUT] = procedure(
            doc_id="SM-P-02", title="模板示例", body=body("![示例](../procedures/secret-fig.png)")
        )
    approve(s, "cr-joint", files, "新增受控文件", 1)
    # a later public revision that shows the figure (its bytes are not in this diff)
    approve(s, "cr-public", {PUBLIC: procedure(version="V1.1",
                                               body=body("目的。\n\n![图](secret-fig.png)"))},
            "修订程序", 2)  # fmt: skip
    return s


def test_a_left_out_page_does_not_make_the_secret_figure_public(scenario, tmp_path):
    s = attack(scenario, with_left_out=True)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, ["SECRETFIGMARK"]) == []


def test_control_without_the_left_out_page_the_figure_stays_off(scenario, tmp_path):
    s = attack(scenario, with_left_out=False)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK", "SECRETFIGMARK"]) == []
    assert (site / "procedures").is_dir()
