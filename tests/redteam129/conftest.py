"""Round 129 builds on the earlier rounds' helpers (tests/redteam_paths.py)."""

from redteam_paths import use_rounds

use_rounds(__file__)
