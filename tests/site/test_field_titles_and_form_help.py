"""Record field titles in the site's language (x-doccontrol titles beside each property's
Chinese title) and blank forms whose 填写说明 shows labels and names, not codes and ids: real
`mkdocs build` on a small real repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from builders import PROJECT
from site_helpers import table_rows

CHANNEL = {
    "title": "报告渠道",
    "description": "phone 电话、email 电子邮件；缺省为 phone。由 zhaolei 登记。",
    "enum": ["phone", "email"],
    "x-doccontrol": {
        "labels": {
            "phone": {"zh": "电话", "en": "Phone"},
            "email": {"zh": "电子邮件", "en": "Email"},
        },
        "titles": {"en": "Channel"},
    },
}


def _site(scenario, tmp_path: Path, language: str) -> Path:
    shutil.copy(PROJECT / "mkdocs.yml", scenario.root / "mkdocs.yml")
    schema_path = scenario.root / "schemas/records/incident.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["channel"] = CHANNEL
    schema["properties"]["assignee"]["x-doccontrol"] = {"titles": {"en": "Assignee"}}
    schema["x-doccontrol"]["list_fields"] = ["id", "title", "channel"]
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    config = scenario.root / "doccontrol.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"\nlanguage: {language}\n", encoding="utf-8"
    )
    scenario.files.record("INC-2026-0001", extra="assignee: zhaolei\nchannel: email\n")
    scenario.git.commit("站点配置与记录", date="2026-01-01T11:00:00+08:00")
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=scenario.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _form_help(site: Path) -> dict[str, str]:
    rows = table_rows(_read(site, "forms/incident"), "dc-form")
    return {row[0].rstrip(" *"): row[1] for row in rows}


def _record(site: Path) -> dict[str, str]:
    rows = table_rows(_read(site, "records/incident/INC-2026-0001"), "dc-record")
    return {row[0]: row[1] for row in rows}


def test_the_chinese_form_explains_fields_with_labels_and_names(scenario, tmp_path):
    site = _site(scenario, tmp_path, "zh")
    shown = _form_help(site)
    assert shown["报告渠道"] == "电话、电子邮件；缺省为 电话。由 赵磊 登记。"
    assert _record(site)["报告渠道"] == "电子邮件"
    assert "<th>报告渠道</th>" in _read(site, "records")


def test_the_english_site_shows_english_field_titles(scenario, tmp_path):
    site = _site(scenario, tmp_path, "en")
    record = _record(site)
    assert record["Channel"] == "Email" and record["Assignee"] == "赵磊"
    assert "报告渠道" not in record and "处理人" not in record
    # a field without an English title keeps its Chinese one
    assert record["报告日期"] == "2026-03-09"
    assert "<th>Channel</th>" in _read(site, "records")
    shown = _form_help(site)
    assert shown["Channel"] == "Phone 电话、Email 电子邮件；缺省为 Phone。由 赵磊 登记。"
    assert "Assignee" in shown and "处理人" not in shown


def _titled_properties(node, where):
    """(where, property schema) of every property that has a title, at any depth."""
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            if isinstance(value, dict) and "title" in value:
                yield f"{where}/{key}", value
        for key, value in node.items():
            yield from _titled_properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _titled_properties(value, f"{where}/{i}")


def test_every_shipped_record_field_has_an_english_title():
    """The English site and exports name every field in English (x-doccontrol.titles.en)."""
    import json

    from builders import PROJECT

    missing = [
        where
        for path in sorted((PROJECT / "schemas/records").glob("*.schema.json"))
        for where, prop in _titled_properties(json.loads(path.read_text("utf-8")), path.name)
        if not prop.get("x-doccontrol", {}).get("titles", {}).get("en")
    ]
    assert not missing, missing
