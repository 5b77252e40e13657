"""On the demo, for several days, the register from the CLI, the site and an audit pack ending
that day agree row by row (real `mkdocs build`, real CLI, real zip)."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile

import pytest

from site_helpers import built, page, table_rows

# before control, just after the baseline took effect, approved-not-yet-effective (SM-P-26),
# after the direct commit and the forged approval, and the demo's own day (SM-P-06 pending)
DAYS = ("2025-12-15", "2026-01-10", "2026-06-18", "2026-10-01", "2026-11-26")
PUBLISHED = {"公开", "内部"}  # the demo publishes up to internal (publish.max_confidentiality)


def doccontrol(cwd, *args):
    result = subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize("day", DAYS)
def test_cli_site_and_pack_registers_agree(demo, tmp_path, day):
    cli = list(
        csv.reader(io.StringIO(doccontrol(demo, "register", "--as-of", day, "--format", "csv")))
    )
    header, cli_rows = cli[0], [r for r in cli[1:] if r[5] in PUBLISHED]

    pack = tmp_path / "pack.zip"
    doccontrol(demo, "audit-pack", "--from", "2025-01-01", "--to", day, "-o", str(pack))
    with zipfile.ZipFile(pack) as archive:
        text = archive.read("register/register.csv").decode("utf-8-sig")
    packed = list(csv.reader(io.StringIO(text)))

    config = (demo / "mkdocs.yml").read_text(encoding="utf-8")
    dated = demo / f"mkdocs-{day}.yml"
    dated.write_text(config.replace('as_of: "2026-11-26"', f'as_of: "{day}"'), encoding="utf-8")
    try:
        site = built(demo, tmp_path / "site", "-f", str(dated))
    finally:
        dated.unlink()
    on_site = table_rows(page(site, "registers/documents"), "dc-register")
    site_rows = [r for r in on_site if r[0] != "文件编号"]

    assert packed[0] == header and on_site[0] == header
    key = lambda r: r[0]  # noqa: E731
    assert sorted(cli_rows, key=key) == sorted(packed[1:], key=key) == sorted(site_rows, key=key)
    assert len(cli_rows) > 30
    # the home card counts exactly the review page's rows
    home = page(site, "")
    review = table_rows(page(site, "registers/review-due"), "dc-review")
    count = len(review) - 1 if review else 0
    assert f'<span class="dc-card-n">{count}</span><span class="dc-card-l">待评审</span>' in home


def test_the_days_tell_the_story(demo):
    def row(day, doc_id):
        out = doccontrol(demo, "register", "--as-of", day, "--format", "csv")
        return next(r for r in csv.reader(io.StringIO(out)) if r[0] == doc_id)

    # the pre-control import is no approval: SM-P-15's review is overdue, never reset by it
    assert row("2026-11-26", "SM-P-15")[4:11] == [
        *["有效", "内部", "财务部", "2025-06-01", "", "2026-06-01", ""]
    ]
    assert row("2026-06-18", "SM-P-26")[3:5] + row("2026-06-18", "SM-P-26")[10:] == [
        *["V1.0", "有效", "V1.1（2026-06-22 起）"]
    ]
    assert row("2026-06-22", "SM-P-26")[3:5] == ["V1.1", "有效"]
    assert row("2026-03-05", "SM-P-32")[3:5] == ["V0.1", "草稿"]
    assert row("2026-11-26", "SM-P-18")[3:5] == ["V1.1", "有效（有未批准更改）"]
    # SM-P-01 V1.1 is in force; its last approval, on paper, was of V1.0: the row says so
    assert row("2026-11-26", "SM-P-01")[3] == "V1.1"
    assert row("2026-11-26", "SM-P-01")[8] == "2024-03-08（批准的是 V1.0）"
    assert row("2026-11-26", "SM-W-22-01")[4] == "已作废"
    show = doccontrol(demo, "show", "SM-P-32", "--as-of", "2026-03-05").splitlines()[0]
    assert (
        show == "# SM-P-32 客户数据返还与服务退出管理程序 — 于 2026-03-05 为草稿，当日没有有效版本"
    )
    # diff says of each side whether it was approved: V1.2 was committed straight to main
    header = doccontrol(demo, "diff", "SM-P-18", "V1.1", "V1.2").splitlines()[0]
    assert re.fullmatch(
        r"SM-P-18 变更管理程序：V1\.1（[0-9a-f]{10}，2026-02-09，已批准）"
        r" → V1\.2（[0-9a-f]{10}，2026-09-28，未经批准）",
        header,
    ), header
    html = page(demo / "site", "procedures/communication")
    # the page gives V1.1, in force on the site's day, and says V1.2 replaces it on 12-01
    assert "dc-superseded-soon" in html and "自 2026-12-01 起实施" in html
    assert "面向客户的服务通报统一由服务经理审核后发出" not in html
