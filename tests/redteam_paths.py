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
    sys.path.insert(0, str(here))
    for n in range(int(here.name.removeprefix("redteam")) - 1, FIRST - 1, -1):
        sys.path.insert(0, str(TESTS / f"redteam{n}"))
