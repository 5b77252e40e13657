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
TOML is read with the standard library (``tomllib``): no dependency, and fast at start-up.
A command reads only the files that hold the keys it asks for (most print one or two texts);
listing or iterating the entries reads them all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, get_args

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "zh"


class CatalogueError(Exception):
    """The shipped catalogue is inconsistent: a packaging defect, found by the tests."""


@dataclass(frozen=True)
class Catalogue:
    language: Language
    # key -> {"zh": ..., "en": ..., "en_other": ...}
    entries: Mapping[str, Mapping[str, str]]

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
    return Catalogue(chosen, _Entries())


class _Entries(Mapping[str, Mapping[str, str]]):
    """The shipped entries, read a file at a time as keys are asked for: a key is looked up
    first in the file named after its first part (``cli.…`` in cli.toml, ``problem.…`` in
    problems.toml), then in the others in order, so a command that prints one line parses one
    file instead of all of them (a tenth of the text). Iterating reads every file and checks
    that no key is defined twice (``_entries``), as the tests do."""

    def __getitem__(self, key: str) -> Mapping[str, str]:
        for name in _search_order(key.split(".", 1)[0]):
            entry = _file_entries(name).get(key)
            if entry is not None:
                return entry
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(_entries())

    def __len__(self) -> int:
        return len(_entries())


# Where the keys of each first part live (file stems), looked in first (then the files named
# after the part, then the rest): a hint for speed only, every file is searched before a key
# is missing.
_HOMES = {
    "problem": ("problems", "acks"),
    "label": ("core", "labels"),
    "count": ("common",),
    "cli": ("cli", "publishing"),
    "site": ("site", "copies", "impact", "search"),
    "pdf": ("copies",),
    "recall": ("copies",),
    "impact": ("impact",),
    "suspect": ("impact",),
    "pack": ("impact",),
}


@cache
def _search_order(first: str) -> tuple[str, ...]:
    names = _files()
    homes = [f"{stem}.toml" for stem in _HOMES.get(first, ()) if f"{stem}.toml" in names]
    named = [n for n in names if n.startswith(first) and n not in homes]
    return (*homes, *named, *(n for n in names if n not in homes and n not in named))


@cache  # the shipped files never change while a process runs
def _files() -> tuple[str, ...]:
    folder = resources.files(__name__)
    return tuple(sorted(f.name for f in folder.iterdir() if f.name.endswith(".toml")))


@cache
def _file_entries(name: str) -> Mapping[str, Mapping[str, str]]:
    import tomllib  # the standard library's reader, imported when a text is first needed

    item = resources.files(__name__).joinpath(name)
    data = tomllib.loads(item.read_text(encoding="utf-8"))
    for key, entry in data.items():
        if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
            raise CatalogueError(f"{name}: {key!r} must be a table of strings")
    return data


@cache
def _entries() -> Mapping[str, Mapping[str, str]]:
    entries: dict[str, Mapping[str, str]] = {}
    for name in _files():
        for key, entry in _file_entries(name).items():
            if key in entries:
                raise CatalogueError(f"{name}: key {key!r} is defined twice")
            entries[key] = entry
    return entries


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
