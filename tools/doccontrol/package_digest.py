"""A digest of the package's own files: what is remembered between runs (the history cache,
configurations found valid) is the code's conclusion as much as the input's, so a fixed
version never meets what its predecessor remembered."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# what decides: the source, the schemas the package applies, its data (the clause list);
# templates, styles and the message catalogue only show what was decided
_DECIDING = ("**/*.py", "schemas/*.json", "data/*.yml")


@functools.cache
def package_digest() -> str:
    """The digest (a few milliseconds, once per process)."""
    digest = hashlib.sha256()
    paths = {p for pattern in _DECIDING for p in PACKAGE.glob(pattern)}
    for path in sorted(paths):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()
