"""Parse YAML into plain data plus the position of every key and value.

Controlled files come from many hands, so the parser is strict and defensive: aliases are
refused (no alias bombs), timestamps stay text (a date that does not exist is then reported by
the schema's "date" format with its line), duplicate keys and tab indentation are errors, and
deep nesting cannot crash the checker.

Hostile input is screened before any parser that recurses sees it: ``screen`` walks the event
stream (libyaml's, or ruamel's pure one; both are loops, not recursion) and stops at the first
collection nested deeper than ``MAX_DEPTH`` or the first tag that is not plain data. Only then
does the composer (recursive in Python, and in C for the fast loader: a segfault at ~30,000
levels) build anything; the strict composer checks depth and tags again itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import _DEFAULT_YAML_VERSION
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    NodeEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import MappingNode, Node
from ruamel.yaml.resolver import VersionedResolver

from doccontrol.load.positions import LazyPositions as LazyPositions
from doccontrol.load.positions import Locator as Locator
from doccontrol.load.positions import PathKey as PathKey
from doccontrol.load.positions import Positions as Positions
from doccontrol.load.text import MAX_DEPTH
from doccontrol.problems import Problem

_CORE = "tag:yaml.org,2002:"
# Tags that cannot change what a value means beyond how it is written: '!!str' makes a value
# text (like quoting it), '!!seq' and '!!map' say what the brackets already say. Every other
# tag is refused: language objects (!!python/…, the attack), local '!tags', and even the core
# '!!int', '!!bool', '!!null', '!!float', '!!binary', '!!timestamp', '!!set', which coerce
# text in surprising ways ('!!null x' silently drops x) — a value's type comes from how it
# is written.
ALLOWED_TAGS = frozenset({f"{_CORE}str", f"{_CORE}seq", f"{_CORE}map"})


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


class _Refused(YAMLError):
    """Input the screen refuses, with the problem that says why."""

    def __init__(self, mark: Any, key: str, **args: Any) -> None:
        super().__init__(key)
        self.mark, self.key, self.values = mark, key, args


_MERGE = "tag:yaml.org,2002:merge"
# a lone UTF-16 surrogate, which only a "\\ud800" escape can write: no UTF-8 file can hold it,
# and every later step that writes the text out (JSON, HTML, a PDF) would fail on it
_SURROGATE = re.compile("[\ud800-\udfff]")
# where such an escape can be: a double-quoted scalar's \u or \U
_ESCAPED_CODE_POINT = re.compile(r"\\[uU]")


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _judge(event: Event, depth: int) -> _Refused | None:
    """Why ``event``, met at collection depth ``depth`` (counting itself), is refused."""
    tag = getattr(event, "tag", None)
    if isinstance(event, NodeEvent) and tag is not None and tag not in ALLOWED_TAGS:
        shown = _tag_name(str(tag))
        return _Refused(event.start_mark, "problem.DC017", tag=repr(shown))
    if depth > MAX_DEPTH:
        return _Refused(event.start_mark, "problem.DC016", depth=MAX_DEPTH)
    return None


class _StrictComposer(Composer):
    """Refuses aliases, and checks depth and tags again while composing (the screen ran first;
    this holds even where the pure parser reads further than libyaml did)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Node:
        if self.parser.check_event(AliasEvent):
            raise _AliasRefused(self.parser.peek_event().start_mark)
        event = self.parser.peek_event()
        opens = isinstance(event, CollectionStartEvent)
        refused = _judge(event, self._depth + (1 if opens else 0))
        if refused is not None:
            raise refused
        self._depth += 1 if opens else 0
        try:
            node: Node = super().compose_node(parent, index)
        finally:
            self._depth -= 1 if opens else 0
        if isinstance(node, MappingNode):
            for key, _value in node.value:
                # '<<' merges another mapping's keys in: a value then stands where nobody
                # wrote it, and has no line of its own to report
                if str(getattr(key.tag, "value", key.tag)) == _MERGE:
                    raise _Refused(key.start_mark, "problem.DC018")
        return node


def _events(text: str) -> Any:
    """A parser's events one at a time: libyaml's when it is there (fast), else ruamel's."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # no libyaml: the pure parser is a loop too, only slower
        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = CParser(text)
    try:
        while True:
            event = parser.get_event()
            yield event
            if isinstance(event, StreamEndEvent):
                return
    finally:
        parser.dispose()


# Characters after which the cheap bound below proves nothing: a tag starts with '!', and
# YAML 1.1 parsers (libyaml) also break lines at CR, NEL, LS and PS, which '^' does not see.
_UNBOUNDED = re.compile("[!\r\x85\u2028\u2029\ufeff]")
# A line's indentation plus any compact indicators after it ('- - a: b', '? - x').
_LEAD = re.compile(r"^[ \t]*(?:[-?:]+(?:[ \t]+|$))*", re.MULTILINE)


def depth_bound(text: str) -> int | None:
    """An upper bound on how deep ``text`` nests collections, or None when the text has
    characters the bound cannot account for.

    A nested block collection starts further right than its parent, except a block sequence
    that is a mapping's value (same column, but its items start two columns further), so
    block depth is at most 2 * (column + 1) of the deepest collection start, and every start
    is a line's indentation or follows compact indicators at the start of its line. Flow
    collections add at most one level per opening bracket. Counting over-counts (brackets in
    text, indented block scalars), never under-counts."""
    if _UNBOUNDED.search(text):
        return None
    lead = max(map(len, _LEAD.findall(text)), default=0)
    return 2 * (lead + 1) + text.count("[") + text.count("{")


# NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: line breaks in YAML 1.1 only.
_YAML11_BREAK = re.compile("[\x85\u2028\u2029]")
# A line starting with '%' can only be a directive in YAML a parser accepts.
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)


def screen(path: str, text: str, first_line: int = 1) -> Problem | None:
    """The first YAML 1.1 line break (NEL, LS, PS), collection nested deeper than MAX_DEPTH,
    tag that is not plain data or directive (``%YAML``, ``%TAG``), as a problem; None when
    there is none (syntax errors are left to the parser that reports them).

    Reads events in a loop and stops at the first refusal, so depth costs no recursion and a
    million-level file stops after MAX_DEPTH levels (bounded time and memory). Text that
    provably nests no deeper and has no tag is passed without parsing (most files)."""
    odd_break = _YAML11_BREAK.search(text)
    if odd_break is not None:
        # a line break to libyaml (YAML 1.1), a character to YAML 1.2 readers: a key written
        # after '# note<U+2028>' would be a comment to one reader and a key to the other
        at = odd_break.start()
        line = text.count("\n", 0, at) + first_line
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        return Problem.at(path, line, col, "problem.DC024", char=f"U+{ord(odd_break[0]):04X}")
    bound = depth_bound(text)
    if bound is not None and bound <= MAX_DEPTH and not _DIRECTIVE.search(text):
        return None
    depth = 0
    try:
        for event in _events(text):
            if isinstance(event, DocumentStartEvent) and (event.version or event.tags):
                # '%YAML 1.1' makes 'yes' true and '012' ten for one parser and not for
                # another (libyaml's loader ignores it): one file, two readings
                return Problem.at(path, event.start_mark.line + first_line, 1, "problem.DC023")
            if isinstance(event, CollectionStartEvent):
                depth += 1
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            refused = _judge(event, depth)
            if refused is not None:
                mark = refused.mark
                line, col = mark.line + first_line, mark.column + 1
                return Problem.at(path, line, col, refused.key, **refused.values)
    except (YAMLError, ValueError, TypeError):
        return None  # not YAML at all: the parser reports it with its position
    return None


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


def _c_loader(constructor: type[SafeConstructor]) -> Any:
    """The loader ``YAML(typ="safe").load`` makes on every call (libyaml's parser, then
    ``constructor``), as one class made once; None without libyaml.

    ruamel defines a new class per call, and its resolver looks the YAML version up for every
    scalar through two caught AttributeErrors, to find its default each time: its C path never
    sees a ``%YAML`` directive. Together that was about half of reading a front matter.
    tests/load/test_safe_loader.py holds this to ``YAML(typ="safe")`` itself."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:
        return None

    class Loader(CParser, constructor, VersionedResolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            self._parser = self._composer = self
            constructor.__init__(self, loader=self)
            self.allow_duplicate_keys = False
            VersionedResolver.__init__(self, version=None, loadumper=self)

        @property
        def processing_version(self) -> Any:
            return _DEFAULT_YAML_VERSION

    return Loader


_TEXT_DATES_LOADER = _c_loader(_TextDatesSafeConstructor)
_SAFE_LOADER = _c_loader(SafeConstructor)


def safe_load(text: str, text_dates: bool = False) -> Any:
    """``YAML(typ="safe").load(text)``, timestamps kept as text when ``text_dates``, without
    its per-call set-up. Raises what it raises."""
    loader = _TEXT_DATES_LOADER if text_dates else _SAFE_LOADER
    if loader is None:
        yaml = YAML(typ="safe")
        if text_dates:
            yaml.Constructor = _TextDatesSafeConstructor
        return yaml.load(text)
    instance = loader(text)
    try:
        return instance.get_single_data()
    finally:
        instance.dispose()


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
    refused = screen(path, text, first_line)
    if refused is not None:
        return ParsedYaml(None, Positions(origin=(first_line, 1)), (refused,))
    if (
        _NEEDS_STRICT.search(text)
        or _ESCAPED_CODE_POINT.search(text)
        or _tab_indent(path, text, first_line) is not None
    ):
        return _parse_screened(path, text, first_line)
    try:
        data = safe_load(text, text_dates=True)
    except (YAMLError, ValueError, TypeError, RecursionError):
        # the strict parser reports it with its position
        return _parse_screened(path, text, first_line)
    if not _plain_keys(data):
        return _parse_screened(path, text, first_line)
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
            return Problem.at(path, first_line + number, col, "problem.DC004")
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
            if not isinstance(key, str) or _SURROGATE.search(name):
                bad_keys.append(((*here, name), key))
            child = (*here, name)
            keys[child] = (line_col[0] + lines, line_col[1] + 1)
            values[child] = (value_line_col[0] + lines, value_line_col[1] + 1)
            if node[key] is None and value_line_col[0] > line_col[0]:
                # an empty value: ruamel places it where the next token starts, a line on;
                # the key is where the reader looks
                values[child] = keys[child]
            out[_SURROGATE.sub("\ufffd", name)] = _plain(
                node[key], child, lines, values, keys, bad_keys
            )
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
    text = str(node)
    if _SURROGATE.search(text):
        bad_keys.append((here, _SURROGATE_MARK))
        # reported (DC019), and replaced: nothing downstream can write such a text out
        text = _SURROGATE.sub("\ufffd", text)
    return text


# in ``bad_keys``: the value at that place holds a lone surrogate (DC019), not a key
_SURROGATE_MARK = object()


def parse(path: str, text: str, first_line: int = 1) -> ParsedYaml:
    """Parse ``text`` whose first line is line ``first_line`` of ``path``."""
    refused = screen(path, text, first_line)
    if refused is not None:
        return ParsedYaml(None, Positions(origin=(first_line, 1)), (refused,))
    return _parse_screened(path, text, first_line)


def _parse_screened(path: str, text: str, first_line: int) -> ParsedYaml:
    origin = (first_line, 1)
    tab = _tab_indent(path, text, first_line)
    if tab is not None:
        return ParsedYaml(None, Positions(origin=origin), (tab,))
    offset = first_line  # ruamel lines are 0-based
    try:
        raw = _new_loader().load(text)
    except _AliasRefused as exc:
        line, col = exc.mark.line + offset, exc.mark.column + 1
        alias = Problem.at(path, line, col, "problem.DC009")
        return ParsedYaml(None, Positions(origin=origin), (alias,))
    except _Refused as exc:
        line, col = exc.mark.line + offset, exc.mark.column + 1
        problem = Problem.at(path, line, col, exc.key, **exc.values)
        return ParsedYaml(None, Positions(origin=origin), (problem,))
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "?"
        first = exc.context_mark.line + offset if exc.context_mark else first_line
        line, col = mark.line + offset, mark.column + 1
        problem = Problem.at(path, line, col, "problem.DC008", key=key, first=first)
        return ParsedYaml(None, Positions(origin=origin), (problem,))
    except MarkedYAMLError as exc:
        from doccontrol.load.parse_errors import yaml_detail

        detail, at_context = yaml_detail(
            str(exc.problem) if exc.problem else None, str(exc.context) if exc.context else None
        )
        mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
        line, col = (mark.line + offset, mark.column + 1) if mark else origin
        syntax = Problem.at(path, line, col, "problem.DC007", detail=detail)
        return ParsedYaml(None, Positions(origin=origin), (syntax,))
    except (YAMLError, ValueError, TypeError) as exc:
        unread = Problem.at(
            path, *origin, "problem.DC007.unread", detail=str(exc).replace("\n", " ")
        )
        return ParsedYaml(None, Positions(origin=origin), (unread,))
    except RecursionError:
        deep = Problem.at(path, *origin, "problem.DC007.deep")
        return ParsedYaml(None, Positions(origin=origin), (deep,))
    values: dict[PathKey, tuple[int, int]] = {}
    keys: dict[PathKey, tuple[int, int]] = {}
    bad_keys: list[tuple[PathKey, Any]] = []
    if isinstance(raw, CommentedMap | CommentedSeq):
        values[()] = (raw.lc.line + offset, raw.lc.col + 1)
    try:
        data = _plain(raw, (), offset, values, keys, bad_keys)
    except RecursionError:
        deep = Problem.at(path, *origin, "problem.DC007.deep")
        return ParsedYaml(None, Positions(origin=origin), (deep,))
    positions = Positions(values, keys, origin)
    problems = tuple(
        Problem.at(path, *positions.of_value(where), "problem.DC019")
        if original is _SURROGATE_MARK
        else Problem.at(path, *positions.of_key(where), "problem.DC019")
        if isinstance(original, str)
        else Problem.at(path, *positions.of_key(where), "problem.DC014", key=repr(original))
        for where, original in bad_keys
    )
    return ParsedYaml(data, positions, problems)


def load_tolerant(text: str) -> Any:
    """Plain data from YAML, or None when it cannot be read, nests deeper than MAX_DEPTH or
    carries a tag; for history's old versions, which are what they are. Never recurses on
    hostile input: libyaml's composer, which the safe loader uses, segfaults at ~30,000
    levels, so the screen runs first."""
    if screen("", text) is not None:
        return None
    try:
        return safe_load(text)
    except (YAMLError, ValueError, TypeError, RecursionError):
        return None
