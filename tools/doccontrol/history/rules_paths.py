"""The local files an mkdocs.yml makes part of the build: controlled like mkdocs.yml itself.

MkDocs imports hooks (``hooks:``) and Markdown extensions, and renders a theme's ``custom_dir``,
before any plugin runs, so the doccontrol plugin cannot vet them: a direct push to one is
Python (or a template) in the strict CI build. History judges a change to any of them as a
change to the approved mkdocs.yml (DC516 unless approved), and ``trail --strict`` in CI, which
runs before the build, is the gate.

The mkdocs.yml is read as a stream of events of the parser MkDocs' own loader uses (PyYAML's,
so the same bytes give the same document: encodings, directives), never composed: it may carry
MkDocs' own tags (``!ENV``, ``!relative``, ``!!python/name:``), and an old version may be
hostile. Aliases and merge keys are read as the loader resolves them, within a bound on the
events replayed. Whatever could make the loader give a path this reading does not see (a tag
that builds a value, a key that is not a plain string, the bounds passed) makes the
configuration opaque: every path counts as controlled (fail closed).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    ScalarEvent,
)

from doccontrol.config import Config
from doccontrol.paths import DOC_PATH as _DOC_PATH

_PYTHON_TAG = "tag:yaml.org,2002:python/"
_STR = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_MODULE = re.compile(r"[A-Za-z_][\w.]*")
# a URL, not a file in the repository: http://…, //host/…, data:…
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_MAX_TEXT = 1_000_000  # a site configuration is a few kilobytes
_MAX_FILES = 16  # files a configuration inherits in all: MkDocs has no limit; a site uses one
_MAX_EVENTS = 200_000  # events read with aliases replayed: a real site has a few hundred
_DEEP = 6  # keys deeper than this name nothing: a hostile nesting stays linear
# the file names Python imports (x.py, x.pyc, x.cpython-311-x86_64-linux-gnu.so, x.pyd…)
_IMPORTABLE = (".py", ".pyc", ".pyo", ".pyw", ".so", ".pyd")


@dataclass(frozen=True)
class Opened:
    """A file of the tree as the file system opens it."""

    path: str  # where it really is
    data: bytes | None  # None: no file there (a link out of the tree, say)
    links: tuple[str, ...] = ()  # each link followed to reach it: a change to one moves it


# what a configuration file is read through: the file at a path of the same tree, a link
# followed as the file system follows it; None: none
Read = Callable[[str], "Opened | None"]


@dataclass(frozen=True)
class NamedPaths:
    """Files, folders and importable top-level modules an mkdocs.yml names."""

    files: frozenset[str] = frozenset()
    folders: tuple[str, ...] = ()  # each ending in '/'
    modules: frozenset[str] = frozenset()  # top-level names, imported from the repository root
    inherits: tuple[str, ...] = ()  # the files mkdocs.yml inherits (INHERIT:), as followed
    # a hook at the repository root: while it loads, MkDocs puts the root first on sys.path,
    # so it can import any Python file of the repository (a module of a package, of a
    # namespace package): every entry at the root, and every Python file
    root_hook: bool = False
    # read past a bound, or in a form that could name anything: everything is controlled
    opaque: bool = False

    def controls(self, path: str) -> bool:
        if self.opaque:
            return True
        if path in self.files or any(path.startswith(f) for f in self.folders):
            return True
        # a folder named like a named file stands in its place (`base.yml/x`: MkDocs cannot
        # open it, round 70)
        if any(path.startswith(f + "/") for f in self.files):
            return True
        # an entry standing where a named folder or file is, or above it (a submodule, a link)
        entry = path + "/"
        if any(f.startswith(entry) for f in (*self.folders, *self.files)):
            return True
        # a module `x` is x.py, x/…, or any x.<suffix> Python imports (x.pyc, x.cpython-….so)
        head, _, rest = path.partition("/")
        if (head if rest else head.partition(".")[0]) in self.modules:
            return True
        if self.root_hook:
            return not rest or path.endswith(_IMPORTABLE) or "__pycache__" in path.split("/")
        return False


NOTHING = NamedPaths()


def controlled_path(path: str, config: Config, named: NamedPaths, document: bool) -> bool:
    """Whether a change to ``path`` is a change to the controlled configuration (approved by
    the configuration's roles): the configuration's own files and ``controlled_paths``, the
    local files the approved mkdocs.yml names, and whatever else the site publishes from docs/
    (images, a link or a submodule named like a page). ``document``: the path is a regular
    Markdown document, judged as a document instead (also when the configuration is opaque).
    History and ``approve`` both ask this."""
    return (
        config.approval.controls(path)
        or (named.controls(path) and not (document and named.opaque))
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


def named_paths(data: bytes, read: Read | None = None, name: str = "mkdocs.yml") -> NamedPaths:
    """The local paths ``data`` (the site's configuration, ``name`` at the repository root)
    names; a file the loader cannot parse names nothing (MkDocs cannot build with it either).

    ``read`` gives a file of the same tree: with it, the files mkdocs.yml inherits are read
    too (MkDocs' ``INHERIT:``, each relative to the file that names it, a chain), and what
    they name counts as if mkdocs.yml named it, since MkDocs merges them into one
    configuration (paths in them are relative to mkdocs.yml too). A file reached through
    links is controlled at its path, at the end and at each link, and so is each hook."""
    first = _named(data, "")
    if first is None:
        return NamedPaths(opaque=True)
    parts = [first]
    files: set[str] = set(first.files)
    inherits: list[str] = []
    waiting = list(first.inherit)
    opaque = False

    def opened(path: str) -> Opened | None:
        held = read(path) if read is not None else None
        if held is None:
            return None
        files.update((held.path, *held.links))
        return held if held.data is not None else None

    while read is not None and waiting:
        parent = waiting.pop(0)
        if parent in inherits or parent == name:
            continue  # MkDocs itself refuses a loop; nothing more is named
        if len(inherits) >= _MAX_FILES:
            opaque = True
            break
        inherits.append(parent)
        held = opened(parent)
        if held is None:
            continue
        inherits += [p for p in (*held.links, held.path) if p not in inherits]
        found = _named(held.data or b"", posixpath.dirname(parent))
        if found is None:
            opaque = True
            break
        parts.append(found)
        files.update(found.files)
        waiting += found.inherit
    folders = {f for part in parts for f in part.folders}
    modules = {m for part in parts for m in part.modules}
    # the child's option wins over its parent's (MkDocs' merge): the nearest docs_dir set
    docs_dirs = next((p.docs_dirs for p in parts if p.docs_dirs), ("docs",))
    bases = [_local(d) for d in docs_dirs]
    root_hook = False
    for hook in (h for part in parts for h in part.hooks):
        # what the hook imports beside it, and the bytecode Python may run instead of it (an
        # unchecked .pyc under __pycache__): its folder; under docs/, whose documents are
        # judged as documents, only the bytecode; at the root, see NamedPaths.root_hook
        folder = posixpath.dirname(hook)
        if not folder:
            root_hook = True
        elif any(b is None or folder == b or folder.startswith(f"{b}/") for b in bases):
            folders.add(posixpath.join(folder, "__pycache__/"))
        else:
            folders.add(f"{folder}/")
        opened(hook)  # MkDocs runs the file a link points at
    for value in (v for part in parts for v in part.docs_files):
        for base in bases:
            found_file = _local(value, base) if base else None
            if found_file:
                files.add(found_file)
    return NamedPaths(
        frozenset(files),
        tuple(sorted(folders)),
        frozenset(modules),
        tuple(inherits),
        root_hook,
        opaque,
    )


@dataclass(frozen=True)
class _Named:
    """What one configuration file names by itself."""

    files: frozenset[str] = frozenset()
    folders: frozenset[str] = frozenset()
    modules: frozenset[str] = frozenset()
    hooks: tuple[str, ...] = ()
    docs_files: tuple[str, ...] = ()  # extra_css/extra_javascript/extra_templates: in docs_dir
    docs_dirs: tuple[str, ...] = ()
    inherit: tuple[str, ...] = ()  # the files it inherits, relative to the repository root


class _Opaque(Exception):
    """The text could name a path this reading cannot tell (see the module's docstring)."""


_MERGE = "\0<<"  # the key of a merge (no key the loader reads is this)
# the keys whose values name paths: every scalar under one is a path it may name (a list of
# them, MkDocs' `!ENV [VARIABLE, default]`, a default that is another `!ENV`…)
_PATH_KEYS = (
    ("INHERIT",),
    ("hooks",),
    ("docs_dir",),
    ("theme", "custom_dir"),
    ("extra_css",),
    ("extra_javascript",),
    ("extra_templates",),
)
# the tags a value there may carry: none else builds a path this reading could follow
_PATH_TAGS = (None, _STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!ENV", "!relative")


def _named(data: bytes, here: str) -> _Named | None:
    """The paths one configuration file names (``here``: its folder, which its INHERIT is
    relative to; every other path is relative to the root mkdocs.yml); None when it is opaque."""
    if len(data) > _MAX_TEXT:
        return None
    files: set[str] = set()
    folders: set[str] = set()
    modules: set[str] = set()
    docs_dirs: list[str] = []
    docs_files: list[str] = []
    hooks: list[str] = []
    inherit: list[str] = []
    # one frame per open collection: (keys to it, is a mapping, the key awaiting its value);
    # a merge key's value is read in its mapping's place (its frame keeps the mapping's keys,
    # and a sequence of merged mappings is marked by _MERGE as its key)
    stack: list[tuple[tuple[str, ...], bool, str | None]] = []
    try:
        for event in _replayed(yaml.parse(data, Loader=yaml.Loader)):
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
            if not isinstance(event, (ScalarEvent, CollectionStartEvent)):
                continue
            where, is_map, key = stack[-1] if stack else ((), False, None)
            if is_map and key is None:
                # a mapping key: the name of what follows, a plain string (or the merge key);
                # one the loader would build (a tag, a collection) could be any name
                if not isinstance(event, ScalarEvent) or tag not in (None, _STR, _MERGE_TAG):
                    raise _Opaque
                merge = tag == _MERGE_TAG or (
                    tag is None and event.implicit[0] and event.value == "<<"
                )
                stack[-1] = (where, True, _MERGE if merge else str(event.value))
                if where[:1] == ("markdown_extensions",) and set(where[1:]) <= {"-"}:
                    # `- pymdownx.superfences: {options}`, the whole list as a mapping, either
                    # inside `!ENV [VARIABLE, default]` (the loader builds the default)
                    _extension(str(event.value), modules)
                continue
            if is_map and key == _MERGE and isinstance(event, CollectionStartEvent):
                # `<<: {…}` or `<<: [{…}, …]`: the keys merged into this mapping
                merged = isinstance(event, MappingStartEvent)
                stack.append((where, merged, None if merged else _MERGE))
                continue
            if not is_map and key == _MERGE:
                at = where  # a mapping in a merge key's list: merged into the same mapping
            else:
                at = where + ((key,) if is_map and key is not None else ("-",) if stack else ())
            at = at[:_DEEP]
            named_by = next((k for k in _PATH_KEYS if at[: len(k)] == k), None)
            # an extension named in the list (`!ENV [EXT, default]` too) is a module
            extension = at[:1] == ("markdown_extensions",) and set(at[1:]) <= {"-"}
            if (named_by is not None or extension) and tag not in _PATH_TAGS:
                raise _Opaque  # a value the loader builds (posixpath.join…): any path
            if isinstance(event, ScalarEvent):
                value = _path_value(str(event.value), tag) if named_by else str(event.value)
                if named_by == ("hooks",):
                    found = _local(value)
                    if found:
                        files.add(found)
                        hooks.append(found)
                elif named_by == ("INHERIT",):
                    # (`!relative $config_dir/…` is the root mkdocs.yml's folder, whichever file
                    # says it; MkDocs joins an absolute path as it stands)
                    found = _local(value, "" if tag == "!relative" else here)
                    if found:
                        files.add(found)
                        inherit.append(found)
                elif named_by == ("theme", "custom_dir"):
                    found = _local(value)
                    if found:
                        folders.add("" if found == "." else found + "/")
                elif named_by == ("docs_dir",):
                    docs_dirs.append(value)
                elif named_by is not None:
                    docs_files.append(value)
                elif extension:
                    _extension(value, modules)
                _value_done(stack)
            else:
                stack.append((at, isinstance(event, MappingStartEvent), None))
    except _Opaque:
        return None
    except (yaml.YAMLError, ValueError, RecursionError):
        return _Named()
    return _Named(
        frozenset(files),
        frozenset(folders),
        frozenset(modules),
        tuple(hooks),
        tuple(docs_files),
        tuple(docs_dirs),
        tuple(inherit),
    )


def _path_value(value: str, tag: str | None) -> str:
    """The path a scalar gives: MkDocs' ``!relative $config_dir/x`` is ``x`` beside mkdocs.yml;
    any other ``!relative`` (the docs folder, the page's folder) is opaque here."""
    if tag != "!relative":
        return value
    if value == "$config_dir" or value.startswith("$config_dir/"):
        return value.removeprefix("$config_dir").lstrip("/") or "."
    raise _Opaque


def _replayed(events: Iterable[Any]) -> Iterator[Any]:
    """The parser's events with each alias replaced by the events of the node its anchor
    names, as PyYAML's loader resolves it for MkDocs; _Opaque past _MAX_EVENTS (a few
    nested aliases can stand for billions of nodes, which a loader shares but a replay
    would not). An alias to no anchor seen yet is a ValueError (the loader fails too)."""
    anchors: dict[str, list[Any]] = {}
    recording: list[tuple[str, list[Any], list[int]]] = []  # (anchor, events, [depth])
    budget = _MAX_EVENTS

    def emit(event: Any, replayed: bool) -> Any:
        nonlocal budget
        budget -= 1 + len(recording)
        if budget < 0:
            raise _Opaque
        opens = isinstance(event, CollectionStartEvent)
        for _, events, depth in recording:
            events.append(event)
            depth[0] += 1 if opens else -1 if isinstance(event, CollectionEndEvent) else 0
        while recording and recording[-1][2][0] == 0:
            done, events, _ = recording.pop()
            anchors[done] = events
        anchor = None if replayed else getattr(event, "anchor", None)
        if anchor and isinstance(event, ScalarEvent):
            anchors[str(anchor)] = [event]
        elif anchor and opens:
            recording.append((str(anchor), [event], [1]))
        return event

    for event in events:
        if isinstance(event, AliasEvent):
            if any(event.anchor == open_anchor for open_anchor, _, _ in recording):
                # a node that holds itself (`&a [*a]`): the loader shares it, a replay never
                # ends
                raise _Opaque
            if event.anchor not in anchors:
                raise ValueError(event.anchor)
            for each in anchors[event.anchor]:
                yield emit(each, True)
        else:
            yield emit(event, False)


def _value_done(stack: list[tuple[tuple[str, ...], bool, str | None]]) -> None:
    """A mapping's value is complete: the next scalar is a key again."""
    if stack and stack[-1][1]:
        stack[-1] = (stack[-1][0], True, None)


def _module(name: str, modules: set[str]) -> None:
    if _MODULE.fullmatch(name):
        modules.add(name.partition(".")[0])


def _extension(name: str, modules: set[str]) -> None:
    """A Markdown extension's name: a module, or Python-Markdown's ``module:Class``."""
    _module(name.partition(":")[0], modules)


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
