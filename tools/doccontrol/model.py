"""The controlled things, as plain immutable data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from doccontrol.load.positions import Locator


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


@dataclass(frozen=True)
class Clause:
    id: str
    zh: str
    en: str

    @property
    def depth(self) -> int:
        return self.id.count(".") + 1


@dataclass(frozen=True)
class Document:
    path: str
    meta: Mapping[str, Any]
    body: str
    body_first_line: int
    positions: Locator

    @property
    def id(self) -> str | None:
        return _text(self.meta.get("id"))

    @property
    def title(self) -> str:
        return _text(self.meta.get("title")) or ""

    @property
    def type(self) -> str | None:
        return _text(self.meta.get("type"))

    @property
    def version(self) -> str | None:
        return _text(self.meta.get("version"))

    @property
    def status(self) -> str | None:
        return _text(self.meta.get("status"))

    @property
    def confidentiality(self) -> str:
        return _text(self.meta.get("confidentiality")) or "internal"

    def text(self, key: str) -> str | None:
        return _text(self.meta.get(key))

    def texts(self, key: str) -> tuple[str, ...]:
        """A key holding one id or a list of ids, as a tuple."""
        return _texts(self.meta.get(key))


@dataclass(frozen=True)
class RecordType:
    id: str
    path: str
    schema: Mapping[str, Any]
    name: str
    name_en: str
    id_pattern: re.Pattern[str]
    id_format: str
    retention_years: int
    clauses: tuple[str, ...]
    procedure: str
    title_field: str
    date_field: str
    list_fields: tuple[str, ...]
    # where the x-doccontrol keys are in the schema file, for problems about them
    key_positions: Mapping[str, tuple[int, int]]

    def field_title(self, name: str) -> str:
        prop = self.schema.get("properties", {}).get(name, {})
        title = prop.get("title") if isinstance(prop, dict) else None
        return title if isinstance(title, str) else name


@dataclass(frozen=True)
class Record:
    path: str
    type: str
    data: Mapping[str, Any]
    positions: Locator

    @property
    def id(self) -> str | None:
        return _text(self.data.get("id"))

    @property
    def confidentiality(self) -> str:
        return _text(self.data.get("confidentiality")) or "internal"
