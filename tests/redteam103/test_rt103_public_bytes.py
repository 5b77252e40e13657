"""The bytes rule of round 103 leaves a public picture public: bytes an approved public change
(or the tree control began with) brought first stay the public page's when a secret approval
later copies them under another name (a logo a confidential procedure reuses)."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

LOGO_PIXELS = b"PUBLICLOGOMARK"
PUBLIC = "docs/procedures/test.md"


def test_a_secret_copy_of_a_public_logo_leaves_the_logo_public(scenario, tmp_path):
    s = site_repo(scenario)
    approve(s, "cr-logo", {"docs/procedures/logo.png": png(LOGO_PIXELS),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![标志](logo.png)"))},
            "公开标志", 1)  # fmt: skip
    approve(s, "cr-secret", {"docs/procedures/secret-logo.png": png(LOGO_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![标志](secret-logo.png)")},
            "新增受控文件", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [LOGO_PIXELS.decode()]) == [("procedures/logo.png", "PUBLICLOGOMARK")]


def test_the_same_copy_made_before_any_public_approval_is_kept_back(scenario, tmp_path):
    # the control: the secret approval brought the bytes first, so a public page that later
    # shows a copy of them does not publish it
    s = site_repo(scenario)
    approve(s, "cr-secret", {"docs/procedures/secret-logo.png": png(LOGO_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![标志](secret-logo.png)")},
            "新增受控文件", 1)  # fmt: skip
    approve(s, "cr-logo", {"docs/procedures/logo.png": png(LOGO_PIXELS),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![标志](logo.png)"))},
            "公开标志", 2)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, [LOGO_PIXELS.decode()]) == []
