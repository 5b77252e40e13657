"""Small but real compliance repositories, built in temporary folders."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import textwrap
import time
from pathlib import Path

from doccontrol.load.repository import load_config

PROJECT = Path(__file__).resolve().parents[1]

# The project's own configuration: tests build on what doccontrol.yml says, not on copies of it.
PROJECT_CONFIG = load_config((PROJECT / "doccontrol.yml").read_bytes())[0]
# the day as `approve` counts it in the tests' repositories, which name no time zone
# (RepoBuilder drops it): the machine's own day
TODAY = datetime.date.today().isoformat()
assert PROJECT_CONFIG is not None
SECTIONS = list(PROJECT_CONFIG.document_types["procedure"].sections)


def shipped_documents() -> list[tuple[str, str]]:
    """(front matter, body) of every document the project ships, in path order: real text for
    the differential tests of the fast paths."""
    from doccontrol.load import frontmatter

    found = []
    for path in sorted((PROJECT / "docs").rglob("*.md")):
        split = frontmatter.split_text(path.read_text(encoding="utf-8"))
        if split is not None:
            found.append((split[0], split[1]))
    return found


def procedure(
    doc_id: str = "SM-P-01",
    title: str = "测试程序",
    version: str = "V1.0",
    status: str = "effective",
    extra: str = "",
    body: str | None = None,
    effective_date: str = "2026-01-05",
) -> str:
    """A valid procedure; ``extra`` adds front-matter lines, ``body`` replaces the body."""
    if body is None:
        body = "\n".join(f"## {n} {s}\n\n{s}的内容。\n" for n, s in enumerate(SECTIONS, 1))
    front = textwrap.dedent(
        f"""\
        id: {doc_id}
        title: {title}
        type: procedure
        version: {version}
        status: {status}
        control: controlled
        confidentiality: internal
        owner: qa
        author: [process-owner]
        reviewer: [qa-manager]
        approver: [management-representative]
        effective_date: {effective_date}
        review_interval_months: 12
        clauses: ['7.5.3']
        distribution: [qa]
        """
    )
    return f"---\n{front}{extra}---\n{body}"


TEST_RECORD_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "测试事件",
    "description": "测试用的事件记录",
    "x-doccontrol": {
        "name": "事件记录",
        "name_en": "Incident",
        "id_pattern": "^INC-\\d{4}-\\d{4}$",
        "id_format": "INC-{year}-{n:04d}",
        "retention_years": 3,
        "clauses": ["8.6.1"],
        "procedure": "SM-P-01",
        "title_field": "title",
        "date_field": "reported",
        "list_fields": ["id", "title", "priority"],
    },
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "priority", "reported"],
    "properties": {
        "id": {"title": "编号", "type": "string"},
        "title": {"title": "标题", "type": "string"},
        "confidentiality": {
            "title": "密级",
            "default": "internal",  # as the shipped schemas: a record without one is internal
            "enum": ["public", "internal", "confidential", "secret"],
        },
        "priority": {"title": "优先级", "enum": ["P1", "P2", "P3", "P4"]},
        "reported": {"title": "报告日期", "type": "string", "format": "date"},
        "assignee": {"title": "处理人", "type": "string", "x-doccontrol-ref": "person"},
        "related": {
            "title": "关联事件",
            "type": "array",
            "items": {"type": "string", "x-doccontrol-ref": "incident"},
        },
        "procedure": {"title": "依据文件", "type": "string", "x-doccontrol-ref": "document"},
    },
}


class RepoBuilder:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        (root / ".gitignore").write_text(".cache/\n")
        # the project's configuration as a new repository starts with it: the project's own
        # start of control names a commit of the project, not of this repository
        config = (PROJECT / "doccontrol.yml").read_text(encoding="utf-8")
        config = re.sub(r"^control_since: .*$", "control_since: null", config, count=1, flags=re.M)
        # each test names the time zone it is about (tests/test_days.py): dates are then the
        # committers' own, as the tests write them
        config = re.sub(r"^timezone: .*\n", "", config, count=1, flags=re.M)
        (root / "doccontrol.yml").write_text(config, encoding="utf-8")
        (root / "schemas/records").mkdir(parents=True)
        shutil.copy(PROJECT / "schemas/document.schema.json", root / "schemas/document.schema.json")
        self.write(
            "schemas/records/incident.schema.json",
            json.dumps(TEST_RECORD_SCHEMA, ensure_ascii=False, indent=2),
        )

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def doc(self, rel: str = "docs/procedures/test.md", **kwargs: str) -> Path:
        return self.write(rel, procedure(**kwargs))

    def record(
        self, record_id: str = "INC-2026-0001", extra: str = "", type_id: str = "incident"
    ) -> Path:
        text = (
            f"id: {record_id}\ntitle: 数据库连接超时\npriority: P2\nreported: 2026-03-09\n{extra}"
        )
        return self.write(f"records/{type_id}/{record_id}.yaml", text)


def settle() -> None:
    """Let every file written so far age past two seconds: the loader and the id index
    remember only files untouched for that long before they were read (load/id_index.py)."""
    time.sleep(2.1)


def png(text: bytes) -> bytes:
    """A 1×1 PNG carrying ``text`` in a comment chunk."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
        + chunk(b"tEXt", b"Comment\0" + text)
        + chunk(b"IDAT", zlib.compress(b"\0\0"))
        + chunk(b"IEND", b"")
    )
