"""Display values: every shipped enum has a Chinese and an English label, and the labels module
turns codes, ids and ISO times into what people read."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from doccontrol import catalogue, labels
from doccontrol.config import from_data

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = sorted((PROJECT / "schemas/records").glob("*.schema.json"))


def _enum_nodes(node, path="", out=None):
    out = [] if out is None else out
    if isinstance(node, dict):
        if "enum" in node:
            out.append((path, node))
        for key, child in node.items():
            _enum_nodes(child, f"{path}/{key}", out)
    elif isinstance(node, list):
        for i, child in enumerate(node):
            _enum_nodes(child, f"{path}/{i}", out)
    return out


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_enum_value_has_exactly_one_zh_and_en_label(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    nodes = _enum_nodes(schema["properties"])
    assert nodes
    for where, node in nodes:
        given = labels.enum_labels(node)
        assert set(given) == {str(v) for v in node["enum"]}, where
        for value, entry in given.items():
            assert set(entry) == {"zh", "en"} and all(entry.values()), (where, value)
    # the labels sit beside the enum and change nothing about validation
    jsonschema.Draft202012Validator.check_schema(schema)


def _labels(language="zh", usual="+08:00"):
    config = from_data(yaml.safe_load((PROJECT / "doccontrol.yml").read_text(encoding="utf-8")))
    return labels.Labels(config, catalogue.load(language), usual)


def test_values_read_as_labels_names_and_times():
    zh, en = _labels("zh"), _labels("en")
    node = {
        "enum": ["phone", "email"],
        "x-doccontrol": {"labels": {"phone": {"zh": "电话", "en": "Phone"}}},
    }
    assert zh.value(node, "phone") == "电话" and en.value(node, "phone") == "Phone"
    assert zh.value(node, "email") == "email"  # no label: the code, never a crash
    assert zh.value({"x-doccontrol-ref": "person"}, "zhenghao") == "郑浩"
    assert zh.value({"x-doccontrol-ref": "department"}, "engineering") == "技术支持部"
    assert en.value({"x-doccontrol-ref": "department"}, "engineering") == "Engineering"
    assert zh.value({}, True) == "是" and en.value({}, False) == "No"
    assert zh.level("internal") == "内部" and en.level("internal") == "Internal"
    stamp = {"type": "string", "format": "date-time"}
    assert zh.value(stamp, "2026-03-09T09:42:00+08:00") == "2026-03-09 09:42"
    assert zh.value(stamp, "2026-03-09T09:42:15+08:00") == "2026-03-09 09:42:15"
    # another zone than the organisation's usual one is kept: the figures alone would mislead
    assert zh.value(stamp, "2026-03-09T02:42:00Z") == "2026-03-09 02:42 UTC+00:00"
    assert zh.value(stamp, "2026-03-09T09:42:00+0100") == "2026-03-09 09:42 UTC+01:00"
    assert zh.value(stamp, "not a time") == "not a time"
    items = {"type": "array", "items": node}
    assert zh.cell(items, ["phone", "phone"]) == "电话、电话"
    assert en.cell(items, ["phone", "phone"]) == "Phone, Phone"
    assert en.options(items) == ["Phone", "email"]


def test_the_usual_zone_is_the_one_most_values_are_written_in():
    assert labels.usual_offset([]) is None
    stamps = ["2026-01-01T08:00:00+08:00", "2026-01-02T08:00:00Z", "2026-01-03T08:00:00+08:00"]
    assert labels.usual_offset(stamps) == "+08:00"
    assert labels.usual_offset(["2026-01-02T08:00:00Z", "2026-01-03T08:00:00+08:00"]) == "+00:00"


def test_field_titles_are_chinese_with_an_english_title_beside_them():
    zh, en = _labels("zh"), _labels("en")
    node = {"title": "优先级", "x-doccontrol": {"titles": {"en": "Priority"}}}
    assert zh.field_title(node, "priority") == "优先级"
    assert en.field_title(node, "priority") == "Priority"
    # no English title: the Chinese one; no title at all: the key
    assert en.field_title({"title": "报告日期"}, "reported") == "报告日期"
    assert en.field_title({}, "reported") == zh.field_title({"title": " "}, "reported")
    assert en.field_title({"x-doccontrol": {"titles": {"en": 3}}}, "n") == "n"


def test_a_description_shows_labels_and_names_instead_of_codes_and_ids():
    zh, en = _labels("zh"), _labels("en")
    node = {
        "description": "phone 电话、email 电子邮件；缺省为 phone。由 zhaolei 登记，"
        "编号如 ACK-SM-P-18-V1.1-zhaolei。",
        "enum": ["phone", "email"],
        "x-doccontrol": {
            "labels": {
                "phone": {"zh": "电话", "en": "Phone"},
                "email": {"zh": "电子邮件", "en": "Email"},
            }
        },
    }
    assert zh.description(node) == (
        "电话、电子邮件；缺省为 电话。由 赵磊 登记，编号如 ACK-SM-P-18-V1.1-zhaolei。"
    )
    assert en.description(node) == (
        "Phone 电话、Email 电子邮件；缺省为 Phone。由 赵磊 登记，编号如 ACK-SM-P-18-V1.1-zhaolei。"
    )
    # a list of enum values is labelled by its items' labels
    listed = {"description": "可多选：phone、email。", "items": node | {"description": ""}}
    assert zh.description(listed) == "可多选：电话、电子邮件。"
    assert zh.description({"description": "自由文本。"}) == "自由文本。"
