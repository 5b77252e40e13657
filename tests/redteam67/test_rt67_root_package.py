"""Session 28 (round 66 hole 3): a hook at the repository root sets `NamedPaths.root_hook`,
which controls every entry at the root and each root package's `__init__`. MkDocs puts the
root first on sys.path while the hook's module code runs, so the hook imports anything under
the root: a module *inside* a root package (`site_tools/pages.py`), or inside a namespace
package (a folder with no `__init__.py`), is controlled by nothing."""

from __future__ import annotations

import pytest
from rt65_helpers import strict_outcome
from test_rt66_root_hook import HELPER_BENIGN, HELPER_EVIL, USES_HELPER, _hooked

# (the module the approved root hook imports, the file a push changes, other approved files)
LAYOUTS = {
    # control: session 28's fix, a root module beside the hook (DC516)
    "root-module": ("hook_helpers", "hook_helpers.py", {}),
    # a regular package at the root: its __init__ is controlled, its modules are not
    "package-module": (
        "site_tools.pages",
        "site_tools/pages.py",
        {"site_tools/__init__.py": '"""Site tools."""\n'},
    ),
    # a namespace package (no __init__.py): nothing under it is controlled
    "namespace-module": ("site_tools.pages", "site_tools/pages.py", {}),
}


def _approved(scenario, layout: str):
    module, helper, extra = LAYOUTS[layout]
    text = USES_HELPER.format(module=module)
    return _hooked(scenario, "my_hooks.py", text, {helper: HELPER_BENIGN, **extra})


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_pushed_module_of_a_root_package_is_an_unapproved_change(scenario, tmp_path, layout):
    """Holes `package-module`, `namespace-module` (high): the approved root hook `my_hooks.py`
    does `from site_tools.pages import tidy`; 赵磊 pushes `site_tools/pages.py`. The trail
    passes and the strict build runs it, is stamped, with SM-P-07's text on the pages.
    Control `root-module` (passes): the push of a root `hook_helpers.py` is DC516."""
    s = _approved(scenario, layout)
    s.files.write(LAYOUTS[layout][1], HELPER_EVIL)
    s.git.commit("钩子辅助函数", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_approved_root_hook_builds_clean(scenario, tmp_path, layout):
    """Control (passes): as approved, each layout builds strict, stamped, nothing leaked."""
    s = _approved(scenario, layout)
    assert strict_outcome(s, tmp_path / "site") == (0, 0, True, [])
