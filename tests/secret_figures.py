"""The histories the attack rounds on secret figures (rounds 102–107) build again and again:
a mixed approval that brings a secret procedure's figure, then a public page that shows it;
and how many pictures a public PDF copy embeds."""

from __future__ import annotations

from pathlib import Path

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"


def mixed_then_shown(scenario, secret_text: str):
    """!1 approves the secret SM-P-07 (``secret_text`` below a marker) with ``fig.png`` (the
    secret pixels) and a wording change of the public SM-P-01; !2 approves SM-P-01 alone,
    showing ``fig.png``."""
    from rt41_helpers import approve, body, png, procedure, secret_doc

    from site_helpers import site_repo

    s = site_repo(scenario)
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS),
            SECRET: secret_doc(text=f"SECRETBODYMARK\n\n{secret_text}\n"),
            PUBLIC: procedure(version="V1.1", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 1)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 2)  # fmt: skip
    return s


def pdf_images(s, out: Path, doc_id: str = "SM-P-01") -> int:
    """How many pictures the controlled copy ``doccontrol pdf DOC`` embeds."""
    from pypdf import PdfReader

    from history_helpers import cli

    result = cli(s.root, "pdf", doc_id, "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return sum(len(page.images) for page in PdfReader(str(out)).pages)
