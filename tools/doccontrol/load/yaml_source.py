"""Parse YAML into plain data plus the position of every key and value.

Controlled files come from many hands, so the parser is strict and defensive: aliases are
refused (no alias bombs), timestamps stay text (a date that does not exist is then reported by
the schema's "date" format with its line), duplicate keys and tab indentation are errors, and
deep nesting cannot crash the checker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import Node

from doccontrol.problems import Problem

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Positions:
    """1-based (line, col) of values and of mapping keys, by JSON path."""

    values: Mapping[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: Mapping[PathKey, tuple[int, int]] = field(default_factory=dict)
    origin: tuple[int, int] = (1, 1)

    def of_value(self, path: PathKey) -> tuple[int, int]:
        """Where the value at path is, or the nearest enclosing value that has a position."""
        probe = tuple(path)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), self.origin)

    def of_key(self, path: PathKey) -> tuple[int, int]:
        return self.keys.get(tuple(path)) or self.of_value(path)


class LazyPositions:
    """Positions found only when first asked for: a valid file never needs them, and the
    round-trip parse that finds them costs several times the plain parse."""

    def __init__(self, path: str, text: str, first_line: int) -> None:
        self._args = (path, text, first_line)
        self._found: Positions | None = None

    def _positions(self) -> Positions:
        if self._found is None:
            found = parse(*self._args).positions
            assert isinstance(found, Positions)  # the strict parser always gives real positions
            self._found = found
        return self._found

    def of_value(self, path: PathKey) -> tuple[int, int]:
        return self._positions().of_value(path)

    def of_key(self, path: PathKey) -> tuple[int, int]:
        return self._positions().of_key(path)


Locator = Positions | LazyPositions


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    positions: Locator
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class _AliasRefused(YAMLError):
    def __init__(self, mark: Any) -> None:
        super().__init__("alias")
        self.mark = mark


class _StrictComposer(Composer):
    def compose_node(self, parent: Any, index: Any) -> Node:
        if self.parser.check_event(AliasEvent):
            raise _AliasRefused(self.parser.peek_event().start_mark)
        node: Node = super().compose_node(parent, index)
        return node


class _TextDatesConstructor(RoundTripConstructor):
    """Keeps timestamps as the text written, so that the schema judges them."""

    def construct_text_timestamp(self, node: Any, values: Any = None) -> Any:
        return self.construct_scalar(node)


_TextDatesConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _TextDatesConstructor.construct_text_timestamp
)


class _TextDatesSafeConstructor(SafeConstructor):
    def construct_text_timestamp(self, node: Any, values: Any = None) -> Any:
        return self.construct_scalar(node)


_TextDatesSafeConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _TextDatesSafeConstructor.construct_text_timestamp
)
# Anchors, aliases, tags, complex and merge keys: the strict parser must judge these.
_NEEDS_STRICT = re.compile(r"(?:^|[\s\[{,])[&*!]|^\s*\?|<<")


def _plain_keys(node: Any) -> bool:
    if isinstance(node, dict):
        return all(isinstance(k, str) and _plain_keys(v) for k, v in node.items())
    if isinstance(node, list):
        return all(_plain_keys(v) for v in node)
    return node is None or isinstance(node, str | int | float | bool)


def parse_fast(path: str, text: str, first_line: int = 1) -> ParsedYaml:
    """Like ``parse``, through the C-accelerated safe loader when the text is plain, with
    positions computed only if a problem needs one; anything unusual goes to ``parse``."""
    if _NEEDS_STRICT.search(text) or _tab_indent(path, text, first_line) is not None:
        return parse(path, text, first_line)
    yaml = YAML(typ="safe")
    yaml.Constructor = _TextDatesSafeConstructor
    try:
        data = yaml.load(text)
    except (YAMLError, ValueError, TypeError, RecursionError):
        return parse(path, text, first_line)  # the strict parser reports it with its position
    if not _plain_keys(data):
        return parse(path, text, first_line)
    return ParsedYaml(data, LazyPositions(path, text, first_line), ())


def _new_loader() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _StrictComposer
    yaml.Constructor = _TextDatesConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def _tab_indent(path: str, text: str, first_line: int) -> Problem | None:
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            col = len(line) - len(stripped) + 1
            return Problem(
                path,
                first_line + number,
                col,
                "DC004",
                "tab used for indentation; YAML indents with spaces only",
            )
    return None


def _plain(
    node: Any,
    here: PathKey,
    lines: int,
    values: dict[PathKey, tuple[int, int]],
    keys: dict[PathKey, tuple[int, int]],
    bad_keys: list[tuple[PathKey, Any]],
) -> Any:
    """Copy ruamel's round-trip objects into plain JSON-like data, recording positions."""
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key in node:
            line_col = node.lc.key(key)
            value_line_col = node.lc.value(key)
            name = key if isinstance(key, str) else str(key)
            if not isinstance(key, str):
                bad_keys.append(((*here, name), key))
            child = (*here, name)
            keys[child] = (line_col[0] + lines, line_col[1] + 1)
            values[child] = (value_line_col[0] + lines, value_line_col[1] + 1)
            out[str(name)] = _plain(node[key], child, lines, values, keys, bad_keys)
        return out
    if isinstance(node, CommentedSeq):
        items: list[Any] = []
        for index, item in enumerate(node):
            line, col = node.lc.item(index)
            values[(*here, index)] = (line + lines, col + 1)
            items.append(_plain(item, (*here, index), lines, values, keys, bad_keys))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        # ruamel's ScalarBoolean is an int subclass; keep true/false as bools
        return bool(node) if type(node).__name__ == "ScalarBoolean" else int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return str(node)


def parse(path: str, text: str, first_line: int = 1) -> ParsedYaml:
    """Parse ``text`` whose first line is line ``first_line`` of ``path``."""
    origin = (first_line, 1)
    tab = _tab_indent(path, text, first_line)
    if tab is not None:
        return ParsedYaml(None, Positions(origin=origin), (tab,))
    offset = first_line  # ruamel lines are 0-based
    try:
        raw = _new_loader().load(text)
    except _AliasRefused as exc:
        line, col = exc.mark.line + offset, exc.mark.column + 1
        msg = "YAML aliases (*name) are not allowed in controlled files; write the value out"
        return ParsedYaml(None, Positions(origin=origin), (Problem(path, line, col, "DC009", msg),))
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "?"
        first = exc.context_mark.line + offset if exc.context_mark else first_line
        msg = f"duplicate key '{key}' (this mapping starts on line {first})"
        problem = Problem(path, mark.line + offset, mark.column + 1, "DC008", msg)
        return ParsedYaml(None, Positions(origin=origin), (problem,))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + offset, mark.column + 1) if mark else origin
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        msg = f"YAML syntax error: {what}".replace("\n", " ")
        return ParsedYaml(None, Positions(origin=origin), (Problem(path, line, col, "DC007", msg),))
    except (YAMLError, ValueError, TypeError) as exc:
        msg = f"YAML could not be read: {exc}".replace("\n", " ")
        return ParsedYaml(None, Positions(origin=origin), (Problem(path, *origin, "DC007", msg),))
    except RecursionError:
        msg = "YAML is nested too deeply to be a controlled file"
        return ParsedYaml(None, Positions(origin=origin), (Problem(path, *origin, "DC007", msg),))
    values: dict[PathKey, tuple[int, int]] = {}
    keys: dict[PathKey, tuple[int, int]] = {}
    bad_keys: list[tuple[PathKey, Any]] = []
    if isinstance(raw, CommentedMap | CommentedSeq):
        values[()] = (raw.lc.line + offset, raw.lc.col + 1)
    try:
        data = _plain(raw, (), offset, values, keys, bad_keys)
    except RecursionError:
        msg = "YAML is nested too deeply to be a controlled file"
        return ParsedYaml(None, Positions(origin=origin), (Problem(path, *origin, "DC007", msg),))
    positions = Positions(values, keys, origin)
    problems = tuple(
        Problem(path, *positions.of_key(where), "DC014", f"key {original!r} is not text; quote it")
        for where, original in bad_keys
    )
    return ParsedYaml(data, positions, problems)
