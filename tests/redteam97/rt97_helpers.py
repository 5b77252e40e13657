"""What the round 97 tests share (on top of the earlier rounds' helpers): one scenario, and
each output's answer for SM-P-01 on a day."""

from __future__ import annotations

import json
import re
import zipfile

from rt71_helpers import DOC, approve, body, procedure, run, scenario

from site_helpers import built, page, site_repo

__all__ = [
    "DOC",
    "approve",
    "body",
    "built",
    "pack_files",
    "pdf_signoffs",
    "pdf_text",
    "procedure",
    "register_row",
    "run",
    "scenario",
    "show_head",
    "site_block",
    "site_repo",
    "site_signoffs",
]


def register_row(s, day: str) -> dict:
    out = run(s, "register", "--as-of", day, "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    data = json.loads(out.stdout)
    rows = data if isinstance(data, list) else data.get("documents", data.get("rows", []))
    return next(r for r in rows if r.get("id") == "SM-P-01" or r.get("document") == "SM-P-01")


def show_head(s, day: str) -> str:
    out = run(s, "show", "SM-P-01", "--as-of", day)
    return (out.stdout + out.stderr)[:1200]


def pack_files(s, out, start: str, end: str) -> dict[str, str]:
    made = run(s, "audit-pack", "--from", start, "--to", end, "-o", str(out))
    assert made.returncode == 0, made.stdout + made.stderr
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}


def site_block(site, url: str = "procedures/test") -> str:
    html = page(site, url)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", text)


def pdf_text(s, day: str, out) -> str:
    """`pdf SM-P-01 --as-of day` (English), as text (pypdf)."""
    import pypdf

    made = run(s, "pdf", "SM-P-01", "--as-of", day, "-o", str(out))
    assert made.returncode == 0, made.stdout + made.stderr
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(out).pages)


def pdf_signoffs(text: str) -> dict[str, str]:
    """The copy's 编制/审核/批准 lines and its merge request: {"author": "王芳 2026-01-01", …}."""
    found = {}
    for key, label in (
        ("author", "Prepared"),
        ("reviewer", "Reviewed"),
        ("approver", "Approved"),
        ("merge_request", "Merge request"),
    ):
        m = re.search(rf"^{label} (.*)$", text, re.M)
        # the copy has a column for the day: nobody on no day is "— —", one cell on the page
        found[key] = re.sub(r"^— —$", "—", m[1].strip()) if m else ""
    return found


def site_signoffs(block: str) -> dict[str, str]:
    """The page's control block cells 编制/审核/批准/合并请求, as flattened text."""
    found = {}
    for key, label, stop in (
        ("author", "编制", "审核"),
        ("reviewer", "审核", "批准"),
        ("approver", "批准", "合并请求"),
        ("merge_request", "合并请求", "(?:签名|下次评审)"),  # no approval: no signature
    ):
        m = re.search(rf" {label} (.*?) {stop} ", block)
        found[key] = m[1].strip() if m else ""
    return found
