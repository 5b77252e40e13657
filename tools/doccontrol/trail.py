"""The approval trail as rows: filtered by period and person, ready for tables and CSV."""

from __future__ import annotations

from collections.abc import Iterable

from doccontrol import catalogue
from doccontrol.catalogue import Catalogue
from doccontrol.history.model import ApprovalEvent, Person, evidence_label
from doccontrol.problems import NO_NAMES, Names

# the columns of the approval trail: catalogue keys label.trail.<column>
_TRAIL_COLUMNS = (
    "date",
    "commit",
    "kind",
    "merge-request",
    "summary",
    "documents",
    "authors",
    "reviewers",
    "approvers",
    "signature",
    "evidence",
    "verdict",
    "problems",
)


def trail_headers(cat: Catalogue) -> tuple[str, ...]:
    return tuple(cat.text(f"label.trail.{column}") for column in _TRAIL_COLUMNS)


def kind_label(kind: str, cat: Catalogue) -> str:
    """How an approval came about: merge, squash merge, direct commit."""
    key = f"label.kind.{kind}"
    return cat.text(key) if cat.has(key) else kind


# Chinese, for callers without a catalogue of their own (the site until it renders templates)
TRAIL_HEADERS = trail_headers(catalogue.load("zh"))
KIND_LABELS = {k: kind_label(k, catalogue.load("zh")) for k in ("merge", "squash", "direct")}


def _matches(person: Person, who: str) -> bool:
    needle = who.lower()
    return needle in (person.name.lower(), person.email.lower(), (person.person_id or "").lower())


def filter_events(
    events: Iterable[ApprovalEvent], since: str | None, until: str | None, person: str | None
) -> list[ApprovalEvent]:
    out = []
    for event in events:
        day = event.date[:10]
        if (since and day < since) or (until and day > until):
            continue
        if person and not any(
            _matches(p, person)
            for p in (*event.authors, *event.reviewers, *event.approvers, event.merger)
        ):
            continue
        out.append(event)
    return out


def trail_rows(
    events: Iterable[ApprovalEvent],
    short: bool = False,
    cat: Catalogue | None = None,
    names: Names = NO_NAMES,
) -> tuple[tuple[str, ...], list[list[str]]]:
    """The trail's headers and rows in the catalogue's language (default Chinese)."""
    cat = cat or catalogue.load()
    separator = cat.text("label.list-separator")
    rows = []
    for e in events:
        rows.append(
            [
                e.date if not short else e.date[:10],
                e.commit[:10] if short else e.commit,
                kind_label(e.kind, cat),
                e.merge_request.label if e.merge_request else "",
                e.summary,
                separator.join([*(f"{d.id} {d.version}" for d in e.documents), *e.controlled]),
                separator.join(p.name for p in e.authors),
                separator.join(p.name for p in e.reviewers),
                separator.join(p.name for p in e.approvers),
                e.signature.status,
                evidence_label(e.evidence, cat),
                cat.text("label.trail.approved" if e.approved else "label.trail.unapproved"),
                "; ".join(
                    f"{p.code}" if short else f"{p.code} {p.text(cat, names)}" for p in e.problems
                ),
            ]
        )
    return trail_headers(cat), rows
