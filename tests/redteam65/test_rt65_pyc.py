"""Session 27: every hook the build loads must be a controlled path (`_unruled_hooks`, read
from the module's ``__file__``), and the work tree's inputs are hashed, skipping
``__pycache__``. But Python runs a hook from its cached bytecode when one is there: an
*unchecked* hash-based .pyc (PEP 552) in ``site_hooks/__pycache__/`` is run without looking at
``pages.py`` at all. That file is no path the rules control, work_tree_differs skips it, and
the module's ``__file__`` still names the approved ``pages.py``."""

from __future__ import annotations

import importlib.util
import py_compile
import sys

from rt65_helpers import EVIL_POST_BUILD, HOOK, hooked_site, strict_outcome

PYC = importlib.util.cache_from_source(HOOK)  # site_hooks/__pycache__/pages.cpython-3XX.pyc


def _push_pyc(s, tmp_path, source: str, *, unchecked: bool) -> None:
    """赵磊 pushes, straight to main, bytecode of ``source`` as ``HOOK``'s cache (force-added:
    a .gitignore listing __pycache__/ does not stop a commit)."""
    src = tmp_path / "pages.py"
    src.write_text(source, "utf-8")
    mode = (
        py_compile.PycInvalidationMode.UNCHECKED_HASH
        if unchecked
        else py_compile.PycInvalidationMode.CHECKED_HASH
    )
    target = s.root / PYC
    target.parent.mkdir(parents=True, exist_ok=True)
    py_compile.compile(str(src), cfile=str(target), doraise=True, invalidation_mode=mode)
    s.git.run("add", "-f", PYC)
    s.git.commit("缓存", who="zhaolei")


def test_pushed_unchecked_bytecode_runs_instead_of_the_approved_hook(scenario, tmp_path):
    """Hole (high): the approved hook is a no-op; 赵磊's pushed .pyc holds the hostile body.
    `trail --strict` passes (the .pyc is no controlled path), main's strict build runs the
    bytecode (not pages.py), is stamped, and SM-P-07 is on SM-P-01's public page."""
    s = hooked_site(scenario)
    _push_pyc(s, tmp_path, EVIL_POST_BUILD, unchecked=True)
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert sys.implementation.cache_tag in PYC
    # fixed: the push is a change to the controlled hook (trail fails), or the build refuses
    # bytecode it did not compile from the approved source (no stamp), and nothing leaks
    assert trail != 0 or not stamped, (trail, built, stamped, found)
    assert found == [], found


def test_checked_bytecode_is_recompiled_from_the_approved_hook(scenario, tmp_path):
    """Control: the same push as a *checked* hash-based .pyc: Python compares it with
    pages.py's bytes, recompiles the approved no-op, and nothing leaks. Since session 27 the
    hook's folder is controlled, so the push is an unapproved change all the same (trail
    --strict fails)."""
    s = hooked_site(scenario)
    _push_pyc(s, tmp_path, EVIL_POST_BUILD, unchecked=False)
    trail, _built, _stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 and found == []
