"""What a YAML or JSON parser's error means, in the run's language.

The parsers speak English (ruamel.yaml's "while parsing a flow sequence … expected ',' or ']',
but got '<stream end>'", json's "Expecting value"). Their messages are a fixed set: each one
a reader meets in a hand-edited file is said again from the catalogue (``parse.*``), with the
token it found named in words; a message not in the set is passed on as the parser wrote it.
Where the parser stopped at the end of the file, the place worth showing is where the
unclosed thing began."""

from __future__ import annotations

import re

from doccontrol.problems import Msg, msg

# (pattern on the parser's problem, catalogue key, whether the context mark is the place)
_YAML: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern), key, at_context)
    for pattern, key, at_context in (
        (r"expected ',' or '\]', but got '(?P<found>.*)'$", "parse.yaml.flow-sequence", True),
        (r"expected ',' or '\}', but got '(?P<found>.*)'$", "parse.yaml.flow-mapping", True),
        (r"expected <block end>, but found '(?P<found>.*)'$", "parse.yaml.indentation", False),
        (r"^mapping values are not allowed here$", "parse.yaml.colon", False),
        (r"^could not find expected ':'$", "parse.yaml.no-colon", True),
        (
            r"^found character '(?P<found>.*)' that cannot start any token$",
            "parse.yaml.character",
            False,
        ),
        (r"^found unexpected end of stream$", "parse.yaml.unclosed-quote", True),
        (r"^found unexpected document separator$", "parse.yaml.unclosed-quote", True),
        (r"^found unknown escape character '(?P<found>.*)'$", "parse.yaml.escape", False),
        (r"^sequence entries are not allowed here$", "parse.yaml.list-item", False),
        (r"^mapping keys are not allowed here$", "parse.yaml.question", False),
        (
            r"^expected the node content, but found '(?P<found>.*)'$",
            "parse.yaml.no-value",
            False,
        ),
        (r"^found unexpected ':'$", "parse.yaml.colon", False),
        (
            r"^expected chomping or indentation indicators, but found '(?P<found>.*)'$",
            "parse.yaml.block-scalar",
            False,
        ),
        (
            r"^expected alphabetic or numeric character, but found '(?P<found>.*)'$",
            "parse.yaml.name",
            False,
        ),
        (
            r"^expected a comment or a line break, but found '(?P<found>.*)'$",
            "parse.yaml.after-value",
            False,
        ),
    )
)
# the parser's token names a reader meets; others are shown as the parser names them
_TOKENS = {
    "<stream end>": "parse.token.end",
    "<block end>": "parse.token.block-end",
    "<scalar>": "parse.token.scalar",
    "<block mapping start>": "parse.token.mapping",
    "<block sequence start>": "parse.token.sequence",
    "<block entry>": "parse.token.entry",
    "-": "parse.token.entry",  # the scanner's own id for a list item
    "<key>": "parse.token.key",
    "<value>": "parse.token.value",
    "<flow sequence start>": "parse.token.flow-sequence",
    "<flow mapping start>": "parse.token.flow-mapping",
    "<flow sequence end>": "parse.token.flow-sequence-end",
    "<flow mapping end>": "parse.token.flow-mapping-end",
    "<flow entry>": "parse.token.comma",
    "<document start>": "parse.token.document",
    "<document end>": "parse.token.document-end",
    "<anchor>": "parse.token.anchor",
    "<alias>": "parse.token.alias",
    "<tag>": "parse.token.tag",
}


def _found(raw: str) -> str | Msg:
    key = _TOKENS.get(raw)
    if key is not None:
        return msg(key)
    # a character the scanner quotes as Python does ('\t'): shown as the reader would write it
    if raw in ("\\n", "\\r"):
        return msg("parse.token.line-break")
    return {"\\t": "Tab", " ": "' '"}.get(raw, repr(raw) if raw else "?")


def yaml_detail(problem: str | None, context: str | None) -> tuple[str | Msg, bool]:
    """What went wrong, and whether the context mark (where the unclosed or unfinished thing
    began) is the place to show rather than the problem mark (where the parser gave up)."""
    text = (problem or "").strip()
    for pattern, key, at_context in _YAML:
        found = pattern.search(text)
        if found is not None:
            args: dict[str, str | Msg] = {}
            if "found" in found.groupdict():
                # an escape is shown as written after its backslash; anything else in words
                raw = found["found"]
                args["found"] = raw if key == "parse.yaml.escape" else _found(raw)
            stopped_at_end = "found" in found.groupdict() and found["found"] == "<stream end>"
            return msg(key, **args), at_context or stopped_at_end
    words = " ".join(part for part in (context, problem) if part)
    return words.replace("\n", " "), False


_JSON: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^Expecting value$", "parse.json.value"),
        (r"^Expecting property name enclosed in double quotes$", "parse.json.name"),
        (r"^Expecting ':' delimiter$", "parse.json.colon"),
        (r"^Expecting ',' delimiter$", "parse.json.comma"),
        (r"^Unterminated string starting at$", "parse.json.string"),
        (r"^Invalid control character at$", "parse.json.control"),
        (r"^Invalid \\escape$", "parse.json.escape"),
        (r"^Invalid \\uXXXX escape$", "parse.json.escape"),
        (r"^Extra data$", "parse.json.extra"),
    )
)


def json_detail(message: str) -> str | Msg:
    """json.JSONDecodeError's ``msg`` in the run's language (as written when not known)."""
    for pattern, key in _JSON:
        if pattern.search(message):
            return msg(key)
    return message
