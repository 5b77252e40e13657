"""Round 113's shared histories."""

from __future__ import annotations

from rt41_helpers import approve, body, png, procedure, secret_doc

from site_helpers import site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"
TWIN = "docs/procedures/twin.md"
FIG = "docs/procedures/fig.png"
MARKS = ["SECRETPIXELSMARK", "SECRETBODYMARK"]
SHOWS_FIG = "SECRETBODYMARK\n\n![图](fig.png)"


def public_page_shows_fig(s, number: int) -> None:
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.1", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", number)  # fmt: skip


def reranked(text: str) -> str:
    """doccontrol.yml with `confidential` listed below `internal` (so at or under the limit)."""
    new = text.replace(
        "  - {id: internal, label: 内部}\n  - {id: confidential, label: 秘密}\n",
        "  - {id: confidential, label: 秘密}\n  - {id: internal, label: 内部}\n",
    )
    assert new != text
    return new


def confidential_then_secret(scenario):
    """SM-P-07 approved `confidential` (above the limit `internal`) with the chart it shows,
    then approved `secret` (the chart unchanged)."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text=SHOWS_FIG, level="confidential"),
                             FIG: png(b"SECRETPIXELSMARK")}, "新增受控文件", 1)  # fmt: skip
    approve(s, "cr-level", {SECRET: secret_doc(text=SHOWS_FIG, version="V1.1")}, "定密", 2)
    return s


def pdf_images_at(s, out, limit: str, doc_id: str = "SM-P-01") -> int:
    """secret_figures.pdf_images with `--max-confidentiality LIMIT` given explicitly."""
    from pypdf import PdfReader

    from history_helpers import cli

    result = cli(s.root, "pdf", doc_id, "--max-confidentiality", limit, "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return sum(len(page.images) for page in PdfReader(str(out)).pages)
