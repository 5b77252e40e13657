"""Round 36, controlled files (not documents) in trees out of Git's order (`git fsck`:
treeNotSorted). Rounds 31 and 33 made history read back, by path, every document a merge or
a squash changes (DC523). A controlled file is read back only where the diff adds it, and a
merge's version is compared by path with git's own merge (`merge_made`); a squash's
modification is not read back at all."""

from __future__ import annotations

import subprocess

from rt27_helpers import forge_merge
from rt36_helpers import (
    TRUST,
    branch_editing,
    codes_of,
    git_out,
    last_at_root,
    scenario,
    squash_on_tree,
    trail_strict,
)

CONFIG = "doccontrol.yml"


def lookup(s, sha: str, path: str) -> str:
    done = subprocess.run(
        ["git", "cat-file", "-t", f"{sha}:{path}"], cwd=s.root, capture_output=True, text=True
    )
    return done.stdout.strip() or "missing"


def test_a_squash_of_the_rules_out_of_order_does_not_count(tmp_path):
    """`trust_unsigned_squash: true`. 赵磊's branch changes doccontrol.yml (the publishing
    limit, internal → confidential); he writes the commit again with the root's
    `doccontrol.yml` entry after `schemas`, and puts it on main as a squash with 陈明远's
    approval (the configuration's approver) and 王芳's review. git's diff is one line,
    `M doccontrol.yml`.
    Seen: "Approved, 0 problems"; the new rules are in force, while `main:doccontrol.yml`
    is missing (Git's lookup stops at `schemas`). Every reader by path then goes without the
    rules it asks for: the tip's config in `_derive` (control_since and the main_branch
    check fall back to the work tree's), `probe` (no cache), `approved_config`.
    Right: DC523, as for a document (round 33 hole 1's fix), and --strict fails."""
    s = scenario(tmp_path, *TRUST)
    branch_editing(
        s, "cr-rules", CONFIG, "max_confidentiality: internal", "max_confidentiality: confidential"
    )
    sha = squash_on_tree(s, last_at_root(s, "cr-rules", CONFIG.encode()))
    raw = git_out(s, "diff-tree", "-r", "-M", "--raw", f"{sha}^", sha).strip()
    assert raw.endswith(f"M\t{CONFIG}") and raw.count("\n") == 0, raw
    history = s.history()
    code, out = trail_strict(s)
    assert "DC523" in codes_of(history, sha) and code != 0, (
        f"a squash of doccontrol.yml out of Git's order is approved (main:{CONFIG} is "
        f"{lookup(s, sha, CONFIG)}; in force: {history.config_in_force}):\n{out}"
    )


def test_a_merge_of_the_rules_out_of_order_does_not_count(tmp_path):
    """Guard (holds): the same change of doccontrol.yml and the same tree, merged by a forge
    (a merge commit, 陈明远 approving). `merge_made` reads the merge's version by path, finds
    nothing where git's own merge has the new rules: DC516.merged, and the rules stay as
    they were."""
    s = scenario(tmp_path)
    branch_editing(
        s, "cr-rules", CONFIG, "max_confidentiality: internal", "max_confidentiality: confidential"
    )
    before = git_out(s, "rev-parse", f"main:{CONFIG}").strip()
    tree = last_at_root(s, "cr-rules", CONFIG.encode())
    sha = forge_merge(s, "cr-rules", tree=tree, approver="chenmy")
    history = s.history()
    code, out = trail_strict(s)
    assert codes_of(history, sha) & {"DC516", "DC523"} and code != 0, out
    assert history.config_in_force == before
