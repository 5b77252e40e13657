"""Session 27: a hook named by the approved site configuration controls its folder (what it
imports beside it, its `__pycache__`), but at the repository root only `__pycache__/`. MkDocs
(`Hooks._load_hook`) puts the hook's folder first on sys.path while the hook's module code runs,
so a root hook's `import x` of a module not loaded yet takes the root's `x.py`: a sibling
helper, or a file that shadows the standard library. MkDocs' own documentation names its
example hook at the root (`hooks: [my_hooks.py]`)."""

from __future__ import annotations

import pytest
from rt65_helpers import hooked_site, strict_outcome

USES_HELPER = (
    '"""Site hooks: the pages\' Markdown tidied by the helpers."""\n\n'
    "from {module} import tidy\n\n\n"
    "def on_page_markdown(markdown, **kwargs):\n"
    "    return tidy(markdown)\n"
)
HELPER_BENIGN = '"""Helpers of the site hooks."""\n\n\ndef tidy(markdown):\n    return markdown\n'
HELPER_EVIL = (
    '"""Helpers of the site hooks."""\n\nfrom pathlib import Path\n\n\n'
    "def tidy(markdown):\n"
    '    return markdown + "\\n\\n" + Path("docs/procedures/secret.md").read_text("utf-8")\n'
)
# an approved root hook that imports only the standard library (shlex is not loaded yet when
# MkDocs imports hooks)
USES_SHLEX = (
    '"""Site hooks: the build command, quoted for the log."""\n\n'
    "import shlex\n\n\n"
    "def on_config(config, **kwargs):\n"
    '    shlex.quote("mkdocs build")\n'
    "    return config\n"
)
# what 赵磊 pushes as shlex.py at the root: the name the hook uses, and an on_page_markdown
# (SM-P-07's file on every page) set into the importing hook's module
SHLEX_EVIL = (
    '"""Not the standard library."""\n\nfrom pathlib import Path\n\n\n'
    "def quote(text):\n"
    "    return text\n\n\n"
    "def on_page_markdown(markdown, **kwargs):\n"
    '    return markdown + "\\n\\n" + Path("docs/procedures/secret.md").read_text("utf-8")\n\n\n'
    "import sys  # noqa: E402\n\n"
    "frame = sys._getframe()\n"
    'while not frame.f_globals.get("__file__", "").endswith("my_hooks.py"):\n'
    "    frame = frame.f_back\n"
    'frame.f_globals["on_page_markdown"] = on_page_markdown  # the hook importing it\n'
)

LAYOUTS = {
    # control: session 27's fix, the hook's whole folder is controlled
    "folder-helper": ("site_hooks/pages.py", "site_hooks/helpers.py", "helpers"),
    # hole: the same layout at the root, MkDocs' documented one
    "root-helper": ("my_hooks.py", "hook_helpers.py", "hook_helpers"),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_pushed_helper_of_an_approved_hook_is_an_unapproved_change(scenario, tmp_path, layout):
    """`folder-helper` (control, passes): the push of the helper beside the hook is DC516.
    `root-helper` (hole, high): the approved root hook imports `hook_helpers`; 赵磊 pushes
    `hook_helpers.py` straight to main. Only the root's `__pycache__/` is controlled, so
    `trail --strict` passes; the strict build runs the helper, is stamped, and SM-P-07's text
    is on the published pages."""
    hook, helper, module = LAYOUTS[layout]
    s = _hooked(scenario, hook, USES_HELPER.format(module=module), {helper: HELPER_BENIGN})
    s.files.write(helper, HELPER_EVIL)
    s.git.commit("钩子辅助函数", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


def test_a_root_file_named_like_a_standard_module_the_hook_imports(scenario, tmp_path):
    """Hole (medium): the approved root hook imports only `shlex`. 赵磊 pushes `shlex.py` at the
    root: trail passes; MkDocs imports the root's file as shlex while loading the hook; the
    strict build is stamped with SM-P-07's text on the pages."""
    s = _hooked(scenario, "my_hooks.py", USES_SHLEX, {})
    s.files.write("shlex.py", SHLEX_EVIL)
    s.git.commit("工具", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


@pytest.mark.parametrize("layout", [*LAYOUTS, "root-shlex"])
def test_the_approved_hooks_build_clean(scenario, tmp_path, layout):
    """Control (passes): as approved, each layout builds strict, stamped, nothing leaked."""
    if layout == "root-shlex":
        s = _hooked(scenario, "my_hooks.py", USES_SHLEX, {})
    else:
        hook, helper, module = LAYOUTS[layout]
        s = _hooked(scenario, hook, USES_HELPER.format(module=module), {helper: HELPER_BENIGN})
    assert strict_outcome(s, tmp_path / "site") == (0, 0, True, [])


def _hooked(scenario, hook: str, text: str, extra: dict[str, str]):
    """Round 65's approved hook (mkdocs.yml itself names it), at ``hook``."""
    import rt65_helpers

    saved = rt65_helpers.HOOK
    rt65_helpers.HOOK = hook
    try:
        return hooked_site(scenario, text, {hook: text, **extra})
    finally:
        rt65_helpers.HOOK = saved
