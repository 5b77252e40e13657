"""The pages of the controlled site: the data each page shows, rendered by its template.

Each function prepares plain values (site/html.py: Link, Flag, Table…) and hands them to one
template in site/templates/doccontrol/ (overridable from the theme's custom_dir); the
templates hold the HTML and take every label from the catalogue. Nothing here writes HTML.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from doccontrol import registers, standing, trail
from doccontrol.directives import REGISTER_DIRECTIVE
from doccontrol.history.model import (
    ApprovalEvent,
    DocumentHistory,
    HistoryProblem,
    Person,
    change_history_headers,
)
from doccontrol.history.sections import shown
from doccontrol.model import Document, Record, RecordType
from doccontrol.site import acks as site_acks
from doccontrol.site import copies as site_copies
from doccontrol.site import impact as site_impact
from doccontrol.site import model, sanitize
from doccontrol.site.html import (
    Bullets,
    Code,
    Flag,
    Link,
    Nested,
    ProblemNote,
    Row,
    Seq,
    Table,
    esc,
    relative_path,
    relative_url,
    text_value,
)
from doccontrol.site.model import Site
from doccontrol.validate.documents import LINK, PLACEHOLDER
from doccontrol.validate.records import resolve_local_ref

REVIEW_WINDOW_DAYS = 60  # the review page and its home card: overdue, or due within this


def _names(site: Site, people: Iterable[Person]) -> str:
    return site.catalogue.join(p.name for p in people)


def _day(iso: str) -> str:
    return iso[:10]


def _t(site: Site, key: str, /, **args: Any) -> str:
    return site.catalogue.text(key, **args)


def _href(site: Site, from_src: str, to_src: str) -> str:
    return relative_url(site.url(from_src), site.url(to_src))


def mr_link(site: Site, revision_mr: Any) -> Link:
    if revision_mr is None:
        return Link("—")
    url = revision_mr.url
    base = site.repo_url.rstrip("/") if site.repo_url else None
    if url is None and base:
        if revision_mr.platform == "gitlab":
            url = f"{base}/-/merge_requests/{revision_mr.number}"
        elif revision_mr.platform in ("github", "gitea"):
            url = (
                f"{base}/pull/{revision_mr.number}"
                if revision_mr.platform == "github"
                else f"{base}/pulls/{revision_mr.number}"
            )
        elif revision_mr.platform == "bitbucket":
            url = f"{base}/pull-requests/{revision_mr.number}"
    if url and url.startswith(("https://", "http://")):
        return Link(revision_mr.label, url)
    return Link(revision_mr.label)


def doc_link(site: Site, doc_id: str, from_src: str, text: str | None = None) -> Link:
    src = site.src(doc_id)
    label = text if text is not None else doc_id
    if src is None:
        # a record or a form may name a document above the level: not even its id is shown
        return Link(_t(site, "site.not_published") if site.hides(doc_id) else label)
    return Link(label, _href(site, from_src, src))


def _verdict(site: Site, approved: bool) -> str | Flag:
    """Approved, or a flag saying it is not."""
    if approved:
        return _t(site, "label.verdict.approved")
    return Flag(_t(site, "label.verdict.unapproved"))


def _render(site: Site, name: str, /, **context: Any) -> str:
    return site.templates.render(name, **context)


# --- controlled document pages --------------------------------------------------------


def page_state(
    site: Site, document: Document, row: registers.DocumentRow | None, published: bool = False
) -> str:
    """The state of the version this page shows, named truthfully: the register's, when it
    is the published text; else the work tree's (a preview, or a text withheld)."""
    cat = site.catalogue
    if published and row is not None:
        return row.state_label(cat)
    if row is None:
        status = document.status or ""
        if status == "effective":
            return cat.text("site.control.not_approved")
        return cat.label("label.state", status)
    if row.pending:
        return cat.text("label.state.unapproved")
    if row.upcoming and document.version == row.upcoming:
        return cat.text("label.state.pending")
    return row.state_label(cat)


def control_block(
    site: Site, document: Document, row: registers.DocumentRow | None, published: bool = False
) -> str:
    """The control block: (key, label, value) cells, two to a row in the default template.
    ``published``: ``document`` is the published text (the version in force, from Git)."""
    labels = site.labels
    stand = site.standings.get(document.id or "")
    # the published text: its sign-offs as a copy names them (Standing.signed_off), never
    # another text's approval. A preview's or a withheld page's text is the work tree's: the
    # approval of its version, else the last one, marked as another version's
    signed = stand.signed_off if stand and published else None
    approved = None
    if stand is not None:
        approved = stand.vouched_by if published else stand.vouched_by or stand.last_approval
    effective = str(document.meta.get("effective_date") or "")
    if row is not None and document.version == row.version and row.effective_date:
        effective = row.effective_date
    elif row is not None and document.version == row.upcoming:
        effective = row.upcoming_from
    control = document.text("control") or ""
    cells: list[tuple[str, Any]] = [
        ("id", document.id),
        ("title", document.title),
        ("version", document.version),
        ("state", page_state(site, document, row, published)),
        ("control", site.catalogue.label("label.control", control)),
        ("confidentiality", labels.level(document.confidentiality or "")),
        ("effective", effective or "—"),
        ("owner", labels.department(document.text("owner") or "")),
    ]
    if row is not None and row.version != document.version and row.state == "effective":
        cells.append(
            (
                "current",
                _t(
                    site,
                    "site.control.current_value",
                    version=row.version,
                    since=row.effective_date,
                ),
            )
        )
    next_review = (row.next_review if row else "") or "—"
    if approved is not None:
        note = ""
        if approved.kind == "baseline":
            note = _t(site, "label.history.note.baseline")
        elif approved.kind == "legacy":
            note = _t(site, "site.control.legacy_note")
        if approved.version and approved.version != document.version:
            # the last approval was of an earlier version: never let it read as this one's
            note += _t(site, "site.control.approved_version", version=approved.version)
        cells += [
            ("author", f"{_names(site, approved.authors) or '—'} {_day(approved.author_date)}"),
            (
                "reviewer",
                f"{_names(site, approved.reviewers) or '—'} "
                + (_day(approved.date) if approved.reviewers else ""),
            ),
            ("approver", f"{_names(site, approved.approvers) or '—'} {_day(approved.date)}{note}"),
            ("merge_request", mr_link(site, approved.merge_request)),
            ("signature", site.catalogue.label("site.signature", approved.signature.status)),
            ("evidence", site.catalogue.label("label.evidence", approved.evidence)),
            ("next_review", next_review),
        ]
    else:
        baseline = stand is not None and stand.in_force is not None
        none_key = "site.control.no_approval_baseline" if baseline else "site.control.no_approval"
        # a version in force nobody has approved since (a pre-control baseline): its author
        author = (
            f"{_names(site, signed.authors) or '—'} {_day(signed.author_date)}" if signed else "—"
        )
        cells += [
            ("author", author),
            ("reviewer", "—"),
            ("approver", _t(site, none_key)),
            *([("merge_request", "—")] if signed else []),
            ("next_review", next_review),
        ]
    pdf = site_copies.pdf_link(site, document)
    if pdf is not None:
        cells.append(("pdf", pdf))
    return _render(
        site,
        "control-block",
        document={"id": document.id, "title": document.title, "version": document.version},
        cells=[{"key": k, "label": _t(site, f"site.control.{k}"), "value": v} for k, v in cells],
    )


def banners(
    site: Site,
    document: Document,
    row: registers.DocumentRow | None,
    from_src: str,
    withheld: bool = False,
) -> list[str]:
    """The banners above a document, each rendered by banners.html (by its ``kind``).
    ``document`` is the text the page gives (``withheld``: none is given; it is the work
    tree's, for its id and state)."""
    out: list[dict[str, Any]] = []
    if site.preview:
        out.extend(_preview(site, document))
    if withheld:
        out.append(_withheld(site, document, row))
    elif document.status == "draft":
        out.append({"kind": "draft"})
    if document.status == "obsolete" and not withheld:  # a withheld text's status is unapproved
        successor = document.text("superseded_by")
        out.append(
            {
                "kind": "obsolete",
                "successor": doc_link(site, successor, from_src) if successor else None,
                # author-typed like a change note: "由 SM-P-07《…》取代" names the successor
                "reason": site.redact(document.text("withdrawal_reason") or ""),
            }
        )
    stand = site.standings.get(document.id or "")
    if row is not None and row.upcoming and document.version == row.upcoming:
        out.append(
            {
                "kind": "upcoming",
                "version": row.upcoming,
                "since": row.upcoming_from,
                "current": row.version,
                "current_since": row.effective_date,
            }
        )
    elif row is not None and row.upcoming and not withheld:
        # the page gives the version in force: say which version replaces it, and when
        out.append(
            {
                "kind": "later",
                "version": row.upcoming,
                "since": row.upcoming_from,
                "current": document.version,
            }
        )
    elif (
        row is not None
        and row.state == "pending"
        and document.version == row.version
        and not withheld
    ):
        baseline = row.state_key == standing.PENDING_BASELINE
        out.append(
            {
                "kind": "pending",
                "version": row.version,
                "since": row.effective_date,
                "text": "site.banner.pending-baseline.text"
                if baseline
                else "site.banner.pending.text",
            }
        )
    if stand is not None and stand.unapproved:
        sep = _t(site, "label.separator")
        out.append(
            {
                "kind": "unapproved",
                "commits": sep.join(r.commit[:10] for r in stand.unapproved),
                # a preview may give their text; the published page never does
                "text": "site.banner.unapproved.text"
                if site.preview
                else "site.banner.unapproved.left-out",
            }
        )
    if row and row.overdue and row.state in ("effective", "pending"):
        out.append({"kind": "overdue", "day": row.next_review})
    if site.history is not None and site.history.incomplete:
        out.append({"kind": "shallow"})
    if site.history is None:
        out.append({"kind": "no_git"})
    rendered = [_render(site, "banner", banner=b) for b in out]
    # a document it refers to changed since it was last approved or reviewed
    return [*rendered, *site_impact.banner(site, document, from_src)]


def _preview(site: Site, document: Document) -> list[dict[str, Any]]:
    """A preview's banner, on a page whose text is not the one the controlled site gives."""
    published = site.published_texts.get(document.id or "")
    if published is None:
        return [{"kind": "preview", "text": "site.banner.preview.withheld", "version": ""}]
    if published.meta == document.meta and published.body == document.body:
        return []
    return [
        {"kind": "preview", "text": "site.banner.preview.differs", "version": published.version}
    ]


def _withheld(site: Site, document: Document, row: registers.DocumentRow | None) -> dict[str, Any]:
    """Why the page gives no text: the banner that stands in for it."""
    stand = site.standings.get(document.id or "")
    version, since = (row.version, row.effective_date) if row is not None else ("", "")
    if site.history is None:
        reason = "no-history"
    elif stand is not None and (published := standing.published(stand)) is not None:
        reason, version = "unreadable", published.version
    elif stand is not None and stand.text_swapped and stand.shown is not None:
        reason, version = "swapped", stand.shown.version
    elif stand is not None and stand.ended_unissued and stand.shown is not None:
        reason, version = "unissued", stand.shown.version
    elif row is not None and row.state == "pending":
        reason = "pending-baseline" if row.state_key == standing.PENDING_BASELINE else "pending"
    elif row is not None and row.state == "draft":
        reason = "draft"
    else:
        reason = "unapproved"
    return {
        "kind": "withheld",
        "text": f"site.banner.withheld.{reason}",
        "version": version,
        "since": since,
    }


def _disposition(site: Site, event: ApprovalEvent) -> str:
    """The nonconformity that handled the event's problems, as the trail says it."""
    found = site.dispositions.handling(event.problems)
    return trail.disposition_text(found, site.catalogue) if found else "—"


def _note(site: Site, problem: HistoryProblem) -> ProblemNote:
    """A problem as the page shows it: in the site's language, ids by their names."""
    return ProblemNote(problem.code, site.problem_text(problem))


def history_table(site: Site, history: DocumentHistory | None) -> str:
    """The 变更履历 table under a document, as it stood on the site's day (standing.
    change_history: a site built as of a past day names no later approval)."""
    revisions = standing.change_history(history, site.as_of) if history is not None else ()
    if not revisions:
        return _render(site, "change-history", table=None, problems=[])
    rows = []
    for r in revisions:
        change: list[Any] = [site.redact(r.change)]
        if r.kind in ("review", "withdrawal", "baseline"):
            change.append(_t(site, f"label.history.note.{r.kind}"))
        if not r.approved:
            change += [" ", Flag(_t(site, "label.verdict.unapproved"))]
        rows.append(
            Row(
                (
                    str(r.seq),
                    r.version,
                    site.catalogue.join(shown(r.sections, site.catalogue)) or "—",
                    Seq(tuple(change)),
                    _names(site, r.authors),
                    _day(r.author_date),
                    _names(site, r.reviewers),
                    _day(r.date) if r.reviewers else "",
                    _names(site, r.approvers),
                    _day(r.date) if r.approvers else "",
                    site.catalogue.label("label.evidence", r.evidence),
                ),
                css="dc-approved" if r.approved else "dc-unapproved",
                data=(("commit", r.commit),),
            )
        )
    table = Table(change_history_headers(site.catalogue), tuple(rows), "dc-history")
    problems = [_note(site, p) for r in revisions for p in r.problems]
    return _render(site, "change-history", table=table, problems=problems)


def _rewrite_body(site: Site, body: str, from_src: str) -> str:
    def placeholder(match: re.Match[str]) -> str:
        value = site.config.organization.get(match[1])
        return esc(value) if value is not None else match[0]

    here = posixpath.dirname(from_src)

    def link_target(match: re.Match[str]) -> str:
        kind, target, anchor = match[1], match[2], match[3] or ""
        if kind == "doc":
            src = site.src(target)
            if src is None:
                return "](#dc-not-published)" if site.hides(target) else "](#)"
            return f"]({relative_path(src, here)}{anchor})"
        return f"]({relative_path(model.form_src(target), here)}{anchor})"

    def register(match: re.Match[str]) -> str:
        wanted = match[1]
        rows = registers.listed(site.rows, wanted)
        return "\n" + register_table(site, rows, from_src) + "\n"

    # each pattern starts with a fixed text: a body without it is left as it is, unscanned
    if "{{" in body:
        body = PLACEHOLDER.sub(placeholder, body)
    if "](" in body:
        body = LINK.sub(link_target, body)
    if "<!--" in body:
        body = REGISTER_DIRECTIVE.sub(register, body)
    return body


HISTORY_ANCHOR = "dc-history"  # the 变更履历 heading's id (a stable link for auditors)


@dataclass(frozen=True)
class DocumentPage:
    """A document's page in two parts. ``markdown`` is what MkDocs converts: the document's own
    text between the body marks, with a mark where each of doccontrol's own parts goes.
    ``parts`` holds those parts (control block, acknowledgements, banners; the change history
    with its heading), which are HTML already: they are put in place after the conversion
    (``fill``), since Python-Markdown would only parse them to pass them through. Nothing after
    the body is Markdown, so a raw HTML block the body leaves open cannot swallow a heading."""

    markdown: str
    marks: tuple[str, str]  # where the head and the history go (part_marks)
    head: str  # control block, acknowledgements, banners
    history: str  # the 变更履历 heading and table
    history_title: str  # the heading's text, for the page's table of contents

    def fill(self, html: str) -> tuple[str, bool]:
        """The converted page with each part in place of its mark, and whether the change
        history was placed. A mark that is not there exactly once as it was written (the body's
        unclosed fence swallowed it) leaves its part out; the body marks are then not both
        found either, and the page is cleaned as body."""
        placed = {}
        for mark, part in zip(self.marks, (self.head, self.history), strict=True):
            placed[mark] = html.count(mark) == 1
            if placed[mark]:
                html = html.replace(mark, part)
        return html, placed[self.marks[1]]


def part_marks(nonce: str) -> tuple[str, str]:
    """Where doccontrol's own parts go on a document page: above the document, and below it.
    Secret to the build, like the body marks."""
    return f"<!-- dc-part head {nonce} -->", f"<!-- dc-part history {nonce} -->"


def document_page(site: Site, document: Document, from_src: str, nonce: str) -> DocumentPage:
    """The page: control block, banners, the document, then its change history. The
    document's own text stands between the body marks (sanitize.clean_page)."""
    row = site.row(document.id or "")
    start, end = sanitize.body_marks(nonce)
    head_mark, history_mark = part_marks(nonce)
    # the text in force from Git (the work tree's in a preview); none: the body is withheld
    text = site.page_text(document.id or "")
    shown = text if text is not None else document
    published = text is not None and not site.preview
    head = [
        control_block(site, shown, row, published),
        *site_acks.block(site, shown, from_src),
        *banners(site, shown, row, from_src, withheld=text is None),
    ]
    body = _rewrite_body(site, text.body, from_src) if text is not None else ""
    markdown = "\n\n".join([head_mark, start, body, end, history_mark])
    title = esc(_t(site, "site.history.heading"))  # a table of contents title is HTML
    history = _render(site, "history-heading", anchor=HISTORY_ANCHOR) + history_table(
        site, site.doc_history(document.id or "")
    )
    return DocumentPage(markdown + "\n", (head_mark, history_mark), "\n".join(head), history, title)


# --- registers ------------------------------------------------------------------------


def register_rows(site: Site, rows: list[registers.DocumentRow], from_src: str) -> Table:
    """The register: the rows ``doccontrol register`` and the audit pack give, in the site's
    language."""
    labels = site.labels
    cells = []
    for r in rows:
        status: list[Any] = [r.state_label(site.catalogue)]
        if r.pending and r.state != "unapproved":
            note = _t(site, "label.register.unapproved-note")
            status.append(Flag(_t(site, "label.aside", text=note)))
        cells.append(
            Row(
                (
                    doc_link(site, r.id, from_src),
                    doc_link(site, r.id, from_src, r.title),
                    labels.document_type(r.type),
                    r.version,
                    Seq(tuple(status)),
                    labels.level(r.confidentiality),
                    labels.department(r.owner),
                    r.effective_date,
                    r.last_approval_text(site.catalogue),
                    r.next_review,
                    r.upcoming_text(site.catalogue),
                )
            )
        )
    return Table(
        registers.register_headers(site.catalogue), tuple(cells), "dc-register dc-sortable"
    )


def register_table(site: Site, rows: list[registers.DocumentRow], from_src: str) -> str:
    return _render(site, "register-table", table=register_rows(site, rows, from_src))


def register_page(site: Site) -> str:
    src = model.REGISTER_SRC
    current = [r for r in site.rows if r.current]
    retired = [r for r in site.rows if not r.current]
    return _render(
        site,
        "register",
        level=site.labels.level(site.config.publish.max_confidentiality),
        current=register_rows(site, current, src),
        retired=register_rows(site, retired, src) if retired else None,
    )


def trail_page(site: Site) -> str:
    src = model.TRAIL_SRC
    sep = _t(site, "label.separator")
    rows = []
    for event in site.events:
        people = [*event.authors, *event.reviewers, *event.approvers, event.merger]
        docs: list[Any] = [
            *(Seq((doc_link(site, d.id, src), d.version), " ") for d in event.documents),
            *(Code(path) for path in event.controlled),
        ]
        rows.append(
            Row(
                (
                    _day(event.date),
                    site.catalogue.label("label.kind", event.kind),
                    mr_link(site, event.merge_request),
                    event.summary,
                    Seq(tuple(docs), sep),
                    _names(site, event.authors),
                    _names(site, event.reviewers),
                    _names(site, event.approvers),
                    site.catalogue.label("site.signature", event.signature.status),
                    site.catalogue.label("label.evidence", event.evidence),
                    _verdict(site, event.approved),
                    Seq(tuple(_note(site, p) for p in event.problems)) if event.problems else "—",
                    _disposition(site, event),
                ),
                css="dc-event" + (" dc-has-problem" if event.problems else ""),
                data=(
                    ("date", _day(event.date)),
                    ("people", " ".join(f"{p.name} {p.email}" for p in people).lower()),
                    ("commit", event.commit),
                ),
            )
        )
    # the trail's columns but the commit, which is in each row's data
    columns = (c for c in trail.TRAIL_COLUMNS if c != "commit")
    table = Table(site.catalogue.headers("label.trail", columns), tuple(rows), "dc-trail")
    # problems of the history as a whole (rewritten history, control_since moved…)
    notices = [_note(site, p) for p in (site.history.notices if site.history else ())]
    # acknowledgement and distribution records' problems are history's too, each with the
    # nonconformity that handled it, as the trail says
    for problem in [*site_acks.problems(site), *site_copies.problems(site)]:
        note = _note(site, problem)
        found = site.dispositions.covering(problem) if problem.commit else None
        if found is not None:
            handled = trail.disposition_text(found, site.catalogue)
            note = ProblemNote(note.code, note.message + _t(site, "label.aside", text=handled))
        notices.append(note)
    return _render(site, "approvals", table=table, notices=notices)


def coverage_page(site: Site) -> str:
    src = model.COVERAGE_SRC
    sep = _t(site, "label.separator")
    published = list(site.documents.values())
    rows = registers.coverage(published, site.record_types, site.repo.clauses)
    cells = []
    for r in rows:
        docs = Seq(tuple(doc_link(site, d, src) for d in r.documents), sep) if r.documents else "—"
        recs = (
            Seq(
                tuple(
                    Link(
                        _type_name(site, site.record_types[t]), _href(site, src, model.form_src(t))
                    )
                    for t in r.record_types
                ),
                sep,
            )
            if r.record_types
            else "—"
        )
        state = (
            _t(site, "label.coverage.covered")
            if r.covered
            else Flag(_t(site, "label.coverage.uncovered"))
        )
        title = r.clause.zh if site.catalogue.language == "zh" else (r.clause.en or r.clause.zh)
        cells.append(
            Row(
                (r.clause.id, title, docs, recs, state),
                css=f"{'dc-covered' if r.covered else 'dc-uncovered'} dc-depth-{r.clause.depth}",
            )
        )
    uncovered = [r.clause.id for r in rows if r.leaf and not r.covered]
    headers = site.catalogue.headers("label.coverage", (*registers.COVERAGE_COLUMNS, "state"))
    return _render(
        site,
        "coverage",
        total=len(rows),
        covered=len([r for r in rows if r.covered]),
        uncovered=sep.join(uncovered),
        table=Table(headers, tuple(cells), "dc-coverage"),
    )


def review_page(site: Site) -> str:
    src = model.REVIEW_SRC
    due = registers.review_due(site.rows, site.as_of, REVIEW_WINDOW_DAYS)
    cells = []
    for r in due:
        state = (
            Flag(_t(site, "label.review.overdue"))
            if r.overdue
            else _t(site, "site.review.due_within", days=REVIEW_WINDOW_DAYS)
        )
        cells.append(
            Row(
                (
                    doc_link(site, r.id, src),
                    doc_link(site, r.id, src, r.title),
                    site.labels.department(r.owner),
                    r.last_approval_text(site.catalogue),
                    r.next_review,
                    state,
                )
            )
        )
    headers = registers.review_headers(site.catalogue)
    page = _render(
        site,
        "review",
        day=site.as_of.isoformat(),
        days=REVIEW_WINDOW_DAYS,
        table=Table(headers, tuple(cells), "dc-review dc-sortable") if cells else None,
    )
    return page + "\n\n" + site_impact.suspect_list(site, model.REVIEW_SRC) + "\n"


# --- records and forms ----------------------------------------------------------------


def _type_name(site: Site, record_type: RecordType) -> str:
    """A record type's name in the site's language."""
    if site.catalogue.language == "en" and record_type.name_en:
        return record_type.name_en
    return record_type.name


def _field_title(site: Site, node: Mapping[str, Any], key: str) -> str:
    return site.labels.field_title(node, key)


def record_value(site: Site, value: Any, node: Any, from_src: str, schema: Any) -> Any:
    """A record value for its page, walking its schema for field titles, labels and links at
    every depth."""
    node = resolve_local_ref(schema, node) if isinstance(node, dict) else {}
    ref = node.get("x-doccontrol-ref") if isinstance(node.get("x-doccontrol-ref"), str) else None
    if isinstance(value, list):
        items = node.get("items", {})
        if not value:
            return "—"
        return Bullets(tuple(record_value(site, v, items, from_src, schema) for v in value))
    if isinstance(value, dict):
        props = node.get("properties", {}) if isinstance(node.get("properties"), dict) else {}
        return Nested(
            tuple(
                (
                    _field_title(site, props.get(key, {}), key),
                    record_value(site, item, props.get(key, {}), from_src, schema),
                )
                for key, item in value.items()
            )
        )
    text = "" if value is None else str(value)
    if ref == "document":
        return doc_link(site, text, from_src)
    if ref and (ref, text) in site.record_ids:
        return Link(text, _href(site, from_src, f"records/{ref}/{text}.md"))
    return text_value(site.labels.value(node, value))


def record_page(site: Site, record: Record) -> str:
    record_type = site.record_types[record.type]
    src = model.record_src(record)
    schema = record_type.schema
    props = schema.get("properties", {})
    rows = [
        Row(
            (
                _field_title(site, props.get(key, {}), key),
                record_value(site, value, props.get(key, {}), src, schema),
            )
        )
        for key, value in record.data.items()
    ]
    table = Table(
        (_t(site, "site.record.field"), _t(site, "site.record.content")), tuple(rows), "dc-record"
    )
    return _render(
        site,
        "record",
        record_type={
            "id": record_type.id,
            "name": record_type.name,
            "name_en": record_type.name_en,
            "retention_years": record_type.retention_years,
        },
        form=Link(
            _t(
                site,
                "site.record.form_link",
                name=_type_name(site, record_type),
            ),
            _href(site, src, model.form_src(record.type)),
        ),
        back=Link(_t(site, "site.record.back"), _href(site, src, model.RECORDS_SRC)),
        table=table,
    )


def records_index_page(site: Site) -> str:
    src = model.RECORDS_SRC
    by_type = registers.records_by_type(site.records)
    sections = []
    for type_id, record_type in sorted(
        site.record_types.items(), key=lambda kv: kv[1].procedure + kv[0]
    ):
        props = record_type.schema.get("properties", {})
        records = by_type.get(type_id, [])
        rows = []
        for record in records:
            cells: list[Any] = []
            for f in record_type.list_fields:
                value = record.data.get(f, "")
                if f == "id":
                    cells.append(Link(str(value), _href(site, src, model.record_src(record))))
                else:
                    node = props.get(f, {}) if isinstance(props, dict) else {}
                    node = resolve_local_ref(record_type.schema, node) if node else {}
                    cells.append(site.labels.cell(node, value))
            rows.append(Row(tuple(cells)))
        headers = tuple(_field_title(site, props.get(f, {}), f) for f in record_type.list_fields)
        sections.append(
            {
                "id": type_id,
                "name": _type_name(site, record_type),
                "other_name": record_type.name_en
                if site.catalogue.language == "zh"
                else record_type.name,
                "name_zh": record_type.name,
                "name_en": record_type.name_en,
                "procedure": doc_link(site, record_type.procedure, src),
                "clauses": site.catalogue.join(record_type.clauses),
                "retention_years": record_type.retention_years,
                "form": Link(
                    _t(site, "site.records.form"), _href(site, src, model.form_src(type_id))
                ),
                "table": Table(headers, tuple(rows), "dc-records dc-sortable") if rows else None,
            }
        )
    return _render(site, "records-index", sections=sections)


def _field_rows(site: Site, schema: Mapping[str, Any], prefix: str = "") -> list[Row]:
    rows = []
    required = set(schema.get("required", []))
    for key, prop in schema.get("properties", {}).items():
        if not isinstance(prop, dict):
            continue
        title: Any = Seq((prefix + _field_title(site, prop, key),))
        if key in required:
            title = Seq((title, " ", Flag("*", "dc-required")))
        options = site.labels.options(prop)
        blank: Any
        if options:
            blank = Seq(tuple(f"☐ {o}" for o in options), " ")
        elif prop.get("type") == "boolean":
            blank = f"☐ {_t(site, 'label.yes')} ☐ {_t(site, 'label.no')}"
        elif prop.get("format") == "date":
            blank = _t(site, "site.form.date_blank")
        else:
            blank = "\u00a0"
        rows.append(Row((title, site.labels.description(prop), blank)))
        if prop.get("type") == "object" and "properties" in prop:
            rows += _field_rows(site, prop, prefix=f"{_field_title(site, prop, key)} › ")
    return rows


def form_page(site: Site, record_type: RecordType) -> str:
    src = model.form_src(record_type.id)
    headers = (_t(site, "site.form.field"), _t(site, "site.form.help"), _t(site, "site.form.fill"))
    return _render(
        site,
        "form",
        record_type={
            "id": record_type.id,
            "name": record_type.name,
            "name_en": record_type.name_en,
            "id_format": record_type.id_format,
            "retention_years": record_type.retention_years,
            "clauses": site.catalogue.join(record_type.clauses),
            "schema_path": record_type.path,
            "folder": f"records/{record_type.id}/",
        },
        procedure=doc_link(site, record_type.procedure, src),
        table=Table(headers, tuple(_field_rows(site, dict(record_type.schema))), "dc-form"),
    )


# --- home -------------------------------------------------------------------------------


def home_page(site: Site) -> str:
    rows = site.rows
    current = [r for r in rows if r.current]
    counts = {s: len([r for r in current if r.state == s]) for s in ("effective", "draft")}
    # the card counts exactly the rows the review page lists
    due = registers.review_due(rows, site.as_of, REVIEW_WINDOW_DAYS)
    history_problems = [
        *(p for e in site.events for p in e.problems),
        *site_acks.problems(site),
        *site_copies.problems(site),
    ]
    cards = [
        ("effective", counts["effective"], model.REGISTER_SRC),
        ("draft", counts["draft"], model.REGISTER_SRC),
        (
            "pending",
            len([r for r in current if r.state == "pending" or r.upcoming]),
            model.REGISTER_SRC,
        ),
        ("retired", len(rows) - len(current), model.REGISTER_SRC),
        ("records", len(site.records), model.RECORDS_SRC),
        ("review", len(due), model.REVIEW_SRC),
        ("approval_problems", len(history_problems), model.TRAIL_SRC),
        ("problems", len(site.problems), model.REGISTER_SRC),
    ]
    sep = _t(site, "label.separator")
    recent = [
        Row(
            (
                _day(e.date),
                e.summary,
                Seq(
                    tuple(
                        Seq((doc_link(site, d.id, model.HOME_SRC), d.version), " ")
                        for d in e.documents
                    ),
                    sep,
                ),
                _names(site, e.approvers) or "—",
                _verdict(site, e.approved),
            )
        )
        for e in list(reversed(site.events))[:8]
    ]
    # the trail's columns, but a shorter name for the summary on the home page
    headers = (
        _t(site, "label.trail.date"),
        _t(site, "site.home.recent.change"),
        *site.catalogue.headers("label.trail", ("documents", "approvers", "verdict")),
    )
    return _render(
        site,
        "home",
        organization=site.config.organization.get("name", ""),
        cards=[
            {
                "key": key,
                "label": _t(site, f"site.home.card.{key}"),
                "count": n,
                "href": relative_url("", site.url(src)),
            }
            for key, n, src in cards
        ],
        recent=Table(headers, tuple(recent), "dc-recent") if recent else None,
        pending=[
            {"link": doc_link(site, r.id, model.HOME_SRC), "title": r.title, "count": r.pending}
            for r in rows
            if r.pending
        ],
        problems=[
            {"path": p.path, "line": p.line, "code": p.code, "message": site.problem_text(p)}
            for p in (site.public_problems[:50] if site.problems else [])
        ],
        any_problems=bool(site.problems),
        unpublished_problems=len(site.problems) - len(site.public_problems),
    )


def generated_pages(site: Site) -> dict[str, tuple[str, str]]:
    """src_uri → (title, markdown) for every page the tool generates."""
    pages = {
        model.HOME_SRC: (_t(site, "site.page.home"), home_page(site)),
        model.REGISTER_SRC: (_t(site, "site.page.register"), register_page(site)),
        model.TRAIL_SRC: (_t(site, "site.page.trail"), trail_page(site)),
        model.COVERAGE_SRC: (_t(site, "site.page.coverage"), coverage_page(site)),
        model.REVIEW_SRC: (_t(site, "site.page.review"), review_page(site)),
        model.RECORDS_SRC: (_t(site, "site.page.records"), records_index_page(site)),
        **site_acks.pages(site),
        site_copies.RECALL_SRC: (site_copies.recall_title(site), site_copies.recall_page(site)),
    }
    for record in site.records:
        if record.type in site.record_types:
            title_field = site.record_types[record.type].title_field
            pages[model.record_src(record)] = (
                f"{record.id} {record.data.get(title_field, '')}".strip(),
                record_page(site, record),
            )
    for type_id, record_type in site.record_types.items():
        title = _t(site, "site.page.form", name=_type_name(site, record_type))
        pages[model.form_src(type_id)] = (title, form_page(site, record_type))
    return pages


def navigation(site: Site) -> list[dict[str, Any]]:
    """The site's navigation: home, documents by type (in id order), registers, records.

    MkDocs treats titles as HTML (they can come from a rendered heading), so every title
    taken from front matter, a record or the catalogue is escaped here."""
    nav: list[dict[str, Any]] = [{esc(_t(site, "site.page.home")): model.HOME_SRC}]
    for type_id in site.config.document_types:
        docs = sorted(
            (d for d in site.documents.values() if d.type == type_id),
            key=lambda d: registers._id_key(d.id or ""),
        )
        entries = [
            {esc(f"{d.id} {site.page_title(d)}"): site.src(d.id or "")}
            for d in docs
            # a page left out as unrenderable (site.unrenderable) is not in the navigation
            if site.src(d.id or "") and d.path not in site.unrenderable
        ]
        label = esc(site.labels.document_type(type_id))
        if len(entries) == 1 and type_id == "manual":
            nav.append({label: next(iter(entries[0].values()))})
        elif entries:
            nav.append({label: entries})
    nav.append(
        {
            esc(_t(site, "site.nav.registers")): [
                {esc(_t(site, "site.page.register")): model.REGISTER_SRC},
                {esc(_t(site, "site.page.trail")): model.TRAIL_SRC},
                {esc(_t(site, "site.page.coverage")): model.COVERAGE_SRC},
                {esc(_t(site, "site.page.review")): model.REVIEW_SRC},
                *site_acks.nav(site),
                {esc(site_copies.recall_title(site)): site_copies.RECALL_SRC},
            ]
        }
    )
    forms = [
        {esc(_type_name(site, rt)): model.form_src(t)}
        for t, rt in sorted(site.record_types.items())
    ]
    nav.append(
        {
            esc(_t(site, "site.nav.records")): [
                {esc(_t(site, "site.page.records")): model.RECORDS_SRC},
                {esc(_t(site, "site.nav.forms")): forms},
            ]
        }
    )
    return nav
