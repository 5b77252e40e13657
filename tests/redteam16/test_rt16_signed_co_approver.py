"""approve's signature check (``_signature_refusal``) asks only that one of the approvers signed;
the trail, with require_signed, counts the signer alone (the other names are text he typed)."""

from __future__ import annotations

from rt14_helpers import strict
from rt15_helpers import DOC, SOON, approve, git, rewrite

from forge_helpers import keypair
from merge_helpers import SIGNED, branch_scenario, listing, sign_by_configuration


def test_a_signed_approval_with_a_co_approver_is_not_left_for_the_trail_to_refuse(tmp_path):
    """FINDING (approve and the trail disagree). ``require_signed: true``; 陈明远 (general-
    manager, the config approver) has his key listed and signs by commit.gpgSign. 赵磊's branch
    ``b`` changes the controlled stylesheet and SM-P-01 (V1.1), which needs a management-
    representative: 陈明远 runs ``approve b --co-approver liujing`` (刘静 holds that role).
    approve signs the merge, checks that *an* approver signed it and exits 0. The trail counts
    only the signer as approver (``evidence``: a signature vouches for its signer alone), so
    SM-P-01 lacks its approver role and the trail fails: a merge on main that approve said was
    approved and CI refuses. Safe: approve refuses (main unmoved) when the signer alone does not
    hold the roles needed, or the trail accepts what approve made."""
    key, listed = keypair(tmp_path, "chen")
    s = branch_scenario(
        tmp_path,
        *SIGNED,
        *listing(listed),
        more=lambda s: rewrite(
            s, DOC, "version: V1.0", "version: V1.1", "effective_date: 2026-01-05",
            f"effective_date: {SOON}", "目的的内容。", "修订的目的。",
        ),
    )  # fmt: skip
    sign_by_configuration(s, key)
    before = git(s, "rev-parse", "main").stdout.strip()
    result, merged = approve(s, "b", "chenmy", "wangfang", "--co-approver", "liujing")
    if merged:
        out = strict(s)
        assert out.returncode == 0, (
            "approve exited 0 with a merge the trail refuses:\n" + out.stdout[-900:]
        )
    else:
        assert "Traceback" not in result.stderr, result.stderr
        assert git(s, "rev-parse", "main").stdout.strip() == before
