"""yaml_source.safe_load against its definition, ruamel's own ``YAML(typ="safe").load``: the
same data, or the same kind of error, on the shipped files and on odd-but-valid YAML."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from builders import PROJECT, shipped_documents
from doccontrol.load import yaml_source

ODD = [
    "",
    "~",
    "a: yes\nb: no\nc: on\nd: off\ne: y\nf: True\ng: FALSE\nh: Null\ni: ~\n",
    "a: 012\nb: 0o12\nc: 0x1F\nd: 1_000\ne: 1e3\nf: .inf\ng: -.INF\nh: .nan\ni: 1:20\nj: +12\n",
    "a: 2026-01-05\nb: 2026-02-30\nc: 2026-01-05T10:00:00Z\nd: 2026-01-05 10:00:00.5 +08:00\n",
    "%YAML 1.1\n---\na: yes\nb: 012\nc: 1:20\n",
    "%YAML 1.2\n---\na: yes\n",
    "a: &x [1, 2]\nb: *x\n",
    "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
    "a: 1\na: 2\n",
    "a: |\n  line\n   indented\n\nb: >-\n  folded\n  text\n",
    "a: 'it''s'\nb: \"tab\\tand \\u4e2d\"\nc: plain # comment\n\td: x\n",
    "? complex\n: value\n",
    "- a\n- - b\n  - c\n- {d: e}\n",
    "a: [unclosed\n",
    "a: b: c\n",
    "--- 1\n--- 2\n",
    "a: !!str 12\nb: !!int '3'\nc: !!binary aGVsbG8=\n",
    "标题: 变更管理程序\n版本: V1.0\n",
    'a: "\\ud800"\n',
]


def _shipped() -> list[str]:
    texts = [front for front, _body in shipped_documents()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "records").rglob("*.yaml"))]
    texts.append((PROJECT / "doccontrol.yml").read_text(encoding="utf-8"))
    return texts


def _ruamel(text: str, text_dates: bool) -> object:
    yaml = YAML(typ="safe")
    if text_dates:
        yaml.Constructor = yaml_source._TextDatesSafeConstructor
    return yaml.load(text)


def _outcome(load: object, text: str, text_dates: bool) -> object:
    try:
        return ("data", repr(load(text, text_dates)))  # type: ignore[operator]
    except Exception as exc:
        return ("error", type(exc).__name__)


@pytest.mark.parametrize("text_dates", [False, True])
def test_the_same_as_ruamel_safe(text_dates: bool) -> None:
    texts = [*ODD, *_shipped()]
    assert len(texts) > 60
    for text in texts:
        expected = _outcome(_ruamel, text, text_dates)
        assert _outcome(yaml_source.safe_load, text, text_dates) == expected, text


def test_the_fast_loader_is_in_use() -> None:
    # without libyaml it falls back to ruamel itself; the shipped environment has it
    assert yaml_source._TEXT_DATES_LOADER is not None
    assert yaml_source.safe_load("a: 2026-02-30", text_dates=True) == {"a": "2026-02-30"}
