"""Each document's id, remembered by its file's stat: what ``doccontrol check FILE`` needs of
the documents it does not check (duplicate ids, links that must resolve), without reading them.

The index lives in the Git directory (``git rev-parse --git-path doccontrol``), never in the
work tree: nothing to commit, nothing an author could push. An entry is used only while the
file's modification and change times, size and inode are all as they were when it was read
(as Git's own index does); a file changed less than two seconds before it was read is not
remembered at all, so an edit within the file system's timestamp granularity cannot hide
behind an equal stamp. Anything unreadable or damaged in the index counts as empty: the
documents are read again.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Mapping
from pathlib import Path

from doccontrol.gitdir import git_path

_INDEX = "doccontrol/document-ids.json"
# bump when what an id is read from changes (load_document_light / load_document)
FORMAT = 1
_SETTLED_NS = 2_000_000_000

Stamp = tuple[int, int, int, int]
Entry = tuple[Stamp, str | None]


def stamp(stat: os.stat_result) -> Stamp:
    return stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino


def settled(stat: os.stat_result, now_ns: int) -> bool:
    """Whether a file read now may be remembered: untouched for two seconds before."""
    return max(stat.st_mtime_ns, stat.st_ctime_ns) + _SETTLED_NS < now_ns


def now_ns() -> int:
    return time.time_ns()


def read(root: Path) -> dict[str, Entry]:
    """The remembered ids by repo-relative path (empty when there is no usable index)."""
    where = git_path(root, _INDEX)
    if where is None:
        return {}
    try:
        data = json.loads(where.read_bytes())
        if data.get("format") != FORMAT:
            return {}
        entries: dict[str, Entry] = {}
        for rel, (mtime, ctime, size, ino, doc_id) in data["entries"].items():
            if not all(isinstance(n, int) for n in (mtime, ctime, size, ino)):
                return {}
            if doc_id is not None and not isinstance(doc_id, str):
                return {}
            entries[rel] = ((mtime, ctime, size, ino), doc_id)
        return entries
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def write(root: Path, entries: Mapping[str, Entry]) -> None:
    """Replace the index (atomically); a failure only costs the next run the reading."""
    where = git_path(root, _INDEX)
    if where is None:
        return
    from doccontrol.atomic import write_atomic

    payload = {
        "format": FORMAT,
        "entries": {rel: [*key, doc_id] for rel, (key, doc_id) in sorted(entries.items())},
    }
    with contextlib.suppress(OSError, ValueError):
        write_atomic(where, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
