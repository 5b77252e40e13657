"""A merge's title is author-typed text: one approving a public and a secret document, titled
after both, must not name the secret one on the site (审批记录, the public document's 变更履历,
the home page) or in the audit pack (trail, change history). publishing.redact_names is the one
function both use. Real git, the real `mkdocs build`, the real CLI."""

from __future__ import annotations

import json
import zipfile

from doccontrol.publishing import redact_names
from history_helpers import cli
from secret_merge import SECRET, titled_merge
from site_helpers import leaks, mkdocs


def test_redact_names_matches_whole_ids_in_any_case():
    hidden = {"SM-P-07"}
    assert redact_names("更新SM-P-07程序", hidden, "（未发布的文件）") == "更新（未发布的文件）程序"
    assert redact_names("sm-p-07 与 SM-P-07-01", hidden, "X") == "X 与 X-01"
    # a longer id that merely starts with it is another document
    assert redact_names("SM-P-070 与 ASM-P-07", hidden, "X") == "SM-P-070 与 ASM-P-07"
    assert redact_names("SM-P-07", set(), "X") == "SM-P-07"
    # the longest id first: SM-P-07 does not eat the start of a hidden SM-P-07A
    assert redact_names("SM-P-07A、SM-P-07", {"SM-P-07", "SM-P-07A"}, "X") == "X、X"


def test_a_merge_title_naming_a_secret_document_is_redacted_on_the_site_and_in_the_pack(
    tmp_path,
):
    s = titled_merge(tmp_path / "repo")

    built = mkdocs(s.root, s.root / "site")
    assert built.returncode == 0, built.stderr
    assert leaks(s.root / "site", ["SM-P-07", "sm-p-07", SECRET[1]]) == []
    page = (s.root / "site/procedures/test/index.html").read_text()
    assert "修订 SM-P-01 并同步 （未发布的文件） 的联络表" in page  # its 变更履历
    trail = (s.root / "site/registers/approvals/index.html").read_text()  # 审批记录
    assert "修订 SM-P-01 并同步 （未发布的文件） 的联络表" in trail

    out = tmp_path / "pack.zip"
    made = cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-03-01", "-o", str(out))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(out) as pack:
        entries = {n: pack.read(n) for n in pack.namelist() if not n.endswith(".xlsx")}
    for name, data in entries.items():
        text = data.decode("utf-8", "replace").lower()
        assert "sm-p-07" not in text and SECRET[1] not in text, name
    events = json.loads(entries["history/trail.json"])
    assert [e["summary"] for e in events if e["documents"]] == [
        "修订 SM-P-01 并同步 （未发布的文件） 的联络表"
    ]
    revisions = json.loads(entries["history/revisions.json"])
    assert "修订 SM-P-01 并同步 （未发布的文件） 的联络表" in [r["change"] for r in revisions]
