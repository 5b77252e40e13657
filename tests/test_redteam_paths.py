"""The import path the attack rounds build (tests/redteam_paths.py)."""

from __future__ import annotations

import os
import sys

from redteam_paths import TESTS, use_rounds


def test_a_rounds_folder_already_on_the_path_is_not_put_there_again():
    # the tests hand sys.path to child processes as PYTHONPATH: with every round adding the
    # earlier rounds again it grew past the kernel's limit for one environment string (E2BIG)
    before = list(sys.path)
    folders = [str(TESTS / f"redteam{n}") for n in range(14, 22)]
    try:
        use_rounds(str(TESTS / "redteam21" / "conftest.py"))
        once = [sys.path.count(f) for f in folders]
        assert all(count >= 1 for count in once)
        use_rounds(str(TESTS / "redteam21" / "conftest.py"))
        use_rounds(str(TESTS / "redteam20" / "conftest.py"))
        assert [sys.path.count(f) for f in folders] == once
    finally:
        sys.path[:] = before


def test_the_path_handed_to_child_processes_stays_far_below_the_kernels_limit():
    # however many rounds a run has loaded (one string may hold 128 KiB on Linux)
    assert len(os.pathsep.join(sys.path)) < 32 * 1024
