"""The script vendored into ``.cache/vendor/`` by ``make vendor``: Mermaid, pinned here by
version and sha256 (the Makefile reads both from this file).

Every page of the site loads the script and ``doccontrol pdf`` runs it in Chromium, so it can
redraw a control block or read a page: only the exact file fetched from the npm registry is
used. A copy committed to the repository, a symbolic link (to a secret document, say) or a
path outside ``.cache/vendor/`` is refused, whatever the build mode.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from doccontrol.catalogue import Catalogue

# the Makefile reads these two lines (sed): keep each `NAME = "value"` on one line
MERMAID_VERSION = "11.17.2"
MERMAID_SHA256 = "581ed7d74bd9048d0e3a91363927d72ef22942d7722546b27f7cc29e35390eb8"
VENDOR_DIR = ".cache/vendor"
MERMAID_JS = f"{VENDOR_DIR}/mermaid.min.js"


@dataclass(frozen=True)
class Vendored:
    path: Path
    data: bytes  # read once: what was checked is what is published


@dataclass(frozen=True)
class Refusal:
    key: str  # catalogue key under vendor.*
    path: str

    def text(self, t: Catalogue) -> str:
        return t.text(self.key, path=self.path, folder=VENDOR_DIR, version=MERMAID_VERSION)


def mermaid(root: Path, option: str = MERMAID_JS) -> Vendored | Refusal:
    """The vendored Mermaid named by ``option`` (relative to ``root``), or why it is refused:
    a plain relative path inside .cache/vendor/, no symbolic link on the way, a regular file,
    and the pinned sha256."""
    parts = PurePosixPath(option).parts
    if (
        not option
        or "\\" in option
        or PurePosixPath(option).is_absolute()
        or any(part in ("", ".", "..") for part in parts)
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in option)
        or PurePosixPath(*parts[:-1]) != PurePosixPath(VENDOR_DIR)
    ):
        return Refusal("vendor.outside", option)
    here = root
    mode = 0
    for part in parts:
        here = here / part
        try:
            mode = here.lstat().st_mode
        except OSError:
            return Refusal("vendor.missing", option)
        if stat.S_ISLNK(mode):
            return Refusal("vendor.symlink", option)
    if not stat.S_ISREG(mode):
        return Refusal("vendor.not-regular", option)
    try:
        # O_NOFOLLOW: the file checked above cannot be swapped for a link in between
        fd = os.open(here, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except OSError:
        return Refusal("vendor.missing", option)
    if hashlib.sha256(data).hexdigest() != MERMAID_SHA256:
        return Refusal("vendor.hash", option)
    return Vendored(here, data)


def mermaid_file(script: Path) -> Vendored | Refusal:
    """The same checks for a script given as a full path (``doccontrol pdf``): a file in the
    .cache/vendor/ folder of some repository, no link on the way from there, pinned sha256."""
    if len(script.parts) < 4 or script.parts[-3:-1] != PurePosixPath(VENDOR_DIR).parts:
        return Refusal("vendor.outside", str(script))
    return mermaid(script.parents[2], f"{VENDOR_DIR}/{script.name}")
