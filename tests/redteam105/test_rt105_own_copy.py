"""README's advice for a public page that needs a secret figure: "Give the public page its own
copy of a secret figure, approved with it." Followed as written (a copy of the file, the same
bytes, approved with the public page), the copy is never published: ``_secret_bytes`` keeps the
secret's bytes secret under any name (round 103), so the public page loses its figure and a
strict build fails. Only a copy with other bytes (re-exported) is published (control).

Denial (low), and a README that gives advice the code refuses: the advice should say the copy
must be a picture of its own (other bytes), or the bytes rule should let a copy approved with a
public page as a copy of the secret's figure be published; the first is the safe one."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

SECRET_PIXELS = b"SHAREDFIGUREMARK"
FIG = "docs/procedures/fig.png"
OWN = "docs/procedures/own.png"
PUBLIC = "docs/procedures/test.md"


def history(scenario, own: bytes):
    s = site_repo(scenario)
    approve(s, "cr-secret", {FIG: png(SECRET_PIXELS),
            "docs/procedures/secret.md": secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)")},
            "新增受控文件", 1)  # fmt: skip
    approve(s, "cr-own", {OWN: png(own),
            PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](own.png)"))},
            "公开流程图（自有副本）", 2)  # fmt: skip
    return s


def test_held_a_same_bytes_copy_approved_with_the_public_page_stays_back(scenario, tmp_path):
    """What the code does (safe): the advice, followed with the same bytes, publishes nothing."""
    site = built_site(history(scenario, SECRET_PIXELS), tmp_path / "site")
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
    assert not (site / "procedures" / "own.png").exists()


def test_control_a_copy_with_bytes_of_its_own_is_published(scenario, tmp_path):
    site = built_site(history(scenario, b"PUBLICREDRAWNMARK"), tmp_path / "site")
    assert leaks(site, ["PUBLICREDRAWNMARK"]) != []
    assert leaks(site, [SECRET_PIXELS.decode(), "SECRETBODYMARK"]) == []
