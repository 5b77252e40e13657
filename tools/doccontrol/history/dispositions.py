"""Past problems of the approval trail handled as nonconformities (ISO/IEC 20000-1 10.1).

A problem in the trail is a fact about the past: a direct commit stays direct after it has been
reverted. ``approval.dispositions`` in doccontrol.yml names such a commit and the
nonconformity record that handled it; the trail keeps showing the problem, with its
disposition, and ``trail --strict`` stops failing on it. Since doccontrol.yml changes only by
approval, a disposition is a decision the organisation approved. It counts only when:

- an approval added it: the diff that put the entry into the rules in force (an entry the
  first committed doccontrol.yml held, or one no approval added, counts for nothing);
- the commit it names came before that approval on the main line and has problems;
- none of that approval's approvers took part in the commit (wrote, merged or approved it):
  nobody closes their own nonconformity;
- nothing the commit changed is still in force unapproved at the tip (a controlled file or a
  document whose latest change it is): handling a problem means undoing it first;
- the nonconformity record it names is on the main branch at the tip, and says it is closed: an
  entry naming a record never committed, deleted since, or still open handled nothing.

A disposition never makes a change count as approved nor puts anything in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from doccontrol.catalogue import Catalogue
from doccontrol.config import CONFIG_FILE, NONCONFORMITY
from doccontrol.history.gitread import GitReader, run_git
from doccontrol.history.model import (
    AckChange,
    ApprovalEvent,
    DistributionChange,
    History,
    HistoryProblem,
    Person,
)
from doccontrol.history.rules import controlled_accepted
from doccontrol.problems import NO_NAMES, Names

# (commit, nonconformity record id, the problem codes it handles: () for every problem of the
# commit), as doccontrol.yml lists them
Entry = tuple[str, str, tuple[str, ...]]


@dataclass(frozen=True)
class Disposition:
    commit: str
    record: str
    granted_by: ApprovalEvent | None  # the approval whose diff added the entry
    refusal: HistoryProblem | None = None  # why it does not count; None when it counts
    problems: tuple[str, ...] = ()  # the codes it handles (DC503…); () for every one

    @property
    def counts(self) -> bool:
        return self.refusal is None

    def covers(self, problem: HistoryProblem) -> bool:
        """Whether this entry (counting or not) names ``problem``: its commit, and its code
        when the entry lists codes (a problem of another kind found there later stays open)."""
        return problem.commit == self.commit and (
            not self.problems or problem.code in self.problems
        )

    def to_json(self, cat: Catalogue | None = None, names: Names = NO_NAMES) -> dict[str, Any]:
        by = self.granted_by
        return {
            "commit": self.commit,
            "record": self.record,
            "problems": list(self.problems),
            "counts": self.counts,
            "approval": None
            if by is None
            else {
                "commit": by.commit,
                "date": by.date,
                "approvers": [p.to_json() for p in by.approvers],
            },
            "refusal": None if self.refusal is None else self.refusal.to_json(cat, names),
        }


@dataclass(frozen=True)
class Dispositions:
    entries: tuple[Disposition, ...] = ()

    @cached_property
    def _counting(self) -> dict[str, list[Disposition]]:
        found: dict[str, list[Disposition]] = {}
        for d in self.entries:
            if d.counts:
                found.setdefault(d.commit, []).append(d)
        return found

    def covering(self, problem: HistoryProblem) -> Disposition | None:
        """The disposition that counts and handles ``problem``, if any."""
        return next((d for d in self._counting.get(problem.commit, ()) if d.covers(problem)), None)

    def handling(self, problems: Iterable[HistoryProblem]) -> Disposition | None:
        """The disposition shown beside ``problems`` (one commit's): the first that counts and
        handles any of them (those it does not handle stay open, and are listed as such)."""
        return next((d for p in problems if (d := self.covering(p)) is not None), None)

    def open(self, problems: Iterable[HistoryProblem]) -> list[HistoryProblem]:
        """``problems`` (the events' and the records', never the history's notices, which no
        disposition handles) not handled by a disposition that counts, and each disposition
        that does not count: what ``trail --strict`` fails on."""
        return [p for p in problems if not (p.commit and self.covering(p))] + [
            d.refusal for d in self.entries if d.refusal is not None
        ]


NONE = Dispositions()


def judge(root: Path, history: History, problems: Iterable[HistoryProblem]) -> Dispositions:
    """The dispositions of the doccontrol.yml in force after the last commit (read from Git,
    never from the work tree) as they count for ``problems`` (every problem of the trail with a
    commit: the events' and the records')."""
    from doccontrol.load.repository import cached_config

    if history.rules_unreadable or history.config_in_force is None:
        return NONE
    with GitReader(root) as reader:
        in_force = cached_config(root, reader.blob(history.config_in_force))
        wanted = list(dict.fromkeys(in_force.approval.dispositions if in_force else ()))
        if not wanted:
            return NONE
        facts = _Facts.of(history, problems)
        granted = _granting(root, reader, history, facts.events, set(wanted))
        records = _records_at_tip(reader, history.head, [record for _, record, _ in wanted])
        out = []
        for commit, record, codes in wanted:
            by = granted.get((commit, record, codes))
            refusal = None
            if by is None:
                refusal = _refused("not-approved", commit, record)
            else:
                if commit not in facts.places and facts.line is None:
                    facts.line = {
                        sha: i for i, sha in enumerate(reader.first_parent_line(history.head))
                    }
                refusal = _judged(facts, commit, record, codes, by) or _record_refusal(
                    commit, record, records.get(record)
                )
            out.append(Disposition(commit, record, by, refusal, codes))
    return Dispositions(tuple(out))


@dataclass
class _Facts:
    """What judging each entry asks of the history, indexed once (a list of thousands of
    entries is judged in one pass, not one walk of the history per entry)."""

    history: History
    events: list[ApprovalEvent]
    places: dict[str, int]  # each event's commit → its place among the events
    with_problems: dict[str, set[str]]  # the commits that have a problem → their codes
    latest: dict[str, ApprovalEvent]  # each controlled file → the last event that changed it
    people: dict[str, set[str]]  # a record-only commit → who wrote or signed its records
    line: dict[str, int] | None = None  # the main line's commits → place (read when needed)

    @classmethod
    def of(cls, history: History, problems: Iterable[HistoryProblem]) -> _Facts:
        events = list(history.events)
        latest: dict[str, ApprovalEvent] = {}
        for event in events:
            for path in event.controlled:
                latest[path] = event
        people: dict[str, set[str]] = {}
        changes: list[AckChange | DistributionChange] = [
            *history.acknowledgements,
            *history.distributions,
        ]
        for change in changes:
            found = people.setdefault(change.commit, set())
            found |= set(change.writers)
            if change.signer:  # the key that signed a record-only commit is its maker's
                found.add(change.signer)
        codes: dict[str, set[str]] = {}
        for p in problems:
            if p.commit:
                codes.setdefault(p.commit, set()).add(p.code)
        return cls(
            history, events, {e.commit: i for i, e in enumerate(events)}, codes, latest, people
        )


def _granting(
    root: Path, reader: GitReader, history: History, events: list[ApprovalEvent], wanted: set[Entry]
) -> dict[Entry, ApprovalEvent]:
    """For each entry, the latest approval whose change added it to the doccontrol.yml in force:
    compared with the rules in force before it (the set-up's, or the last approved), so an
    approval that restores rules once in force adds nothing."""
    from doccontrol.load.repository import cached_config

    accepted = [e for e in events if CONFIG_FILE in e.accepted]
    # the set-up: the first doccontrol.yml on the main line, in force whoever committed it
    listed = run_git(
        root, ["rev-list", "--first-parent", "--reverse", history.head, "--", CONFIG_FILE]
    )
    first = listed.stdout.decode("ascii", "replace").split()[:1] if listed.returncode == 0 else []
    specs = [f"{sha}:{CONFIG_FILE}" for sha in first] + [
        f"{e.commit}:{CONFIG_FILE}" for e in accepted
    ]
    texts = list(reader.files_at(specs))

    def entries(data: bytes) -> set[Entry]:
        loaded = cached_config(root, data)
        return set(loaded.approval.dispositions) if loaded is not None else set()

    in_force = entries(texts[0]) if first and texts[0] is not None else set()
    granted: dict[Entry, ApprovalEvent] = {}
    for event, data in zip(accepted, texts[len(first) :], strict=True):
        if data is None:
            continue  # an approved deletion leaves the rules in force as they were
        now = entries(data)
        for entry in (now - in_force) & wanted:
            granted[entry] = event  # a later addition (after a removal) is the one in force
        in_force = now
    return granted


def _judged(
    facts: _Facts, commit: str, record: str, codes: tuple[str, ...], by: ApprovalEvent
) -> HistoryProblem | None:
    event = facts.events[facts.places[commit]] if commit in facts.places else None
    if event is not None:
        before = facts.places[commit] < facts.places[by.commit]
    else:
        line = facts.line or {}
        before = commit in line and line[commit] < line.get(by.commit, -1)
    if not before:
        return _refused("not-before", commit, record, approval=by.commit[:10])
    found = facts.with_problems.get(commit, set())
    if not found or (codes and not found & set(codes)):
        return _refused("no-problem", commit, record)
    involved = set(facts.people.get(commit, ()))
    if event is not None:
        involved |= {_key(p) for p in (*event.authors, *event.approvers, event.merger)}
        if event.signature.verified_for:
            involved.add(event.signature.verified_for)
    unknown = sorted(p for p in involved if p.startswith("<"))
    if unknown:
        # someone doccontrol.yml does not know (an address of their own, say) took part:
        # nobody can tell that the approver was not that person
        return _refused("unknown", commit, record, person=unknown[0])
    own = [p for p in by.approvers if _key(p) in involved]
    if own:
        return _refused("own", commit, record, person=own[0].name, approval=by.commit[:10])
    still = _still_in_force(facts.history, event, facts.latest)
    if still:
        return _refused("in-force", commit, record, paths=", ".join(still))
    return None


# The nonconformity's status that says it is handled: "closed 验证有效已关闭" in
# schemas/records/nonconformity.schema.json (corrected, and the correction verified effective)
CLOSED = "closed"


def _folder() -> str:
    from doccontrol.load.repository import RECORDS_DIR

    return f"{RECORDS_DIR}/{NONCONFORMITY}/"


def _records_at_tip(reader: GitReader, tip: str, records: list[str]) -> dict[str, list[bytes]]:
    """The files of each nonconformity record named (``.yaml`` or ``.yml``, as the loader
    reads them) in the tree of ``tip``, through one ``cat-file --batch``: the record at the
    tip, never the work tree, so a record deleted or reopened since counts as it is now. A name
    that cannot be a file name in that folder finds nothing."""
    names = [r for r in dict.fromkeys(records) if _plain_name(r)]
    folder = _folder()
    specs = [f"{tip}:{folder}{r}{suffix}" for r in names for suffix in (".yaml", ".yml")]
    texts = iter(list(reader.files_at(specs)))
    return {r: [t for t in (next(texts), next(texts)) if t is not None] for r in names}


def _plain_name(record: str) -> bool:
    # a slash or dot-dot would read another folder's file; a newline breaks cat-file's protocol
    return bool(record) and record not in (".", "..") and not any(c in record for c in "/\\\n\r\0")


def _record_refusal(commit: str, record: str, found: list[bytes] | None) -> HistoryProblem | None:
    """Why the nonconformity record (``found``: its files at the tip) does not show the
    problem handled: there is none, it is not one readable nonconformity record of that id
    (a .yaml and a .yml are two), or it is not closed; None when it is closed."""
    from doccontrol.load import yaml_source

    folder = _folder()
    if not found:
        return _refused("no-record", commit, record, folder=folder)
    data = None
    if len(found) == 1:
        data = yaml_source.load_tolerant(found[0].decode("utf-8", "replace"))
    if not isinstance(data, dict) or data.get("id") != record:
        return _refused("not-record", commit, record, folder=folder)
    status = data.get("status")
    if status != CLOSED:
        return _refused("open", commit, record, status=str(status))
    return None


def _key(person: Person) -> str:
    # as derive._writer: the person's id, or the email of someone doccontrol.yml does not know
    return person.person_id or f"<{person.email}>"


def _still_in_force(
    history: History, event: ApprovalEvent | None, latest: dict[str, ApprovalEvent]
) -> list[str]:
    """What ``event`` changed that the tip still holds unapproved: the controlled files whose
    latest change it is (``latest``: each controlled file's last changing event), and the
    documents whose pending changes include it."""
    if event is None:
        return []
    held = [
        path
        for path in event.controlled
        if latest.get(path) is event and not controlled_accepted(event, path)
    ]
    for approved in event.documents:
        doc = history.documents.get(approved.id)
        if doc is not None and any(r.commit == event.commit for r in doc.pending):
            held.append(approved.id)
    return held


def _refused(reason: str, commit: str, record: str, **args: str) -> HistoryProblem:
    return HistoryProblem.of(
        f"problem.DC521.{reason}", commit, "", "", short=commit[:10], record=record, **args
    )
