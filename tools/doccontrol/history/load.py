"""The history for a repository: derived from Git, or read back from the cache."""

from __future__ import annotations

from pathlib import Path

from doccontrol.config import Config
from doccontrol.history.derive import Progress, derive
from doccontrol.history.model import History


def load_history(
    root: Path, config: Config, *, allow_shallow: bool = False, progress: Progress | None = None
) -> History:
    return derive(root, config, allow_shallow=allow_shallow, progress=progress)
