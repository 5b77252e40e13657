"""Session 28 (`4d00ea2`) reads mkdocs.yml as a stream of libyaml events with aliases replayed
and `<<` keys merged. MkDocs reads it with PyYAML's pure `yaml.Loader` (full tags, `!ENV`,
`!relative`). Where the two readings differ, the base file MkDocs really inherits is controlled
by nothing: a push adding `hooks:` to it, with a hook whose module code switches off the
plugin's in-process check, passes `trail --strict`, and main's strict build runs the hook,
is stamped and publishes SM-P-07."""

from __future__ import annotations

import pytest
from rt65_helpers import strict_outcome
from rt66_helpers import BASE_MARK, EVIL_HOOK, HOOK, HOOKED_BASE
from rt67_helpers import approved_chain

# (how the line is placed, the line naming base.yml, the file MkDocs reads as the base)
FORMS = {
    # control: what the event reader follows
    "plain": ("prepend", "INHERIT: base.yml\n", "base.yml"),
    # PyYAML merges by the key's *tag* (flatten_mapping), not its text: `!!merge` on any key
    "merge-tag": ("append", "!!merge site_base: {INHERIT: base.yml}\n", "base.yml"),
    # the same tag spelt verbatim
    "merge-verbatim": (
        "append",
        "!<tag:yaml.org,2002:merge> site_base: {INHERIT: base.yml}\n",
        "base.yml",
    ),
    # MkDocs' own documented tag: `!relative $config_dir/…` is mkdocs.yml's folder
    "relative": ("prepend", "INHERIT: !relative $config_dir/base.yml\n", "base.yml"),
    # `!ENV`'s default is any node: another `!ENV` with its own default
    "env-nested": (
        "prepend",
        "INHERIT: !ENV [DOCCONTROL_SITE_BASE, !ENV [DOCCONTROL_SHARED_BASE, base.yml]]\n",
        "base.yml",
    ),
    # the key itself is `!ENV` with a default (a flow sequence as a key)
    "env-key": ("prepend", "? !ENV [DOCCONTROL_INHERIT_KEY, INHERIT]\n: base.yml\n", "base.yml"),
    # a path built by the full loader from two parts
    "python-join": (
        "prepend",
        "INHERIT: !!python/object/apply:posixpath.join [site_config, base.yml]\n",
        "site_config/base.yml",
    ),
    # a YAML directive libyaml refuses (it knows 1.1 and 1.2) and PyYAML accepts (major 1)
    "yaml-1.3": ("prepend", "%YAML 1.3\n---\nINHERIT: base.yml\n", "base.yml"),
    # PyYAML's reader honours a UTF-16 byte-order mark; the event reader decodes UTF-8
    "utf-16": ("utf-16", "INHERIT: base.yml\n", "base.yml"),
}
HOLDS = ["plain"]


@pytest.mark.parametrize("form", list(FORMS))
def test_a_hook_pushed_into_the_inherited_file_is_an_unapproved_change(scenario, tmp_path, form):
    """Holes for every form but `plain`: 赵磊 pushes straight to main the base file MkDocs
    inherits, now with `hooks: [site_hooks/pages.py]`, and the hostile hook. The trail passes
    and the strict build is stamped with SM-P-07 on SM-P-01's page. Control `plain` (passes):
    the push is DC516, trail fails."""
    how, line, real = FORMS[form]
    s = approved_chain(scenario, how, line, real)
    s.files.write(real, HOOKED_BASE)
    s.files.write(HOOK, EVIL_HOOK)
    s.git.commit("站点钩子", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    # fixed: the push is DC516 (trail fails, CI never builds), or nothing is published
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


# forms session 28 makes opaque (a key the loader builds, a path the loader builds): history
# counts every file as controlled and the strict build stops (fail closed)
OPAQUE = ["env-key", "python-join"]


@pytest.mark.parametrize("form", [f for f in FORMS if f not in OPAQUE])
def test_the_approved_chain_builds_clean(scenario, tmp_path, form):
    """Control (passes): as approved, each form builds strict, stamped, nothing leaked, trail
    clean, and base.yml's option is on the page (MkDocs really inherited it)."""
    how, line, real = FORMS[form]
    s = approved_chain(scenario, how, line, real)
    out = tmp_path / "site"
    assert strict_outcome(s, out) == (0, 0, True, [])
    assert BASE_MARK in (out / "index.html").read_text("utf-8")


@pytest.mark.parametrize("form", OPAQUE)
def test_a_form_no_reading_can_follow_stops_the_strict_build(scenario, tmp_path, form):
    """Session 28: a key or a path the loader builds could name anything: the approved
    configuration is opaque, and main's strict build stops with nothing published."""
    how, line, real = FORMS[form]
    s = approved_chain(scenario, how, line, real)
    out = tmp_path / "site"
    trail, built, stamped, found = strict_outcome(s, out)
    assert built != 0 and not stamped and found == [], (trail, built, stamped, found)
