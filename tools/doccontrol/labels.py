"""Values as people read them: labels for enum codes, names for ids, readable times.

Every output that shows a record value (site pages, blank forms, the record index, exports)
asks this module, so a code such as ``closed`` or ``zhenghao`` reads the same everywhere.

- Enum values: a schema node lists them under ``x-doccontrol: {labels: {value: {zh, en}}}``
  beside its ``enum`` (validation reads only ``enum``; the labels are for display).
- Field titles: a property's ``title`` is Chinese (editors show it on hover); its English title
  is ``x-doccontrol: {titles: {en: ...}}`` beside it. An English page shows that, else the
  Chinese title, else the field's key.
- People show their name; departments and roles their name (``name_en`` in English, when the
  configuration gives one).
- ISO date-times show as ``2026-03-09 09:42``. The zone is left out when it is the
  organisation's usual one — the UTC offset most of its records are written in — and shown
  (``2026-03-09 09:42 UTC+01:00``) when a value was written in another zone, since then the
  reader could not tell the time from the figures alone.

No MkDocs here: the core and the CLI use it as they are.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from doccontrol.catalogue import Catalogue
from doccontrol.config import Config
from doccontrol.model import Record, RecordType

LABELS_KEY = "x-doccontrol"
REF_KEY = "x-doccontrol-ref"
# what fromisoformat accepts from a record's date-time (validation has checked the format)
_ZONE = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")


def enum_labels(node: Mapping[str, Any]) -> Mapping[str, Mapping[str, str]]:
    """The labels a schema node gives its enum values (``{}`` when it gives none)."""
    block = node.get(LABELS_KEY)
    labels = block.get("labels") if isinstance(block, Mapping) else None
    if not isinstance(labels, Mapping):
        return {}
    return {
        str(k): v
        for k, v in labels.items()
        if isinstance(v, Mapping) and all(isinstance(x, str) for x in v.values())
    }


def enum_values(node: Mapping[str, Any]) -> list[Any]:
    """The enum of a field, or of its items when the field is a list of them."""
    if isinstance(node.get("enum"), list):
        return list(node["enum"])
    items = node.get("items")
    if isinstance(items, Mapping) and isinstance(items.get("enum"), list):
        return list(items["enum"])
    return []


def _offset(value: str) -> str | None:
    match = _ZONE.search(value.strip())
    if match is None:
        return None
    zone = match[1]
    if zone == "Z":
        return "+00:00"
    return zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"


def usual_offset(values: Iterable[str]) -> str | None:
    """The organisation's usual UTC offset: the one most date-times are written in (the
    earliest seen wins a tie, so the answer does not depend on hash order)."""
    counts = Counter(o for o in (_offset(v) for v in values) if o is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(o for o in counts if counts[o] == best)


def record_datetimes(records: Iterable[Record], types: Mapping[str, RecordType]) -> list[str]:
    """Every top-level date-time value of these records (what ``usual_offset`` reads)."""
    out: list[str] = []
    for record in records:
        record_type = types.get(record.type)
        if record_type is None:
            continue
        props = record_type.schema.get("properties", {})
        for key, value in record.data.items():
            node = props.get(key) if isinstance(props, Mapping) else None
            if isinstance(node, Mapping) and node.get("format") == "date-time":
                out.append(str(value))
    return out


@functools.lru_cache(maxsize=256)
def _codes_pattern(codes: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``codes`` as a whole ASCII token: never part of an id such as
    ACK-SM-P-18-V1.1-zhaolei (longest first, so a code never stops inside a longer one)."""
    alternatives = "|".join(re.escape(c) for c in codes)
    return re.compile(rf"(?<![A-Za-z0-9_.-])({alternatives})(?![A-Za-z0-9_-])( ?)")


@dataclass(frozen=True)
class Labels:
    """Display values in the catalogue's language."""

    config: Config
    catalogue: Catalogue
    usual_offset: str | None = None

    @property
    def language(self) -> str:
        return self.catalogue.language

    # --- names ------------------------------------------------------------------------

    def person(self, person_id: str) -> str:
        person = self.config.person_by_id(person_id)
        return person.name if person else person_id

    def department(self, department_id: str) -> str:
        named = self.config.departments.get(department_id)
        if named is None:
            return department_id
        return named.name_en if self.language == "en" and named.name_en else named.name

    def role(self, role_id: str) -> str:
        named = self.config.roles.get(role_id)
        if named is None:
            return role_id
        return named.name_en if self.language == "en" and named.name_en else named.name

    def level(self, level_id: str) -> str:
        """A confidentiality level: its configured label; in English the catalogue's word for
        the usual levels (the configuration names them in one language)."""
        key = f"label.confidentiality.{level_id}"
        if self.language == "en" and self.catalogue.has(key):
            return self.catalogue.text(key)
        level = self.config.level(level_id)
        return level.label if level else level_id

    def document_type(self, type_id: str) -> str:
        key = f"label.document_type.{type_id}"
        if self.language == "en" and self.catalogue.has(key):
            return self.catalogue.text(key)
        doc_type = self.config.document_types.get(type_id)
        return doc_type.label if doc_type else type_id

    def boolean(self, value: bool) -> str:
        return self.catalogue.text("label.yes" if value else "label.no")

    # --- values -----------------------------------------------------------------------

    def enum(self, node: Mapping[str, Any], value: object) -> str:
        """An enum code's label in this language (the code itself when none is given)."""
        labels = enum_labels(node)
        if not labels and isinstance(node.get("items"), Mapping):
            labels = enum_labels(node["items"])
        entry = labels.get(str(value))
        if entry is None:
            return "" if value is None else str(value)
        return entry.get(self.language) or entry.get("zh") or str(value)

    def options(self, node: Mapping[str, Any]) -> list[str]:
        """The labels of a field's enum values (or of its items'), in schema order."""
        values = enum_values(node)
        items = node.get("items")
        holder = (
            node if isinstance(node.get("enum"), list) or not isinstance(items, Mapping) else items
        )
        return [self.enum(holder, v) for v in values]

    def timestamp(self, value: str) -> str:
        """``2026-03-09T09:42:00+08:00`` as ``2026-03-09 09:42``; seconds only when not zero;
        the zone only when it is not the usual one. Anything unparseable is shown as written."""
        text = value.strip()
        try:
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return value
        shown = moment.strftime("%Y-%m-%d %H:%M" if moment.second == 0 else "%Y-%m-%d %H:%M:%S")
        offset = _offset(text)
        if offset is not None and offset != self.usual_offset:
            shown += f" UTC{offset}"
        return shown

    def field_title(self, node: object, key: str) -> str:
        """A record field's title in this language (see the module's docstring)."""
        if not isinstance(node, Mapping):
            return key
        if self.language != "zh":
            block = node.get(LABELS_KEY)
            titles = block.get("titles") if isinstance(block, Mapping) else None
            other = titles.get(self.language) if isinstance(titles, Mapping) else None
            if isinstance(other, str) and other.strip():
                return other
        title = node.get("title")
        return title if isinstance(title, str) and title.strip() else key

    @cached_property
    def _names(self) -> dict[str, str]:
        """The names of the people, departments and roles, by id: the codes every description
        may quote (a form has hundreds of descriptions)."""
        # reversed: where two people share an id, the first one listed names it
        names = {person.id: person.name for person in reversed(self.config.people)}
        for department in self.config.departments:
            names.setdefault(department, self.department(department))
        for role in self.config.roles:
            names.setdefault(role, self.role(role))
        return names

    def description(self, node: Mapping[str, Any]) -> str:
        """A field's description (a form's 填写说明) with the codes and ids it quotes shown as
        people read them: in Chinese, a code the description explains right after it
        ("draft 起草中") is left out, any other is replaced by its label; in English each code
        is replaced by its English label. People, departments and roles show their names."""
        text = str(node.get("description", ""))
        items = node.get("items")
        holder = node if enum_labels(node) or not isinstance(items, Mapping) else items
        shown: dict[str, str] = {code: self.enum(holder, code) for code in enum_labels(holder)}
        codes_of_enum = set(shown)
        for code, name in self._names.items():
            shown.setdefault(code, name)
        shown = {code: label for code, label in shown.items() if code and label != code}
        if not shown or not text:
            return text
        pattern = _codes_pattern(tuple(sorted(shown, key=len, reverse=True)))

        def swap(match: re.Match[str]) -> str:
            explained = match[2] and not text[match.end() : match.end() + 1].isascii()
            if self.language == "zh" and explained and match[1] in codes_of_enum:
                return ""
            return shown[match[1]] + match[2]

        return pattern.sub(swap, text)

    def value(self, node: Mapping[str, Any], value: object) -> str:
        """One scalar value of a record field as text: enum label, name, readable time."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.boolean(value)
        ref = node.get(REF_KEY)
        text = str(value)
        if ref == "person":
            return self.person(text)
        if ref == "department":
            return self.department(text)
        if ref == "role":
            return self.role(text)
        if enum_labels(node):
            return self.enum(node, value)
        if node.get("format") == "date-time":
            return self.timestamp(text)
        return text

    def cell(self, node: Mapping[str, Any], value: object) -> str:
        """A field as one line of text (the record index and exports): a list's items joined,
        a nested object abbreviated."""
        if isinstance(value, list):
            items = node.get("items")
            item_node = items if isinstance(items, Mapping) else {}
            return self.catalogue.join(self.cell(item_node, v) for v in value)
        if isinstance(value, dict):
            return "…"
        return self.value(node, value)
