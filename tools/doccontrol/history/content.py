"""Documents as they were: the text of a revision, and what changed between two versions,
section by section. Which version was in force on a date is standing.py's answer."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from doccontrol.history.gitread import GitReader
from doccontrol.history.model import DocumentHistory, Revision
from doccontrol.history.sections import PREAMBLE, split_sections
from doccontrol.standing import not_its_text


def with_version(history: DocumentHistory, version: str) -> Revision | None:
    """The Git revision whose text is ``version``'s: the approval that put it in force (a
    later one at the same number either leaves the text as it was, a periodic review, or
    changes it, DC511, which is not that version's text: ``standing.not_its_text``), else its
    first approval (a draft, an obsolete version), else the last revision that carries it. A
    withdrawal carries the version it withdrew, whose text its commit no longer holds
    (``text_at`` reads it from the parent): it is chosen only when no other revision carries
    that version (a document imported and deleted before control began has only its withdrawn
    baseline)."""
    baseline = history.baseline
    found = [
        r
        for r in [*([baseline] if baseline is not None else []), *history.revisions]
        if r.version == version and r.commit
    ]
    kept = [r for r in found if r.kind != "withdrawal"] or found
    off = not_its_text(history)
    approved = [r for r in kept if r.approved and r.seq not in off]
    # the one that put it in force, else its first approval (a draft, an obsolete version)
    in_force = [r for r in approved if r.status == "effective"]
    if in_force or approved:
        return (in_force or approved)[0]
    return kept[-1] if kept else None


def text_at(reader: GitReader, revision: Revision) -> str | None:
    """The text of ``revision``'s version. A commit that removed the document no longer holds it
    at its path (or holds another id's there): the version it withdrew is its first parent's."""
    for commit in revision.read_from:
        data = reader.read_file_at(commit, revision.path)
        if data is not None:
            return data.decode("utf-8", "replace")
    return None


def every_text(
    reader: GitReader, histories: Mapping[str, DocumentHistory], ids: Iterable[str]
) -> list[tuple[str, str]]:
    """(path, text) of every version the main line held of the documents ``ids``: the
    baseline and each revision, through one ``cat-file``. What a document once said (a
    figure a hidden document showed and no longer shows) is not in its text of today."""
    specs: dict[tuple[str, str], None] = {}
    for doc_id in sorted(set(ids) & histories.keys()):
        history = histories[doc_id]
        for revision in (history.baseline, *history.revisions):
            if revision is not None and revision.commit:
                specs.setdefault((revision.stored_at, revision.path), None)
        for commit, path, _ in history.baseline_files:  # before control began (rounds 113–116)
            specs.setdefault((commit, path), None)
    versions = list(specs)
    return [
        (path, text)
        for (_, path), text in zip(versions, texts_at(reader, versions), strict=True)
        if text
    ]


def texts_at(reader: GitReader, specs: Sequence[tuple[str, str]]) -> Iterator[str | None]:
    """The text of each (commit, path), in order, through one ``cat-file`` read as it goes
    (None for none): one text in memory at a time."""
    names = [f"{commit}:{path}" for commit, path in specs]
    batched = reader.files_at([name for name in names if "\n" not in name])
    for name in names:
        # a path with a newline cannot go through cat-file's lines: asked on its own
        data = reader.read_file_at(*name.split(":", 1)) if "\n" in name else next(batched)
        yield data.decode("utf-8", "replace") if data else None
    next(batched, None)  # to its end: its cat-file is closed there


@dataclass(frozen=True)
class SectionChange:
    title: str
    kind: str  # changed | added | removed
    diff: tuple[str, ...]


def section_changes(old_body: str, new_body: str) -> list[SectionChange]:
    before = dict(split_sections(old_body))
    after = split_sections(new_body)
    changes = []
    for title, text in after:
        if title not in before:
            changes.append(
                SectionChange(
                    title or PREAMBLE, "added", tuple(f"+{line}" for line in text.splitlines())
                )
            )
        elif before[title] != text:
            lines = difflib.unified_diff(
                before[title].splitlines(), text.splitlines(), lineterm="", n=1
            )
            changes.append(SectionChange(title or PREAMBLE, "changed", tuple(list(lines)[2:])))
    titles = {t for t, _ in after}
    for title, text in before.items():
        if title not in titles:
            changes.append(
                SectionChange(title, "removed", tuple(f"-{line}" for line in text.splitlines()))
            )
    return changes
