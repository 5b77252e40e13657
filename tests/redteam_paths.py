"""The attack rounds build on the helpers of the rounds before them (``rtNN_helpers.py``):
each round's conftest.py puts its own folder and the earlier rounds' folders on the import
path with ``use_rounds``."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FIRST = 14  # the first round whose helpers later rounds import


def use_rounds(conftest: str) -> None:
    """For ``tests/redteamNN/conftest.py``: that folder, then rounds NN-1 down to FIRST."""
    here = Path(conftest).resolve().parent
    _put_first(str(here))
    for n in range(int(here.name.removeprefix("redteam")) - 1, FIRST - 1, -1):
        _put_first(str(TESTS / f"redteam{n}"))


def _put_first(folder: str) -> None:
    # each folder once: the tests hand sys.path to child processes as PYTHONPATH, and with
    # every round adding all earlier rounds again it outgrew the kernel's limit for one
    # environment string (E2BIG) on a long checkout path
    if folder not in sys.path:
        sys.path.insert(0, folder)
