"""Authoring: new documents and records, and version bumps that keep the file as written."""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML

from doccontrol import versions
from doccontrol.config import DocumentType
from doccontrol.load.frontmatter import FrontMatterSplit, split
from doccontrol.load.yaml_source import screen
from doccontrol.model import RecordType
from doccontrol.problems import Problem


class AuthoringError(Exception):
    """A request the repository cannot satisfy (unknown type, no free id, bad file…)."""


def _format_fields(fmt: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(fmt) if name}


def next_id(
    fmt: str, pattern: re.Pattern[str], taken: Iterable[str], year: int, parent: int = 0
) -> str:
    """The first id of the form ``fmt`` ({n}, {year}, {parent}) that is free and valid."""
    used = set(taken)
    fields = _format_fields(fmt)
    if "n" not in fields:
        candidate = fmt.format(year=year, parent=parent)
        if candidate in used:
            raise AuthoringError(f"the only id of this type, {candidate}, is taken")
        return candidate
    for n in range(1, 100000):
        candidate = fmt.format(n=n, year=year, parent=parent)
        if candidate not in used and pattern.search(candidate):
            return candidate
    raise AuthoringError(f"no free id of the form {fmt}")


def _roles(value: tuple[str, ...]) -> str:
    return "[" + ", ".join(value) + "]"


def new_document_text(doc_type: DocumentType, doc_id: str, title: str, owner: str) -> str:
    """A draft with complete front matter and the section skeleton of its type."""
    scheme = doc_type.version_scheme
    defaults = doc_type.defaults
    front = [
        f"id: {doc_id}",
        f"title: {_yaml_scalar(title)}",
        f"type: {doc_type.id}",
        f"version: {versions.FIRST_DRAFT[scheme]}",
        "status: draft",
        "control: controlled",
        "confidentiality: internal",
        f"owner: {owner}",
        f"author: {_roles(defaults.get('author', ('process-owner',)))}",
        f"reviewer: {_roles(defaults.get('reviewer', ('qa-manager',)))}",
        f"approver: {_roles(defaults.get('approver', ('management-representative',)))}",
        "review_interval_months: 12",
        "clauses: []",
        f"distribution: [{owner}]",
    ]
    sections = doc_type.sections or ("目的", "适用范围", "内容")
    body = "\n".join(f"## {n} {s}\n\n（待编写）\n" for n, s in enumerate(sections, 1))
    return "---\n" + "\n".join(front) + "\n---\n" + body


def _yaml_scalar(text: str) -> str:
    if re.fullmatch(r"[^\s:#'\"\[\]{},&*!|>%@`-][^:#]*", text) and not text.endswith(" "):
        return text
    return "'" + text.replace("'", "''") + "'"


def _stub(prop: dict[str, Any], today: datetime.date) -> Any:
    if "enum" in prop:
        return prop["enum"][0]
    kind = prop.get("type")
    if prop.get("format") == "date":
        return today.isoformat()
    if prop.get("format") == "date-time":
        return f"{today.isoformat()}T09:00:00+08:00"
    if kind == "array":
        return []
    if kind == "object":
        return {}
    if kind == "integer":
        return 0
    if kind == "boolean":
        return False
    return "（待填写）"


def _yaml_value(value: Any) -> str:
    """One stub value as YAML text (dates plain, date-times and odd text quoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[]"
    if isinstance(value, dict):
        return "{}"
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if re.fullmatch(r"[\d.:TZ+-]+", text):
        return f"'{text}'"
    return _yaml_scalar(text)


def new_record_text(record_type: RecordType, record_id: str, today: datetime.date) -> str:
    """A record with every required field stubbed, each commented with its Chinese title."""
    schema = record_type.schema
    props = schema.get("properties", {})
    lines = [
        f"# {record_type.name}（{record_type.name_en}）— 由 doccontrol new-record 生成，请填写后提交"
    ]
    for name in schema.get("required", []):
        prop = props.get(name, {})
        value: Any = record_id if name == "id" else _stub(prop, today)
        title = prop.get("title", "")
        lines.append(f"{name}: {_yaml_value(value)}" + (f"  # {title}" if title else ""))
    return "\n".join(lines) + "\n"


def bump_front_matter(
    text: str, path: str, scheme: str, kind: versions.BumpKind
) -> tuple[str, str, str]:
    """(new file text, old version, new version): only the version value changes; comments,
    key order, quoting and the body are kept byte for byte."""
    parts = split(path, text)
    if isinstance(parts, Problem):
        raise AuthoringError(parts.message)
    assert isinstance(parts, FrontMatterSplit)
    # the round-trip parser below recurses: deep nesting and tags are refused first
    refused = screen(path, parts.yaml_text, parts.yaml_first_line)
    if refused is not None:
        raise AuthoringError(refused.format())
    match = re.search(r"^(version:[ \t]*)(['\"]?)([^'\"\s#]+)\2", parts.yaml_text, re.MULTILINE)
    if not match:
        raise AuthoringError(f"{path}: no 'version:' line in the front matter")
    old = versions.parse(match[3], scheme)
    if old is None:
        raise AuthoringError(f"{path}: version {match[3]!r} is not a {scheme} version")
    try:
        new = versions.bump(old, kind)
    except ValueError as exc:
        raise AuthoringError(str(exc)) from None
    yaml_text = parts.yaml_text[: match.start(3)] + str(new) + parts.yaml_text[match.end(3) :]
    # the round-trip parser must still read the result the same way, with only the version changed
    round_trip = YAML()
    before, after = round_trip.load(parts.yaml_text), round_trip.load(yaml_text)
    if after.get("version") != str(new) or {k: v for k, v in after.items() if k != "version"} != {
        k: v for k, v in before.items() if k != "version"
    }:
        raise AuthoringError(f"{path}: could not change the version without changing anything else")
    lines = text.split("\n")
    head = "\n".join(lines[: parts.yaml_first_line - 1])
    tail = "\n".join(lines[parts.body_first_line - 2 :])
    return f"{head}\n{yaml_text}{tail}", str(old), str(new)
