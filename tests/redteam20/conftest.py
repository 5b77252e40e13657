import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redteam19"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redteam18"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redteam17"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redteam16"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redteam15"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redteam14"))
