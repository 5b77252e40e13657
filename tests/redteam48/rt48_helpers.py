"""What the round 48 tests share (on top of rounds 14 to 47's helpers): one scenario read
through every output: the CLI, a real `mkdocs build`, the audit pack."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from rt27_helpers import branch_with, forge_merge, two_doc_scenario
from rt32_helpers import TODAY, run

from builders import procedure
from site_helpers import built, site_repo, table_rows

__all__ = [
    "DOC",
    "DOC_B",
    "TODAY",
    "branch_with",
    "built",
    "control_cells",
    "forge_merge",
    "pack",
    "procedure",
    "register",
    "run",
    "site_repo",
    "table_rows",
    "two_doc_scenario",
]

DOC = "docs/procedures/test.md"
DOC_B = "docs/procedures/b.md"


def register(s, *args: str) -> dict[str, dict]:
    """`register --format json` (``args``: --as-of DAY) by id."""
    out = run(s, "register", "--format", "json", *args)
    assert out.returncode == 0, out.stderr
    return {r["id"]: r for r in json.loads(out.stdout)}


def control_cells(html: str) -> dict[str, str]:
    """The control block of a page as {label: value} (文件编号 → SM-P-01, 版本 → V1.1…)."""
    cells: dict[str, str] = {}
    for row in table_rows(html, "dc-control-table"):
        for label, value in zip(row[::2], row[1::2], strict=False):
            cells[label] = value
    return cells


def pack(s, out: Path, start: str, end: str, *extra: str) -> dict[str, str]:
    """`audit-pack --from start --to end -o out` (``extra``: --site DIR…); {entry: text}."""
    made = run(s, "audit-pack", "--from", start, "--to", end, "-o", str(out), *extra)
    assert made.returncode == 0, made.stdout + made.stderr
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}


def page_id(html: str) -> str:
    """The 文件编号 a document page's control block gives."""
    return control_cells(html).get("文件编号", "")


def merge_dated(s, branch: str, files: dict[str, str], day: str, removed=()) -> str:
    """赵磊's branch writes ``files``; a forge merges it on ``day`` (10:00, +08:00) with 刘静's
    approval and 王芳's review."""
    branch_with(s, branch, files=files, removed=removed)
    return forge_merge(s, branch, date=f"{day}T10:00:00+08:00")
