"""Session 27's `_unruled_hooks` (adapters/mkdocs_plugin.py) checks the files of the modules
MkDocs' `hooks:` loaded, as each module's ``__file__`` names it. Two ways past it:

- what a hook imports is never looked at: MkDocs puts the hook's folder first on sys.path
  while it loads the hook, so an approved hook's `from shared import tidy` runs
  site_hooks/shared.py, a file no rule controls (nor `_build_inputs`);
- a hook's module code runs before any plugin's on_config, so the check reads a ``__file__``
  the hook itself wrote: a hook named only by an INHERITed base.yml (refused since session
  27) names mkdocs.yml as its file and is let through."""

from __future__ import annotations

from rt41_helpers import approve, site_with_secret
from rt65_helpers import EVIL_POST_BUILD, HOOK, hooked_site, strict_outcome

from site_helpers import mkdocs

SHARED = "site_hooks/shared.py"
USES_SHARED = (
    '"""Site hooks: the pages\' Markdown tidied by the shared helpers."""\n\n'
    "from shared import tidy\n\n\n"
    "def on_page_markdown(markdown, **kwargs):\n"
    "    return tidy(markdown)\n"
)
SHARED_BENIGN = '"""Helpers of the site hooks."""\n\n\ndef tidy(markdown):\n    return markdown\n'
# what 赵磊 pushes as the helper: SM-P-07's file appended to every page's Markdown
SHARED_EVIL = (
    '"""Helpers of the site hooks."""\n\nfrom pathlib import Path\n\n\n'
    "def tidy(markdown):\n"
    '    return markdown + "\\n\\n" + Path("docs/procedures/secret.md").read_text("utf-8")\n'
)


def test_a_pushed_helper_of_an_approved_hook_runs_in_mains_strict_build(scenario, tmp_path):
    """Hole (high): the approved hook (named by mkdocs.yml itself, session 27's allowed layout)
    imports its sibling helper. 赵磊 pushes the helper straight to main: `trail --strict`
    passes (site_hooks/shared.py is controlled by nothing), the strict build runs it, is
    stamped, and SM-P-07's text is on the published site."""
    s = hooked_site(scenario, USES_SHARED, {SHARED: SHARED_BENIGN})
    s.files.write(SHARED, SHARED_EVIL)
    s.git.commit("钩子辅助函数", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    # fixed: every module the build loaded from the repository must be controlled (or the
    # push is DC516 and trail fails), and nothing leaks
    assert trail != 0 or not stamped, (trail, built, stamped, found)
    assert found == [], found


def test_the_approved_hook_and_helper_build_clean(scenario, tmp_path):
    """Control (passes): as approved, the same site builds strict, stamped, nothing leaked."""
    s = hooked_site(scenario, USES_SHARED, {SHARED: SHARED_BENIGN})
    assert strict_outcome(s, tmp_path / "site") == (0, 0, True, [])


# the hook's module code names mkdocs.yml as its file before the plugin asks
FORGED_FILE = (
    '"""Site hooks."""\n\nimport os\n\n'
    "__file__ = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "
    '"mkdocs.yml")\n\n\n' + EVIL_POST_BUILD
)


def _with_base(scenario):
    """Round 64's layout: an approved merge moves `hooks:` into base.yml, which mkdocs.yml
    INHERITs, with a benign hook (session 27 refuses every build of it)."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    files = {
        "mkdocs.yml": "INHERIT: base.yml\n" + yml,
        "base.yml": f"hooks:\n  - {HOOK}\n",
        HOOK: '"""Site hooks (a no-op)."""\n',
    }
    approve(s, "cr-hooks", files, "站点钩子", 2)
    return s


def test_an_uncontrolled_hook_that_names_another_file_is_let_through(scenario, tmp_path):
    """Hole (high): 赵磊 pushes the hook base.yml names (no rule controls it: trail passes),
    its first line setting ``__file__`` to mkdocs.yml. `_unruled_hooks` reads mkdocs.yml,
    controlled; `_build_inputs` compares mkdocs.yml, unchanged: the strict build runs the
    pushed hook, is stamped, and SM-P-07 is on SM-P-01's page."""
    s = _with_base(scenario)
    s.files.write(HOOK, FORGED_FILE)
    s.git.commit("钩子", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    # fixed: the hook's file is taken from what MkDocs loaded (its spec's origin, the path
    # `hooks:` gave), not the module's word, and this build stops as the control's does;
    # session 28: history follows INHERIT, so the push is DC516 and the gate fails first
    assert trail != 0 and not stamped and found == [], (trail, built, stamped, found)


def test_the_same_hook_under_its_own_name_is_refused(scenario, tmp_path):
    """Control (passes): the same push without the ``__file__`` line: session 27 refuses the
    build, naming the hook, and nothing is published."""
    s = _with_base(scenario)
    s.files.write(HOOK, '"""Site hooks."""\n\n\n' + EVIL_POST_BUILD)
    s.git.commit("钩子", who="zhaolei")
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode != 0 and HOOK in result.stderr, result.stderr
    assert not (out / "doccontrol-build.json").exists()
