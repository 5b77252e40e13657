"""Documents as Git stored them: each version read once and parsed once.

The register (where a document stands, from the front matter of the version it shows) and
the impact analysis (what an approved version references) ask for the same versions. A
version is named by a commit id and a path, whose content never changes, so one
``StoredVersions`` answers both from one read and one parse, and the site keeps it across
``mkdocs serve`` rebuilds: a rebuild reads from Git only the versions it has not seen.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from doccontrol.history.gitread import GitError, GitReader
from doccontrol.history.model import Revision
from doccontrol.load import frontmatter, yaml_source
from doccontrol.load.documents import load_document
from doccontrol.load.repository import content_digest
from doccontrol.model import Document
from doccontrol.page_links import images_used


class StoredVersions:
    """Versions of documents read from Git through one ``cat-file``, remembered by name.

    ``close`` ends the ``cat-file`` process and keeps what was read; a later question opens
    another."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._reader: GitReader | None = None
        # "commit:path" → the full parse (None: no such file, or front matter it cannot read)
        self._documents: dict[str, tuple[Document | None, Mapping[str, Any]]] = {}
        self._shown: dict[str, frozenset[str] | None] = {}  # shown_images, by commit:path
        # (path, content digest) → the work tree's document with those very bytes, already parsed
        self._work: dict[tuple[str, str], Document] = {}

    def know(self, documents: Iterable[Document], digests: Mapping[str, str]) -> None:
        """The work tree's documents and their content digests (``Repository.digests``): a
        version Git stored with the same bytes at the same path is that document, not parsed
        again."""
        self._work = {(d.path, digests[d.path]): d for d in documents if d.path in digests}

    def __enter__(self) -> StoredVersions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def prefetch(self, revisions: Iterable[Revision | None]) -> None:
        """Read the versions of ``revisions`` not known yet, all through one pipelined
        ``cat-file``: asked one at a time, each waits for git (0.6 s for a register of 1,000
        documents, against 0.2 s of git's own work). A fault leaves the rest to be asked one at
        a time, as before."""
        specs = [
            spec
            for spec in dict.fromkeys(
                f"{r.stored_at}:{r.path}" for r in revisions if r is not None and r.commit
            )
            if spec not in self._documents and "\n" not in spec
        ]
        if not specs:
            return
        try:
            if self._reader is None:
                self._reader = GitReader(self.root)
            for spec, data in zip(specs, self._reader.files_at(specs), strict=False):
                self._documents[spec] = self._parse(spec, data)
        except GitError:
            return

    def document(self, revision: Revision) -> Document | None:
        """The document as ``revision`` stored it, fully parsed (its references too); None when
        the commit holds no such file or its front matter does not load."""
        if not revision.commit:
            return None
        return self._read(f"{revision.stored_at}:{revision.path}")[0]

    def meta(self, revision: Revision) -> Mapping[str, Any]:
        """The front matter of ``revision``'s version; {} when there is none to read."""
        if not revision.commit:
            return {}
        for commit in revision.read_from:
            found = self._read(f"{commit}:{revision.path}")
            if found is not _MISSING:
                break
        return found[1]

    __call__ = meta  # standing.MetaOf

    def pictures(
        self, revision: Revision, where: Callable[[str, str], str] | None = None
    ) -> Mapping[str, str] | None:
        """The images the version's page shows (``page_links.images_used``, as the site and a
        PDF copy read them: not a name in a comment or a code block; with either URL style),
        each with the SHA-256 of its bytes at the version's commit ("" for no file there):
        what a printed copy of that version embeds (copies.Pictures). Each is named from the
        document's folder, as its text names it: a folder moved with its pictures leaves the
        same print (round 82). ``where`` (``approved_images.ApprovedImages.source``) says
        which commit holds each image's approved bytes as main stood at the version ("": none
        approved); without it, the version's commit. None when the version cannot be read."""
        if not revision.commit:
            return None
        named = self.shown_images(revision.stored_at, revision.path)
        if named is None:
            return None
        try:
            if self._reader is None:
                self._reader = GitReader(self.root)
            found = {}
            for path in sorted(named):
                at = where(path, revision.stored_at) if where else revision.stored_at
                found[path] = self._reader.read_file_at(at, path) if at else None
        except GitError:
            return None
        folder = posixpath.dirname(revision.path)
        return {
            posixpath.relpath(p, folder): hashlib.sha256(d).hexdigest() if d is not None else ""
            for p, d in found.items()
        }

    def file_at(self, commit: str, path: str) -> bytes | None:
        """The bytes of ``path`` as ``commit`` holds it, through the same ``cat-file``; None
        when there is no such file (or Git cannot read it)."""
        try:
            if self._reader is None:
                self._reader = GitReader(self.root)
            return self._reader.read_file_at(commit, path)
        except GitError:
            return None

    def body_at(self, commit: str, path: str) -> str | None:
        """The body of the document ``path`` as ``commit`` stored it; None when that version
        cannot be read (no such file, front matter it cannot load)."""
        document = self._read(f"{commit}:{path}")[0]
        return None if document is None else document.body

    def shown_images(self, commit: str, path: str) -> frozenset[str] | None:
        """The images the document ``path`` as ``commit`` stored it shows on its page
        (``page_links.images_used`` with either URL style, so nothing it may show is missed).
        None when that version cannot be read (no such file, front matter it cannot load)."""
        spec = f"{commit}:{path}"
        if spec in self._shown:  # asked again by each rule that weighs the version's pictures
            return self._shown[spec]
        document = self._read(spec)[0]
        shown = None if document is None else images_used([(path, document.body)], None)
        if document is not None or spec in self._documents:  # a read git failed is not kept
            self._shown[spec] = shown
        return shown

    def _read(self, spec: str) -> tuple[Document | None, Mapping[str, Any]]:
        known = self._documents.get(spec)
        if known is None:
            try:
                if self._reader is None:
                    self._reader = GitReader(self.root)
                data = self._reader.read_file_at(*spec.split(":", 1))
            except GitError:
                return _MISSING  # not remembered: a later question asks git again
            known = self._documents[spec] = self._parse(spec, data)
        return known

    def _parse(self, spec: str, data: bytes | None) -> tuple[Document | None, Mapping[str, Any]]:
        if data is None:
            return _MISSING
        path = spec.split(":", 1)[1]
        same = self._work.get((path, content_digest(data)))
        if same is not None:  # the bytes the work tree holds: loaded cleanly already
            return same, same.meta
        loaded = load_document(path, data)
        if loaded.item is not None and not loaded.problems:
            return loaded.item, loaded.item.meta
        # history is what it is: a version the strict reader refuses still has front matter
        # the register can show, read tolerantly
        return loaded.item, front_matter(data)


_MISSING: tuple[Document | None, Mapping[str, Any]] = (None, MappingProxyType({}))


def front_matter(data: bytes) -> dict[str, Any]:
    """The front matter of a stored version; tolerant, since history is what it is."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n")
    split = frontmatter.split_text(text)
    if split is None:
        return {}
    # screened first (depth, aliases, tags): an approved revision stays in history for good,
    # so one nested 200,000 deep must not crash every later register (libyaml segfaults)
    meta = yaml_source.load_tolerant(split[0])
    return dict(meta) if isinstance(meta, dict) else {}
