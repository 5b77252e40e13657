"""A digest of the code that decides: what is remembered between runs (the history cache,
configurations found valid) is the code's conclusion as much as the input's, so a fixed
version of the package, of a library it parses with, or of git never meets what its
predecessor remembered."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# what decides: the source, the schemas the package applies, its data (the clause list);
# templates, styles and the message catalogue only show what was decided
_DECIDING = ("**/*.py", "schemas/*.json", "data/*.yml")
# the libraries whose reading decides (YAML, JSON Schema), by their installed metadata's
# folder name, which carries the version: listing sys.path is cheap, importlib.metadata is not
_LIBRARIES = ("ruamel.yaml-", "ruamel_yaml-", "jsonschema-", "referencing-")


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
    for part in (*_libraries(), _git()):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _libraries() -> list[str]:
    """The installed versions of the libraries that decide, as their metadata folders."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found += [
            n for n in names if n.startswith(_LIBRARIES) and n.endswith((".dist-info", ".egg-info"))
        ]
    return sorted(set(found))


def _git() -> str:
    """Which git runs (its path, size and times): git reports signatures, merges and trees."""
    path = shutil.which("git")
    if path is None:
        return "git:-"
    try:
        found = os.stat(path)
    except OSError:
        return f"git:{path}:-"
    return f"git:{path}:{found.st_size}:{found.st_ino}:{found.st_mtime_ns}"
