"""Where a document stands on a day: the one answer every register gives.

For a document and a date: the version in force, a version approved but not yet effective,
the last approval, the next periodic review and whether it is overdue. The register (CLI, all
formats), the site (control block, register, home cards, review page), ``show --as-of``,
``review-due`` and the audit pack all ask this module, so they cannot tell different stories.

A revision is in force from its 发布实施日期 (the ``effective_date`` of that revision's front
matter), never earlier than its approval. The pre-control baseline (history before
``control_since``) is the version in force until the first approval, but it is not an approval:
only merges that pass the rules, and approvals recorded on paper (``legacy_history``), are.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from doccontrol import versions
from doccontrol.history.model import DocumentHistory, Revision

# what each state is called comes from the catalogue (``label.state.<state>``), in the language
# of the site or the run: the shells label it, this module only says which state it is
State = Literal["draft", "pending", "effective", "obsolete", "withdrawn", "unapproved"]
MetaOf = Callable[[Revision], Mapping[str, Any]]


@dataclass(frozen=True)
class Standing:
    day: datetime.date
    state: State
    # the version the register describes: in force, else approved-not-yet-effective, else the
    # latest on the main branch by that day (a draft, or a change nobody approved)
    shown: Revision | None
    in_force: Revision | None
    in_force_from: str
    upcoming: Revision | None  # approved, takes effect after ``day``: the next to take effect
    upcoming_from: str
    last_approval: Revision | None  # a Git approval or a paper one (legacy_history)
    # the last approval of the version ``shown`` by ``day`` (the adoption baseline or a periodic
    # review approves a version again): whom a control block and a copy name as its approvers
    vouched_by: Revision | None
    unapproved: tuple[Revision, ...]  # changes on main after the last approval, by ``day``
    next_review: str  # YYYY-MM-DD or ""
    meta: Mapping[str, Any]  # the front matter of ``described``
    # the revision whose text and front matter describe ``shown``: ``shown`` itself, or a later
    # approval of the version in force with its text unchanged (a periodic review, the adoption
    # baseline), whose front matter (title, review interval) is the one last approved
    described: Revision | None
    # ``shown`` ended the document (made it obsolete or withdrew it) at a version whose text
    # changed while it was in force (DC511): its text is not the one that version had in
    # force, so none is given as the document's (fails closed: a version number names one text)
    text_swapped: bool = False
    # every approval still waiting for its day after ``day``, in the order approved (two
    # versions scheduled in a row; a pending version and its review): ``upcoming`` is the next
    # of them to take effect, and none of their changes is published before its day
    waiting: tuple[Revision, ...] = ()
    # the approvals by ``day`` that never take effect: a later approval made before their day
    # took their place (``_superseded``); what they changed is published only with a text
    # approved after them
    superseded: tuple[Revision, ...] = ()
    # the seqs of approvals whose text is not their version's text in force (``not_its_text``
    # as of ``day``): a rewritten waiting version, a same-version change (DC511) and after
    off_text: frozenset[int] = frozenset()
    # ``shown`` ended the document while an approved text after the one in force had not
    # taken effect (a version waiting for its day, one rewritten or moved): the file it ended
    # with holds that text, never in force, so none is given (fails closed, as text_swapped)
    ended_unissued: bool = False
    # ``shown`` ended the document while a later text waited, giving back the very text last
    # in force: this is the revision that text was in force by. What the waiting approvals
    # changed beside the text (a picture) was never in force with it, so it stays back
    gives_back: Revision | None = None
    # the commits of the approvals of the document after ``gives_back``, by ``day``: what they
    # changed beside the text is not published with the text given back
    after_given_back: frozenset[str] = frozenset()
    # the approvals by ``day`` of a text that is not their version's in force and that are not
    # ``superseded``: a change at the version while it was in force (DC511) and the approvals
    # after it, a number that never comes into force again. What they changed beside the text
    # (a picture) is published only with a text approved after them, as for ``superseded``
    off_text_approvals: tuple[Revision, ...] = ()

    @property
    def signed_off(self) -> Revision | None:
        """Whose sign-offs the control block and a copy name for the version ``shown``: its
        last approval by ``day`` (``vouched_by``); else, for a version in force that nobody has
        approved since (a pre-control baseline), that version itself, its author and nobody's
        approval. Never another text's approval: a later version's, or a change at the same
        number (DC511) that is not in force (round 97). None when neither holds."""
        if self.vouched_by is not None:
            return self.vouched_by
        if self.in_force is not None and self.in_force is self.shown:
            return self.in_force
        return None

    @property
    def overdue(self) -> bool:
        return bool(self.next_review) and self.next_review < self.day.isoformat()

    def due_within(self, days: int) -> bool:
        limit = (self.day + datetime.timedelta(days=days)).isoformat()
        return (
            self.state in ("effective", "pending")
            and bool(self.next_review)
            and (self.next_review <= limit)
        )

    @property
    def label_key(self) -> str:
        """The catalogue key that names this state (state_label_key)."""
        return state_label_key(self.state, self.shown)

    @property
    def last_approval_day(self) -> str:
        return approval_day(self.last_approval) if self.last_approval else ""


# the label of a pre-control baseline still waiting for its effective date (never approved)
PENDING_BASELINE = "label.state.pending-baseline"


def state_label_key(state: State, shown: Revision | None) -> str:
    """The catalogue key that names a state (``label.state.<state>``). A pre-control baseline
    whose effective date is still ahead is pending like an approved version, but nobody
    approved it: it is not called 已批准未生效."""
    if state == "pending" and shown is not None and shown.kind == "baseline":
        return PENDING_BASELINE
    return f"label.state.{state}"


def _valid(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return ""


def approval_day(revision: Revision) -> str:
    """The day a revision was approved: the merge's date, or the paper approval's."""
    return _valid(revision.date)


def effective_from(revision: Revision) -> str:
    """The day a revision takes effect: its 发布实施日期, never before its approval. The
    pre-control baseline was in force before Git knew it, as its own date says."""
    approved = approval_day(revision)
    effective = _valid(revision.effective_date)
    if revision.kind == "baseline":
        return effective or approved
    return max(approved, effective) if effective else approved


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it is shorter); past the
    calendar's ends (a review_date of 9999-12-31), its first or last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    if year < datetime.MINYEAR:
        return datetime.date.min
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return datetime.date(year, month, min(day.day, last))


def next_review(
    state: State,
    meta: Mapping[str, Any],
    last_approval: str,
    in_force_from: str,
    recorded_on: str,
) -> str:
    """The latest of the last approval, the recorded review date and the day the version took
    effect, plus the review interval; "" for a document not in force. ``meta`` is the front
    matter of the revision approved (or, for the pre-control baseline, committed) on
    ``recorded_on``: its review date counts up to that day only."""
    interval = meta.get("review_interval_months")
    if state not in ("effective", "pending") or not isinstance(interval, int):
        return ""
    if isinstance(interval, bool):
        return ""
    known = [
        d
        for d in (
            last_approval,
            reviewed(meta, recorded_on),
            in_force_from or _valid(str(meta.get("effective_date") or "")),
        )
        if d
    ]
    if not known:
        return ""
    return add_months(datetime.date.fromisoformat(max(known)), interval).isoformat()


def reviewed(meta: Mapping[str, Any], recorded_on: str) -> str:
    """The 最近评审日期 (``review_date``) as it counts: no later than ``recorded_on``, the day
    of the approval whose front matter records it. A later date is a review that had not
    happened when it was approved (as a paper approval counts only up to the approval that
    recorded it); "" when no day recorded it."""
    day = _valid(str(meta.get("review_date") or ""))
    return min(day, recorded_on) if day and recorded_on else ""


def standing(doc: DocumentHistory, day: datetime.date, meta_of: MetaOf) -> Standing:
    """Where ``doc`` stood at the end of ``day`` (dates as the committer wrote them)."""
    placed = _placed(doc, day)
    shown = placed.shown
    described = placed.described
    meta = meta_of(described) if described is not None else {}
    last_approval = placed.last_approval
    last_day = approval_day(last_approval) if last_approval else ""
    upcoming = placed.upcoming
    return Standing(
        day=day,
        state=placed.state,
        shown=shown,
        in_force=placed.in_force,
        in_force_from=placed.in_force_from,
        upcoming=upcoming,
        upcoming_from=effective_from(upcoming) if upcoming else "",
        last_approval=last_approval,
        vouched_by=_vouched_by(doc, shown, day.isoformat(), placed.off_text),
        unapproved=placed.unapproved,
        next_review=next_review(
            placed.state,
            meta,
            last_day,
            placed.in_force_from,
            approval_day(described) if described is not None else "",
        ),
        meta=meta,
        described=described,
        text_swapped=placed.text_swapped,
        waiting=placed.waiting,
        superseded=placed.superseded,
        off_text=placed.off_text,
        ended_unissued=placed.ended_unissued,
        gives_back=placed.gives_back,
        after_given_back=placed.after_given_back,
        off_text_approvals=tuple(
            r
            for r in doc.revisions
            if r.seq in placed.off_text
            and r.commit
            and dated_by(r.date, day)
            and all(r.seq != held.seq for held in placed.superseded)
        ),
    )


def published(stand: Standing) -> Revision | None:
    """The version whose text the controlled site gives as the document: the one in force;
    else an approved version that says what the document is, obsolete (the approval that made
    it so) or a draft merged for comment (SM-P-01 allows it; the page marks it a draft). None
    otherwise: a version not yet effective, and a change or a draft nobody approved, are never
    given as the document's text."""
    if stand.in_force is not None:
        # a periodic review's text is the in-force version's, with its approved front matter
        return stand.described or stand.in_force
    if stand.text_swapped or stand.ended_unissued:
        return None
    shown = stand.shown
    if stand.state in ("obsolete", "draft") and shown is not None and shown.approved:
        return shown if shown.commit else None
    return None


def dated_by(iso: str, day: datetime.date) -> bool:
    """Whether a revision or an approval dated ``iso`` (as its committer wrote it, or a paper
    approval's day) had happened by the end of ``day``: the one rule by which a register, a
    change history (变更履历) and a trail as of a day leave out what came after it."""
    return iso[:10] <= day.isoformat()


def change_history(doc: DocumentHistory, day: datetime.date) -> tuple[Revision, ...]:
    """The 变更履历 of ``doc`` as it stood at the end of ``day``: its revisions dated by then
    (a page or a pack made as of a past day names no later approval)."""
    return tuple(r for r in doc.revisions if dated_by(r.date, day))


def first_day(doc: DocumentHistory) -> str:
    """The first day ``standing`` shows a version of ``doc`` (YYYY-MM-DD; "" when none ever
    reached the main branch): the pre-control baseline's, else the first commit's."""
    on_main = [r.date[:10] for r in doc.revisions if r.commit]
    if doc.baseline is not None:
        on_main.append(doc.baseline.date[:10])
    return min(on_main, default="")


def shown(doc: DocumentHistory, day: datetime.date) -> Revision | None:
    """The version ``standing`` describes, found without reading its front matter: what a
    register reads ahead for all its documents at once."""
    return _placed(doc, day).shown


def described(doc: DocumentHistory, day: datetime.date) -> Revision | None:
    """The revision whose front matter ``standing`` reads (``Standing.described``), found
    without reading it: what a register reads ahead for all its documents at once."""
    return _placed(doc, day).described


@dataclass(frozen=True)
class _Placed:
    state: State
    shown: Revision | None
    in_force: Revision | None
    in_force_from: str
    upcoming: Revision | None
    last_approval: Revision | None
    unapproved: tuple[Revision, ...]
    described: Revision | None
    # the seqs of approvals of the version in force that are not its text (off_text below)
    off_text: frozenset[int]
    text_swapped: bool
    waiting: tuple[Revision, ...]
    superseded: tuple[Revision, ...]
    ended_unissued: bool
    gives_back: Revision | None
    after_given_back: frozenset[str]


def _placed(doc: DocumentHistory, day: datetime.date) -> _Placed:
    """Everything ``standing`` says that the revisions alone decide."""
    today = day.isoformat()
    on_main = [r for r in doc.revisions if r.commit and dated_by(r.date, day)]
    if doc.baseline is not None and dated_by(doc.baseline.date, day):
        on_main.insert(0, doc.baseline)
    in_force: Revision | None = None
    in_force_from = ""
    waiting: list[Revision] = []  # approved, each to take effect after ``day``
    ended: State | None = None  # obsolete or withdrawn, by an approval
    ended_by: Revision | None = None  # that approval
    draft: Revision | None = None  # an approved draft, when nothing is in force
    last_git: Revision | None = None  # the last approval (or baseline) on main
    # the last approval of the version in force with its text unchanged (a periodic review,
    # the adoption baseline): its front matter is the approved one (title, review interval)
    reviewed_by: Revision | None = None
    # approvals of the version in force made after one that changed its text at the same version
    # (DC511, the change itself included). History calls a revision a review when its text is
    # the last approved one; once a same-version change was approved that is no longer the
    # text in force, so such a "review" re-approves the changed text: it neither describes the
    # version in force nor vouches for it (a review_date alone must not put that text in force)
    off_text: set[int] = set()
    drifted = False
    # the versions whose text changed while they were in force: such a number never comes into
    # force again (made obsolete and then effective, its text would be the swapped one)
    swapped: set[str] = set()
    # each number that had a text in force and is no longer in force (ended, or replaced by
    # another number) → the seq of the approval that gave it that text. Approved to take effect
    # again once any approval since changed the text (a draft too, at any number: sections
    # count from the last approved text, not from that number's), it would name a second text
    # (rounds 71–73): it never comes into force
    closed: dict[str, int] = {}
    changed = -1  # the seq of the last approval that changed the text
    replaced, moved = _superseded(on_main)
    # the approvals whose text after the one in force has not taken effect and is on main
    # (waiting, rewritten, moved, changed at the version): while there is one, an ending ends
    # with a text never in force. An approval that takes one off main (the version in force
    # approved back while a later one waited) calls it off
    unissued: set[int] = set()
    ended_unissued = False
    never: list[Revision] = []  # waiting when an ending came: they never take effect
    # the revision whose text was last in force, kept across an ending (reviewed_by or
    # in_force as they stood), and the one an ending made while a later text waited gave back
    # (kept by later endings with that text, until a version comes into force)
    last_text: Revision | None = None
    gives_back: Revision | None = None
    for revision in on_main:
        if not revision.approved:
            continue
        last_git = revision
        if revision.sections and revision.kind != "withdrawal":
            changed = revision.seq
        # an approval to take effect is unissued until it does, whatever is in force (one
        # approved while the document was withdrawn too; round 81)
        unissued_before = set(unissued)
        before = bool(unissued_before)
        # what this approval took off main is no longer on main (V1.2 replaced by V1.3, which
        # a review calls off in its turn; round 83): an ending keeps what stood before it
        unissued -= {s for s in unissued_before if replaced.get(s) == revision.seq}
        if in_force is not None or revision.status == "effective":
            unissued.add(revision.seq)
        if revision.seq in moved:
            continue  # its text comes into force with the approval that moved its day
        if revision.seq in replaced:
            off_text.add(revision.seq)
            continue
        if revision.kind == "withdrawal":
            if in_force is not None:
                closed[version_number(in_force.version)] = in_force.seq
            never += waiting
            last_text = reviewed_by or in_force or last_text
            in_force, waiting, ended, draft, reviewed_by = None, [], "withdrawn", None, None
            # a withdrawal gives no text: an ending that gave back the text in force before
            # it still does (gives_back stays)
            ended_by, ended_unissued, unissued = revision, before, unissued_before
        elif revision.status == "obsolete":
            if in_force is not None and effective_from(revision) > today:
                # the version that ends the document takes effect on its own day, as any
                # version does: until then the one in force stays, and this one is upcoming
                waiting.append(revision)
            else:
                number = version_number(revision.version)
                # ended at the version in force: its text is that version's only if neither
                # this approval nor one before it changed the text at that number
                if (
                    in_force is not None
                    and number == version_number(in_force.version)
                    and (drifted or revision.sections)
                ):
                    swapped.add(number)
                if in_force is not None:
                    closed[version_number(in_force.version)] = in_force.seq
                # an ending that gives back the very text last in force (a withdrawal before
                # it changes no text) ends with a text that was in force, whatever waited
                # (round 79): only another text is withheld
                last_text = reviewed_by or in_force or last_text
                issued = same_text(revision, last_text)
                never += waiting
                in_force, waiting, ended, draft, reviewed_by = None, [], "obsolete", None, None
                ended_by, ended_unissued = revision, before and not issued
                unissued = unissued_before if ended_unissued else set()
                # once an ending gave it back, a later ending with the same text (a new title
                # for the obsolete document) gives it back too (round 81)
                gives_back = last_text if issued and (before or gives_back) else None
        elif revision.status == "effective":
            starts = effective_from(revision)
            number = version_number(revision.version)
            if in_force is not None and number == version_number(in_force.version) and not ended:
                # approved again (a periodic review): in force as before, since the day it took
                # effect; a review whose text is unchanged says what the version is called now.
                # History calls it a review by the last approved text; one approved back with
                # the text in force after another text was approved (V1.1 back while V1.2
                # waited) is a review of it too, by digest (round 82)
                drifted = drifted or not (
                    revision.kind in ("review", "baseline") or same_text(revision, in_force)
                )
                if drifted:
                    off_text.add(revision.seq)
                    swapped.add(number)
                else:
                    # a review leaves unissued what was, but for the approvals it took off main
                    # (V1.1 approved back while V1.2 waited: V1.2 is called off; round 82)
                    unissued = {s for s in unissued_before if replaced.get(s) != revision.seq}
                    reviewed_by = revision
                continue
            if changed > closed.get(number, changed):
                swapped.add(number)
            if number in swapped:
                off_text.add(revision.seq)
                continue
            if starts <= today:
                if in_force is not None and version_number(in_force.version) != number:
                    closed[version_number(in_force.version)] = in_force.seq
                in_force, in_force_from, waiting, ended, draft = revision, starts, [], None, None
                reviewed_by, drifted, unissued, gives_back = None, False, set(), None
            else:
                waiting.append(revision)
                ended = None
        elif revision.status == "draft" and in_force is None and not waiting:
            draft, ended = revision, None
    # the next to take effect (of approvals for the same day, the last: a review of it)
    upcoming = min(waiting, key=lambda r: (effective_from(r), -r.seq)) if waiting else None
    unapproved = _after(on_main, last_git)
    last_approval = None
    for revision in doc.revisions:  # the pre-control baseline (doc.baseline) is no approval
        if revision.approved and "" < approval_day(revision) <= today:
            last_approval = revision
    state: State
    shown: Revision | None
    if ended:
        # the approval that ended it: a later one of a version whose text was swapped in force
        # (off_text) neither revives it nor says what it was
        state, shown = ended, ended_by
    elif in_force is not None:
        state, shown = "effective", in_force
    elif upcoming is not None:
        state, shown = "pending", upcoming
    elif draft is not None:
        state, shown = "draft", draft
    else:
        shown = on_main[-1] if on_main else None
        state = "draft" if shown is None or shown.status != "effective" else "unapproved"
    described = (reviewed_by or in_force) if state == "effective" else shown
    return _Placed(
        state,
        shown,
        in_force,
        in_force_from,
        upcoming,
        last_approval,
        unapproved,
        described,
        frozenset(off_text),
        ended is not None and ended_by is not None and version_number(ended_by.version) in swapped,
        tuple(waiting),
        (*(r for r in on_main if r.seq in replaced or r.seq in moved), *never),
        ended is not None and ended_unissued,
        gives_back if ended else None,
        frozenset(
            r.commit
            for r in on_main
            if ended and gives_back is not None and r.approved and r.seq > gives_back.seq
        ),
    )


def _superseded(on_main: list[Revision]) -> tuple[dict[int, int], set[int]]:
    """The seqs of approved versions that never took effect because a later approval made
    before their day replaced them, in two: those whose text was replaced too (each with the
    seq of the approval that took it off main), and those only moved to another day (their
    text is the version's: an acknowledgement of it counts).
    They are replaced by:
    - another approval of the same number with other text (approved for April, rewritten at
      that number in March and made effective at once: one number names one text in force);
    - the same text approved again for another day (the go-live put off, or brought forward:
      the last day approved counts; round 76);
    - an approval of another number that takes effect no later than they would (the version
      in force approved again in March, its file back on main: the approvers' last decision,
      not the text it took off main, is what comes into force; round 74), even one that never
      comes into force itself (an old number brought back with other text: its decision
      still took their text off main; round 75);
    - an approval that ends the document (withdrawn, or made obsolete) no later than their
      day: the answer must not change on that day with nothing approved (round 79)."""
    by: dict[int, tuple[int, bool]] = {}  # seq → (the approval that took its place, moved)
    approved = [
        r
        for r in on_main
        if r.approved and r.commit and (r.status in ("effective", "obsolete") or ending(r))
    ]
    for at, revision in enumerate(approved):
        if ending(revision):
            continue  # only a version to take effect waits to be replaced
        starts = effective_from(revision)
        number = version_number(revision.version)
        for later in approved[at + 1 :]:
            if approval_day(later) >= starts:
                break
            if ending(later):
                # the document ended before their day: they never take effect (round 79)
                if effective_from(later) <= starts:
                    by[revision.seq] = (later.seq, False)
                    break
                continue
            if version_number(later.version) == number:
                # a review of it for the same day leaves it waiting
                if later.kind not in ("review", "baseline"):
                    by[revision.seq] = (later.seq, False)
                    break
                if effective_from(later) != starts:
                    by[revision.seq] = (later.seq, True)
                    break
            elif effective_from(later) <= starts:
                by[revision.seq] = (later.seq, False)
                break
    replaced: dict[int, int] = {}
    moved: set[int] = set()
    for seq in by:
        # a moved approval shares the fate of the one that moved it: replaced in its turn
        # (rewritten at the number, or another number first), its text was never in force
        # (round 77)
        at, only_moved = by[seq]
        while only_moved and at in by:
            at, only_moved = by[at]
        if only_moved:
            moved.add(seq)
        else:
            replaced[seq] = at
    return replaced, moved


def same_text(one: Revision | None, other: Revision | None) -> bool:
    """Whether two revisions hold the same text (their bodies' digests), known for both."""
    return (
        one is not None
        and other is not None
        and bool(one.body_digest)
        and one.body_digest == other.body_digest
    )


def ending(revision: Revision) -> bool:
    """An approval that takes the document out of force: a withdrawal, or made obsolete."""
    return revision.kind == "withdrawal" or revision.status == "obsolete"


def not_its_text(doc: DocumentHistory) -> frozenset[int]:
    """The seqs of approvals whose text is not the text their version number had in force: a
    change approved at the number while it was in force (DC511) and every approval after it,
    and a version rewritten at its number before its day (``diff`` compares versions by the
    text each had in force, as ``show`` gives it)."""
    return _placed(doc, datetime.date.max).off_text


def _vouched_by(
    doc: DocumentHistory, shown: Revision | None, today: str, off_text: frozenset[int]
) -> Revision | None:
    """The last approval of ``shown``'s version on or before ``today``, or None (a pre-control
    baseline nobody has approved since, a change nobody approved). An approval of another text
    at that version (``off_text``: a same-version change, a review of it) vouches for no text
    shown."""
    if shown is None:
        return None
    found = None
    for revision in doc.revisions:
        if (
            revision.approved
            and revision.seq not in off_text
            and version_number(revision.version) == version_number(shown.version)
            and "" < approval_day(revision) <= today
        ):
            found = revision
    return found


def version_number(text: str) -> str:
    """A version as the version rules read it (``V01.0`` and ``V1.00`` are V1.0, ``A/01`` is
    A/1), so that another spelling of a number is never another version; as written when it
    is no version of either scheme."""
    for scheme in ("decimal", "edition"):
        found = versions.parse(text, scheme)
        if found is not None:
            return str(found)
    return text


def _after(on_main: list[Revision], last: Revision | None) -> tuple[Revision, ...]:
    """The unapproved changes on main after ``last`` (all of them when nothing is approved)."""
    start = on_main.index(last) + 1 if last is not None else 0
    return tuple(r for r in on_main[start:] if not r.approved)


def without_history(meta: Mapping[str, Any], day: datetime.date) -> Standing:
    """A document Git knows nothing about (not committed, or no repository): its front matter
    is all there is, and nothing about it is approved."""
    status = str(meta.get("status") or "")
    state: State = {"obsolete": "obsolete", "draft": "draft"}.get(status, "unapproved")  # type: ignore[assignment]
    return Standing(
        day=day,
        state=state,
        shown=None,
        in_force=None,
        in_force_from="",
        upcoming=None,
        upcoming_from="",
        last_approval=None,
        vouched_by=None,
        unapproved=(),
        next_review="",
        meta=meta,
        described=None,
    )
