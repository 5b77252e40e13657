"""Adoption as a recorded event: the change that brings an existing repository under control.

``doccontrol baseline`` writes, on a branch, the commit that declares the baseline:
``control_since`` set to the main branch's tip (a commit id, which cannot be backdated), the
documents there at their versions (listed in the commit message), and approvals recorded on
paper before Git (``legacy_history`` entries, from a file the declarer gives). An approver
then merges it (``doccontrol approve`` or the forge): history derives that merge as the
approval of every document as the baseline left it, judged by the roles that approve the
configuration, so the baseline is in the trail like any other approval.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from doccontrol.authoring import AuthoringError
from doccontrol.catalogue import Catalogue
from doccontrol.load import yaml_source
from doccontrol.load.frontmatter import FrontMatterSplit, split
from doccontrol.problems import Msg, msg

LEGACY_KEYS = (
    "version",
    "sections",
    "change",
    "author",
    "date",
    "reviewer",
    "review_date",
    "approver",
    "approval_date",
)
_DATES = ("date", "review_date", "approval_date")
# legacy_history's own required keys (schemas/document.schema.json), and the approval itself
_REQUIRED = ("version", "change", "author", "date", "approver", "approval_date")


@dataclass(frozen=True)
class BaselineDocument:
    id: str
    version: str
    status: str
    path: str


def set_control_since(config_text: str, commit: str) -> str:
    """doccontrol.yml with ``control_since`` set to ``commit`` (quoted: a commit id of digits
    would read as a number); the rest of the file as written."""
    line = f"control_since: '{commit}'"
    if re.search(r"^control_since:.*$", config_text, re.MULTILINE):
        return re.sub(r"^control_since:.*$", line, config_text, count=1, flags=re.MULTILINE)
    anchor = re.search(r"^main_branch:.*\n", config_text, re.MULTILINE)
    at = anchor.end() if anchor else 0
    return config_text[:at] + line + "\n" + config_text[at:]


def legacy_entries(
    data: Any, known: Mapping[str, BaselineDocument], day: str
) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    """The paper approvals file: ``DOC_ID: [{version, approver, approval_date, …}, …]``, each
    dated no later than ``day`` (the baseline's: paper records come before it). Every reason
    it cannot be used, at once."""
    if not isinstance(data, dict):
        raise AuthoringError(msg("authoring.legacy.not-a-mapping"))
    out: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    reasons: list[Msg] = []
    for doc_id, entries in data.items():
        if str(doc_id) not in known:
            reasons.append(msg("authoring.legacy.no-document", id=str(doc_id)))
            continue
        if not isinstance(entries, list) or not entries:
            reasons.append(msg("authoring.legacy.no-entries", id=str(doc_id)))
            continue
        clean = []
        for n, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                reasons.append(msg("authoring.legacy.entry-not-mapping", id=str(doc_id), n=n))
                continue
            unknown = sorted(set(map(str, entry)) - set(LEGACY_KEYS))
            if unknown:
                reasons.append(
                    msg(
                        "authoring.legacy.unknown-keys",
                        id=str(doc_id),
                        n=n,
                        keys=", ".join(unknown),
                    )
                )
            for key in _REQUIRED:
                if not entry.get(key):
                    reasons.append(msg("authoring.legacy.required", id=str(doc_id), n=n, key=key))
            for key in _DATES:
                if entry.get(key) is not None:
                    try:
                        when = datetime.date.fromisoformat(str(entry[key])).isoformat()
                        if when > day:
                            reasons.append(
                                msg(
                                    "authoring.legacy.after",
                                    id=str(doc_id),
                                    n=n,
                                    key=key,
                                    value=when,
                                    day=day,
                                )
                            )
                    except ValueError:
                        reasons.append(
                            msg(
                                "authoring.legacy.not-a-date",
                                id=str(doc_id),
                                n=n,
                                key=key,
                                value=str(entry[key]),
                            )
                        )
            clean.append({k: str(entry[k]) for k in LEGACY_KEYS if entry.get(k) is not None})
        out[str(doc_id)] = clean
    if reasons:
        raise AuthoringError(tuple(reasons))
    return out


def add_legacy_history(text: str, path: str, entries: list[dict]) -> str:  # type: ignore[type-arg]
    """The document with ``legacy_history`` appended to its front matter (one flow mapping per
    entry); everything else byte for byte, confirmed by the round-trip parser."""
    parts = split(path, text)
    if not isinstance(parts, FrontMatterSplit):
        raise AuthoringError(msg("authoring.legacy.no-front-matter", path=path))
    if re.search(r"^legacy_history:", parts.yaml_text, re.MULTILINE):
        raise AuthoringError(msg("authoring.legacy.already", path=path))
    block = "legacy_history:\n" + "".join(
        "  - {"
        + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in e.items())
        + "}\n"
        for e in entries
    )
    yaml_text = parts.yaml_text
    if not yaml_text.endswith("\n"):
        yaml_text += "\n"
    yaml_text += block
    # screened (depth, aliases, tags) like every other load; None when it cannot be read
    before, after = yaml_source.load_tolerant(parts.yaml_text), yaml_source.load_tolerant(yaml_text)
    if not isinstance(before, dict) or not isinstance(after, dict):
        raise AuthoringError(msg("authoring.legacy.not-clean", path=path))
    got = [{k: str(v) for k, v in e.items()} for e in after.get("legacy_history", [])]
    if got != entries or {k: v for k, v in after.items() if k != "legacy_history"} != before:
        raise AuthoringError(msg("authoring.legacy.not-clean", path=path))
    lines = text.split("\n")
    head = "\n".join(lines[: parts.yaml_first_line - 1])
    tail = "\n".join(lines[parts.body_first_line - 2 :])
    return f"{head}\n{yaml_text}{tail}"


def message(
    tip: str,
    declared_by: str,
    day: str,
    documents: list[BaselineDocument],
    legacy: Mapping[str, list[dict]],  # type: ignore[type-arg]
    t: Catalogue,
) -> str:
    """The baseline commit's message, in the repository's language: what is declared, by
    whom, when, and the set itself."""
    listing = "\n".join(f"  {d.id} {d.version} ({d.status}) {d.path}" for d in documents)
    paper = "".join(
        f"\n  {doc_id}: "
        + t.join(
            t.text(
                "baseline.message.legacy-entry",
                version=e["version"],
                approver=e["approver"],
                date=e["approval_date"],
            )
            for e in entries
        )
        for doc_id, entries in legacy.items()
    )
    declared = t.text(
        "baseline.message.declared",
        person=declared_by,
        day=day,
        count=t.count("count.documents", len(documents)),
        tip=tip,
    )
    return (
        f"{t.text('baseline.message.title', tip=tip[:10])}\n\n{declared}\n\n"
        f"{t.text('baseline.message.documents')}\n{listing}\n"
        + (f"\n{t.text('baseline.message.legacy')}{paper}\n" if paper else "")
    )
