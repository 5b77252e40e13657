"""文件发放与签收 records (records/document-distribution/) as the main line wrote them.

They are read in history's one streaming pass (derive.py asks for their blobs with the
documents' and calls ``read`` for each commit), so copies.py judges who issued a numbered copy
and who took it back from Git, never from the work tree: a record only in the work tree issues
nothing, and a return counts only when its writer could make it. Only the facts about copies
are kept (``project``), not the whole record.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from typing import Any

from doccontrol.config import Config
from doccontrol.history import signatures
from doccontrol.history.gitread import Ancestor, BlobPipe, Commit, FileChange
from doccontrol.history.model import DistributionChange, Person, Signature
from doccontrol.load import yaml_source

RECORD_TYPE = "document-distribution"
PATH = re.compile(r"^records/document-distribution/[^/]+\.ya?ml\Z")
# The role of doccontrol.yml (文控管理员) whose holders keep every distribution record: they
# may record a return or a recall of any copy, besides the person who distributed it.
DOCUMENT_CONTROLLER = "document-controller"
# The record's fields copies.py reads (each a plain string)
TEXT_FIELDS = (
    "id",
    "document",
    "version",
    "copy_type",
    "distributed_by",
    "distributed_date",
)


def matches(*paths: str | None) -> bool:
    return any(p is not None and PATH.match(p) for p in paths)


def _new(change: FileChange) -> bool:
    return bool(change.new_path and change.new_blob and change.regular and matches(change.new_path))


def ask(commit: Commit, pipe: BlobPipe, at: Callable[[str, str], str]) -> None:
    """Ask cat-file for the versions ``read`` takes: each record the commit writes, and for a
    merge the same path on each merged side (to see whether the merge wrote text of its own)."""
    for change in commit.changes:
        if _new(change) and change.new_blob and change.new_path:
            pipe.put(change.new_blob)
            for parent in commit.parents[1:]:
                pipe.put(at(parent, change.new_path))


def read(
    commit: Commit,
    blobs: BlobPipe,
    side: list[str],
    graph: Mapping[str, Ancestor],
    config: Config,
    person: Callable[[str, str], Person],
    signature: Signature,
    baseline: bool,
) -> list[DistributionChange]:
    """Every change the commit makes to a distribution record, with who wrote it, in the order
    ``ask`` asked for the blobs. ``config`` is the rules in force before the commit (who held
    the document controller's role then); ``person`` matches a Git identity to them."""
    out: list[DistributionChange] = []
    signer = signature.verified_for if signature.status == "good" else None
    signer = signer if signer and signer != signatures.FORGE else ""
    signed_by = config.person_by_id(signer) if signer else None
    # the author and the committer: someone who amends or rebases another's commit keeps
    # their authorship, but could have changed the text
    maker = [
        person(commit.author_name, commit.author_email),
        person(commit.committer_name, commit.committer_email),
    ]
    merged = [person(graph[s].author_name, graph[s].author_email) for s in side if s in graph]

    def change_of(path: str, status: str, writers: list[Person], fields: dict[str, Any]) -> None:
        controllers = [_writer(p) for p in writers if DOCUMENT_CONTROLLER in p.roles]
        if signed_by is not None and DOCUMENT_CONTROLLER in signed_by.roles:
            controllers.append(signer)
        out.append(
            DistributionChange(
                path,
                commit.sha,
                commit.committer_date,
                status,
                tuple(dict.fromkeys(_writer(p) for p in writers)),
                signer,
                tuple(dict.fromkeys(controllers)),
                baseline,
                fields,
            )
        )

    for change in commit.changes:
        removed = change.old_path if change.old_path and matches(change.old_path) else None
        if not _new(change) or not change.new_path:
            if removed:  # whoever made the commit (or, for a merge, any side) removed it
                change_of(removed, "D", merged + maker, {})
            continue
        data = blobs.get()
        sides = [blobs.get_optional() for _ in commit.parents[1:]]
        if removed and removed != change.new_path:
            change_of(removed, "D", merged + maker, {})  # renamed: removed, and added
            removed = None
        writers = maker
        if len(commit.parents) > 1:
            brought = set(side)
            writers = merged
            if not any(
                blob == data and parent in brought
                for parent, blob in zip(commit.parents[1:], sides, strict=True)
            ):
                writers = merged + maker  # text no newly merged side had: the merger's too
        record = yaml_source.load_tolerant(data.decode("utf-8", "replace"))
        change_of(change.new_path, "M" if removed else "A", writers, project(record))
    return out


def _writer(person: Person) -> str:
    """As derive._writer: the person's id, or their email when doccontrol.yml does not know
    them (never equal to any id)."""
    return person.person_id or f"<{person.email}>"


def _text(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if isinstance(value, str) else ""


def _maps(value: object) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def project(record: object) -> dict[str, Any]:
    """The facts of a record about numbered copies, as plain strings and lists (cached as
    JSON): what copies.py reads, nothing else of the record."""
    if not isinstance(record, Mapping):
        return {}
    out: dict[str, Any] = {name: _text(record.get(name)) for name in TEXT_FIELDS}
    level = record.get("confidentiality", "internal")
    # a level that is no text ranks highest (publishing.level_rank): never published lower
    out["confidentiality"] = level if isinstance(level, str) else "?"
    out["copies"] = [
        [_text(c.get("copy_number")), _text(c.get("holder")), _text(c.get("returned_date"))]
        for c in _maps(record.get("copies"))
    ]
    numbers = record.get("copy_numbers")
    out["copy_numbers"] = (
        [n for n in numbers if isinstance(n, str)] if isinstance(numbers, list) else []
    )
    out["signed"] = [
        [_text(a.get("copy_number")), _text(a.get("person"))]
        for a in _maps(record.get("acknowledgements"))
        if _text(a.get("copy_number"))
    ]
    out["recalls"] = [
        [_text(r.get("copy_number")), _text(r.get("recalled_date"))]
        for r in _maps(record.get("obsolete_recall"))
        if _text(r.get("copy_number"))
    ]
    return out
