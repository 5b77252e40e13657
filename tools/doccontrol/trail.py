"""The approval trail and the change histories as rows: filtered by period and person, ready
for tables and spreadsheets."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from doccontrol.catalogue import Catalogue
from doccontrol.config import Config
from doccontrol.history import sections
from doccontrol.history.dispositions import NONE, Disposition, Dispositions, judge
from doccontrol.history.model import (
    ApprovalEvent,
    DocumentHistory,
    History,
    HistoryProblem,
    Person,
    Revision,
)
from doccontrol.problems import NO_NAMES, Names

# the columns of the approval trail: catalogue keys label.trail.<column>
TRAIL_COLUMNS = (
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
    "disposition",
)


def record_problems(history: History, config: Config) -> list[HistoryProblem]:
    """The acknowledgement and distribution records' problems (DC540–DC543, DC550–DC551):
    history problems like the events', asked for by the approved configuration ``config`` (a
    direct commit taking `acknowledgement:` out cannot silence them)."""
    from doccontrol import acks, copies

    return [*acks.history_problems(history, config), *copies.history_problems(history, config)]


def dispositions(root: Path, history: History, records: list[HistoryProblem]) -> Dispositions:
    """The past problems the approved rules say were handled as nonconformities, judged
    against every problem of the history with a commit (the events' and ``records``:
    ``record_problems``), whatever period or person a caller shows: the one answer the trail,
    the site and the audit pack give."""
    return judge(root, history, [*(p for e in history.events for p in e.problems), *records])


def trail_headers(cat: Catalogue) -> tuple[str, ...]:
    return cat.headers("label.trail", TRAIL_COLUMNS)


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


# what the terminal's table shows of an approval's files before "and N more" (the adoption
# merge alone names every document): the CSV, the JSON and the audit pack list them all
SHORT_FILES = 3


def _listed(items: list[str], cat: Catalogue, short: bool) -> str:
    separator = cat.text("label.separator")
    if not short or len(items) <= SHORT_FILES + 1:
        return separator.join(items)
    shown = separator.join(items[:SHORT_FILES])
    return cat.text("label.and-more", listed=shown, n=len(items) - SHORT_FILES)


def trail_rows(
    events: Iterable[ApprovalEvent],
    cat: Catalogue,
    short: bool = False,
    names: Names = NO_NAMES,
    dispositions: Dispositions = NONE,
) -> tuple[tuple[str, ...], list[list[str]]]:
    """The trail's headers and rows in the catalogue's language; each event's problems with
    the disposition that handled them (``dispositions``: history/dispositions.judge)."""
    separator = cat.text("label.separator")
    rows = []
    for e in events:
        handled = dispositions.handling(e.problems)
        rows.append(
            [
                e.date if not short else e.date[:10],
                e.commit[:10] if short else e.commit,
                cat.label("label.kind", e.kind),
                e.merge_request.label if e.merge_request else "",
                e.summary,
                _listed([*(f"{d.id} {d.version}" for d in e.documents), *e.controlled], cat, short),
                separator.join(p.name for p in e.authors),
                separator.join(p.name for p in e.reviewers),
                separator.join(p.name for p in e.approvers),
                cat.label("site.signature", e.signature.status),
                cat.label("label.evidence", e.evidence),
                cat.text("label.verdict.approved" if e.approved else "label.verdict.unapproved"),
                "; ".join(
                    f"{p.code}" if short else f"{p.code} {p.text(cat, names)}" for p in e.problems
                ),
                (handled.record if short else disposition_text(handled, cat)) if handled else "",
            ]
        )
    return trail_headers(cat), rows


def disposition_text(disposition: Disposition, cat: Catalogue) -> str:
    """How a disposition that counts is shown beside the problems it handled."""
    by = disposition.granted_by
    assert by is not None
    codes = ""
    if disposition.problems:  # the kinds of problem it handles, when it names them
        codes = cat.text(
            "label.disposition.codes", codes=cat.text("label.separator").join(disposition.problems)
        )
    return cat.text(
        "label.disposition",
        record=disposition.record,
        codes=codes,
        approvers=cat.text("label.separator").join(p.name for p in by.approvers),
        date=by.date[:10],
        commit=by.commit[:10],
    )


# the columns of a change history in a spreadsheet: catalogue keys label.history.<column>
REVISION_COLUMNS = (
    "document",
    "seq",
    "version",
    "date",
    "commit",
    "body-digest",
    "sections",
    "change",
    "author",
    "reviewer",
    "approver",
    "merge-request",
    "signature",
    "evidence",
    "approved",
    "problems",
)


def revision_rows(
    revisions: Iterable[tuple[DocumentHistory, Revision]],
    cat: Catalogue,
    names: Names = NO_NAMES,
    change: Callable[[Revision], str] = lambda revision: revision.change,
) -> tuple[tuple[str, ...], list[list[str]]]:
    """Each revision of a change history (变更履历) as a spreadsheet row, in the catalogue's
    language, with the whole commit id (a short one can read as a number); ``change`` gives
    the text shown for the revision's change (the audit pack's hides names it may not give)."""
    separator = cat.text("label.separator")
    yes_no = {True: cat.text("label.yes"), False: cat.text("label.no")}

    def people(found: tuple[Person, ...]) -> str:
        return separator.join(p.name for p in found)

    rows = [
        [
            doc.id,
            str(r.seq),
            r.version,
            r.date,
            r.commit,
            r.body_digest,
            separator.join(sections.shown(r.sections, cat)),
            change(r),
            people(r.authors),
            people(r.reviewers),
            people(r.approvers),
            r.merge_request.label if r.merge_request else "",
            cat.label("site.signature", r.signature.status),
            cat.label("label.evidence", r.evidence),
            yes_no[r.approved],
            "; ".join(f"{p.code} {p.text(cat, names)}" for p in r.problems),
        ]
        for doc, r in revisions
    ]
    return cat.headers("label.history", REVISION_COLUMNS), rows
