"""Authoring: new documents and records, and version bumps that keep the file as written."""

from __future__ import annotations

import datetime
import posixpath
import re
import string
from collections.abc import Iterable
from typing import Any

from doccontrol import versions
from doccontrol.config import DocumentType
from doccontrol.load import yaml_source
from doccontrol.load.frontmatter import FrontMatterSplit, split
from doccontrol.load.repository import RECORDS_DIR
from doccontrol.load.yaml_source import screen
from doccontrol.model import RecordType
from doccontrol.problems import NO_NAMES, Msg, Names, Problem, msg, render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from doccontrol.catalogue import Catalogue


class AuthoringError(Exception):
    """A request the repository cannot satisfy (unknown type, no free id, bad file…): a
    catalogue text (``Msg``), a file's problem, or a text already said in the run's language."""

    def __init__(self, what: str | Msg | Problem | tuple[Msg, ...]) -> None:
        super().__init__(what if isinstance(what, str) else getattr(what, "key", ""))
        self.what = what  # a tuple: every reason at once

    def text(self, cat: Catalogue | None = None, names: Names = NO_NAMES) -> str:
        """The refusal in ``cat``'s language (Chinese without one)."""
        from doccontrol import catalogue

        chosen = cat or catalogue.load()
        if isinstance(self.what, Problem):
            return self.what.format(chosen, names)
        if isinstance(self.what, Msg):
            return render(self.what, chosen, names)
        if isinstance(self.what, tuple):
            separator = chosen.text("authoring.reasons.separator")
            return separator.join(render(m, chosen, names) for m in self.what)
        return self.what

    def __str__(self) -> str:
        return self.text()


def _format_fields(fmt: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(fmt) if name}


def next_id(
    fmt: str,
    pattern: re.Pattern[str],
    taken: Iterable[str],
    year: int,
    parent: int = 0,
    after_max: bool = False,
) -> str:
    """The first id of the form ``fmt`` ({n}, {year}, {parent}) that is free and valid; with
    ``after_max``, the one after the highest taken in that sequence (records are numbered in
    the order they arise: a gap is a deleted record, never a number to reuse)."""
    used = set(taken)
    fields = _format_fields(fmt)
    if not fields <= {"n", "year", "parent"}:
        # ids named by their content (acknowledgements: ACK-{document}-{version}-{person})
        raise AuthoringError(msg("authoring.error.not-numbered", format=fmt))
    if "n" not in fields:
        candidate = fmt.format(year=year, parent=parent)
        if candidate in used:
            raise AuthoringError(msg("authoring.error.only-id-taken", id=candidate))
        return candidate
    start = _highest(fmt, used, year, parent) + 1 if after_max else 1
    for n in range(start, 100000):
        candidate = fmt.format(n=n, year=year, parent=parent)
        if candidate not in used and pattern.fullmatch(candidate):
            return candidate
    raise AuthoringError(msg("authoring.error.no-free-id", format=fmt))


def _highest(fmt: str, used: set[str], year: int, parent: int) -> int:
    """The highest {n} among the ids of ``fmt`` for this year and parent (0 when none)."""
    regex = ""
    for literal, name, _, _ in string.Formatter().parse(fmt):
        regex += re.escape(literal)
        if name == "n":
            regex += r"(\d+)"
        elif name == "year":
            regex += str(year)
        elif name == "parent":
            regex += r"0*" + str(parent)
        elif name:
            regex += r".*?"
    numbers = [int(m[1]) for m in (re.fullmatch(regex, i) for i in used) if m]
    return max(numbers, default=0)


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


_PLAIN = re.compile(r"[^\s:#'\"\[\]{},&*!|>%@`-][^:#]*")
# booleans to a YAML 1.1 reader (PyYAML: MkDocs' own front matter), text to ours (1.2)
_YAML11_BOOL = re.compile(r"(?i:y|yes|n|no|on|off|true|false)")


def _yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as this very string: plain when it can be
    (``null``, ``123``, ``yes``, ``2026-01-01`` cannot: they read as other types), else
    single-quoted, else double-quoted with escapes (a line break, a control character)."""
    import json

    plain = (
        [text]
        if _PLAIN.fullmatch(text) and not text.endswith(" ") and not _YAML11_BOOL.fullmatch(text)
        else []
    )
    single = "'" + text.replace("'", "''") + "'"
    for written in (*plain, single, json.dumps(text, ensure_ascii=False)):
        if _reads_back(written, text):
            return written
    return json.dumps(text)  # every character outside ASCII as an escape


def _reads_back(written: str, text: str) -> bool:
    """Whether ``written`` as the value of a key reads back equal to ``text``."""
    from ruamel.yaml.error import YAMLError

    try:
        return bool(yaml_source.safe_load(f"v: {written}\n") == {"v": text})
    except (YAMLError, ValueError):
        return False


def _stub(name: str, prop: dict[str, Any], today: datetime.date, date_field: str) -> Any:
    """A neutral value, or none at all: never a guess that reads as a fact (a stubbed P1 or
    'outage' looks like a real assessment). Empty fields make ``doccontrol check`` ask the
    author to fill them. Only the record's own date and its initial status are given."""
    if name == date_field and prop.get("format") == "date":
        return today.isoformat()
    if name == date_field and prop.get("format") == "date-time":
        return f"{today.isoformat()}T09:00:00+08:00"
    if name == "status" and prop.get("enum"):
        return prop["enum"][0]  # the first state of the record's workflow
    kind = prop.get("type")
    if kind == "array":
        return []
    if kind == "boolean":
        return False
    return None


def _yaml_value(value: Any) -> str:
    """One stub value as YAML text (dates plain, date-times and odd text quoted)."""
    if value is None:
        return ""
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


def schema_modeline(record_type: RecordType) -> str:
    """The first line of a record: tells editors that speak the YAML language server (VS Code,
    Neovim, Helix…) which schema to complete and check it with while it is typed. The path
    is relative to the record's folder, records/<type>/, so it holds in any clone."""
    schema = posixpath.relpath(record_type.path, f"{RECORDS_DIR}/{record_type.id}")
    return f"# yaml-language-server: $schema={schema}"


def new_record_text(record_type: RecordType, record_id: str, today: datetime.date) -> str:
    """A record with every required field stubbed, each commented with its Chinese title."""
    schema = record_type.schema
    props = schema.get("properties", {})
    lines = [
        schema_modeline(record_type),
        f"# {record_type.name}（{record_type.name_en}）— 由 doccontrol new-record 生成：空白字段须填写，doccontrol check 会逐项提示",
    ]
    for name in schema.get("required", []):
        prop = props.get(name, {})
        value: Any = record_id if name == "id" else _stub(name, prop, today, record_type.date_field)
        title = prop.get("title", "")
        text = f"{name}: {_yaml_value(value)}".rstrip()
        lines.append(text + (f"  # {title}" if title else ""))
    return "\n".join(lines) + "\n"


def bump_front_matter(
    text: str, path: str, scheme: str, kind: versions.BumpKind
) -> tuple[str, str, str]:
    """(new file text, old version, new version): only the version value changes; comments,
    key order, quoting and the body are kept byte for byte."""
    parts = _split(text, path)
    # the round-trip parser below recurses: deep nesting and tags are refused first
    refused = screen(path, parts.yaml_text, parts.yaml_first_line)
    if refused is not None:
        raise AuthoringError(refused)
    match = _value(parts.yaml_text, "version")
    if not match:
        raise AuthoringError(msg("authoring.error.no-version-line", path=path))
    old = versions.parse(match[3], scheme)
    if old is None:
        raise AuthoringError(
            msg(
                "authoring.error.not-a-version",
                path=path,
                version=repr(match[3]),
                scheme=msg(f"authoring.scheme.{scheme}"),
            )
        )
    try:
        new = versions.bump(old, kind)
    except ValueError:
        if old.scheme != "decimal" and kind == "edition":
            raise AuthoringError(msg("authoring.bump.last-edition")) from None
        allowed = "--minor / --major" if old.scheme == "decimal" else "--revision / --edition"
        raise AuthoringError(
            msg("authoring.bump.wrong-kind", version=str(old), allowed=allowed)
        ) from None
    return set_front_matter(text, path, "version", str(new)), str(old), str(new)


def _split(text: str, path: str) -> FrontMatterSplit:
    parts = split(path, text)
    if isinstance(parts, Problem):
        raise AuthoringError(parts)
    assert isinstance(parts, FrontMatterSplit)
    return parts


def _value(yaml_text: str, key: str) -> re.Match[str] | None:
    return re.search(rf"^({re.escape(key)}:[ \t]*)(['\"]?)([^'\"\s#]+)\2", yaml_text, re.MULTILINE)


def front_matter_value(text: str, path: str, key: str) -> str:
    """A plain front-matter value as written ("" when absent)."""
    match = _value(_split(text, path).yaml_text, key)
    return match[3] if match else ""


def set_front_matter(text: str, path: str, key: str, value: str) -> str:
    """The file with one plain front-matter value set (added after ``status:`` when absent);
    comments, key order, quoting and the body are kept byte for byte, and the round-trip
    parser confirms nothing else moved."""
    parts = _split(text, path)
    yaml_text = parts.yaml_text
    match = _value(yaml_text, key)
    if match:
        yaml_text = yaml_text[: match.start(3)] + value + yaml_text[match.end(3) :]
    else:
        anchor = re.search(r"^status:.*\n", yaml_text, re.MULTILINE) or re.search(
            r"^version:.*\n", yaml_text, re.MULTILINE
        )
        at = anchor.end() if anchor else len(yaml_text)
        yaml_text = yaml_text[:at] + f"{key}: {value}\n" + yaml_text[at:]
    # the guarded parser (depth, aliases, tags): a hostile file gets a message, not a crash
    old_parse, new_parse = (
        yaml_source.parse(path, parts.yaml_text),
        yaml_source.parse(path, yaml_text),
    )
    before, after = old_parse.data, new_parse.data
    if not (old_parse.ok and new_parse.ok and isinstance(before, dict) and isinstance(after, dict)):
        raise AuthoringError(msg("authoring.error.could-not-change", path=path, key=key))
    if str(after.get(key)) != value or {k: v for k, v in after.items() if k != key} != {
        k: v for k, v in before.items() if k != key
    }:
        raise AuthoringError(msg("authoring.error.could-not-change", path=path, key=key))
    lines = text.split("\n")
    head = "\n".join(lines[: parts.yaml_first_line - 1])
    tail = "\n".join(lines[parts.body_first_line - 2 :])
    return f"{head}\n{yaml_text}{tail}"
