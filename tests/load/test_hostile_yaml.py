"""Hostile YAML and JSON: nesting deeper than the limit and tags are refused with a problem at
their line and column, before any recursive parser sees them; never a RecursionError or a crash.

The sizes the attack used (1,000, 30,000 and 1,000,000 levels) run through every entry point:
the strict parser, the fast path, the history reader's tolerant loader, the fast front-matter
reader and JSON schemas."""

from __future__ import annotations

import json
import random
import resource

import pytest
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

from doccontrol import catalogue
from doccontrol.load import documents, frontmatter, frontmatter_fast, text, yaml_source
from doccontrol.load.text import MAX_DEPTH
from doccontrol.load.yaml_source import _StrictComposer, _TextDatesConstructor

LEVELS = [1_000, 30_000, 1_000_000]


def codes(problems: object) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.code) for p in problems]  # type: ignore[attr-defined]


def compact(n: int) -> str:
    """n block sequences inside each other on one line: '- - - x'."""
    return "- " * n + "x\n"


def indented(n: int) -> str:
    """n block sequences, each one column further in."""
    return "".join(" " * i + "-\n" for i in range(n)) + " " * n + "x\n"


@pytest.mark.parametrize("levels", LEVELS)
@pytest.mark.parametrize("style", ["flow-seq", "flow-map", "compact", "unclosed"])
def test_deep_nesting_is_one_problem_at_the_level_past_the_limit(levels: int, style: str) -> None:
    body = {
        "flow-seq": "[" * levels + "]" * levels,
        "flow-map": "{a: " * levels + "x" + "}" * levels,
        "compact": compact(levels),
        "unclosed": "[" * levels,
    }[style]
    # the same in a record (line 1) and in front matter that starts on line 2 after a key
    for parse in (yaml_source.parse, yaml_source.parse_fast):
        whole = parse("r.yaml", body)
        assert [p.code for p in whole.problems] == ["DC016"], style
        assert whole.data is None
        line, col, _ = codes(whole.problems)[0]
        assert line == 1
        step = {"flow-seq": 1, "flow-map": 4, "compact": 2, "unclosed": 1}[style]
        assert col == 1 + MAX_DEPTH * step  # the 65th collection
        assert "64 levels" in whole.problems[0].text(catalogue.load("en"))
        # a block sequence cannot follow 'key: ' on its line: it starts on the next one
        sep, line = ("\n", 4) if style == "compact" else (" ", 3)
        keyed = parse("d.md", "id: SM-P-01\nrelated:" + sep + body, 2)
        assert [(p.line, p.code) for p in keyed.problems] == [(line, "DC016")]


@pytest.mark.parametrize("levels", [1_000, 30_000])
def test_deep_indented_block_nesting(levels: int) -> None:
    # indentation grows by one a level, so 30,000 levels are ~450 MB: the real files stop at
    # the 1 MiB size limit (DC006) long before; the parser must still refuse what it is given
    # up to there
    levels = min(levels, 1_400)
    parsed = yaml_source.parse_fast("r.yaml", "related:\n" + indented(levels))
    assert codes(parsed.problems) == [(MAX_DEPTH + 1, MAX_DEPTH, "DC016")]


def test_exactly_the_limit_is_read() -> None:
    # the document mapping is level 1, so 63 brackets make 64 levels
    text_ = "a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n"
    for parse in (yaml_source.parse, yaml_source.parse_fast):
        parsed = parse("r.yaml", text_)
        assert parsed.problems == ()
        value = parsed.data["a"]
        for _ in range(MAX_DEPTH - 2):
            value = value[0]
        assert value == ["x"]
    over = "a: " + "[" * MAX_DEPTH + "x" + "]" * MAX_DEPTH + "\n"
    assert codes(yaml_source.parse("r.yaml", over).problems) == [(1, 3 + MAX_DEPTH, "DC016")]


def test_the_composer_refuses_depth_itself() -> None:
    """Where the screen is skipped (or a parser reads further than libyaml did), the strict
    composer still stops at the limit instead of recursing."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _StrictComposer
    yaml.Constructor = _TextDatesConstructor
    with pytest.raises(YAMLError) as refused:
        yaml.load("[" * 5_000 + "]" * 5_000)
    assert refused.value.key == "problem.DC016"  # type: ignore[attr-defined]
    with pytest.raises(YAMLError) as tagged:
        yaml.load("a: !!python/name:os.system x\n")
    assert tagged.value.key == "problem.DC017"  # type: ignore[attr-defined]


def test_a_million_levels_stop_in_bounded_memory() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for body in ("[" * 1_000_000, "{a: " * 1_000_000, compact(1_000_000)):
        assert [p.code for p in yaml_source.parse_fast("r.yaml", body).problems] == ["DC016"]
        assert yaml_source.load_tolerant(body) is None
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 100 * 1024  # the texts are 1-4 MB; a parse of them would be gigabytes


HOSTILE_TAGS = [
    ("!!python/object/apply:os.system ['echo pwned']", "!!python/object/apply:os.system"),
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!!python/object:collections.OrderedDict {}", "!!python/object:collections.OrderedDict"),
    ("!custom x", "!custom"),
    ("!<tag:example.com,2026:x> x", "tag:example.com,2026:x"),
    ("! x", "!"),
    ("!!binary aGVsbG8=", "!!binary"),
    ("!!set {a, b}", "!!set"),
    ("!!timestamp 2026-01-05", "!!timestamp"),
    ("!!int '12'", "!!int"),
    ("!!bool yes", "!!bool"),
    ("!!null x", "!!null"),
    ("!!float '1.5'", "!!float"),
    ("!!omap [a: 1]", "!!omap"),
]


@pytest.mark.parametrize(("value", "shown"), HOSTILE_TAGS)
def test_tags_are_refused_with_their_position(value: str, shown: str) -> None:
    for where in (f"id: X\nvalue: {value}\n", f"id: X\nvalue: [1, {value} ]\n"):
        col = where.split("\n")[1].index("!") + 1
        for parse in (yaml_source.parse, yaml_source.parse_fast):
            parsed = parse("r.yaml", where, 5)
            assert codes(parsed.problems) == [(6, col, "DC017")], where
            assert repr(shown) in parsed.problems[0].message
            assert parsed.data is None
        assert yaml_source.load_tolerant(where) is None


def test_a_tag_after_a_json_style_key_is_refused() -> None:
    # '"a":!!x' needs no space before the tag, which the fast path's cheap regex does not see
    parsed = yaml_source.parse_fast("r.yaml", '{"a":!!python/name:os.system x}\n')
    assert codes(parsed.problems) == [(1, 6, "DC017")]


def test_plain_data_tags_are_allowed() -> None:
    text_ = "version: !!str 1.0\nlist: !!seq [a]\nmap: !!map {b: c}\n"
    for parse in (yaml_source.parse, yaml_source.parse_fast):
        parsed = parse("r.yaml", text_)
        assert parsed.problems == ()
        assert parsed.data == {"version": "1.0", "list": ["a"], "map": {"b": "c"}}


def test_a_document_with_a_tag_or_deep_front_matter_is_not_loaded() -> None:
    tagged = "---\nid: SM-P-01\ntitle: !!python/object/apply:os.system ['x']\n---\n# 正文\n"
    loaded = documents.load_document("docs/a.md", tagged.encode())
    assert loaded.item is None
    assert codes(loaded.problems) == [(3, 8, "DC017")]
    deep = "---\nid: SM-P-01\nrelated: " + "[" * 30_000 + "]" * 30_000 + "\n---\n# 正文\n"
    loaded = documents.load_document("docs/a.md", deep.encode())
    assert loaded.item is None
    assert codes(loaded.problems) == [(3, 9 + MAX_DEPTH, "DC016")]


@pytest.mark.parametrize("levels", LEVELS)
def test_deep_json_schema_is_refused_before_json_loads(levels: int) -> None:
    raw = '{"title": "x",\n "a": ' + "[" * levels + "]" * levels + "}"
    data, problems = documents.load_json("schemas/records/x.schema.json", raw.encode())
    assert data is None
    # the object is level 1: the 64th bracket is the 65th level, at column 7 + 63
    assert codes(problems)[-1] == (2, 7 + MAX_DEPTH - 1, "DC016") or levels > 500_000
    if levels > 500_000:  # over the 1 MiB limit: refused unread
        assert [p.code for p in problems] == ["DC006"]


def test_json_brackets_in_strings_do_not_count() -> None:
    raw = json.dumps({"pattern": "[" * 500 + "{" * 500, "escaped": '\\"[[[[' * 50, "n": [[1]]})
    assert text.json_too_deep("s.json", raw) is None
    deep = '{"a": "]]]]", "b": ' + "[" * 70 + "]" * 70 + "}"
    assert codes([text.json_too_deep("s.json", deep)]) == [(1, 20 + MAX_DEPTH - 1, "DC016")]


@pytest.mark.parametrize("levels", LEVELS)
def test_history_readers_never_recurse(levels: int) -> None:
    """The history engine reads old versions with frontmatter_fast.read and then a tolerant
    safe load: both give None (an unreadable version) on hostile front matter, never a crash."""
    for value in ("[" * levels + "]" * levels, "!!python/object/apply:os.system ['x']"):
        for key in ("approver", "title", "related"):
            yaml_text = f"id: SM-P-01\n{key}: {value}\nversion: V1.0\n"
            meta = frontmatter_fast.read(yaml_text, {})
            assert meta is None or meta.get(key) is None or key == "related"
            assert yaml_source.load_tolerant(yaml_text) is None
    blob = "---\nid: SM-P-01\napprover:\n" + compact(levels) + "---\n正文\n"
    split = frontmatter.split_text(blob)
    assert split is not None
    assert frontmatter_fast.read(split[0]) is None
    assert yaml_source.load_tolerant(split[0]) is None


def _block(rng: random.Random, depth: int, col: int) -> tuple[str, list[str]]:
    """A random block or flow node: its first line's text (placed by the caller) and the lines
    after it, already indented."""
    kind = rng.choice(["scalar", "flow", "seq", "map"] if depth > 0 else ["scalar"])
    if kind == "scalar":
        return rng.choice(["x", "'a: [b'", '"{c"', "1", "- not a list"]), []
    if kind == "flow":
        n = rng.randint(1, depth)
        opener = rng.choice(["[", "{a: "])
        closer = "]" if opener == "[" else "}"
        return opener * n + "x" + closer * n, []
    lines: list[str] = []
    first: str | None = None
    for index in range(rng.randint(1, 2)):
        if kind == "seq":
            head = "- "
            child_col = col + 2
        else:
            head = f"k{index}: "
            child_col = col + rng.randint(1, 3)
        compact_child = kind == "seq" and rng.random() < 0.6
        if compact_child:
            child_first, child_rest = _block(rng, depth - 1, child_col)
            line = head + child_first
        else:
            inline = rng.random() < 0.3
            child_first, child_rest = _block(rng, 0 if inline else depth - 1, child_col)
            if inline or (not child_rest and not child_first.startswith(("- ", "k"))):
                line = head + child_first
            else:
                same = kind == "map" and child_first.startswith("- ") and rng.random() < 0.5
                indent = col if same else child_col
                if same:
                    child_rest = [r[child_col - col :] for r in child_rest]
                line = head.rstrip()
                child_rest = [" " * indent + child_first, *child_rest]
        if first is None:
            first = line
        else:
            lines.append(" " * col + line)
        lines.extend(child_rest)
    assert first is not None
    return first, lines


def _true_depth(text_: str) -> int | None:
    depth = deepest = 0
    try:
        for event in yaml_source._events(text_):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        return None
    return deepest


def test_the_cheap_bound_never_undercounts() -> None:
    """The screen skips the parse when depth_bound proves the text shallow: on thousands of
    random block, compact and flow structures the bound is never below the real depth."""
    rng = random.Random(11)
    checked = 0
    for _ in range(4_000):
        first, rest = _block(rng, rng.randint(1, 12), 0)
        text_ = "\n".join([first, *rest]) + "\n"
        real = _true_depth(text_)
        if real is None:
            continue
        bound = yaml_source.depth_bound(text_)
        assert bound is not None and bound >= real, text_
        checked += 1
    assert checked > 2_000


def test_line_breaks_the_bound_cannot_see_force_the_parse() -> None:
    # libyaml breaks lines at CR, NEL, LS and PS too: indentation after them is not seen by
    # a '^' search, so such text is always parsed by the screen
    for brk in ("\r", "\x85", "\u2028", "\u2029"):
        body = "a:" + "".join(brk + " " * i + "-" for i in range(1, 80)) + brk
        assert yaml_source.depth_bound(body) is None
    cr = "a:" + "".join("\r" + " " * i + "-" for i in range(1, 80)) + "\r"
    assert [p.code for p in yaml_source.parse_fast("r.yaml", cr).problems] == ["DC016"]


@pytest.mark.parametrize(
    "text",
    ["id: X\n<<: {title: 合并}\n", "id: X\nbase: &b {a: 1}\nmore:\n  <<: {b: 2}\n"],
)
def test_merge_keys_are_refused_with_their_position(text: str) -> None:
    # a merged value stands where nobody wrote it, and crashed the reader (no line of its own)
    line = next(n for n, row in enumerate(text.split("\n"), 5) if "<<" in row)
    col = text.split("\n")[line - 5].index("<<") + 1
    for parse in (yaml_source.parse, yaml_source.parse_fast):
        parsed = parse("d.md", text, 5)
        assert codes(parsed.problems) == [(line, col, "DC018")]
        assert parsed.data is None


@pytest.mark.parametrize(
    ("text", "col"),
    [
        ('id: X\ntitle: "\\ud800代理"\n', 8),
        ('id: X\ntitle: ["a", "\\U0000dfff"]\n', 14),
        ('id: X\n"\\udc00": 1\n', 1),
    ],
)
def test_a_lone_surrogate_is_reported_and_replaced(text: str, col: int) -> None:
    # only an escape can write one; no output (JSON, HTML, PDF) could encode it later
    for parse in (yaml_source.parse, yaml_source.parse_fast):
        parsed = parse("d.md", text, 5)
        assert codes(parsed.problems) == [(6, col, "DC019")]
        assert "\ufffd" in json.dumps(parsed.data, ensure_ascii=False)
        json.dumps(parsed.data, ensure_ascii=False).encode("utf-8")  # writable, no surrogate
    # a proper escape stays what it says
    assert yaml_source.parse_fast("d.md", 'title: "\\u4e2d"\n').data == {"title": "中"}


@pytest.mark.parametrize(
    "text",
    [
        "%YAML 1.1\n---\nid: X\nreview_interval_months: 012\napproved: yes\n",
        "%YAML 1.2\n---\nid: X\n",
        "# comment\n%TAG !e! tag:example.com,2000:\n---\nid: X\n",
    ],
)
def test_yaml_directives_are_refused_by_every_reader(text: str) -> None:
    # libyaml's loader ignores '%YAML 1.1' and ruamel's pure parser obeys it: 012 was 12 to
    # one and 10 to the other, 'yes' text to one and true to the other
    line = next(n for n, row in enumerate(text.split("\n"), 5) if row.startswith("%"))
    for parse in (yaml_source.parse, yaml_source.parse_fast):
        parsed = parse("r.yaml", text, 5)
        assert codes(parsed.problems) == [(line, 1, "DC023")]
        assert parsed.data is None
    assert yaml_source.load_tolerant(text) is None
    # a '%' that is text is not a directive
    assert yaml_source.parse_fast("r.yaml", "a: '%YAML 1.1'\nb: 5%\n").data == {
        "a": "%YAML 1.1",
        "b": "5%",
    }
