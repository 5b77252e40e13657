"""Session 28's `_replayed` replays each alias from the events recorded for its anchor, and
treats an alias to an anchor not yet *closed* as undefined: a ValueError, which `_named`
catches as "the loader fails too" and answers `_Named()`: the file names nothing (fail open,
not opaque). But PyYAML's composer registers an anchor when its node *opens*, so a recursive
alias (`loop: &loop [*loop]`) loads, and MkDocs builds with it. One such line anywhere in
mkdocs.yml (here under `extra:`) and nothing it names is controlled: not the file it
inherits, so a push adding `hooks:` there (with round 66's hostile hook) passes
`trail --strict`, and main's strict build runs it, is stamped and publishes SM-P-07."""

from __future__ import annotations

import pytest
from rt65_helpers import strict_outcome
from rt66_helpers import BASE_MARK, EVIL_HOOK, HOOK, HOOKED_BASE
from rt68_helpers import approved_with

from doccontrol.history.rules_paths import named_paths

EXTRA = "extra:\n  status:\n"
# (a line under `extra:`, or nothing): the approved mkdocs.yml also inherits base.yml
LOOPS = {
    "none": "",  # control: session 28 follows INHERIT
    "sequence": "  loop: &loop [*loop]\n",  # a list holding itself
    "mapping": "  site: &site {self: *site}\n",  # a mapping holding itself
}


def _edit(loop: str):
    def edit(yml: str) -> str:
        assert EXTRA in yml
        return "INHERIT: base.yml\n" + yml.replace(EXTRA, "extra:\n" + loop + "  status:\n")

    return edit


@pytest.mark.parametrize("loop", list(LOOPS))
def test_a_hook_pushed_into_the_inherited_file_is_an_unapproved_change(scenario, tmp_path, loop):
    """Holes `sequence`, `mapping` (high): 赵磊 pushes base.yml with
    `hooks: [site_hooks/pages.py]` and the hostile hook; trail exits 0, the strict build is
    stamped with SM-P-07 on SM-P-01's page. Control `none` (passes): DC516, trail fails."""
    s = approved_with(scenario, _edit(LOOPS[loop]))
    s.files.write("base.yml", HOOKED_BASE)
    s.files.write(HOOK, EVIL_HOOK)
    s.git.commit("站点钩子", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


@pytest.mark.parametrize("loop", list(LOOPS))
def test_the_approved_configuration_builds_clean(scenario, tmp_path, loop):
    """Control (passes): as approved, `none` builds strict, stamped, trail clean, nothing
    leaked, and base.yml's option is on the page. Session 28: a node that holds itself makes
    the configuration opaque (a replay never ends), so its strict build stops, nothing
    published (fail closed)."""
    s = approved_with(scenario, _edit(LOOPS[loop]))
    out = tmp_path / "site"
    if not LOOPS[loop]:
        assert strict_outcome(s, out) == (0, 0, True, [])
        assert BASE_MARK in (out / "index.html").read_text("utf-8")
    else:
        trail, built, stamped, found = strict_outcome(s, out)
        assert built != 0 and not stamped and found == [], (trail, built, stamped, found)


@pytest.mark.parametrize("loop", [k for k in LOOPS if LOOPS[k]])
def test_a_recursive_alias_does_not_make_the_configuration_name_nothing(loop):
    """Hole (unit form): with the loop, `named_paths` names neither base.yml nor the hook
    mkdocs.yml itself names, and is not opaque. Fixed: it names them, or is opaque."""
    text = f"INHERIT: base.yml\nhooks: [site_hooks/pages.py]\nextra:\n{LOOPS[loop]}"
    named = named_paths(text.encode())
    assert named.opaque or {"base.yml", HOOK} <= named.files, named
