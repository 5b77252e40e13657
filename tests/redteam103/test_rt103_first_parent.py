"""Held: ``brought_by_hidden`` reads a commit that is no approval (``X^``) as the latest, which
could judge a held-back picture by a public redraw at X while its bytes are a secret
approval's from before X. Not so: ``publishing.assets_ahead`` gives the last approved change
before X (here !1 itself) and ``X^`` only when no approved change precedes (bytes control
began with, or "" for unapproved ones), which no approval brought.

!1 approves the secret SM-P-07 alone, with ``fig.png`` (secret pixels; its text does not name
it, an approval of hidden documents alone makes it the secret's). !2 approves the public
SM-P-01 V1.2, taking effect next month, which redraws ``fig.png`` (public pixels). !3 approves
a new public SM-P-02, in force now, showing ``fig.png``. The bytes in force for SM-P-02 are the
secret pixels (the redraw is not in force yet); had they been read at ``"!2^"``, ``hidden_at``
would have judged them by !2 (public). They are read at !1, judged secret: kept back."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from rules_attacks import SOON
from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
PUBLIC_PIXELS = b"PUBLICPIXELSMARK"
FIG = "docs/procedures/fig.png"


def history(scenario, secret_first: bool):
    s = site_repo(scenario)
    if secret_first:
        approve(s, "cr-secret", {FIG: png(SECRET_PIXELS),
                "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK")},
                "新增受控文件", 1)  # fmt: skip
    else:
        approve(s, "cr-secret", {FIG: png(b"OLDPUBLICPIXELS"),
                "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK")},
                "新增受控文件", 1)  # fmt: skip
        approve(s, "cr-fig", {FIG: png(b"EARLIERPUBLIC"),
                "docs/procedures/test.md": procedure(version="V1.1", body=body("措辞。"))},
                "公开图", 4)  # fmt: skip
    approve(s, "cr-redraw", {FIG: png(PUBLIC_PIXELS),
            "docs/procedures/test.md": procedure(version="V1.2", effective_date=SOON,
                                                 body=body("见下图。\n\n![图](fig.png)"))},
            "重绘流程图（下月生效）", 2)  # fmt: skip
    approve(s, "cr-new", {"docs/procedures/other.md": procedure(
                doc_id="SM-P-02", title="另一程序", body=body("见图。\n\n![图](fig.png)"))},
            "新增程序", 3)  # fmt: skip
    return s


def test_held_secret_bytes_held_back_to_a_first_parent_never_reach_the_public_page(
    scenario, tmp_path
):
    site = built_site(history(scenario, secret_first=True), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_control_public_bytes_held_back_to_a_first_parent_are_published(scenario, tmp_path):
    site = built_site(history(scenario, secret_first=False), tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [PUBLIC_PIXELS.decode()]) == []  # the redraw is not in force yet
    assert leaks(site, ["EARLIERPUBLIC"]) != []  # the bytes in force are published
