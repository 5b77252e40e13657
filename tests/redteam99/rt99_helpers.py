"""Round 99: GitHub evidence (signed review notes), squash/rebase merges and signatures.

Every scenario is a real repository whose doccontrol.yml trusts a forge SSH key; notes are
written by the real ``doccontrol forge capture-github --from-json`` and signed with that key,
as the capture workflow signs them."""

from __future__ import annotations

import json
import zipfile

from forge_helpers import capture, github_scenario, keypair, pull_request, record, review
from rules_attacks import run

T1 = "2026-02-01T10:00:00Z"
T2 = "2026-02-02T10:00:00Z"


def trusting(tmp_path, *edits):
    """The baseline scenario with the people's GitHub logins and a trusted forge key."""
    forge, forge_pub = keypair(tmp_path, "forge")
    s = github_scenario(
        tmp_path, "trusted_forge_keys: []", f'trusted_forge_keys: ["{forge_pub}"]', *edits
    )
    return s, forge


def signed_note(
    s,
    tmp_path,
    forge,
    number,
    head,
    merged,
    author="zhao-lei",
    merged_by="zhao-lei",
    reviewers=("liu-jing", "wang-fang"),
):
    """GitHub's record of pull request ``number``: each of ``reviewers`` APPROVED ``head``;
    captured onto ``merged`` and signed with the trusted forge key."""
    items = [review(number * 10 + i, who, "APPROVED", head, T1) for i, who in enumerate(reviewers)]
    pull = pull_request(number, f"变更 {number}", head, merged, author, merged_by)
    capture(s, record(tmp_path / f"api{number}", pull, items), number, "--sign-key", str(forge))


def log_json(s, doc="SM-P-01"):
    result = run(s.root, "log", doc, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def pack_trail(s, tmp_path):
    pack = tmp_path / "pack.zip"
    made = run(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(pack))
    assert made.returncode in (0, 1), made.stderr
    with zipfile.ZipFile(pack) as z:
        return json.loads(z.read("history/trail.json"))


def codes(rev):
    return sorted(p.code for p in rev.problems)
