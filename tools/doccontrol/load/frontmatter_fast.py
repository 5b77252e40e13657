"""A strict fast path for reading a document's identifying front-matter keys.

History reads thousands of historic blobs, and a check of one file needs every other
document's id; a full YAML parse of each would dominate both. Most
front matter is plain ``key: value`` and ``key: [a, b]`` lines, which this reads exactly; any
needed key written in a form it does not fully understand returns None, and the caller falls
back to the real YAML parser. Keys history does not use are skipped whatever their form.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from doccontrol.load.text import MAX_DEPTH
from doccontrol.load.yaml_source import depth_bound

# confidentiality: publishing needs every level a document ever had (history levels)
NEEDED = frozenset(
    {
        "id",
        "title",
        "type",
        "version",
        "status",
        "approver",
        "reviewer",
        "confidentiality",
        "effective_date",
    }
)
# A document with legacy history needs the full parse (its entries are nested mappings).
FULL_PARSE_KEYS = frozenset({"legacy_history"})
_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$")
_PLAIN_ITEM = re.compile(r"^[ ]*-[ ]+(.*)$")
# Both patterns find a line by the newline before it (searched on "\n" + text): a literal
# first character lets the regex engine skip ahead, where '^' is tried at every position.
# A line in column 0 that is not a plain ``key:`` line, a comment or blank.
_ODD_TOP = re.compile(r"\n(?![A-Za-z_][A-Za-z0-9_-]*:(?:[ \t]|$)|[^\S\n]*$)[^ \t\n#]", re.MULTILINE)
# The lines of the keys this reads (every other line is skipped unread).
_WANTED = re.compile(
    r"\n(id|title|type|version|status|approver|reviewer|confidentiality|effective_date|legacy_history)"
    r":(?:[ \t]+(.*))?$",
    re.MULTILINE,
)
_FLOW_SPECIAL = re.compile(r"[\[\]{}\"'&*]")
# Plain scalars YAML 1.2 (as ruamel resolves it) reads as something other than text: booleans,
# numbers, null, dates, '<<' and '='. The reader returns text only, so it declines these.
_NOT_TEXT = re.compile(
    r"""(?:true|True|TRUE|false|False|FALSE
    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+
    |<<|~|null|Null|NULL|=
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]
     (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)""",
    re.VERBOSE,
)
# A comment starts at a '#' after a space or a tab.
_COMMENT = re.compile(r"[ \t]#")
# A needed key's value continued on the next lines (indented, maybe after blank lines): a
# multi-line plain scalar, which the real parser folds.
_CONTINUED = re.compile(r"\n(?:[ \t]*\n)*[ \t]+[^\s#]")


def _scalar(raw: str) -> str | None:
    """A plain or simply quoted scalar, or None when the form needs the real parser."""
    text = raw.strip()
    if not text:
        return None
    if text[0] == '"':
        end = text.find('"', 1)
        if end < 0 or "\\" in text[: end + 1] or text[end + 1 :].strip()[:1] not in ("", "#"):
            return None
        return text[1:end]
    if text[0] == "'":
        body, rest = text[1:], ""
        index = 0
        while True:
            index = body.find("'", index)
            if index < 0:
                return None
            if body[index + 1 : index + 2] == "'":
                index += 2
                continue
            rest = body[index + 1 :]
            body = body[:index]
            break
        if rest.strip()[:1] not in ("", "#"):
            return None
        return body.replace("''", "'")
    if text[0] in "[]{}&*!|>%@`?,":
        return None
    if text[0] in "-:" and text[1:2] in ("", " ", "\t"):
        return None  # '- x' is a nested block sequence ('- - x' in a list), not text
    comment = _COMMENT.search(text)
    if comment is not None:
        text = text[: comment.start()].rstrip()
    if ": " in text or ":\t" in text or text.endswith(":") or _NOT_TEXT.fullmatch(text):
        return None
    return text


# Keys whose value is a date: read as the date YAML reads (every real procedure has one, so
# declining it would send every version of every document to the full parser).
DATE_KEYS = frozenset({"effective_date"})
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(raw: str) -> datetime.date | None:
    text = raw.strip()
    comment = _COMMENT.search(text)
    if comment is not None:
        text = text[: comment.start()].rstrip()
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _flow_list(raw: str) -> list[str] | None:
    text = raw.strip()
    hash_at = text.rfind("]")
    if not text.startswith("[") or hash_at < 0 or text[hash_at + 1 :].strip()[:1] not in ("", "#"):
        return None
    inner = text[1:hash_at]
    if _FLOW_SPECIAL.search(inner) or "#" in inner or ":" in inner:
        return None
    items = [item.strip() for item in inner.split(",")]
    if items and items[-1] == "":
        items.pop()
    if not all(items) or any(_NOT_TEXT.fullmatch(item) for item in items):
        return None
    return items


# Lines that start with 15 or more indentation and indicator characters (yaml_source.depth_bound
# counts such a lead): with none, block nesting is at most 2 * 15 levels.
_DEEP_LEAD = re.compile(r"\n[ \t?:-]{15}")
_UNBOUNDED = ("!", "\r", "\x85", "\u2028", "\u2029", "\ufeff")


def _shallow(yaml_text: str, lines: str) -> bool:
    """Whether the text provably nests no deeper than MAX_DEPTH and has no tag: a few
    substring counts for ordinary front matter (history reads thousands), else the full bound."""
    if (
        not any(char in yaml_text for char in _UNBOUNDED)
        and not _DEEP_LEAD.search(lines)
        and yaml_text.count("[") + yaml_text.count("{") <= MAX_DEPTH - 2 * 15
    ):
        return True
    bound = depth_bound(yaml_text)
    return bound is not None and bound <= MAX_DEPTH


def read(yaml_text: str, values: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The needed keys, or None when the real YAML parser must decide.

    ``values``, when given, remembers how each raw value reads across calls: history reads
    thousands of versions whose values mostly repeat."""
    # Keys this skips must not hide what the screened parser refuses (a value nested 200,000
    # deep, a tag): decline, and the caller's parser judges the whole text, as check does.
    lines = "\n" + yaml_text
    if not _shallow(yaml_text, lines):
        return None
    # Two regex passes find the needed keys' lines; anything beyond plain one-line values
    # (block lists, odd lines in column 0) is left to the line-by-line reader.
    if _ODD_TOP.search(lines):
        return _read_lines(yaml_text, screened=True)
    out: dict[str, Any] = {}
    for match in _WANTED.finditer(lines):
        key, raw_value = match[1], match[2] or ""
        if key in FULL_PARSE_KEYS or key in out:
            return None  # legacy history, or a duplicate key: the real parser judges
        if raw_value.strip()[:1] not in ("", "#") and _CONTINUED.match(lines, match.end()):
            return None  # a value continued on the next lines
        if key in DATE_KEYS:
            day = _date(raw_value)
            if day is None:
                return None
            out[key] = day
            continue
        value: Any = values.get(raw_value) if values is not None else None
        if value is None:
            raw = raw_value.strip()
            if not raw or raw[0] == "#":
                return _read_lines(yaml_text, screened=True)
            value = _flow_list(raw) if raw[0] == "[" else _scalar(raw)
            if value is None:
                return None
            if values is not None:
                values[raw_value] = value
        out[key] = list(value) if isinstance(value, list) else value  # never share a list
    return out


def _continued(lines: list[str], index: int) -> bool:
    """Whether the value on the line before ``index`` goes on (indented lines, maybe after
    blank ones): a multi-line plain scalar, which the real parser folds."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return (
        index < len(lines)
        and lines[index][:1] in (" ", "\t")
        and not lines[index].lstrip().startswith("#")
    )


def _read_lines(yaml_text: str, screened: bool = False) -> dict[str, Any] | None:
    """``read`` for front matter with block lists, one line at a time."""
    if not screened and not _shallow(yaml_text, "\n" + yaml_text):
        return None
    out: dict[str, Any] = {}
    lines = yaml_text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            continue  # belongs to a key we skip (checked below for needed keys)
        match = _KEY.match(line)
        if not match:
            return None
        key, raw = match[1], match[2] or ""
        if key in FULL_PARSE_KEYS:
            return None
        if key in out:
            return None  # duplicate: let the real parser judge
        if key not in NEEDED:
            continue
        if raw.strip() and not raw.strip().startswith("#"):
            value: Any = (
                _date(raw)
                if key in DATE_KEYS
                else _flow_list(raw)
                if raw.strip().startswith("[")
                else _scalar(raw)
            )
            if value is None or _continued(lines, index):
                return None
            out[key] = value
            continue
        items: list[str] = []
        item_indent = 0
        while index < len(lines) and (
            lines[index].startswith((" ", "-")) or not lines[index].strip()
        ):
            item_line = lines[index]
            index += 1
            if not item_line.strip():
                continue
            item = _PLAIN_ITEM.match(item_line)
            if not item:
                return None
            indent = len(item_line) - len(item_line.lstrip(" "))
            if items and indent != item_indent:
                return None  # a deeper line continues the item above: the parser folds it
            item_indent = indent
            scalar = _scalar(item[1])
            if scalar is None:
                return None
            items.append(scalar)
        out[key] = items if items else None
    return out


def read_or_parse(yaml_text: str) -> dict[str, Any]:
    """The front matter's keys: the fast reader where it can answer, the full (screened)
    parse where it declines (a date, a number, a nested value); {} when neither can."""
    meta = read(yaml_text)
    if meta is None:
        from doccontrol.load import yaml_source

        meta = yaml_source.load_tolerant(yaml_text)
    return meta if isinstance(meta, dict) else {}
