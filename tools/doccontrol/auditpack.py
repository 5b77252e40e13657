"""The audit pack: one deterministic zip of the evidence for a period, with a manifest.

Same inputs, same bytes: entries are sorted, timestamps and permissions fixed, spreadsheets
carry fixed properties, JSON is written with sorted keys. ``MANIFEST.sha256`` lists every other
entry's SHA-256, so ``verify`` detects any file changed, added or removed after the fact.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from doccontrol import __version__, publishing, registers
from doccontrol.config import Config
from doccontrol.history import content
from doccontrol.history.gitread import GitReader
from doccontrol.history.model import EVIDENCE_LABELS, History
from doccontrol.load.documents import load_document
from doccontrol.load.repository import Repository
from doccontrol.model import Document
from doccontrol.trail import trail_rows

MANIFEST = "MANIFEST.sha256"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
Xlsx = Callable[[tuple[str, ...], list[list[str]], str], bytes]


def _csv(headers: tuple[str, ...] | list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _in_period(iso: str, start: datetime.date, end: datetime.date) -> bool:
    return start.isoformat() <= iso[:10] <= end.isoformat()


def build(
    repo: Repository,
    config: Config,
    history: History,
    reader: GitReader,
    start: datetime.date,
    end: datetime.date,
    max_level: str,
    xlsx: Xlsx,
    site_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, bytes]:
    """name → bytes of every entry of the pack (the manifest included)."""
    say = progress or (lambda _: None)
    files: dict[str, bytes] = {}
    # what may be named at all: every level now and in any version at or below max_level
    # (publishing.py); a withdrawn or deleted document by the levels its history records
    present = {d.id for d in repo.documents if d.id}
    shown = {
        doc_id
        for doc_id, doc_history in history.documents.items()
        if publishing.document_publishable(config, max_level, repo.document(doc_id), doc_history)
    }

    say("documents in force at the end of the period")
    # one computation for the register, the site and the CLI: where each document stood
    stands = registers.standings(repo, history, end)
    in_force: list[tuple[Document, str]] = []
    for doc_id in sorted(stands, key=registers._id_key):
        revision = stands[doc_id].in_force
        if revision is None:
            continue
        text = content.text_at(reader, revision)
        if text is None:
            continue
        loaded = load_document(revision.path, text.encode("utf-8"))
        document = loaded.item
        if (
            document is None
            or doc_id not in shown
            or not publishing.document_publishable(
                config, max_level, document, history.documents.get(doc_id)
            )
        ):
            continue
        in_force.append((document, revision.date))
        files[f"documents/{doc_id} {revision.version.replace('/', '-')}.md"] = text.encode("utf-8")
        if site_dir is not None:
            page = (
                site_dir / publishing.page_stem(revision.path.removeprefix("docs/")) / "index.html"
            )
            if page.is_file():
                files[f"documents/html/{doc_id}.html"] = page.read_bytes()
    published = {d.id for d, _ in in_force if d.id}
    # the trail and the change history name these: in force at the end, or no longer present
    visible = published | (shown - present)

    say("register as of the end date")
    rows = [
        registers.register_cells(row)
        for row in registers.document_rows(repo, history, end, stands)
        if row.id in visible
    ]
    headers = registers.REGISTER_HEADERS
    files["register/register.csv"] = _csv(headers, rows)
    files["register/register.xlsx"] = xlsx(headers, rows, "受控文件清单")

    say("change history and approval trail in the period")
    revisions = [
        {"document": d.id, "title": d.title, **r.to_json()}
        for d in history.documents.values()
        if d.id in visible
        for r in d.revisions
        if r.commit and _in_period(r.date, start, end)
    ]
    revisions.sort(key=lambda r: (r["date"], r["document"]))
    files["history/revisions.json"] = _json(revisions)
    files["history/revisions.csv"] = _csv(
        [
            "文件编号",
            "序号",
            "版本",
            "日期",
            "更改处",
            "更改内容",
            "更改人",
            "审核人",
            "批准人",
            "合并请求",
            "签名",
            "批准证据",
            "已批准",
            "问题",
        ],
        [
            [
                r["document"],
                r["seq"],
                r["version"],
                r["date"],
                "、".join(r["sections"]),
                r["change"],
                "、".join(p["name"] for p in r["authors"]),
                "、".join(p["name"] for p in r["reviewers"]),
                "、".join(p["name"] for p in r["approvers"]),
                (r["merge_request"] or {}).get("label", ""),
                r["signature"]["status"],
                EVIDENCE_LABELS.get(r["evidence"], r["evidence"]),
                "是" if r["approved"] else "否",
                "; ".join(f"{p['code']} {p['message']}" for p in r["problems"]),
            ]
            for r in revisions
        ],
    )
    events = publishing.visible_events(
        (e for e in history.events if _in_period(e.date, start, end)), visible
    )
    files["history/trail.json"] = _json([e.to_json() for e in events])
    trail_headers, trail_cells = trail_rows(events)
    files["history/trail.csv"] = _csv(trail_headers, trail_cells)
    files["history/signatures.csv"] = _csv(
        ["提交", "日期", "签名状态", "密钥", "签名者", "验证为"],
        [
            [
                e.commit,
                e.date,
                e.signature.status,
                e.signature.key,
                e.signature.signer,
                e.signature.verified_for or "",
            ]
            for e in events
        ],
    )

    say("records in the period")
    count = 0
    for record in sorted(repo.records, key=lambda r: r.path):
        record_type = repo.record_types.get(record.type)
        if record_type is None or not publishing.record_publishable(config, max_level, record):
            continue
        day = str(record.data.get(record_type.date_field, ""))
        if day and _in_period(day, start, end):
            files[record.path] = (repo.root / record.path).read_bytes()
            count += 1

    say("clause coverage")
    cover = registers.coverage([d for d, _ in in_force], repo.record_types, repo.clauses)
    files["coverage.csv"] = _csv(
        ["条款", "标题", "文件", "记录类型", "已覆盖"],
        [
            [
                r.clause.id,
                r.clause.zh,
                "、".join(r.documents),
                "、".join(r.record_types),
                "是" if r.covered else "否",
            ]
            for r in cover
        ],
    )

    problems = sorted(
        {(p.code, p.commit, p.document, p.message) for e in events for p in e.problems}
        | {(p.code, p.commit, p.document, p.message) for p in history.notices}
    )
    files["history/notices.json"] = _json([p.to_json() for p in history.notices])
    files["README.txt"] = (
        f"审核资料包 / Audit pack\n期间 Period: {start} — {end}\n分支 Branch: {history.branch} @ {history.head}\n"
        f"发布密级上限 Highest level included: {max_level}\n文件 Documents in force at the end: {len(in_force)}\n"
        f"审批事件 Approval events in the period: {len(events)}, 问题 problems: {len(problems)}\n记录 Records in the period: {count}\n"
        f"{'历史不完整（浅克隆） History incomplete (shallow clone)' + chr(10) if history.incomplete else ''}"
        f"生成工具 Made by doccontrol {__version__}. Verify: doccontrol audit-pack --verify FILE.zip\n"
    ).encode()
    files[MANIFEST] = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    ).encode("utf-8")
    return files


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, files[name])
    return buffer.getvalue()


def verify(path: Path) -> list[str]:
    """What is wrong with a pack: entries changed, missing or added since it was made."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names:
                return [f"{MANIFEST} is missing: this is not an intact audit pack"]
            expected = {}
            for line in archive.read(MANIFEST).decode("utf-8", "replace").splitlines():
                digest, _, name = line.partition("  ")
                if name:
                    expected[name] = digest
            problems = []
            for name in sorted(expected):
                if name not in names:
                    problems.append(f"{name}: listed in the manifest but missing")
                elif hashlib.sha256(archive.read(name)).hexdigest() != expected[name]:
                    problems.append(
                        f"{name}: content differs from the manifest (changed after the pack was made)"
                    )
            for name in sorted(names - set(expected) - {MANIFEST}):
                problems.append(f"{name}: not in the manifest (added after the pack was made)")
            return problems
    except (zipfile.BadZipFile, OSError) as exc:
        return [f"not a readable zip file: {exc}"]
