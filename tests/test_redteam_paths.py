"""The import path the attack rounds build (tests/redteam_paths.py)."""

from __future__ import annotations

import sys

from redteam_paths import TESTS, use_rounds


def test_each_rounds_folder_is_on_the_path_once():
    # the tests hand sys.path to child processes as PYTHONPATH: with every round adding the
    # earlier rounds again it grew past the kernel's limit for one environment string (E2BIG)
    before = list(sys.path)
    try:
        use_rounds(str(TESTS / "redteam20" / "conftest.py"))
        use_rounds(str(TESTS / "redteam21" / "conftest.py"))
        use_rounds(str(TESTS / "redteam21" / "conftest.py"))
        rounds = [p for p in sys.path if p.startswith(str(TESTS / "redteam"))]
        assert len(rounds) == len(set(rounds))
        assert str(TESTS / "redteam21") in rounds and str(TESTS / "redteam14") in rounds
    finally:
        sys.path[:] = before
