import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
for _round in (
    "redteam24",
    "redteam23",
    "redteam22",
    "redteam21",
    "redteam20",
    "redteam19",
    "redteam18",
    "redteam17",
    "redteam16",
    "redteam15",
    "redteam14",
):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / _round))
