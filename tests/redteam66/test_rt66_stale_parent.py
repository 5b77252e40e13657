"""DC516.merged: an approved change that brings files under control must not put in force a
version no review showed (one pushed to main after the branch was cut). For a change of
mkdocs.yml, `_Deriver.brought_under_control` asks `resolve_site(commit, {path: after})`, which
reads every *other* file of the chain from `in_force_files` before the merge's tree. A file
that was inherited once and is no longer keeps its old entry there, so a merge that inherits it
again, with a new version naming a hook, is judged by the old version: the hook is never
brought under control, and the hook's pushed text comes into force unseen."""

from __future__ import annotations

import pytest
from rt65_helpers import strict_outcome
from rt66_helpers import EVIL_HOOK, HOOK, stale_parent_branch

from history_helpers import cli


def _attack(scenario, *, inherited_before: bool):
    """``inherited_before``: mkdocs.yml inherited base.yml once (approved), then an approved
    change stopped inheriting it (the file stays). Then, in both cases:

    1. 赵磊 pushes a benign `site_hooks/pages.py` to main (no rule names it: no DC516);
    2. he cuts `cr-hooks`: mkdocs.yml inherits base.yml, which names the hook;
       刘静 and 陈明远 review it (its build and its tree hold the benign hook);
    3. before it is merged he pushes the hostile hook to main (still named by nothing);
    4. the reviewed branch is merged with their approval: the merge holds the pushed hook."""
    s = stale_parent_branch(scenario, inherited_before=inherited_before)
    s.git.merge("cr-hooks", "启用站点钩子", number=4, approvers=("liujing", "chenmy"))
    return s


@pytest.mark.parametrize(
    "inherited_before", [False, True], ids=["first-inherit", "inherited-before"]
)
def test_a_hook_pushed_after_the_review_does_not_come_into_force(
    scenario, tmp_path, inherited_before
):
    """`first-inherit` (control, passes): base.yml was never in force, resolve_site reads it
    from the merge, the hook is brought under control with a version no branch had:
    DC516.merged, trail --strict fails. `inherited-before` (hole, medium): base.yml's entry in
    in_force_files (the version that was inherited, no hook) is read instead of the merge's:
    no DC516, trail --strict passes, the strict build runs the pushed hook, is stamped, and
    SM-P-07's file is on SM-P-01's page."""
    s = _attack(scenario, inherited_before=inherited_before)
    if not inherited_before:  # the control fails for the right reason
        assert "DC516" in cli(s.root, "trail", "--strict").stdout
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


def test_the_hook_is_controlled_after_the_merge(scenario):
    """Context (passes): after the merge history does read the new base.yml (site_files):
    a later push to the hook is DC516. Only the merge that brought it in missed it."""
    s = _attack(scenario, inherited_before=True)
    s.files.write(HOOK, EVIL_HOOK + "\n# again\n")
    s.git.commit("钩子", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    assert trail.returncode != 0 and "DC516" in trail.stdout, trail.stdout
