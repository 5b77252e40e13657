"""JSON Schema validation whose errors point at the line and column of the offending value."""

from __future__ import annotations

import datetime
import difflib
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from doccontrol.gitdir import git_path as git_path
from doccontrol.load.positions import Locator, PathKey
from doccontrol.problems import Msg, Problem, msg

# JSON types as the reader calls them: catalogue keys label.type.<json type>
_TYPES = ("string", "integer", "number", "array", "object", "boolean", "null")


_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _is_date_time(instance: object) -> bool:
    """RFC 3339 date-time, checked here rather than through jsonschema's optional extras
    (whose URI grammar alone takes seconds to import)."""
    if not isinstance(instance, str):
        return True
    if not _DATE_TIME.match(instance):
        return False
    datetime.datetime.fromisoformat(instance.replace("z", "Z").replace("Z", "+00:00"))
    return True


def format_checker() -> FormatChecker:
    checker = FormatChecker(formats=("date", "email"))
    checker.checks("date-time", raises=ValueError)(_is_date_time)
    return checker


def make_validator(schema: Mapping[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=format_checker())


# A record schema found valid against the JSON Schema metaschema is remembered by a hash of its
# bytes, so the metaschema check (about 15 ms a schema, 0.3 s for the shipped 23) runs once per
# content, not in every command. The marks live in the Git directory (`git rev-parse --git-path
# doccontrol`), never in the work tree: nothing to commit, nothing an author could push.
_VALID_MARKS = "doccontrol/valid-schemas"


# the types a JSON Schema's "type" may name (a misspelt one is the usual slip)
JSON_TYPES = ("object", "array", "string", "number", "integer", "boolean", "null")


def schema_error(
    schema: Mapping[str, Any], raw: bytes, root: Path
) -> tuple[tuple[str | int, ...], str, Any] | None:
    """Why ``schema`` (read from the bytes ``raw``) is not a valid JSON Schema 2020-12: where
    (the path of keys), the validator's words, and the value found there; None when valid.

    A verdict of valid is kept as an empty file named by the hash of the bytes under the Git
    directory; a schema whose bytes changed is checked again."""
    marks = git_path(root, _VALID_MARKS)
    meta_id = str(Draft202012Validator.META_SCHEMA.get("$id", ""))
    mark = hashlib.sha256(meta_id.encode() + b"\0" + raw).hexdigest()
    if marks is not None and (marks / mark).is_file():
        return None
    try:
        make_validator(schema).check_schema(schema)
    except Exception as exc:  # jsonschema raises SchemaError: the best match of its errors
        path = tuple(getattr(exc, "absolute_path", ()) or ())
        words = str(getattr(exc, "message", exc)).replace("\n", " ")
        return path, words, getattr(exc, "instance", None)
    if marks is not None:
        try:  # an empty file cannot be half-written; a failure only costs the next run a check
            marks.mkdir(parents=True, exist_ok=True)
            (marks / mark).touch()
        except OSError:
            pass
    return None


def _where(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _label(error: ValidationError) -> Msg:
    """The value the error is about: its key, with its schema title (Chinese) when it has one."""
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    name = _where(error.absolute_path)
    if not name:
        return msg("label.value.file")
    return (
        msg("label.value.titled", name=name, title=title)
        if title
        else msg("label.value", name=name)
    )


def _type_word(json_type: str) -> Msg:
    return (
        msg(f"label.type.{json_type}")
        if json_type in _TYPES
        else msg("label.value.raw", text=json_type)
    )


def _describe(value: Any) -> Msg:
    for json_type, python_type in (
        ("boolean", bool),
        ("integer", int),
        ("number", float),
        ("string", str),
        ("array", list),
        ("object", dict),
    ):
        if isinstance(value, python_type):
            return _type_word(json_type)
    return (
        _type_word("null") if value is None else msg("label.value.raw", text=type(value).__name__)
    )


def _leaves(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf, the most relevant sub-error (jsonschema's own best match)."""
    while error.validator in ("oneOf", "anyOf") and error.context:
        deeper = best_match(error.context)
        if deeper is None:
            break
        error = deeper
    return error


# Validator kinds without a code of their own (DC107), each with its own text; ``limit`` is
# the schema's value (a length, a bound, a count).
_OTHER_KINDS = frozenset(
    {
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "multipleOf",
        "not",
        "oneOf",
        "anyOf",
        "dependentRequired",
        "propertyNames",
    }
)


def _problems_for(error: ValidationError, path: str, positions: Locator) -> Iterator[Problem]:
    error = _leaves(error)
    where: PathKey = tuple(error.absolute_path)
    line, col = positions.of_value(where)
    kind = error.validator
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    wanted_value: Any = error.validator_value
    if kind == "required":
        for name in wanted_value:
            if isinstance(error.instance, dict) and name not in error.instance:
                prop = schema.get("properties", {}).get(name, {})
                title = prop.get("title") if isinstance(prop, dict) else None
                key = (
                    msg("label.value.titled", name=name, title=title)
                    if title
                    else msg("label.value", name=name)
                )
                if where:
                    yield Problem.at(
                        path, line, col, "problem.DC101.inside", key=key, inside=_where(where)
                    )
                else:
                    yield Problem.at(path, line, col, "problem.DC101", key=key)
        return
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = list(schema.get("properties", {}))
        for name in error.instance:
            if name in known:
                continue
            key_line, key_col = positions.of_key((*where, name))
            near = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            shown = _where((*where, name))
            if near:
                yield Problem.at(
                    path, key_line, key_col, "problem.DC102.near", key=shown, near=near[0]
                )
            else:
                yield Problem.at(path, key_line, key_col, "problem.DC102", key=shown)
        return
    label = _label(error)
    if kind == "type":
        wanted = wanted_value
        wanted_words = tuple(
            _type_word(w) for w in ([wanted] if isinstance(wanted, str) else wanted)
        )
        yield Problem.at(
            path,
            line,
            col,
            "problem.DC103",
            label=label,
            wanted=wanted_words[0]
            if len(wanted_words) == 1
            else msg("label.alternatives", items=wanted_words),
            got=_describe(error.instance),
        )
    elif kind in ("enum", "const"):
        allowed = wanted_value if kind == "enum" else [wanted_value]
        texts = tuple(str(a) for a in allowed)
        got: Any = repr(error.instance)
        near = []
        if error.instance is None:  # left empty: said as DC103 says it, with nothing "near"
            got = _describe(None)
        elif isinstance(error.instance, bool):
            got = "true" if error.instance else "false"  # as YAML writes it, not Python
        else:
            near = difflib.get_close_matches(str(error.instance), texts, n=1, cutoff=0.6)
        values = {"label": label, "allowed": ", ".join(texts), "got": got}
        if near:
            yield Problem.at(path, line, col, "problem.DC104.near", near=near[0], **values)
        else:
            yield Problem.at(path, line, col, "problem.DC104", **values)
    elif kind == "pattern":
        yield Problem.at(
            path,
            line,
            col,
            "problem.DC105.pattern",
            label=label,
            value=repr(error.instance),
            pattern=str(error.validator_value),
        )
    elif kind == "format":
        if error.validator_value in ("date", "date-time"):
            form = "YYYY-MM-DD" if error.validator_value == "date" else "YYYY-MM-DDThh:mm:ss+08:00"
            yield Problem.at(
                path,
                line,
                col,
                f"problem.DC106.{error.validator_value}",
                label=label,
                value=repr(error.instance),
                form=form,
            )
        else:
            yield Problem.at(
                path,
                line,
                col,
                "problem.DC105.format",
                label=label,
                format=str(error.validator_value),
                value=repr(error.instance),
            )
    elif kind in _OTHER_KINDS:
        limit = error.validator_value
        shown = str(limit) if isinstance(limit, int | float | str) else ""
        yield Problem.at(
            path,
            line,
            col,
            f"problem.DC107.{kind}",
            label=label,
            limit=shown,
            value=repr(error.instance),
        )
    else:
        # a validator the catalogue has no words for: jsonschema's own (English) sentence
        yield Problem.at(path, line, col, "problem.DC107", label=label, detail=error.message)


def validate(
    validator: Draft202012Validator, data: Any, path: str, positions: Locator
) -> list[Problem]:
    problems: list[Problem] = []
    for error in validator.iter_errors(data):
        problems.extend(_problems_for(error, path, positions))
    return problems
