"""Round 45 on gitread.readable_date / DC524.unreadable (round 43, hole 3's fix): every
command over a history with dates git cannot read, the new empty date included."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rt43_helpers import crafted_merge, crashed, run

from history_helpers import make_scenario
from site_helpers import site_repo

ZHAO = "赵磊 <zhao.lei@example.com>".encode()
LIU = "刘静 <liu.jing@example.com>".encode()

COMMANDS = [
    ("log", "SM-P-01"),
    ("trail", "--format", "csv"),
    ("trail", "--format", "json"),
    ("register",),
    ("register", "--as-of", "2026-06-01"),
    ("show", "SM-P-01", "--as-of", "2026-06-01"),
    ("diff", "SM-P-01", "V1.0", "V1.1"),
    ("review-due", "--within", "30"),
    ("ack-due", "--all"),
    ("coverage",),
    ("suspect",),
    ("check",),
]


@pytest.mark.parametrize(
    "branch_author,merger",
    [
        (ZHAO + b" -100 +0000", LIU),  # the author's date negative
        (ZHAO, LIU),  # no date at all on either
        (ZHAO + b" 1767225600 +0800", LIU),  # the merge has none
    ],
    ids=["negative-author", "no-dates", "dateless-merge"],
)
def test_no_command_crashes_on_dates_git_cannot_read(tmp_path, branch_author, merger):
    s = make_scenario(tmp_path)
    site_repo(s)
    crafted_merge(s, "新增一句。\n", branch_author, merger)
    said = []
    for args in COMMANDS:
        out = run(s.root, *args)
        if crashed(out.stdout + out.stderr) or out.returncode not in (0, 1):
            said.append(f"{args} exit {out.returncode}: {(out.stdout + out.stderr)[-400:]}")
    pack = run(
        s.root,
        "audit-pack",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-o",
        str(tmp_path / "p.zip"),
    )
    if crashed(pack.stdout + pack.stderr) or pack.returncode not in (0, 1):
        said.append(f"audit-pack exit {pack.returncode}: {(pack.stdout + pack.stderr)[-400:]}")
    pdf = run(s.root, "pdf", "SM-P-01", "-o", str(tmp_path / "c.pdf"))
    if crashed(pdf.stdout + pdf.stderr):
        said.append(f"pdf exit {pdf.returncode}: {(pdf.stdout + pdf.stderr)[-400:]}")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if "Traceback" in built.stdout + built.stderr:
        said.append(f"mkdocs build: {(built.stdout + built.stderr)[-800:]}")
    assert not said, "\n".join(said)
