"""On valid YAML, the fast front-matter reader either agrees with the real parser or declines.

(It skips keys it does not need without judging them; a file broken there is reported when
that file itself is checked.)"""

from __future__ import annotations

import random

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from doccontrol.load import frontmatter_fast

VALUES = [
    "SM-P-01",
    "'SM-P-01'",
    '"SM-P-01"',
    "V1.0 # 注释",
    "变更管理程序",
    "'它''s'",
    '"a: b"',
    "a: b",
    "1.0",
    "[a, b]",
    "[a, 'b']",
    "[]",
    "[a,]",
    "{x: 1}",
    "|\n  多行\n  文本",
    "&anchor x",
    "yes",
    '"esc\\"aped"',
    "",
]
KEYS = [
    "id",
    "title",
    "type",
    "version",
    "status",
    "approver",
    "reviewer",
    "owner",
    "clauses",
    "legacy_history",
]


def normal(value: object) -> object:
    if isinstance(value, list):
        return [str(v) for v in value]
    return None if value is None else str(value)


def test_agrees_with_yaml_or_declines():
    rng = random.Random(7)
    yaml = YAML(typ="safe")
    answered = 0
    for _ in range(3000):
        lines = []
        for key in rng.sample(KEYS, rng.randint(1, len(KEYS))):
            value = rng.choice(VALUES)
            if rng.random() < 0.15:
                lines.append(f"{key}:\n  - x\n  - 'y'")
            else:
                lines.append(f"{key}: {value}".rstrip())
            if rng.random() < 0.1:
                lines.append("# comment")
        text = "\n".join(lines) + "\n"
        fast = frontmatter_fast.read(text)
        if fast is None:
            continue
        try:
            full = yaml.load(text)
        except YAMLError:
            continue
        answered += 1
        for key, value in fast.items():
            assert normal(full.get(key)) == normal(value), (text, key)
    assert answered > 300  # the fast path is taken for the plain forms


def test_regex_reader_agrees_with_the_line_reader_exactly():
    """``read`` finds the needed lines by regex; the line-by-line reader is its definition."""
    rng = random.Random(11)
    odd_lines = ["- stray", "\x0bodd", " indented: 1", "\r# c", "\t\tx", "# c", "key:x", ""]
    forms = 0
    for _ in range(3000):
        lines = []
        for key in rng.sample(KEYS, rng.randint(1, len(KEYS))):
            roll = rng.random()
            if roll < 0.1:
                lines.append(f"{key}:\n  - x\n  - 'y'")
            elif roll < 0.15:
                lines.append(f"{key}:\n- x\n\n- y")
            elif roll < 0.2:
                lines.append(rng.choice(odd_lines))
            else:
                lines.append(f"{key}: {rng.choice(VALUES)}".rstrip())
        if rng.random() < 0.2:
            lines.append(lines[0])  # a duplicate key
        text = "\n".join(lines) + "\n"
        result = frontmatter_fast.read(text)
        assert result == frontmatter_fast._read_lines(text), text
        forms += result is not None
    assert forms > 300


def test_remembered_values_read_the_same_and_are_never_shared():
    values: dict = {}
    first = frontmatter_fast.read("id: A\napprover: [qa-manager, top]\n", values)
    second = frontmatter_fast.read("id: B\napprover: [qa-manager, top]\n", values)
    assert first == {"id": "A", "approver": ["qa-manager", "top"]}
    assert second == {"id": "B", "approver": ["qa-manager", "top"]}
    assert first["approver"] is not second["approver"]
    first["approver"].append("changed")
    assert frontmatter_fast.read("approver: [qa-manager, top]\n", values) == {
        "approver": ["qa-manager", "top"]
    }
    # a value that needs the real parser is not remembered as anything
    assert frontmatter_fast.read("id: {x: 1}\n", values) is None
    assert frontmatter_fast.read("id: {x: 1}\n", values) is None
