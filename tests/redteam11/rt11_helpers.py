"""What the round-11 tests on paper (legacy) approvals share."""

from __future__ import annotations

import json
import re

from builders import RepoBuilder, procedure
from history_helpers import Scenario
from rules_attacks import approve, forge_merge, identity, last_event, run

DOC = "docs/procedures/test.md"
MR = "approver: [management-representative]"
IM = "approver: [incident-manager]"


def paper(version="V1.0", approver="刘静", approval_date="2025-03-05", **more) -> str:
    """One legacy_history entry as a flow mapping (the form `doccontrol baseline` writes)."""
    entry = {
        "version": version,
        "change": more.pop("change", "新建"),
        "author": more.pop("author", "赵磊"),
        "date": more.pop("date", "2025-03-01"),
        **({"approver": approver, "approval_date": approval_date} if approver else {}),
        **more,
    }
    return (
        "  - {"
        + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items())
        + "}\n"
    )


def legacy(*entries: str) -> str:
    return "legacy_history:\n" + "".join(entries)


def adopted(tmp_path, legacy_file: str, roles: str = MR) -> Scenario:
    """A repository adopted the documented way: SM-P-01 imported (approver roles ``roles``),
    `doccontrol baseline --legacy` declared by 刘静, approved by 陈明远 with `approve`."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.write(DOC, procedure().replace(MR, roles))
    s = Scenario(builder)
    s.git.commit("初始导入", who="wangfang")
    (tmp_path / "paper.yml").write_text(legacy_file, encoding="utf-8")
    identity(s, "liujing")
    declared = run(s.root, "baseline", "--legacy", str(tmp_path / "paper.yml"))
    assert declared.returncode == 0, declared.stdout + declared.stderr
    branch = re.search(r"baseline-[0-9a-f]{8}", declared.stdout)[0]
    s.git.checkout("main")
    result, merged = approve(s, branch, who="chenmy")
    assert merged, result.stdout + result.stderr
    assert last_event(s)["approved"]
    return s


def log_json(s, doc="SM-P-01") -> dict:
    out = run(s.root, "log", doc, "--format", "json")
    assert out.stdout, out.stderr
    (document,) = json.loads(out.stdout)["documents"]
    return document


def register(s, as_of: str) -> dict:
    out = run(s.root, "register", "--format", "json", "--as-of", as_of)
    assert out.returncode == 0, out.stderr
    (row,) = json.loads(out.stdout)
    return row


def due(s, today: str) -> list:
    out = run(s.root, "review-due", "--today", today, "--format", "json")
    assert "Traceback" not in out.stderr, out.stderr
    return json.loads(out.stdout)


def agree(s, branch: str, who: str) -> tuple[bool, bool, str]:
    """(approve merged it, the trail approved the forge's merge of it, what approve said):
    ``who`` runs approve (then the merge is undone), then the forge merges the branch with
    ``who`` as approver and 王芳 as reviewer."""
    result, merged = approve(s, branch, who=who)
    if merged:
        s.git.run("reset", "-q", "--hard", "HEAD~1")
    forge_merge(s, branch, approvers=(who,))
    last = last_event(s)
    return merged, bool(last["approved"]), result.stdout + result.stderr + str(last["problems"])
