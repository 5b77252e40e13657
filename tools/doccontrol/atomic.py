"""Writing files so that a reader never sees a half-written one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file.
    A symbolic link at ``path`` is replaced, never written through: a link committed to a
    repository (``register.csv`` -> ``~/.bashrc``) must not let an output land elsewhere."""
    path = path.resolve() if path.name in ("", ".", "..") else path.parent.resolve() / path.name
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            existing = os.lstat(path)
        except FileNotFoundError:
            existing = None
        regular = existing is not None and stat.S_ISREG(existing.st_mode)
        os.chmod(tmp, existing.st_mode & 0o777 if existing is not None and regular else 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def link_below(base: Path, path: Path) -> Path | None:
    """The first symbolic link on ``path``'s way down from ``base``: ``path`` is made
    absolute without following links, and ``base`` is found among its folders by what they
    really are (a checkout reached through ``/alias`` is still below it). None when there is
    no link, or ``path`` is not below ``base``."""
    real = os.path.realpath(base)
    target = Path(os.path.abspath(path))
    for folder in (target, *target.parents):
        if os.path.realpath(folder) == real:
            here = Path(real)
            for part in target.relative_to(folder).parts:
                here = here / part
                if here.is_symlink():
                    return here
            return None
    return None
