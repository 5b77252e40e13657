"""The message catalogue: every text a user reads, in Chinese (the default) and English.

The texts live in this package's ``*.toml`` files, one per area (problems, cli, site, …), loaded
together as one catalogue. Each entry is a table named by its key::

    ["site.control.title"]
    zh = "文件控制信息"
    en = "Document control"

    ["count.documents"]          # counted texts: ``<lang>_other`` is used when n != 1
    zh = "{n} 份文件"
    en = "{n} document"
    en_other = "{n} documents"

Placeholders are ``str.format`` fields. Code names a key and its arguments, never the words.
TOML is read with the standard library (``tomllib``): no dependency. The parsed catalogue is
kept in ``__pycache__/catalogue.marshal`` (keyed by the TOML files' bytes, written atomically,
not written under ``PYTHONDONTWRITEBYTECODE``), so a process that only prints help reads one
small file instead of parsing TOML.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any, Literal

    Language = Literal["zh", "en"]
    # the cache's key: its format and every TOML file's name and bytes
    _Key = tuple[int, tuple[tuple[str, bytes], ...]]
else:  # Literal is for the checker: this module is loaded by `doccontrol --help`
    Language = str

LANGUAGES: tuple[Language, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"

_FOLDER = os.path.dirname(os.path.abspath(__file__))
# The parsed catalogue, kept beside the bytecode: TOML parsing (and importing tomllib) is most
# of what `doccontrol --help` would otherwise cost. Bump the format when the layout changes.
_CACHE_FORMAT = 1
_CACHE = os.path.join(_FOLDER, "__pycache__", "catalogue.marshal")


class CatalogueError(Exception):
    """The shipped catalogue is inconsistent: a packaging defect, found by the tests."""


class Catalogue:
    """The texts of one language. (A plain immutable class rather than a frozen dataclass:
    importing dataclasses costs ~20 ms, and this is loaded before every command's help.)"""

    __slots__ = ("entries", "language")
    language: Language
    # key -> {"zh": ..., "en": ..., "en_other": ...}
    entries: Mapping[str, Mapping[str, str]]

    def __init__(self, language: Language, entries: Mapping[str, Mapping[str, str]]) -> None:
        object.__setattr__(self, "language", language)
        object.__setattr__(self, "entries", entries)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Catalogue is immutable: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalogue):
            return NotImplemented
        return (self.language, self.entries) == (other.language, other.entries)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Catalogue({self.language!r}, <{len(self.entries)} entries>)"

    def has(self, key: str) -> bool:
        return key in self.entries

    def text(self, key: str, /, **args: Any) -> str:
        """The text for ``key`` in this language, with ``args`` filled in. A missing key shows
        the key itself (a visible defect, never a crash in front of a reader)."""
        entry = self.entries.get(key)
        if entry is None:
            return key
        return _fill(entry.get(self.language) or entry.get(DEFAULT_LANGUAGE, key), args)

    __call__ = text

    def label(self, prefix: str, value: str) -> str:
        """What ``value`` (a state, a kind, an evidence…) is called: the text of
        ``prefix.value``, or ``value`` itself when the catalogue has no name for it (a value
        from the data is shown as it is, never as a key)."""
        key = f"{prefix}.{value}"
        return self.text(key) if key in self.entries else value

    def join(self, items: Iterable[str], /) -> str:
        """A list as this language writes it: 甲、乙、丙 / a, b, c (``label.separator``)."""
        return self.text("label.separator").join(items)

    def headers(self, prefix: str, columns: Iterable[str]) -> tuple[str, ...]:
        """The column headers of a table: the text of ``prefix.column`` for each column."""
        return tuple(self.text(f"{prefix}.{column}") for column in columns)

    def count(self, key: str, n: int, /, **args: Any) -> str:
        """A counted text: "1 document" / "2 documents"; Chinese uses one form with a counter
        word. ``n`` is passed to the text as ``{n}``."""
        entry = self.entries.get(key)
        if entry is None:
            return f"{n} {key}"
        form = entry.get(f"{self.language}_other") if n != 1 else None
        template = form or entry.get(self.language) or entry.get(DEFAULT_LANGUAGE, key)
        return _fill(template, {**args, "n": n})


def _fill(template: str, args: Mapping[str, Any]) -> str:
    try:
        return template.format_map(args)
    except (KeyError, IndexError, ValueError):
        # a wrong argument set is a defect in the code; show the text rather than fail a build
        return template


def load(language: str = DEFAULT_LANGUAGE) -> Catalogue:
    """The catalogue in ``language`` (an unknown language falls back to Chinese)."""
    chosen: Language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return Catalogue(chosen, _entries())


@cache  # the shipped files never change while a process runs
def _entries() -> Mapping[str, Mapping[str, str]]:
    # the same rule as Python's own bytecode cache: PYTHONDONTWRITEBYTECODE writes none
    return read_folder(_FOLDER, _CACHE, write=not sys.dont_write_bytecode)


def read_folder(folder: str, cache_path: str, *, write: bool) -> dict[str, Mapping[str, str]]:
    """The entries of every ``*.toml`` in ``folder``: from ``cache_path`` when it was written
    from exactly these files, else parsed (and the cache written when ``write``)."""
    sources = tuple(
        (name, _read(os.path.join(folder, name)))
        for name in sorted(os.listdir(folder))
        if name.endswith(".toml")
    )
    key: _Key = (_CACHE_FORMAT, sources)
    cached = _read_cache(cache_path, key)
    if cached is not None:
        return cached
    entries = parse(sources)
    if write:
        _write_cache(cache_path, key, entries)
    return entries


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def parse(sources: tuple[tuple[str, bytes], ...]) -> dict[str, Mapping[str, str]]:
    """The entries of the named TOML texts, each key defined once, each entry strings only."""
    import tomllib

    entries: dict[str, Mapping[str, str]] = {}
    for name, raw in sources:
        data = tomllib.loads(raw.decode("utf-8"))
        for key, entry in data.items():
            if key in entries:
                raise CatalogueError(f"{name}: key {key!r} is defined twice")
            if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
                raise CatalogueError(f"{name}: {key!r} must be a table of strings")
            entries[key] = entry
    return entries


def _read_cache(path: str, key: _Key) -> dict[str, Mapping[str, str]] | None:
    """The cached entries when the cache was written from exactly these TOML bytes (the key
    holds the bytes themselves: no hash to trust); None when absent, stale or unreadable."""
    try:
        with open(path, "rb") as handle:
            data = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == key):
        return None
    entries = data[1]
    return entries if isinstance(entries, dict) else None


def _write_cache(path: str, key: _Key, entries: Mapping[str, Mapping[str, str]]) -> None:
    """Keep the parsed entries for the next process; a folder we may not write (a system-wide
    install) only means the next process parses again."""
    from contextlib import suppress
    from pathlib import Path

    from doccontrol.atomic import write_atomic

    with suppress(OSError):
        write_atomic(Path(path), marshal.dumps((key, {k: dict(v) for k, v in entries.items()})))


def language_for(configured: str | None, environ: Mapping[str, str] = os.environ) -> Language:
    """The language to speak: ``language`` in doccontrol.yml when it says, else the
    environment's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) for the CLI, else Chinese."""
    if configured in LANGUAGES:
        return configured
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return "en" if code == "en" else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
