"""Session 28: history follows MkDocs' `INHERIT:` (rules_paths.named_paths), reading each
configuration file as a stream of parser events, and resolving each inherited file as a blob of
the tree. MkDocs reads the same files with PyYAML's full loader and the file system: `!ENV`,
aliases and merge keys are resolved, and links are followed. Where the two readings differ,
the file MkDocs really inherits is controlled by nothing, so a push to it (a `hooks:` line and
the hook) is no DC516 and `trail --strict` passes, and the hook runs in main's strict build."""

from __future__ import annotations

import os

import pytest
from rt41_helpers import site_with_secret
from rt65_helpers import strict_outcome
from rt66_helpers import BASE_MARK, BENIGN_BASE, EVIL_HOOK, HOOK, HOOKED_BASE

# how the approved mkdocs.yml names base.yml, and the file a push must change
FORMS = {
    # controls: what the event reader follows
    "plain": ("INHERIT: base.yml\n", None),
    "quoted": ('INHERIT: "base.yml"\n', None),
    # MkDocs' own tag, with a default: PyYAML gives 'base.yml' (no such variable in CI)
    "env-default": ("INHERIT: !ENV [DOCCONTROL_SITE_BASE, base.yml]\n", None),
    # an alias of a value set under extra (the anchor is written below)
    "alias": ("INHERIT: *site_base\n", None),
    # a merge key: PyYAML's loader merges it into the top-level mapping
    "merge-key": ("<<: {INHERIT: base.yml}\n", None),
    # base.yml is a link to the shared file (a monorepo's usual layout)
    "linked-file": ("INHERIT: base.yml\n", ("base.yml", "site_config/base.yml")),
    # the folder is a link: conf/base.yml is site_config/base.yml
    "linked-folder": ("INHERIT: conf/base.yml\n", ("conf", "site_config")),
}
HOLDS = ["plain", "quoted"]


def _approved_chain(scenario, form: str):
    """Round 41's site, then one approved merge (刘静 + 陈明远) that makes mkdocs.yml inherit
    a base file naming no hook (``form``: how); returns the scenario and the file MkDocs
    really reads as the base."""
    line, link = FORMS[form]
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    if form == "alias":
        yml = yml.replace("extra:\n", "extra:\n  site_base: &site_base base.yml\n") + line
    elif form == "merge-key":
        yml = yml + line
    else:
        yml = line + yml
    s.git.branch("cr-base")
    s.files.write("mkdocs.yml", yml)
    real = "base.yml"
    if link is not None:
        name, target = link
        real = "site_config/base.yml"
        s.files.write(real, BENIGN_BASE)
        os.symlink(os.path.relpath(target, os.path.dirname(name) or "."), s.root / name)
    else:
        s.files.write(real, BENIGN_BASE)
    s.git.commit("站点公共配置（草稿）", who="zhaolei")
    s.git.merge("cr-base", "站点公共配置", number=2, approvers=("liujing", "chenmy"))
    return s, real


@pytest.mark.parametrize("form", list(FORMS))
def test_a_hook_pushed_into_the_inherited_file_is_an_unapproved_change(scenario, tmp_path, form):
    """Holes (high) for `env-default`, `alias`, `merge-key`, `linked-file`, `linked-folder`.
    赵磊 pushes straight to main the file MkDocs inherits, now with `hooks: [site_hooks/pages.py]`,
    and the hook, whose module code switches off the plugin's in-process check (it runs before
    on_config). `trail --strict` passes: named_paths never reached the file, so neither it nor
    the hook is controlled. The strict build runs the hook, is stamped, and SM-P-07's file is
    on SM-P-01's published page. Controls `plain`, `quoted` (pass): the push is DC516."""
    s, real = _approved_chain(scenario, form)
    s.files.write(real, HOOKED_BASE)
    s.files.write(HOOK, EVIL_HOOK)
    s.git.commit("站点钩子", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    # fixed: the push is DC516 (trail fails, CI never builds), or nothing is published
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


@pytest.mark.parametrize("form", list(FORMS))
def test_the_approved_chain_builds_clean(scenario, tmp_path, form):
    """Control (passes): as approved, each layout builds strict, stamped, nothing leaked, and
    the trail is clean: MkDocs really inherits the base file in every form."""
    s, _ = _approved_chain(scenario, form)
    out = tmp_path / "site"
    assert strict_outcome(s, out) == (0, 0, True, [])
    assert BASE_MARK in (out / "index.html").read_text("utf-8")
