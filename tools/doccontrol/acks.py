"""Read-and-understood acknowledgements (阅知确认), judged from Git alone.

When a version of a document takes effect (standing.py says which, and since when), every
person in its ``distribution`` (departments and roles resolved to people by doccontrol.yml)
owes an acknowledgement of it within the days ``acknowledgement`` allows for its type. A
revision exempt by the configuration (only the front matter changed, or the approving commit
said ``Change-type: editorial``) asks nothing new: what was owed for the version before it
still stands, and an acknowledgement of either counts.

An acknowledgement is a record, ``records/acknowledgement/<id>.yaml``. It counts only when the
commit that added it was written by the person it names (the commit's author; for a merge,
every commit the merge brought in) or signed by that person's key (with
``approval.require_signed``: only signed), nobody else changed it afterwards, and it names a
version of the document that was approved. Who wrote each version comes from the history's
one streaming pass (``History.acknowledgements``), never from the work tree.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from doccontrol import markdown_text, standing
from doccontrol.catalogue import Catalogue
from doccontrol.config import Config, Person
from doccontrol.history.model import AckChange, DocumentHistory, History, HistoryProblem, Revision

ACK_FOLDER = "records/acknowledgement"
RECORD_TYPE = "acknowledgement"


@dataclass(frozen=True)
class Acknowledgement:
    """An acknowledgement record as history shows it, judged."""

    id: str
    path: str
    person: str
    document: str
    version: str
    day: str  # YYYY-MM-DD: when its present text reached the main branch
    commit: str  # the commit that wrote its present text
    counted: bool
    problems: tuple[HistoryProblem, ...] = ()
    # how strongly Git proves the person wrote it: "person-signed" (a good signature by their
    # key on every version), "unsigned" (authored and committed in their name: anyone with
    # push access can write that) or "none" (it does not count)
    evidence: str = "none"


@dataclass(frozen=True)
class Owed:
    """One person's acknowledgement of one document's version in force."""

    document: str
    title: str
    version: str  # the version in force
    person: str
    person_name: str
    since: str  # the day the version (or the one it editorially amends) took effect
    due: str
    acknowledged: str  # the day of the counted acknowledgement, or ""
    record: str  # its id, or ""
    overdue: bool
    evidence: str = ""  # the counted acknowledgement's (Acknowledgement.evidence), or ""

    @property
    def done(self) -> bool:
        return bool(self.acknowledged)

    def to_json(self) -> dict[str, object]:
        return {**self.__dict__, "done": self.done}


@dataclass(frozen=True)
class DocumentAcks:
    """Who owes an acknowledgement of a document's version in force, and who has given it."""

    document: str
    title: str
    version: str
    since: str
    due: str
    owed: tuple[Owed, ...]

    @property
    def done(self) -> int:
        return sum(1 for o in self.owed if o.done)

    @property
    def outstanding(self) -> tuple[Owed, ...]:
        return tuple(o for o in self.owed if not o.done)


def record_id(document: str, version: str, person: str) -> str:
    """The one id of a person's acknowledgement of a version: two acknowledgements of the same
    version are the same file, and two people never write the same file."""
    return f"ACK-{document}-{version.replace('/', '')}-{person}"


def distribution(config: Config, names: Iterable[str]) -> tuple[Person, ...]:
    """The people a distribution names, in doccontrol.yml's order: by department, by role, or
    by their own id."""
    wanted = set(names)
    return tuple(
        p
        for p in config.people
        if p.id in wanted or (p.department or "") in wanted or wanted & set(p.roles)
    )


def ledger(
    changes: Sequence[AckChange], config: Config, history: History | None = None
) -> list[Acknowledgement]:
    """Every acknowledgement record on the main branch now, judged: by who wrote it, and
    (given the history) whether it names a version that was approved before it was written."""
    signed_only = config.approval.require_signed
    by_path: dict[str, list[AckChange]] = {}
    for change in changes:
        if change.status == "A":
            by_path[change.path] = [change]  # a record added again starts afresh
        elif change.status == "D":
            by_path.pop(change.path, None)
        elif change.path in by_path:
            by_path[change.path].append(change)
        else:
            by_path[change.path] = [change]  # changed before history began (shallow, baseline)
    out: list[Acknowledgement] = []
    for path, versions in sorted(by_path.items()):
        first, last = versions[0], versions[-1]
        owner = first.person
        rid = path.rsplit("/", 1)[-1].removesuffix(".yaml")
        problems: list[HistoryProblem] = []
        for n, change in enumerate(versions):
            if not _written_by(change, owner, signed_only):
                # the first version not the person's own is forged; a later one, an edit
                key = "problem.DC541" if n else "problem.DC540.signed" if signed_only else None
                problems.append(_problem(key or "problem.DC540.forged", rid, change, owner))
        # a record that now names someone else (or another document) than it did is no
        # acknowledgement by anyone: a person changes their own only by writing a new one
        renamed = last.person != owner
        if history is not None and not problems and not renamed:
            problems += _version_problems(rid, versions, history)
        counted = not problems and not renamed and bool(owner and last.document and last.version)
        # a backdated commit is reported, but changes nothing: its day is the line's
        problems += [_backdated(rid, c, owner) for c in versions if c.claimed]
        signed = all(c.signer == owner for c in versions)
        out.append(
            Acknowledgement(
                rid,
                path,
                owner,
                last.document,
                last.version,
                last.date[:10],
                last.commit,
                counted,
                tuple(problems),
                ("person-signed" if signed else "unsigned") if counted else "none",
            )
        )
    return out


def _problem(key: str, rid: str, change: AckChange, owner: str) -> HistoryProblem:
    """DC540 (the record was not the person's from the start) or DC541 (someone else changed
    it later): the same finding about a version someone else wrote."""
    return HistoryProblem.of(
        key,
        change.commit,
        change.path,
        owner,
        record=rid,
        person=owner or "?",
        commit=change.commit[:10],
        writers=", ".join(w.strip("<>") for w in change.writers) or "?",
    )


def _backdated(rid: str, change: AckChange, owner: str) -> HistoryProblem:
    return HistoryProblem.of(
        "problem.DC543",
        change.commit,
        change.path,
        owner,
        record=rid,
        commit=change.commit[:10],
        claimed=change.claimed[:10],
        day=change.date[:10],
    )


def _written_by(change: AckChange, person: str, signed_only: bool) -> bool:
    if not person:
        return False
    if change.signer == person:
        return True
    return not signed_only and change.writers == (person,)


def _version_problems(
    rid: str, versions: Sequence[AckChange], history: History
) -> list[HistoryProblem]:
    """DC542: the record names a version of the document that was never approved to take
    effect (an acknowledgement of nothing anyone was asked to read: an approved draft is no
    such approval), or one approved to take effect only after the person wrote the record
    (they read a draft, not the approved text)."""
    last = versions[-1]
    doc = history.documents.get(last.document)
    approvals: list[Revision] = []
    if doc is not None:
        # not an approval whose text never was the version's in force (rewritten at its number
        # before its day, round 74; approved after a change of the text in force, DC511)
        other = standing.not_its_text(doc)
        # the version as the version rules read it: ``V01.2`` is V1.2 (round 82)
        number = standing.version_number(last.version)
        of_it = [
            r
            for r in doc.revisions
            if _puts_in_force(r) and standing.version_number(r.version) == number
        ]
        its = [r for r in of_it if r.seq not in other]
        # one of them with the very text the version has in force gave that text too (the
        # same text withdrawn and brought back at its number; round 80)
        approvals = [
            r for r in of_it if r.seq not in other or (its and standing.same_text(r, its[0]))
        ]
        if doc.baseline is not None and standing.version_number(doc.baseline.version) == number:
            approvals.insert(0, doc.baseline)
    args = dict(record=rid, document=last.document, version=last.version)
    if not approvals:
        return [HistoryProblem.of("problem.DC542", last.commit, last.path, last.person, **args)]
    # since when the record has named this version (dates on the main line never go back,
    # so they order its commits)
    named = next(c for c in versions if (c.document, c.version) == (last.document, last.version))
    first = approvals[0]
    # the text the record was written after: the last approval of the version by its day.
    # Another text there (a rewrite before the version's day, brought back since) is not the
    # one in force, whatever approvals of that text came before it (round 81)
    read = [
        r
        for r in (doc.revisions if doc is not None else ())
        if r.approved
        and r.commit
        and r.kind != "withdrawal"
        and standing.version_number(r.version) == standing.version_number(last.version)
        and _instant(r.date) <= _instant(named.date)
    ]
    if read and all(r is not read[-1] for r in approvals):
        first = next((r for r in approvals if _instant(r.date) > _instant(named.date)), first)
    if first.commit and _instant(named.date) < _instant(first.date):
        return [
            HistoryProblem.of(
                "problem.DC542.early",
                named.commit,
                last.path,
                last.person,
                **args,
                day=named.date[:10],
                approved=first.date[:10],
            )
        ]
    return []


def _instant(date: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(date)
    except ValueError:
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)
    # a date without a time (a paper approval) counts as the start of its day, in UTC
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def history_problems(history: History, config: Config) -> list[HistoryProblem]:
    """The acknowledgement problems (DC540–DC543) of a history: the one list ``trail``,
    ``ack-due``, the site and the audit pack all show."""
    if config.acknowledgement is None:
        return []
    return problems(ledger(history.acknowledgements, config, history))


def exempt(revision: Revision, config: Config) -> bool:
    """Whether a revision asks for no new acknowledgement."""
    settings = config.acknowledgement
    if settings is None:
        return False
    if "editorial" in settings.exempt and revision.editorial:
        return True
    # the body did not change: a new version or status in the front matter only
    return (
        "front-matter" in settings.exempt and revision.kind == "approval" and not revision.sections
    )


def _puts_in_force(revision: Revision) -> bool:
    """Whether an approval puts its text in force (an approved draft asks nobody to read it,
    a withdrawal reads as the version it ends)."""
    return revision.approved and revision.status == "effective" and revision.kind != "withdrawal"


def _in_force_chain(
    doc: DocumentHistory, in_force: Revision, config: Config, never: frozenset[int] = frozenset()
) -> tuple[list[Revision], Revision]:
    """The approval in force and, while it is exempt, the approvals it amends, latest first:
    the text of each is the text in force, so an acknowledgement of the version of any of
    them counts (one approved to take effect before the record was written: ``ledger``). An
    approval that ended the document in between (withdrawn, made obsolete) does not stop it:
    a number keeps its text across it (``standing``), and whoever read that text has read it.
    Also the approval the text was last issued by, since whose day it is owed: the earliest
    with no ending after it (nobody owes a document while it is not in force) that took
    effect itself (``never``: the seqs of approvals whose day a later one moved, whose text
    came into force only with that one)."""
    effective = [r for r in doc.revisions if _puts_in_force(r)]
    if doc.baseline is not None:
        effective.insert(0, doc.baseline)
    try:
        at = next(i for i, r in enumerate(effective) if r.commit == in_force.commit)
    except StopIteration:
        return [in_force], in_force
    place = {id(r): i for i, r in enumerate(doc.revisions)}
    chain = [effective[at]]
    issued: Revision | None = None
    # a review (the text unchanged at its version: a periodic review, the very text brought
    # back after a withdrawal) amends like an exempt revision
    while (exempt(chain[-1], config) or chain[-1].kind == "review") and at > 0:
        # exempt from the version before it, which may be a draft: where an approved
        # revision between the two effective ones changed the text, readers have not read it
        after, before = place[id(effective[at])], place.get(id(effective[at - 1]), -1)
        # (a withdrawal's sections are the whole text it took away, not a text anyone read)
        between = doc.revisions[before + 1 : after]
        if any(r.approved and r.sections and r.kind != "withdrawal" for r in between):
            break
        if issued is None and any(_ends(r) for r in between):
            issued = chain[-1]
        at -= 1
        chain.append(effective[at])
    first = chain.index(issued) if issued is not None else len(chain) - 1
    took_effect = [r for r in chain[: first + 1] if r.seq not in never]
    return chain, took_effect[-1] if took_effect else chain[0]


def _ends(revision: Revision) -> bool:
    """Whether an approval takes the document out of force (withdrawn, made obsolete)."""
    return revision.approved and standing.ending(revision)


def status(
    config: Config,
    history: History,
    stands: Mapping[str, standing.Standing],
    day: datetime.date,
    records: Sequence[Acknowledgement],
) -> list[DocumentAcks]:
    """For every document in force on ``day``: who owes an acknowledgement, who gave it."""
    settings = config.acknowledgement
    if settings is None:
        return []
    counted: dict[tuple[str, str, str], Acknowledgement] = {}
    for record in records:
        if record.counted and record.day <= day.isoformat():  # as it stood that day
            counted.setdefault((record.person, record.document, record.version), record)
    today = day.isoformat()
    out: list[DocumentAcks] = []
    for doc_id, stand in stands.items():
        if stand.state != "effective" or stand.in_force is None:
            continue
        doc = history.documents.get(doc_id)
        if doc is None:
            continue
        never = frozenset(r.seq for r in stand.superseded)
        chain, issued = _in_force_chain(doc, stand.in_force, config, never)
        since = standing.effective_from(issued) or stand.in_force_from
        if not since or (settings.since and since < settings.since):
            continue
        days = settings.days_for(str(stand.meta.get("type") or ""))
        due = (datetime.date.fromisoformat(since) + datetime.timedelta(days=days)).isoformat()
        names = stand.meta.get("distribution")
        people = distribution(config, [str(n) for n in names] if isinstance(names, list) else [])
        versions = list(dict.fromkeys(r.version for r in chain))
        title = str(stand.meta.get("title") or doc.title)
        owed = []
        for person in people:
            found = next(
                (counted[k] for v in versions if (k := (person.id, doc_id, v)) in counted), None
            )
            owed.append(
                Owed(
                    doc_id,
                    title,
                    stand.in_force.version,
                    person.id,
                    person.name,
                    since,
                    due,
                    found.day if found else "",
                    found.id if found else "",
                    found is None and due < today,
                    found.evidence if found else "",
                )
            )
        if owed:
            out.append(DocumentAcks(doc_id, title, stand.in_force.version, since, due, tuple(owed)))
    return sorted(out, key=lambda d: _id_key(d.document))


def filter_problems(
    found: Iterable[HistoryProblem],
    history: History,
    config: Config,
    since: str | None,
    until: str | None,
    who: str | None,
) -> list[HistoryProblem]:
    """The problems of record commits (acknowledgements, distributions) that reached the main
    line between ``since`` and ``until``, about the person ``who`` (id, name or email) names:
    ``trail``'s filters."""
    days = {a.commit: a.date[:10] for a in history.acknowledgements}
    days.update((d.commit, d.date[:10]) for d in history.distributions)
    needle = (who or "").lower()
    people = {
        p.id: {p.id.lower(), p.name.lower(), *(e.lower() for e in p.emails)} for p in config.people
    }
    return [
        p
        for p in found
        if not (since and days.get(p.commit, "") < since)
        and not (until and days.get(p.commit, "") > until)
        and not (needle and needle not in people.get(p.person, {p.person.lower()}))
    ]


def problems(records: Sequence[Acknowledgement]) -> list[HistoryProblem]:
    """Every problem of the acknowledgement records (DC540–DC543)."""
    return [p for r in records for p in r.problems]


def evidence_label(evidence: str, cat: Catalogue) -> str:
    """How strongly Git proves an acknowledgement, in words: the approval trail's labels
    where they mean the same (unsigned, none), the person's own signature otherwise."""
    return cat.label("label.evidence", evidence)


def in_period(records: Iterable[Acknowledgement], start: str, end: str) -> list[Acknowledgement]:
    """The acknowledgements given between ``start`` and ``end`` (inclusive)."""
    return sorted(
        (r for r in records if start <= r.day <= end), key=lambda r: (r.day, r.document, r.person)
    )


def _id_key(doc_id: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in doc_id.replace("-", " ").split())


def pack_files(
    config: Config,
    history: History,
    stands: Mapping[str, standing.Standing],
    start: datetime.date,
    end: datetime.date,
    nameable: Callable[[str], bool],
    to_csv: Callable[[list[str], list[list[str]]], bytes],
) -> dict[str, bytes]:
    """The audit pack's acknowledgement section: the records committed in the period (and
    whether each counts), what was outstanding at its end, and a summary. Only documents the
    pack may name appear."""
    if config.acknowledgement is None:
        return {}
    from doccontrol import catalogue as catalogues

    t = catalogues.load(catalogues.language_for(config.language, {}))
    records = ledger(history.acknowledgements, config, history)
    given = [
        r for r in in_period(records, start.isoformat(), end.isoformat()) if nameable(r.document)
    ]
    shown = {k: v for k, v in stands.items() if nameable(k)}
    documents = status(config, history, shown, end, records)
    yes, no = t("acks.pack.yes"), t("acks.pack.no")
    given_rows = [
        [
            r.id,
            r.document,
            r.version,
            r.person,
            r.day,
            r.commit,
            yes if r.counted else no,
            " ".join(dict.fromkeys(p.code for p in r.problems)),
            evidence_label(r.evidence, t),
        ]
        for r in given
    ]
    owed_rows = [
        [
            o.document,
            o.title,
            o.version,
            o.person,
            o.person_name,
            o.since,
            o.due,
            t("acks.state.overdue") if o.overdue else t("acks.state.open"),
        ]
        for d in documents
        for o in d.outstanding
    ]
    total = sum(len(d.owed) for d in documents)
    done = sum(d.done for d in documents)
    summary = "\n".join(
        [
            f"# {t('acks.pack.title')}",
            "",
            t("acks.pack.intro", start=start.isoformat(), end=end.isoformat()),
            "",
            *(
                # a title is shown as typed: it cannot add lines or hide the ones after it
                f"- {markdown_text.plain(d.document)} {markdown_text.code(d.title)} {markdown_text.plain(d.version)}: {d.done}/{len(d.owed)}"
                + (
                    t.text(
                        "label.aside",
                        text=t("acks.site.outstanding")
                        + t("label.colon")
                        + t.join(markdown_text.code(o.person_name) for o in d.outstanding),
                    )
                    if d.outstanding
                    else ""
                )
                for d in documents
            ),
            "",
            f"{done}/{total}",
            "",
        ]
    )
    return {
        "acknowledgements/README.md": summary.encode("utf-8"),
        "acknowledgements/acknowledgements.csv": to_csv(
            [
                t("acks.col.record"),
                t("acks.col.document"),
                t("acks.col.version"),
                t("acks.col.person"),
                t("acks.col.acknowledged"),
                t("acks.col.commit"),
                t("acks.pack.counted"),
                t("acks.col.problems"),
                t("acks.col.evidence"),
            ],
            given_rows,
        ),
        "acknowledgements/outstanding.csv": to_csv(
            [
                t("acks.col.document"),
                t("acks.col.title"),
                t("acks.col.version"),
                t("acks.col.person"),
                t("acks.col.person"),
                t("acks.col.since"),
                t("acks.col.due"),
                t("acks.col.state"),
            ],
            owed_rows,
        ),
    }
