"""Load a compliance repository's working tree: config, documents, record types, records."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from doccontrol import publishing
from doccontrol.atomic import write_atomic
from doccontrol.catalogue import Catalogue
from doccontrol.config import CONFIG_FILE, ID_FLAGS, Config, from_data
from doccontrol.errors import KeyedError
from doccontrol.gitdir import git_path
from doccontrol.load import documents as loaders
from doccontrol.load import id_index, text
from doccontrol.load.documents import EMPTY_POSITIONS
from doccontrol.load.positions import LazyPositions, Locator, Positions
from doccontrol.model import Clause, Document, Record, RecordType
from doccontrol.package_digest import package_digest
from doccontrol.problems import Msg, Problem, render
from doccontrol.validate import ids

DOCS_DIR = "docs"
RECORDS_DIR = "records"
SCHEMAS_DIR = "schemas"
DOCUMENT_SCHEMA = "schemas/document.schema.json"
RECORD_SCHEMAS_DIR = "schemas/records"
# under the Git directory: configurations found valid, parsed (read_config)
_PARSED_CONFIGS = "doccontrol/valid-configs"


class RepositoryError(KeyedError):
    """The repository cannot be checked at all (no config file, not a directory…); raised
    with a catalogue key and its arguments."""

    def text(self, cat: Catalogue) -> str:
        values = {k: render(v, cat) for k, v in self.values.items()}
        return cat.text(self.key, **values)  # a text that is no key shows as it is


@dataclass(frozen=True)
class Repository:
    root: Path
    config: Config | None
    config_positions: Locator
    clauses: Mapping[str, Clause]
    document_schema: Mapping[str, Any] | None
    documents: tuple[Document, ...]
    record_types: Mapping[str, RecordType]
    records: tuple[Record, ...]
    record_files: Mapping[str, Mapping[str, str]]  # type → id → path (from file names)
    problems: tuple[Problem, ...]
    # the stamp (``_stamp``) of each document, record and record type as read, so a later load
    # can reuse them; a file changed just before it was read has none
    stamps: Mapping[str, id_index.Stamp] = field(default_factory=dict)
    # the content digest of each document file that loaded without a problem: a version Git
    # stored with the same digest is these very bytes (history/stored.py reuses the parse)
    digests: Mapping[str, str] = field(default_factory=dict)
    # record types whose schema file is there but cannot be used (its own problems say why):
    # they exist, so a folder, a record or a link naming one is not "unknown"
    unusable_record_types: frozenset[str] = frozenset()

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)


def content_digest(data: bytes) -> str:
    """What names a file's bytes when a stored version is matched with the work tree's: SHA-256,
    so no crafted pair of files can share one (Git's own SHA-1 ids could, in principle)."""
    return hashlib.sha256(data).hexdigest()


def package_schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_package_schema_bytes(name))
    return data


@cache  # shipped with the package: read once per process (a load reads one per record type)
def _package_schema_bytes(name: str) -> bytes:
    return resources.files("doccontrol").joinpath(f"schemas/{name}").read_bytes()


def find_root(start: Path) -> Path:
    """The nearest directory at or above ``start`` that holds doccontrol.yml."""
    here = start.resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    raise RepositoryError("cli.error.no-config-above", config=CONFIG_FILE, here=str(here))


_TWIN = "problem.DC301.files"


def _twin_records(by_key: Mapping[tuple[str, str], list[str]]) -> dict[str, Problem]:
    """A problem for each record file that shares its type and id with another: neither is
    loaded, so none of them is published, listed or found by its id."""
    out: dict[str, Problem] = {}
    for paths in by_key.values():
        if len(paths) < 2:
            continue
        for rel in paths:
            others = tuple(p for p in paths if p != rel)
            stem = Path(rel).stem
            out[rel] = Problem.at(rel, 1, 1, _TWIN, id=ids.shown(stem), others=others)
    return out


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


# a regular file found by _scan: its repo-relative POSIX path, its full path and its lstat
Found = tuple[str, str, os.stat_result]


def _scan(root: Path, folder: str, hidden: bool = False) -> tuple[list[Found], list[Problem]]:
    """The regular files under ``folder`` (hidden ones aside, unless ``hidden``: under docs/
    a Markdown file is a document to history wherever it is, so check must see it too), and
    a problem for each entry that is not one: symlinks are never followed (a link can point anywhere, /etc/passwd or
    /proc/self/environ included), and paths with control characters are never read (they hide
    from line-based tools: a newline in a name splits it in two).

    Walked with ``os.scandir`` and relative paths joined as strings (pathlib's relative_to for
    each of a thousand documents cost more than reading their ids); in path order."""
    base = root / folder
    problems: list[Problem] = []
    if base.is_symlink():
        return [], [_not_regular(folder, "problem.DC020.symlink")]
    if not base.is_dir():
        return [], []
    found: list[Found] = []
    pending = [(str(base), folder)]
    while pending:
        here, rel_here = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(".") and not hidden:
                continue
            rel = f"{rel_here}/{name}"
            # in a hidden folder only Markdown matters (MkDocs leaves the rest out quietly)
            quiet = hidden and "/." in rel
            try:
                is_dir = entry.is_dir()  # follows a link, as os.walk sorts entries
            except OSError:
                is_dir = False
            if quiet and not is_dir and not publishing.is_document_path(name):
                continue
            if is_dir:
                if quiet and entry.is_symlink():
                    continue
                if entry.is_symlink():
                    problems.append(_not_regular(rel, "problem.DC020.symlink"))
                elif publishing.unsafe_character(rel):
                    problems.append(_unsafe_path(rel))
                else:
                    pending.append((entry.path, rel))
                continue
            if publishing.unsafe_character(rel):
                problems.append(_unsafe_path(rel))
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISLNK(info.st_mode):
                problems.append(_not_regular(rel, "problem.DC020.symlink"))
            elif not stat.S_ISREG(info.st_mode):
                problems.append(_not_regular(rel, "problem.DC020.special"))
            else:
                found.append((rel, entry.path, info))
    found.sort(key=lambda f: f[0].split("/"))  # as Path objects sort: part by part
    return found, problems


def _not_regular(rel: str, key: str) -> Problem:
    return Problem.at(rel, 1, 1, key)


def _unsafe_path(rel: str) -> Problem:
    shown = publishing.printable_path(rel)
    char = publishing.unsafe_character(rel)
    return Problem.at(shown, 1, 1, "problem.DC021", char=char)


def _read(root: Path, path: Path) -> tuple[bytes | None, Problem | None]:
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return None, Problem.at(_rel(root, path), 1, 1, "problem.DC013", detail=str(exc.strerror))


def read_config(root: Path) -> Config | None:
    """The work tree's doccontrol.yml alone (None when it has problems): what the commands
    that read only Git history need, without loading every document and record.

    A configuration found valid is remembered, parsed, under the Git directory by a hash of its
    bytes and of the config schema's, so such a command reads JSON instead of starting the YAML
    parser and the schema validator (most of a warm ``log DOC``)."""
    root = root.resolve()
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        raise RepositoryError(f"{config_path} not found: not a doccontrol repository")
    data, problem = _read(root, config_path)
    if data is None:
        raise RepositoryError(problem.message if problem else "cannot read config")
    return cached_config(root, data)


def cached_config(root: Path, data: bytes) -> Config | None:
    """``load_config(data)``'s configuration, remembered when valid (see read_config)."""
    return _remembered_config(root, data)[0]


def _remembered_config(root: Path, data: bytes) -> tuple[Config | None, Locator, list[Problem]]:
    """``load_config(data)``, with a configuration found valid remembered (see read_config):
    one remembered is read from JSON, its positions found only if a later rule asks."""
    schema = _package_schema_bytes("config.schema.json")
    # the code that parses is part of the verdict: a fixed parser never meets its predecessor's
    key = hashlib.sha256(package_digest().encode() + b"\0" + schema + b"\0" + data).hexdigest()
    folder = git_path(root, _PARSED_CONFIGS)
    kept = folder / f"{key}.json" if folder is not None else None
    if kept is not None and kept.is_file():
        decoded = text.decode(CONFIG_FILE, data)
        try:
            remembered = from_data(json.loads(kept.read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # damaged: parse the bytes again and replace it
        else:
            # only a configuration without problems is remembered, decoding's included
            if decoded.text is not None and not decoded.problems:
                return remembered, LazyPositions(CONFIG_FILE, decoded.text, 1), []
    config, positions, problems, parsed = _parse_config(data)
    if config is not None and kept is not None:
        try:
            payload = json.dumps(parsed, ensure_ascii=False).encode("utf-8")
            write_atomic(kept, payload)
        except (OSError, TypeError, ValueError):
            pass  # not JSON-shaped or not writable: the next run parses again
    return config, positions, problems


def _clauses() -> Mapping[str, Clause]:
    from doccontrol import clauses  # its YAML reader is only needed by a full load

    return clauses.load_catalogue()


class _LazyClauses(Mapping[str, Clause]):
    """The clause catalogue, read when first looked in: checking a record that names no
    clause never needs it."""

    def __init__(self) -> None:
        self._found: Mapping[str, Clause] | None = None

    def _catalogue(self) -> Mapping[str, Clause]:
        if self._found is None:
            self._found = _clauses()
        return self._found

    def __getitem__(self, key: str) -> Clause:
        return self._catalogue()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._catalogue())

    def __len__(self) -> int:
        return len(self._catalogue())


def load_config(data: bytes) -> tuple[Config | None, Locator, list[Problem]]:
    config, positions, problems, _ = _parse_config(data)
    return config, positions, problems


def _parse_config(data: bytes) -> tuple[Config | None, Locator, list[Problem], Any]:
    """``load_config``, and the parsed data the configuration was made from (for the cache:
    the bytes are parsed once)."""
    decoded = text.decode(CONFIG_FILE, data)
    if decoded.text is None:
        return None, Positions(), list(decoded.problems), None
    from doccontrol.load import yaml_source  # the YAML parser, when the bytes are parsed

    parsed = yaml_source.parse_fast(CONFIG_FILE, decoded.text)
    problems = list(decoded.problems + parsed.problems)
    if parsed.data is None:
        return None, parsed.positions, problems, None
    from doccontrol.validate.schema import make_validator, validate

    problems += validate(
        make_validator(package_schema("config.schema.json")),
        parsed.data,
        CONFIG_FILE,
        parsed.positions,
    )
    if problems:
        return None, parsed.positions, problems, None
    return from_data(parsed.data), parsed.positions, problems, parsed.data


def load_record_type(root: Path, path: Path) -> tuple[RecordType | None, list[Problem]]:
    rel = _rel(root, path)
    data, problem = _read(root, path)
    if data is None:
        return None, [problem] if problem else []
    schema, problems_t = loaders.load_json(rel, data)
    problems = list(problems_t)
    if schema is None:
        return None, problems
    raw = data.decode("utf-8", "replace")
    if not isinstance(schema, dict):
        return None, [
            *problems,
            Problem.at(rel, 1, 1, "problem.DC403.not-object"),
        ]
    from doccontrol.validate.schema import make_validator, schema_error

    fault = schema_error(schema, data, root)  # a valid one is remembered by content hash
    if fault is not None:
        from doccontrol.validate.schema import JSON_TYPES

        keys, words, value = fault
        line, col = loaders.line_of_path(raw, keys)
        where = ".".join(str(part) for part in keys) or "/"
        if keys and keys[-1] == "type" and isinstance(value, str) and value not in JSON_TYPES:
            wrong = Problem.at(
                rel, line, col, "problem.DC403.type", value=value, types=", ".join(JSON_TYPES)
            )
        else:
            wrong = Problem.at(rel, line, col, "problem.DC403.invalid", where=where, detail=words)
        return None, [*problems, wrong]
    block = schema.get("x-doccontrol")
    line, col = loaders.line_of_key(raw, "x-doccontrol")
    if not isinstance(block, dict):
        return None, [
            *problems,
            Problem.at(rel, line, col, "problem.DC403.no-block"),
        ]
    meta = make_validator(package_schema("record-type.schema.json"))
    for error in meta.iter_errors(block):
        where = ".".join(str(p) for p in error.absolute_path) or "x-doccontrol"
        # jsonschema's own words are the detail: this speaks to the schema's author
        problems.append(
            Problem.at(rel, line, col, "problem.DC403.block", where=where, detail=error.message)
        )
    if problems:
        return None, problems
    for key in ("id_pattern",):
        try:
            re.compile(block[key], ID_FLAGS)
        except re.error as exc:
            return None, [
                Problem.at(
                    rel, *loaders.line_of_key(raw, key), "problem.DC404", key=key, detail=str(exc)
                )
            ]
    properties = schema.get("properties", {})
    for key in ("title_field", "date_field"):
        if block[key] not in properties:
            problems.append(
                Problem.at(
                    rel,
                    *loaders.line_of_key(raw, key),
                    "problem.DC403.field",
                    key=key,
                    field=str(block[key]),
                )
            )
    for name in block["list_fields"]:
        if name not in properties:
            problems.append(
                Problem.at(
                    rel,
                    *loaders.line_of_key(raw, "list_fields"),
                    "problem.DC403.list-field",
                    field=name,
                )
            )
    type_id = path.name.removesuffix(".schema.json")
    return loaders.record_type_from_schema(type_id, rel, schema, raw), problems


def _document_id(
    rel: str,
    full: str,
    info: os.stat_result,
    known: id_index.Entry | None,
    started: int,
) -> id_index.Entry | None:
    """A document's id by the index, or read (the light reader, else the full one, as a full
    load would): (stamp, id); the stamp's mtime is -1 when it may not be remembered (changed
    too recently); None when the file cannot be read (that file's problem, not reported
    here: it is not being checked). ``info``: the file's lstat from the scan."""
    key = id_index.stamp(info)
    if known is not None and known[0] == key:
        return known
    try:
        with open(full, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    light = loaders.load_document_light(rel, data)
    document = light if light is not None else loaders.load_document(rel, data).item
    doc_id = document.id if document is not None else None
    if not id_index.settled(info, started):
        key = (-1, *key[1:])
    return key, doc_id


def _stamp(path: Path, now_ns: int) -> id_index.Stamp | None:
    """What a later load compares to know a file unchanged: its modification and change times,
    size and inode (as Git's index does: a time put back still moves the change time). None
    for a file changed within two seconds before it is read: another edit in the same clock
    tick could leave the very same stamp, so such a file is read again next time."""
    stat = path.stat()
    return id_index.stamp(stat) if id_index.settled(stat, now_ns) else None


def load(
    root: Path,
    only: Iterable[str] | None = None,
    previous: Repository | None = None,
    ids_only: bool = False,
) -> Repository:
    """Load the repository. ``only``: repo-relative paths whose records need parsing
    (documents and schemas are always read: they are few and every rule needs them).
    ``previous``: an earlier load whose documents, records and record types are reused where
    their files have not changed since (as ``mkdocs serve`` rebuilds after one edit).
    ``ids_only`` (with ``only``): a document outside ``only`` is known by its path and id
    alone (its ``meta`` holds nothing else), remembered by file stat under the Git directory
    (load/id_index.py): all that checking other files needs of it."""
    root = root.resolve()
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        raise RepositoryError("cli.error.not-a-repository", path=str(config_path))
    wanted = set(only) if only is not None else None
    problems: list[Problem] = []
    config_bytes, problem = _read(root, config_path)
    if config_bytes is None:
        reason = Msg(problem.key, problem.args) if problem else Msg("problem.DC401")
        raise RepositoryError("cli.error.config-unreadable", config=CONFIG_FILE, reason=reason)
    config, config_positions, config_problems = _remembered_config(root, config_bytes)
    problems += config_problems

    document_schema = None
    schema_path = root / DOCUMENT_SCHEMA
    if schema_path.is_file():
        data, problem = _read(root, schema_path)
        if data is not None:
            document_schema, schema_problems = loaders.load_json(DOCUMENT_SCHEMA, data)
            problems += schema_problems
        elif problem:
            problems.append(problem)
    else:
        problems.append(Problem.at(DOCUMENT_SCHEMA, 1, 1, "problem.DC401.document-schema"))

    documents = []
    stamps: dict[str, id_index.Stamp] = {}
    digests: dict[str, str] = {}
    reusable: dict[str, Document | Record | RecordType] = {}
    earlier_problems: dict[str, list[Problem]] = {}
    if previous is not None and previous.root == root and only is None:
        reusable = (
            {d.path: d for d in previous.documents}
            | {r.path: r for r in previous.records}
            | {t.path: t for t in previous.record_types.values()}
        )
        for old in previous.problems:
            if old.key != _TWIN:  # judged afresh below: the sibling may be gone
                earlier_problems.setdefault(old.path, []).append(old)

    read_at = id_index.now_ns()

    def reused(rel: str, path: Path) -> Document | Record | RecordType | None:
        try:
            found = _stamp(path, read_at)
        except OSError:
            return None
        if found is None:
            return None  # changed just now: read, and not remembered
        stamps[rel] = found
        if previous is not None and previous.stamps.get(rel) == found and rel in reusable:
            problems.extend(earlier_problems.get(rel, ()))
            return reusable[rel]
        return None

    docs_files, refused = _scan(root, DOCS_DIR, hidden=True)
    problems += refused
    known_ids = id_index.read(root) if ids_only and wanted is not None else None
    seen_ids: dict[str, id_index.Entry] = {}
    started = id_index.now_ns()
    for rel, full, info in docs_files:
        if not publishing.is_document_path(rel):
            if "/." in rel:
                continue  # a hidden image or other file: MkDocs leaves it out, so may we
            if not publishing.is_asset_path(rel):
                problems.append(
                    Problem.at(
                        rel, 1, 1, "problem.DC022", suffixes=", ".join(publishing.ASSET_SUFFIXES)
                    )
                )
            continue
        if publishing.left_out_by_mkdocs(rel):
            # checked like any document (its id is one history counts) and reported: it would
            # never be published, and a page nobody can read is no controlled copy
            problems.append(Problem.at(rel, 1, 1, "problem.DC025"))
        if known_ids is not None and wanted is not None and rel not in wanted:
            entry = _document_id(rel, full, info, known_ids.get(rel), started)
            if entry is not None:
                seen_ids[rel] = entry
                if entry[1] is not None:
                    documents.append(Document(rel, {"id": entry[1]}, "", 1, EMPTY_POSITIONS))
            continue
        path = Path(full)
        same = reused(rel, path)
        if isinstance(same, Document):
            documents.append(same)
            if previous is not None and rel in previous.digests:
                digests[rel] = previous.digests[rel]
            continue
        data, problem = _read(root, path)
        if data is None:
            problems += [problem] if problem else []
            continue
        if wanted is not None and rel not in wanted:
            # not being checked: only its identity and links matter, so read it the fast way
            light = loaders.load_document_light(rel, data)
            if light is not None:
                documents.append(light)
                continue
        loaded = loaders.load_document(rel, data)
        problems += loaded.problems
        if loaded.item is not None:
            documents.append(loaded.item)
            if not loaded.problems and wanted is None:
                digests[rel] = content_digest(data)

    if known_ids is not None:
        settled = {rel: e for rel, e in seen_ids.items() if e[0][0] >= 0}
        if settled != known_ids:
            id_index.write(root, settled)

    schema_files, refused = _scan(root, SCHEMAS_DIR)
    problems += refused
    record_types: dict[str, RecordType] = {}
    unusable: set[str] = set()
    for rel, full, _ in schema_files:
        if not rel.startswith(f"{RECORD_SCHEMAS_DIR}/") or not rel.endswith(".schema.json"):
            continue
        path = Path(full)
        same_type = reused(rel, path)
        if isinstance(same_type, RecordType):
            record_types[same_type.id] = same_type
            continue
        record_type, type_problems = load_record_type(root, path)
        problems += type_problems
        if record_type is not None:
            record_types[record_type.id] = record_type
        else:
            unusable.add(path.name.removesuffix(".schema.json"))

    record_files: dict[str, dict[str, str]] = {}
    # (type, ids.same_key(file name)) → files: INC-1.yaml beside INC-1.yml, or a name that
    # prints alike, would let whoever adds the sibling choose what every reader sees
    by_key: dict[tuple[str, str], list[str]] = {}
    records = []
    record_paths, refused = _scan(root, RECORDS_DIR)
    problems += refused
    for rel, full, _ in record_paths:
        if not rel.endswith((".yaml", ".yml")):
            continue
        path = Path(full)
        parts = rel.split("/")[1:]
        if len(parts) != 2:
            if wanted is None or rel in wanted:
                problems.append(Problem.at(rel, 1, 1, "problem.DC308"))
            continue
        type_id = parts[0]
        record_files.setdefault(type_id, {})[path.stem] = rel
        by_key.setdefault((type_id, ids.same_key(path.stem)), []).append(rel)
        if wanted is not None and rel not in wanted:
            continue
        if type_id not in record_types:
            continue  # reported once per folder by the record rules
        same = reused(rel, path)
        if isinstance(same, Record):
            records.append(same)
            continue
        data, problem = _read(root, path)
        if data is None:
            problems += [problem] if problem else []
            continue
        loaded_record = loaders.load_record(rel, type_id, data)
        problems += loaded_record.problems
        if loaded_record.item is not None:
            records.append(loaded_record.item)

    twins = _twin_records(by_key)
    problems += [p for p in twins.values() if wanted is None or p.path in wanted]
    records = [r for r in records if r.path not in twins]
    return Repository(
        root=root,
        config=config,
        config_positions=config_positions,
        clauses=_LazyClauses(),
        document_schema=document_schema if isinstance(document_schema, dict) else None,
        documents=tuple(documents),
        record_types=record_types,
        records=tuple(records),
        record_files=record_files,
        problems=tuple(problems),
        stamps=stamps,
        digests=digests,
        unusable_record_types=frozenset(unusable - record_types.keys()),
    )
