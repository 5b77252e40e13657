"""Session 28 controls a local Markdown extension's module only when mkdocs.yml names it as
`- module` (a list item, or a one-key mapping's key, matched against `[A-Za-z_][\\w.]*`).
MkDocs also accepts Python-Markdown's `module:Class` form and a *mapping* of extensions
(`markdown_extensions: {name: options}`). In those forms the module (`site_ext.py` at the
root) is controlled by nothing: a push to it passes `trail --strict`, and main's strict build
imports it (while MkDocs validates the configuration, before any plugin runs), is stamped,
and publishes SM-P-07."""

from __future__ import annotations

import pytest
from rt65_helpers import strict_outcome
from rt68_helpers import EVIL_EXTENSION, EXTENSION, approved_extension

FORMS = ["module", "class", "class-options", "mapping"]
HOLDS = ["module"]


@pytest.mark.parametrize("form", FORMS)
def test_a_pushed_local_extension_is_an_unapproved_change(scenario, tmp_path, form):
    """Holes `class`, `class-options`, `mapping` (high): 赵磊 pushes straight to main a
    hostile `site_ext.py`; trail exits 0 and the strict build is stamped with SM-P-07 on
    SM-P-01's page. Control `module` (passes): the push is DC516, trail fails."""
    s = approved_extension(scenario, form)
    s.files.write(EXTENSION, EVIL_EXTENSION)
    s.git.commit("扩展", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


@pytest.mark.parametrize("form", FORMS)
def test_the_approved_extension_builds_clean(scenario, tmp_path, form):
    """Control (passes): as approved, each form builds strict, stamped, trail clean, nothing
    leaked: a layout a reviewer would see build green."""
    s = approved_extension(scenario, form)
    assert strict_outcome(s, tmp_path / "site") == (0, 0, True, [])
