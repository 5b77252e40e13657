"""The fast front-matter reader against its definition, ruamel's YAML parser, on odd but valid
YAML: continuation lines, comments after tabs, null/true/numbers/dates, quoted keys, tabs after
the colon, flow and block lists with such items. On every generated front matter the parser
accepts, the reader either declines (None: the caller parses) or returns exactly what the
parser reads for each key it returns, value and type."""

from __future__ import annotations

import datetime
import random

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from doccontrol.load import frontmatter_fast

NEEDED = ["id", "title", "type", "version", "status", "approver", "reviewer"]
OTHER = ["owner", "clauses", "effective_date", "review_interval_months"]
SCALARS = [
    "SM-P-01",
    "V1.0",
    "V1.0 # 注释",
    "V1.0\t# 注释 after a tab",
    "V1.0\t#not-a-comment-without-space-before",
    "a#b",
    "变更管理程序",
    "'SM-P-01'",
    '"SM-P-01"',
    "'它''s'",
    "'x' # c",
    '"x"\t# c',
    "null",
    "Null",
    "~",
    "true",
    "False",
    "yes",
    "no",
    "on",
    "1",
    "01",
    "1.0",
    "1.10",
    "-2",
    "+3",
    "0x1F",
    "0o17",
    "1e3",
    ".5",
    ".inf",
    ".NaN",
    "1_000",
    "2026-01-05",
    "2026-01-05T10:00:00+08:00",
    "2026年度服务报告",
    "1.0版",
    "V1.0:x",
    "<<",
    "=",
    "a\tb",
    "true story",
]
CONTINUED = [
    "变更\n  管理程序",
    "变更\n\n  管理程序",
    "a\n\tb",
    "a\n  b\n  c",
    "a\n  # comment\n",
]


def value_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return " " + rng.choice(SCALARS)
    if roll < 0.65:
        return rng.choice([" ", "\t"]) + rng.choice(CONTINUED)
    if roll < 0.8:
        items = rng.sample([*SCALARS[:12], "1", "true", "null", "2026-01-05"], rng.randint(0, 3))
        items = [i for i in items if "#" not in i and "\t" not in i]
        return " [" + ", ".join(items) + "]"
    if roll < 0.9:
        items = rng.sample(SCALARS, rng.randint(1, 3))
        return "".join(f"\n{rng.choice(['  ', '', '    '])}- {i}" for i in items)
    return rng.choice(["", " # 空", "\t"])


def front_matter(rng: random.Random) -> str:
    lines = []
    for key in rng.sample(NEEDED + OTHER, rng.randint(1, len(NEEDED) + len(OTHER))):
        shown = key
        if rng.random() < 0.05:
            shown = rng.choice([f'"{key}"', f"'{key}'", f"{key} "])  # quoted keys, space before ':'
        colon = ":\t" if rng.random() < 0.05 else ":"
        value = value_text(rng)
        if colon == ":\t":
            value = value.lstrip(" ")
        lines.append(f"{shown}{colon}{value}".rstrip(" "))
        if rng.random() < 0.1:
            lines.append(rng.choice(["# comment", "  # indented comment", "", "\t# tab comment"]))
    return "\n".join(lines) + "\n"


def test_agrees_with_ruamel_exactly_or_declines():
    rng = random.Random(13)
    yaml = YAML(typ="safe")
    answered = declined = 0
    for _ in range(6000):
        text = front_matter(rng)
        try:
            full = yaml.load(text)
        except YAMLError:
            continue
        if not isinstance(full, dict):
            continue
        fast = frontmatter_fast.read(text)
        if fast is None:
            declined += 1
            continue
        answered += 1
        for key, value in fast.items():
            expected = full.get(key)
            assert value == expected and type(value) is type(expected), (text, key, value)
            if isinstance(value, list):
                assert all(type(a) is type(b) for a, b in zip(value, expected, strict=True))
        # the keys it reads are all there: a needed key the parser sees is never left out
        assert {k for k in full if k in NEEDED} <= set(fast), text
    # both outcomes are exercised (the cases are odd on purpose, so most are declined)
    assert answered > 300 and declined > 300, (answered, declined)


def test_real_front_matter_is_read_not_declined():
    text = (
        "id: SM-P-18\ntitle: 变更管理程序\ntype: procedure\nversion: V1.1\nstatus: effective\n"
        "reviewer: [qa-manager]\napprover: [management-representative]\n"
        "effective_date: 2026-01-05\nreview_interval_months: 12\nclauses: ['8.5.1']\n"
    )
    assert frontmatter_fast.read(text) == {
        "id": "SM-P-18",
        "title": "变更管理程序",
        "type": "procedure",
        "version": "V1.1",
        "status": "effective",
        "reviewer": ["qa-manager"],
        "approver": ["management-representative"],
        "effective_date": datetime.date(2026, 1, 5),  # the date YAML reads, not declined
    }
