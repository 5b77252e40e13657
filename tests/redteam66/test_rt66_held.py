"""What held in round 66 (every test passes): the history's cache across runs, pushes that
drop the INHERIT line first, and `approve` on the branch of the stale-parent attack
(test_rt66_stale_parent.py), which reads the whole chain from the merge's tree."""

from __future__ import annotations

from rt41_helpers import approve, site_with_secret
from rt66_helpers import BENIGN_BASE, BENIGN_HOOK, EVIL_HOOK, HOOK, HOOKED_BASE, stale_parent_branch

from history_helpers import cli
from rules_attacks import approve as approve_cli


def _chain(scenario, base: str = HOOKED_BASE):
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    files = {"mkdocs.yml": "INHERIT: base.yml\n" + yml, "base.yml": base, HOOK: BENIGN_HOOK}
    approve(s, "cr-base", files, "站点公共配置", 2)
    return s, yml


def test_a_warm_cache_still_judges_a_push_to_the_inherited_hook(scenario):
    """`trail` runs once (the cache is written with the chain in force), then 赵磊 pushes the
    hook base.yml names: the next run, from the cache, reports DC516 and fails strict."""
    s, _ = _chain(scenario)
    assert cli(s.root, "trail", "--strict").returncode == 0
    s.files.write(HOOK, EVIL_HOOK)
    s.git.commit("钩子", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    assert trail.returncode != 0 and "DC516" in trail.stdout, trail.stdout


def test_a_warm_cache_follows_a_parent_added_by_a_later_approval(scenario):
    """The cache is warm before an approved merge adds the chain; a push to the hook the new
    parent names is still DC516 (site_files is part of the saved walk state)."""
    s = site_with_secret(scenario)
    assert cli(s.root, "trail", "--strict").returncode == 0
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    files = {"mkdocs.yml": "INHERIT: base.yml\n" + yml, "base.yml": HOOKED_BASE, HOOK: BENIGN_HOOK}
    approve(s, "cr-base", files, "站点公共配置", 2)
    assert cli(s.root, "trail", "--strict").returncode == 0
    s.files.write(HOOK, EVIL_HOOK)
    s.git.commit("钩子", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    assert trail.returncode != 0 and "DC516" in trail.stdout, trail.stdout


def test_dropping_the_inherit_by_push_leaves_the_parent_controlled(scenario):
    """赵磊 pushes an mkdocs.yml without the INHERIT line (DC516), then base.yml naming a hook
    and the hook: the chain in force is still the approved one, so both later pushes are
    DC516 too (the trail names base.yml and the hook)."""
    s, yml = _chain(scenario, BENIGN_BASE)
    s.files.write("mkdocs.yml", yml)
    s.git.commit("精简配置", who="zhaolei")
    s.files.write("base.yml", HOOKED_BASE)
    s.git.commit("公共配置", who="zhaolei")
    trail = cli(s.root, "trail", "--strict", "--format", "json")
    assert trail.returncode != 0
    assert trail.stdout.count("DC516") >= 2, trail.stdout


def test_approve_refuses_the_stale_parent_branch(scenario):
    """The CLI path of test_rt66_stale_parent's attack: `approve cr-hooks` (陈明远) reads
    base.yml from the merge's tree, sees the hook it brings under control with a version the
    branch does not hold, and refuses, naming the hook. Only a merge made elsewhere (the
    forge's button) gets past history."""
    s = stale_parent_branch(scenario)
    result, merged = approve_cli(s, "cr-hooks")
    assert not merged, result.stdout
    assert HOOK in result.stdout + result.stderr


def test_an_honest_merge_adding_a_parent_and_its_hook_is_clean(scenario):
    """Question 2: one approved merge adds the INHERIT line, base.yml and the hook it names:
    no trail problem, and `approve` on a later honest branch that edits base.yml's option and
    the hook's comment merges."""
    s, _ = _chain(scenario)
    assert cli(s.root, "trail", "--strict").returncode == 0
    s.git.branch("cr-edit")
    s.files.write("base.yml", HOOKED_BASE.replace("INHERITEDBASEMARK", "INHERITEDBASEMARK2"))
    s.files.write(HOOK, BENIGN_HOOK.replace("(a no-op)", "(still a no-op)"))
    s.git.commit("改公共配置", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve_cli(s, "cr-edit")
    assert merged, result.stdout + result.stderr
    assert cli(s.root, "trail", "--strict").returncode == 0
