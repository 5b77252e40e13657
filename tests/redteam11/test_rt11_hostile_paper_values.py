"""Hostile values in `legacy_history` (paper approvals).

FOUND (the first three tests fail on the pinned code):
- a paper approval dated in the future (2099) passes `doccontrol check` without a word, and is
  shown in `log` as 受控前纸质记录;
- `doccontrol baseline --legacy` writes a paper approval dated after the baseline itself (after
  today): it is merged as part of the adoption, and on that day the register counts it as the
  document's last approval (restarting its review clock), an approval "before control" that is
  dated after control began;
- a paper approval of a version above the document's own (V9.0 on a V1.0 document) passes
  `check`; the register then says the last approval was of V9.0.
Safe behaviour: each is reported with file and line (`check`) or refused (`baseline`).

HELD (the last test passes): wrong types, impossible dates, unknown keys and empty entries are
reported by `check` with file:line:column (DC101/DC102/DC103/DC106), and `log`, `register`,
`review-due`, `trail` and `pdf` end without a traceback."""

from __future__ import annotations

import datetime
import re

import pytest
from rt11_helpers import legacy, log_json, paper

from builders import RepoBuilder
from history_helpers import Scenario, make_scenario
from rules_attacks import identity, run

LINE = re.compile(r"docs/procedures/test\.md:\d+:\d+: DC\d+ .*legacy_history")


def _written(tmp_path, extra):
    s = make_scenario(tmp_path)
    s.files.doc(extra=extra)
    return s


def test_check_reports_a_paper_approval_dated_in_the_future(tmp_path):
    s = _written(tmp_path, legacy(paper(approver="陈明远", approval_date="2099-01-02")))
    checked = run(s.root, "check")
    # pinned code: "all 3 files checked: no problems"
    assert checked.returncode == 1 and LINE.search(checked.stdout), checked.stdout


def test_baseline_refuses_a_paper_approval_dated_after_the_baseline(tmp_path):
    later = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    s = Scenario(builder)
    s.git.commit("初始导入", who="wangfang")
    (tmp_path / "paper.yml").write_text(
        "SM-P-01:\n" + paper(approver="陈明远", approval_date=later), encoding="utf-8"
    )
    identity(s, "liujing")
    declared = run(s.root, "baseline", "--legacy", str(tmp_path / "paper.yml"))
    # pinned code: 0, "declared the baseline on branch baseline-…, paper approvals for SM-P-01"
    assert declared.returncode != 0 and later in declared.stderr, declared.stdout


def test_check_reports_a_paper_version_above_the_documents(tmp_path):
    s = _written(tmp_path, legacy(paper("V9.0", approver="陈明远")))
    checked = run(s.root, "check")
    # pinned code: "all 3 files checked: no problems"; register: "2025-03-05（批准的是 V9.0）"
    assert checked.returncode == 1 and LINE.search(checked.stdout), checked.stdout


HOSTILE = {
    "text": 'legacy_history: "纸质"\n',
    "mapping": "legacy_history: {version: V1.0}\n",
    "strings": "legacy_history: [a, b]\n",
    "bad dates": legacy(paper(date="2026-13-45", approval_date="2026-02-30")),
    "number version": "legacy_history:\n  - {version: 1.0, change: c, author: a, date: 2025-01-01}\n",
    "lists": "legacy_history:\n  - {version: V1.0, change: c, author: [a], date: 2025-01-01, approver: {x: y}, approval_date: [1]}\n",
    "empty": "legacy_history:\n  - null\n  - {}\n",
    "timestamps": "legacy_history:\n  - {version: V1.0, change: c, author: a, date: 2025-01-01T10:00:00}\n",
    "unknown key": legacy(paper(effective_date="2025-01-03")),
}


@pytest.mark.parametrize("extra", HOSTILE.values(), ids=HOSTILE.keys())
def test_held_malformed_entries_get_a_message_with_file_and_line(tmp_path, extra):
    s = _written(tmp_path, extra)
    checked = run(s.root, "check")
    assert checked.returncode == 1 and LINE.search(checked.stdout), checked.stdout
    s.git.commit("纸质履历", who="zhaolei")
    for args in (
        ["log", "SM-P-01"],
        ["register", "--as-of", "2026-06-01"],
        ["review-due", "--today", "2027-06-01"],
        ["trail"],
        ["pdf", "SM-P-01", "-o", str(tmp_path / "c.pdf")],
    ):
        out = run(s.root, *args)
        # (timestamps: history cannot read the front matter at all, DC513, so `pdf` refuses
        # with exit 2 and the odd advice "--max-confidentiality ?"; a message, not a crash)
        assert "Traceback" not in out.stderr and out.returncode in (0, 1, 2), (args, out.stderr)
        assert out.returncode != 2 or out.stderr.startswith("doccontrol: "), out.stderr
    log_json(s)
