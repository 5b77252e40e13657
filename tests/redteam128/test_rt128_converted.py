"""Round 128, hole 1: the file a merge on the line brings is owed to the commits that changed
it, following renames (``GitReader.path_writers``: ``git log --follow``; round 127). A
conversion is no rename git sees: 刘静 keeps her SM-P-09 draft on a branch as a Word file
(``drafts/p9.docx``) or a Notepad "Unicode" text file (UTF-16); 赵磊 converts it to Markdown
on her branch (`git rm` the old file, add ``drafts/p9.md``: her text, every line as she wrote
it). She merges the branch into main and removes the draft; 赵磊 branches afterwards, copies
her text verbatim into SM-P-09 with his one scope line, and she approves. ``git log --follow
M -- drafts/p9.md`` stops at the conversion (the bytes are nothing alike), so the writers are
赵磊's conversion alone. Secure outcome: she is among the writers, DC503, not approved,
`trail --strict` fails, `log` shows V1.0 not approved, `approve` run by her refuses. Today:
authors [赵磊], approved, `trail --strict` 0, `approve` merges; the site shows it approved."""

from __future__ import annotations

import pytest
from rt24_helpers import cli_env
from rt128_helpers import DRAFTER, her_draft_converted, verdict

from gitrepo import PEOPLE
from site_helpers import mkdocs, page, site_repo, table_rows

VIAS = ["forge", "approve"]


def _judged(scenario, how, via):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_converted(scenario, how=how, via=via)
        return
    _draft, approval = her_draft_converted(scenario, how=how, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("how", ["docx", "utf-16"])
def test_a_draft_a_colleague_converted_is_still_hers(scenario, how, via):
    _judged(scenario, how, via)


@pytest.mark.parametrize("via", VIAS)
def test_control_a_draft_a_colleague_renamed_is_hers(scenario, via):
    """The control: 赵磊 only renames her UTF-8 text file to ``drafts/p9.md``; ``--follow``
    sees the rename and lists her commit: she is named."""
    _judged(scenario, "rename", via)


def _site(scenario, tmp_path, how: str) -> None:
    s = site_repo(scenario)
    her_draft_converted(s, how=how)
    assert cli_env(s.root, {}, "check").returncode == 0  # nothing for CI's check to find
    built = mkdocs(s.root, tmp_path / "site", True)
    if built.returncode != 0:
        return  # right: the strict build stops
    header, *rows = table_rows(page(tmp_path / "site", "registers/approvals"), "dc-trail")
    found = [dict(zip(header, row, strict=True)) for row in rows if row[3] == "补充说明"]
    assert len(found) == 1, rows
    row = found[0]
    # today: 更改人 赵磊, 批准人 刘静, 结论 已批准
    assert PEOPLE[DRAFTER][0] in row["更改人"] and row["结论"] != "已批准", row


def test_the_site_shows_her_converted_draft_as_approved_by_her(scenario, tmp_path):
    _site(scenario, tmp_path, "docx")


def test_control_the_site_shows_her_renamed_draft_as_hers(scenario, tmp_path):
    _site(scenario, tmp_path, "rename")
