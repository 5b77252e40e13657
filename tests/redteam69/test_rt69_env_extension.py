"""Session 28 (round 68's fix, `1176059`) reads an extension's module from a list item
(`- name`, `- module:Class`), a one-key mapping's key at the list's level, the mapping form,
and `!ENV [VAR, name]`. MkDocs' `!ENV` tag (pyyaml_env_tag) builds its default with the loader
(`construct_object`), so the default may be any node: `- !ENV [VAR, {site_ext: {}}]` loads as
`- site_ext: {}`. `rules_paths._named` reads a mapping key as an extension only where
`where in (("markdown_extensions", "-"), ("markdown_extensions",))`; inside `!ENV`'s sequence
the mapping sits at `("markdown_extensions", "-", "-")`, so its key names no module. A push of
a hostile `site_ext.py` then passes `trail --strict`, and main's strict build imports it."""

from __future__ import annotations

import pytest
from rt65_helpers import strict_outcome
from rt68_helpers import EVIL_EXTENSION, EXTENSION
from rt69_helpers import FORMS, UNSET, approved_extension, with_extension

from doccontrol.history import rules_paths

HOLES = ["item-env-map", "item-env-class", "item-env-env-map"]


@pytest.mark.parametrize("form", list(FORMS))
def test_a_pushed_local_extension_under_env_is_an_unapproved_change(
    scenario, tmp_path, monkeypatch, form
):
    """Holes `item-env-map`, `item-env-class`, `item-env-env-map` (high): 赵磊 pushes straight
    to main a hostile `site_ext.py`; trail exits 0, the strict build is stamped with SM-P-07 on
    SM-P-01's page. Control `item-env-scalar` (passes): the push is DC516, trail fails."""
    monkeypatch.delenv(UNSET, raising=False)
    monkeypatch.delenv(f"{UNSET}_2", raising=False)
    s = approved_extension(scenario, form)
    s.files.write(EXTENSION, EVIL_EXTENSION)
    s.git.commit("扩展", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


@pytest.mark.parametrize("form", list(FORMS))
def test_the_approved_env_extension_builds_clean(scenario, tmp_path, monkeypatch, form):
    """Control (passes): as approved, each form builds strict, stamped, trail clean, nothing
    leaked (MkDocs loads `site_ext` from `!ENV`'s default): a reviewer sees it go green."""
    monkeypatch.delenv(UNSET, raising=False)
    monkeypatch.delenv(f"{UNSET}_2", raising=False)
    s = approved_extension(scenario, form)
    assert strict_outcome(s, tmp_path / "site") == (0, 0, True, [])


LIST_FORMS = {
    # the whole list as `!ENV`'s default, an extension with options in it
    "list-env-map": "markdown_extensions: !ENV [X_UNSET, [tables, {site_ext: {}}]]\n",
    # the control: the mapping form as the default is read (the mapping sits at the list's key)
    "list-env-mapping-form": "markdown_extensions: !ENV [X_UNSET, {site_ext: {}}]\n",
}


@pytest.mark.parametrize("form", [*FORMS, *LIST_FORMS])
def test_an_extension_env_default_names_its_module(form):
    """Unit: every form names the module `site_ext` (or makes the configuration opaque).
    Holes: `item-env-map`, `item-env-class`, `item-env-env-map`, `list-env-map`."""
    text = LIST_FORMS.get(form) or with_extension("markdown_extensions:\n  - tables\n", form)
    named = rules_paths.named_paths(text.encode())
    assert named.opaque or named.controls("site_ext.py"), (form, named)
