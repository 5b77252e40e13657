"""Round 30, `approve` keeping a moved document's version and date (cli/approve.py, session 20:
``before`` is the id's last approved version, and the same version there skips
``effective_verdict``). A "move" need not be one merge: a document withdrawn earlier and put
back at another path looks the same to that check."""

from __future__ import annotations

import json
import re

from rt30_helpers import approve, cli_env, two_doc_scenario

B = "docs/procedures/b.md"
NEW = "docs/procedures/moved.md"


def test_a_withdrawn_document_put_back_at_another_path_keeps_no_stale_date(tmp_path):
    """SM-P-02 V1.0 (in force since its old date) is withdrawn by an approved merge that
    deletes b.md. Later 赵磊's branch puts the very same file back at moved.md (V1.0, the
    old effective date). `approve` takes ``before`` from history (V1.0, same version) and
    skips the date check as for a move. Right: a withdrawn document brought back is a new
    approval that takes effect no earlier than it (approve asks for --effective, or history
    flags the date), never in force retroactively over the time it was withdrawn. Seen: approve
    merges it; history (the register) dates it from the re-approval day, so approve and
    history disagree, and the text carries a date from before its withdrawal."""
    s = two_doc_scenario(tmp_path)
    text = (s.root / B).read_bytes()
    s.git.branch("cr-withdraw", "main")
    (s.root / B).unlink()
    s.git.commit("废止 SM-P-02", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-withdraw", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    s.git.branch("cr-back", "main")
    (s.root / NEW).write_bytes(text)
    s.git.commit("恢复 SM-P-02", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-back", "liujing", "wangfang")
    out = result.stdout + result.stderr
    claimed = re.search(r"effective_date: (\S+)", text.decode()).group(1)
    reg = {
        r["id"]: r for r in json.loads(cli_env(s.root, {}, "register", "--format", "json").stdout)
    }
    assert not merged, (
        f"a withdrawn document put back at another path is merged with its old date {claimed} "
        f"(register: {reg['SM-P-02']['effective_date']}, the re-approval day):\n{out}"
    )
