"""The build stamp: what a built site was published from, so that whoever reuses its pages
(the audit pack) can tell whether they may.

The MkDocs plugin removes any stamp when a build starts and writes ``doccontrol-build.json``
at the top of the site, atomically, only at the end of a build that succeeded from a clean
site directory: the publishing level the build applied, main's head commit it read, its as-of
day, the ids of the documents its pages may name, and where it wrote each document's page (an
audit pack takes the page the site made for an id, never the one a path leads to: a move or a
swap gives a path to another document). A site directory without a stamp, or with
a stamp that does not match, is not trusted: a failed, dirty or older build, a site built at
another level or from another head, or files someone put there.

A stamp cannot vouch for a head that contains it: a ``site/`` committed to the repository can
never name the commit it is part of, so a planted site never matches the head a pack is made
from.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doccontrol import reserved_pages
from doccontrol.atomic import write_atomic
from doccontrol.config import Config

if TYPE_CHECKING:  # the audit pack reads stamps without the site model
    from doccontrol.site.model import Site

STAMP = reserved_pages.BUILD_STAMP
FORMAT = 1
MAX_BYTES = 1024 * 1024  # a stamp names the published ids: far below this
_HEX = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


@dataclass(frozen=True)
class Stamp:
    level: str  # the publishing level the build applied (the approved one)
    head: str  # main's head commit the build read its history from
    as_of: str  # the day the pages' standing is shown as of (YYYY-MM-DD)
    documents: tuple[str, ...]  # every document id the site's pages may name
    # document id → its page's file, relative to the site's folder (procedures/a/index.html)
    pages: Mapping[str, str]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "level": self.level,
            "head": self.head,
            "as_of": self.as_of,
            "documents": list(self.documents),
            "pages": dict(sorted(self.pages.items())),
        }


def clear(site_dir: Path) -> None:
    """Remove a stamp left by an earlier build: until this build ends well, none is true."""
    path = site_dir / STAMP
    if path.is_symlink() or path.is_file():
        path.unlink()


def write(
    site_dir: Path,
    level: str,
    head: str,
    as_of: str,
    documents: Iterable[str],
    pages: Mapping[str, str],
) -> None:
    data = Stamp(level, head, as_of, tuple(sorted(set(documents))), pages).to_json()
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    clear(site_dir)  # a symbolic link there is removed, never written through
    write_atomic(site_dir / STAMP, text.encode("utf-8"))


def finish(site: Site | None, site_dir: Path, clean: bool, pages: Mapping[str, str]) -> None:
    """The plugin's last step of a build that succeeded: stamp the site, when it was built
    from a clean site directory (``mkdocs build`` without --dirty: a dirty build keeps pages
    of earlier builds) with the history (without it, no head can be named). ``pages``: each
    document's page as the build wrote it (id → file in ``site_dir``)."""
    if site is None or site.history is None or not clean:
        return
    shown = {k: v for k, v in pages.items() if k in site.visible_ids and _page_file(v)}
    write(site_dir, site.limit, site.history.head, site.as_of.isoformat(), site.visible_ids, shown)


def _page_file(name: object) -> bool:
    """Whether ``name`` is a page file a build writes: a relative path inside the site's
    folder, plainly spelt (no "..", no empty or "." part, no backslash)."""
    if not isinstance(name, str) or not name or name.startswith("/") or "\\" in name:
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def read(site_dir: Path) -> Stamp | None:
    """The stamp of a built site, or None when there is none a build could have written (a
    symbolic link, not a regular file, too large, not the JSON doccontrol writes)."""
    path = site_dir / STAMP
    try:
        mode = path.lstat().st_mode
        if not stat.S_ISREG(mode) or path.lstat().st_size > MAX_BYTES:
            return None
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    fields = [raw.get(k) for k in ("level", "head", "as_of")]
    documents = raw.get("documents")
    if not all(isinstance(v, str) and v for v in fields) or not isinstance(documents, list):
        return None
    if not all(isinstance(d, str) for d in documents) or not _HEX.fullmatch(str(raw["head"])):
        return None
    pages = raw.get("pages")
    if not isinstance(pages, dict) or not all(
        isinstance(k, str) and _page_file(v) for k, v in pages.items()
    ):
        return None
    return Stamp(
        str(raw["level"]), str(raw["head"]), str(raw["as_of"]), tuple(documents), dict(pages)
    )


@dataclass(frozen=True)
class Verdict:
    """Whether a built site's pages may be used: ``reason`` says why (``used``, ``no-site``,
    ``missing``, ``other-head``, ``other-day``, ``higher-level``, ``other-documents``),
    ``args`` fill the message; ``directory`` is the site's folder when, and only when, its
    pages may be used."""

    reason: str
    args: Mapping[str, str]
    directory: Path | None = None
    # document id → its page's file in ``directory``, as the build stamped it
    pages: Mapping[str, str] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return self.directory is not None

    def page(self, doc_id: str) -> bytes | None:
        """The page the site made for ``doc_id`` (the stamp's own mapping, never a path found
        from a revision), or None: no usable site, no page for it, or not a regular file
        reached without a symbolic link."""
        name = self.pages.get(doc_id)
        if self.directory is None or name is None:
            return None
        here = self.directory
        for part in name.split("/"):
            here = here / part
            if here.is_symlink():
                return None
        if not here.is_file():
            return None
        return here.read_bytes()


def judge(
    site_dir: Path | None,
    config: Config,
    level: str,
    head: str,
    nameable: Set[str],
    day: str,
) -> Verdict:
    """Whether the pages of the site in ``site_dir`` may go into an output published at
    ``level`` from main's ``head`` that may name the ids in ``nameable`` and describes the
    documents as of ``day``: only a site whose stamp names this head and this day, a known
    level at or below ``level``, and no other document."""
    if site_dir is None:
        return Verdict("no-site", {})
    stamp = read(site_dir)
    if stamp is None:
        return Verdict("missing", {"file": STAMP})
    if stamp.head != head:
        return Verdict("other-head", {"built": stamp.head[:10], "head": head[:10]})
    built, wanted = config.level(stamp.level), config.level(level)
    if built is None or wanted is None or built.rank > wanted.rank:
        return Verdict("higher-level", {"built": stamp.level, "level": level})
    if not set(stamp.documents) <= nameable:
        # the same head and a level no higher, yet the pages name more: the work tree differed
        return Verdict("other-documents", {})
    if stamp.as_of != day:
        # each page gives the text in force on its build's day: another day's text and
        # control block would contradict the pack's register
        return Verdict("other-day", {"built": stamp.as_of, "day": day})
    return Verdict("used", {"built": stamp.level, "as_of": stamp.as_of}, site_dir, stamp.pages)
