"""Read one controlled document or record from its bytes (working tree or a Git blob)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from doccontrol.config import ID_FLAGS
from doccontrol.load import frontmatter, frontmatter_fast, text
from doccontrol.load.positions import Positions
from doccontrol.model import Document, Record, RecordType
from doccontrol.problems import Problem

T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[T]):
    item: T | None
    problems: tuple[Problem, ...]


def load_document(path: str, data: bytes) -> Loaded[Document]:
    decoded = text.decode(path, data)
    if decoded.text is None:
        return Loaded(None, decoded.problems)
    split = frontmatter.split(path, decoded.text)
    if isinstance(split, Problem):
        return Loaded(None, (*decoded.problems, split))
    from doccontrol.load import yaml_source  # the parser, imported when a file is parsed

    parsed = yaml_source.parse_fast(path, split.yaml_text, split.yaml_first_line)
    problems = decoded.problems + parsed.problems
    if parsed.data is None and not parsed.problems:
        empty = Problem.at(path, 1, 1, "problem.DC012.empty-front-matter")
        return Loaded(None, (*problems, empty))
    if parsed.data is None:
        return Loaded(None, problems)
    if not isinstance(parsed.data, dict):
        line, col = parsed.positions.of_value(())
        wrong = Problem.at(path, line, col, "problem.DC012.front-matter")
        return Loaded(None, (*problems, wrong))
    document = Document(path, parsed.data, split.body, split.body_first_line, parsed.positions)
    return Loaded(document, problems)


def load_document_light(path: str, data: bytes) -> Document | None:
    """The document's identifying keys without a full parse, or None when only the full
    parser can read it (the caller then uses load_document)."""
    try:
        text_ = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    split = frontmatter.split(path, text_.replace("\r\n", "\n"))
    if isinstance(split, Problem):
        return None
    meta = frontmatter_fast.read(split.yaml_text)
    if meta is None:
        return None
    return Document(path, meta, split.body, split.body_first_line, EMPTY_POSITIONS)


def load_record(path: str, record_type: str, data: bytes) -> Loaded[Record]:
    decoded = text.decode(path, data)
    if decoded.text is None:
        return Loaded(None, decoded.problems)
    from doccontrol.load import yaml_source

    parsed = yaml_source.parse_fast(path, decoded.text)
    problems = decoded.problems + parsed.problems
    if parsed.data is None:
        if not parsed.problems:
            problems += (Problem.at(path, 1, 1, "problem.DC012.record"),)
        return Loaded(None, problems)
    if not isinstance(parsed.data, dict):
        line, col = parsed.positions.of_value(())
        return Loaded(None, (*problems, Problem.at(path, line, col, "problem.DC012.record")))
    return Loaded(Record(path, record_type, parsed.data, parsed.positions), problems)


def load_json(path: str, data: bytes) -> tuple[Any, tuple[Problem, ...]]:
    decoded = text.decode(path, data)
    if decoded.text is None:
        return None, decoded.problems
    too_deep = text.json_too_deep(path, decoded.text)  # json.loads recurses
    if too_deep is not None:
        return None, (*decoded.problems, too_deep)
    try:
        return json.loads(decoded.text), decoded.problems
    except json.JSONDecodeError as exc:
        from doccontrol.load.parse_errors import json_detail

        problem = Problem.at(
            path, exc.lineno, exc.colno, "problem.DC015", detail=json_detail(exc.msg)
        )
        return None, (*decoded.problems, problem)


def line_of_path(raw_text: str, path: tuple[str | int, ...]) -> tuple[int, int]:
    """Where the value at ``path`` (keys, list indexes) is written in a JSON text, found key
    by key, each after the one before; the file's start when a key is not found."""
    start = -1
    for part in path:
        if isinstance(part, int):
            continue  # an item of a list: the keys inside it lead on
        match = re.compile(rf'"{re.escape(part)}"\s*:').search(raw_text, start + 1)
        if match is None:
            break
        start = match.start()
    if start < 0:
        return 1, 1
    line = raw_text.count("\n", 0, start) + 1
    return line, start - (raw_text.rfind("\n", 0, start) + 1) + 1


def line_of_key(raw_text: str, key: str) -> tuple[int, int]:
    """Where ``"key"`` first appears in a JSON text (JSON gives no positions of its own)."""
    match = re.search(rf'"{re.escape(key)}"\s*:', raw_text)
    if not match:
        return 1, 1
    line = raw_text.count("\n", 0, match.start()) + 1
    col = match.start() - (raw_text.rfind("\n", 0, match.start()) + 1) + 1
    return line, col


def record_type_from_schema(
    type_id: str, path: str, schema: dict[str, Any], raw_text: str = ""
) -> RecordType:
    """Build a record type from a schema whose x-doccontrol block has been validated."""
    block = schema["x-doccontrol"]
    return RecordType(
        id=type_id,
        path=path,
        schema=schema,
        name=block["name"],
        name_en=block["name_en"],
        id_pattern=re.compile(block["id_pattern"], ID_FLAGS),
        id_format=block["id_format"],
        retention_years=block["retention_years"],
        clauses=tuple(block["clauses"]),
        procedure=block["procedure"],
        title_field=block["title_field"],
        date_field=block["date_field"],
        list_fields=tuple(block["list_fields"]),
        key_positions={key: line_of_key(raw_text, key) for key in block},
    )


EMPTY_POSITIONS = Positions()
