"""Rules for records: file naming, id patterns and links that must resolve."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any

from doccontrol.config import Config
from doccontrol.load.positions import PathKey
from doccontrol.model import Clause, Record, RecordType
from doccontrol.problems import Problem, Ref
from doccontrol.validate import ids
from doccontrol.validate.documents import DocumentIndex

REF_KEY = "x-doccontrol-ref"
STAFF_REFS = ("person", "role", "department", "clause")


def resolve_local_ref(schema_root: Mapping[str, Any], node: Any) -> Any:
    """Follow a local ``$ref`` ("#/$defs/x"), the only kind record schemas use."""
    seen = 0
    while (
        isinstance(node, dict)
        and isinstance(node.get("$ref"), str)
        and node["$ref"].startswith("#/")
        and seen < 20
    ):
        target: Any = schema_root
        for part in node["$ref"][2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
        seen += 1
    return node


def references(schema: Mapping[str, Any], data: Any) -> Iterator[tuple[PathKey, str, str]]:
    """Every (path, kind, value) in ``data`` that the schema marks with x-doccontrol-ref."""

    def walk(node: Any, value: Any, here: PathKey) -> Iterator[tuple[PathKey, str, str]]:
        node = resolve_local_ref(schema, node)
        if not isinstance(node, dict):
            return
        kind = node.get(REF_KEY)
        if isinstance(kind, str) and isinstance(value, str):
            yield here, kind, value
        if isinstance(value, dict) and isinstance(node.get("properties"), dict):
            for key, item in value.items():
                if key in node["properties"]:
                    yield from walk(node["properties"][key], item, (*here, key))
        if isinstance(value, list) and "items" in node:
            for i, item in enumerate(value):
                yield from walk(node["items"], item, (*here, i))

    yield from walk(schema, data, ())


def check_record(
    record: Record,
    record_type: RecordType,
    config: Config,
    documents: DocumentIndex,
    clauses: Mapping[str, Clause],
    record_files: Mapping[str, Mapping[str, str]],
) -> list[Problem]:
    problems: list[Problem] = []
    stem = PurePosixPath(record.path).stem
    record_id = record.id
    if record_id is not None and record_id != stem:
        where = record.positions.of_value(("id",))
        problems.append(
            Problem.at(
                record.path,
                *where,
                "problem.DC302",
                id=ids.shown(record_id),
                file=f"{stem}.yaml",
            )
        )
    refused = ids.refused_character(record_id) if record_id is not None else None
    if record_id is not None and refused is not None:
        where = record.positions.of_value(("id",))
        shown = ids.shown(record_id)
        problems.append(
            Problem.at(record.path, *where, "problem.DC303.character", id=shown, char=refused)
        )
    # the whole id: '$' alone also matches before a final newline
    if record_id is not None and not record_type.id_pattern.fullmatch(record_id):
        where = record.positions.of_value(("id",))
        problems.append(
            Problem.at(
                record.path,
                *where,
                "problem.DC303",
                id=ids.shown(record_id),
                type=Ref("record-type", record_type.id),
                pattern=record_type.id_pattern.pattern,
            )
        )
    for here, kind, value in references(record_type.schema, record.data):
        field = ".".join(str(p) for p in here)
        # positions only for a link that does not resolve: finding them parses the file again
        if kind == "document":
            if value not in documents.by_id:
                problems.append(
                    Problem.at(
                        record.path,
                        *record.positions.of_value(here),
                        "problem.DC305",
                        field=field,
                        value=value,
                    )
                )
        elif kind in STAFF_REFS:
            known = {
                "person": {p.id for p in config.people},
                "role": set(config.roles),
                "department": set(config.departments),
                "clause": set(clauses),
            }[kind]
            if value not in known:
                problems.append(
                    Problem.at(
                        record.path,
                        *record.positions.of_value(here),
                        f"problem.DC307.{kind}",
                        field=field,
                        value=value,
                    )
                )
        elif value not in record_files.get(kind, {}):
            problems.append(
                Problem.at(
                    record.path,
                    *record.positions.of_value(here),
                    "problem.DC304",
                    field=field,
                    type=Ref("record-type", kind),
                    value=value,
                )
            )
    return problems
