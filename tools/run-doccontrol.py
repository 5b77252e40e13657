"""Run doccontrol from this checkout without installing it (used by the repo-local hooks)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from doccontrol.cli.main import main

raise SystemExit(main())
