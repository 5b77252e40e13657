"""The local files an mkdocs.yml makes part of the build: controlled like mkdocs.yml itself.

MkDocs imports hooks (``hooks:``) and Markdown extensions, and renders a theme's ``custom_dir``,
before any plugin runs, so the doccontrol plugin cannot vet them: a direct push to one is
Python (or a template) in the strict CI build. History judges a change to any of them as a
change to the approved mkdocs.yml (DC516 unless approved), and ``trail --strict`` in CI, which
runs before the build, is the gate.

The mkdocs.yml is read as a stream of parser events (never composed): it may carry MkDocs' own
tags (``!ENV``, ``!!python/name:``), and an old version may be hostile; nothing here recurses or
expands an alias.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    CollectionEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)

from doccontrol.config import Config
from doccontrol.load.yaml_source import _events
from doccontrol.paths import DOC_PATH as _DOC_PATH

_PYTHON_TAG = "tag:yaml.org,2002:python/"
_MODULE = re.compile(r"[A-Za-z_][\w.]*")
# a URL, not a file in the repository: http://…, //host/…, data:…
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_MAX_TEXT = 1_000_000
_MAX_CHAIN = 8  # files inherited in a row: MkDocs has no limit; a real site uses one or two
_DEEP = 4  # every path that names a file is at most this many keys deep  # a site configuration is a few kilobytes


@dataclass(frozen=True)
class NamedPaths:
    """Files, folders and importable top-level modules an mkdocs.yml names."""

    files: frozenset[str] = frozenset()
    folders: tuple[str, ...] = ()  # each ending in '/'
    modules: frozenset[str] = frozenset()  # top-level names, imported from the repository root
    inherits: tuple[str, ...] = ()  # the files mkdocs.yml inherits, nearest first (INHERIT:)

    def controls(self, path: str) -> bool:
        if path in self.files or any(path.startswith(f) for f in self.folders):
            return True
        # an entry standing where a named folder or file is, or above it (a submodule, a link)
        entry = path + "/"
        if any(f.startswith(entry) for f in (*self.folders, *self.files)):
            return True
        # a module `x` is x.py, x/…, or any x.<suffix> Python imports (x.pyc, x.cpython-….so)
        head, _, rest = path.partition("/")
        return (head if rest else head.partition(".")[0]) in self.modules


NOTHING = NamedPaths()


def controlled_path(path: str, config: Config, named: NamedPaths, document: bool) -> bool:
    """Whether a change to ``path`` is a change to the controlled configuration (approved by
    the configuration's roles): the configuration's own files and ``controlled_paths``, the
    local files the approved mkdocs.yml names, and whatever else the site publishes from docs/
    (images, a link or a submodule named like a page). ``document``: the path is a regular
    Markdown document, judged as a document instead. History and ``approve`` both ask this."""
    return (
        config.approval.controls(path)
        or named.controls(path)
        or (path.startswith("docs/") and not document)
    )


def _local(path: str, base: str = "") -> str | None:
    """``path`` relative to the repository root, or None for a URL, or a path outside it."""
    if not path or _URL.match(path) or path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined == ".." or joined.startswith("../"):
        return None
    return joined


def named_paths(data: bytes, read: Callable[[str], bytes | None] | None = None) -> NamedPaths:
    """The local paths ``data`` (an mkdocs.yml at the repository root) names; what cannot be
    read names nothing (such a file breaks the build anyway).

    ``read`` gives a file of the same tree (None when it holds none): with it, the files
    mkdocs.yml inherits are read too (MkDocs' ``INHERIT:``, each relative to the file that
    names it, a chain), and what they name counts as if mkdocs.yml named it, since MkDocs
    merges them into one configuration (paths in them are relative to mkdocs.yml too)."""
    parts = [_named(data, "")]
    inherits: list[str] = []
    while read is not None and len(inherits) < _MAX_CHAIN:
        parent = parts[-1].inherit
        if parent is None or parent in inherits or parent == "mkdocs.yml":
            break  # MkDocs itself refuses a loop; nothing more is named
        inherits.append(parent)
        held = read(parent)
        if held is None:
            break
        parts.append(_named(held, posixpath.dirname(parent)))
    files = {f for part in parts for f in part.files}
    folders = {f for part in parts for f in part.folders}
    modules = {m for part in parts for m in part.modules}
    # the child's option wins over its parent's (MkDocs' merge): the nearest docs_dir set
    docs_dir = next((p.docs_dir for p in parts if p.docs_dir is not None), "docs")
    base = _local(docs_dir)
    for hook in (h for part in parts for h in part.hooks):
        # what the hook imports beside it, and the bytecode Python may run instead of it (an
        # unchecked .pyc under __pycache__): its folder; under docs/, whose documents are
        # judged as documents, and at the root, only the bytecode
        folder = posixpath.dirname(hook)
        inside_docs = base is None or folder == base or folder.startswith(f"{base}/")
        if not folder or inside_docs:
            folders.add(posixpath.join(folder, "__pycache__/"))
        else:
            folders.add(f"{folder}/")
    for value in (v for part in parts for v in part.docs_files):
        found = _local(value, base) if base else None
        if found:
            files.add(found)
    return NamedPaths(frozenset(files), tuple(sorted(folders)), frozenset(modules), tuple(inherits))


@dataclass(frozen=True)
class _Named:
    """What one configuration file names by itself."""

    files: frozenset[str] = frozenset()
    folders: frozenset[str] = frozenset()
    modules: frozenset[str] = frozenset()
    hooks: tuple[str, ...] = ()
    docs_files: tuple[str, ...] = ()  # extra_css/extra_javascript/extra_templates: in docs_dir
    docs_dir: str | None = None
    inherit: str | None = None  # the file it inherits, relative to the repository root


def _named(data: bytes, here: str) -> _Named:
    """The paths one configuration file names (``here``: its folder, which its INHERIT is
    relative to; every other path is relative to the root mkdocs.yml)."""
    if len(data) > _MAX_TEXT:
        return _Named()
    text = data.decode("utf-8", "replace")
    files: set[str] = set()
    folders: set[str] = set()
    modules: set[str] = set()
    docs_dir: str | None = None
    docs_files: list[str] = []
    hooks: list[str] = []
    inherit: str | None = None
    # one frame per open collection: (keys to it, is a mapping, the key awaiting its value)
    stack: list[tuple[tuple[str, ...], bool, str | None]] = []
    try:
        for event in _events(text):
            tag = getattr(event, "tag", None)
            if isinstance(tag, str) and tag.startswith(_PYTHON_TAG):
                # !!python/name:pkg.mod.attr (and object/apply…): imports pkg
                name = tag.rpartition(":")[2]
                if _MODULE.fullmatch(name):
                    modules.add(name.partition(".")[0])
            if isinstance(event, CollectionEndEvent):
                if stack:
                    stack.pop()
                _value_done(stack)
                continue
            if not isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
                continue
            where, is_map, key = stack[-1] if stack else ((), False, None)
            if is_map and key is None:
                # a mapping key: the name of what follows
                name = str(event.value) if isinstance(event, ScalarEvent) else "?"
                stack[-1] = (where, True, name)
                if where in (("markdown_extensions", "-"),) and isinstance(event, ScalarEvent):
                    _module(name, modules)  # - pymdownx.superfences: {options}
                if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                    stack.append(
                        ((*where, "?")[:_DEEP], isinstance(event, MappingStartEvent), None)
                    )
                continue
            at = where + ((key,) if is_map and key is not None else ("-",) if stack else ())
            at = at[:_DEEP]  # deeper keys name nothing: a hostile nesting stays linear
            if isinstance(event, ScalarEvent):
                value = str(event.value)
                if at == ("hooks", "-"):
                    found = _local(value)
                    if found:
                        files.add(found)
                        hooks.append(found)
                elif at == ("INHERIT",):
                    found = _local(value, here)
                    if found:
                        files.add(found)
                        inherit = found
                elif at == ("theme", "custom_dir"):
                    found = _local(value)
                    if found:
                        folders.add("" if found == "." else found + "/")
                elif at == ("docs_dir",):
                    docs_dir = value
                elif at[:1] in (("extra_css",), ("extra_javascript",), ("extra_templates",)) and (
                    at[1:] in (("-",), ("-", "path"))
                ):
                    docs_files.append(value)
                elif at == ("markdown_extensions", "-"):
                    _module(value, modules)
                _value_done(stack)
            else:
                stack.append((at, isinstance(event, MappingStartEvent), None))
    except (YAMLError, ValueError, RecursionError):
        return _Named()
    return _Named(
        frozenset(files),
        frozenset(folders),
        frozenset(modules),
        tuple(hooks),
        tuple(docs_files),
        docs_dir,
        inherit,
    )


def _value_done(stack: list[tuple[tuple[str, ...], bool, str | None]]) -> None:
    """A mapping's value is complete: the next scalar is a key again."""
    if stack and stack[-1][1]:
        stack[-1] = (stack[-1][0], True, None)


def _module(name: str, modules: set[str]) -> None:
    if _MODULE.fullmatch(name):
        modules.add(name.partition(".")[0])


def newly_controlled(
    merged: dict[str, tuple[str, str]],
    branches: list[dict[str, tuple[str, str]]],
    before: tuple[Config, NamedPaths],
    after: tuple[Config, NamedPaths],
) -> tuple[list[str], dict[str, str]]:
    """The files of the merge's tree (path → (mode, blob)) that the rules ``after`` control and
    the rules ``before`` did not: those whose version is none of the merged ``branches``' own
    (content no review showed), and the others with their version. History (DC516.merged) and
    ``approve`` ask this when a change of doccontrol.yml or mkdocs.yml brings files under
    control."""
    unseen, reviewed = [], {}
    for name, (mode, blob) in merged.items():
        document = bool(_DOC_PATH.match(name)) and mode.startswith("100")
        if not controlled_path(name, *after, document) or controlled_path(name, *before, document):
            continue
        if all(b.get(name, ("", ""))[1] != blob for b in branches):
            unseen.append(name)
        else:
            reviewed[name] = blob
    return unseen, reviewed
