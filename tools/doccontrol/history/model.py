"""Plain data the history engine produces; everything the site, CLI and audit pack show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from doccontrol import catalogue
from doccontrol.catalogue import Catalogue
from doccontrol.history.rules_paths import NOTHING, NamedPaths
from doccontrol.problems import NO_NAMES, Args, Msg, Names, code_of, make_args, render_text

# The columns of a change history (变更履历) table, as document-control practice lays it out:
# catalogue keys label.history.<column>.
_HISTORY_COLUMNS = (
    "seq",
    "version",
    "sections",
    "change",
    "author",
    "author-date",
    "reviewer",
    "review-date",
    "approver",
    "approval-date",
    "evidence",
)


def change_history_headers(cat: Catalogue) -> tuple[str, ...]:
    """The column headers of a change history (变更履历) in the catalogue's language."""
    return cat.headers("label.history", _HISTORY_COLUMNS)


RevisionKind = Literal["legacy", "approval", "review", "unapproved", "withdrawal", "baseline"]

# How strongly the record proves an approval, strongest first. An unsigned merge proves only
# what the forge's branch protection enforced: anyone with push access can write one.
# "forge-api-signed"/"forge-api": the approvers are known from the reviews the forge's API
# recorded (a note under refs/notes/doccontrol), signed by a trusted forge key or not; an
# unsigned note is weaker than an unsigned merge, since branch protection does not cover the
# notes ref. "legacy" is an approval recorded before Git (legacy_history): evidence on paper.
Evidence = Literal[
    "approver-signed", "forge-signed", "forge-api-signed", "unsigned", "forge-api", "legacy", "none"
]


@dataclass(frozen=True)
class Person:
    """Someone as Git recorded them, matched to doccontrol.yml where possible."""

    name: str
    email: str
    person_id: str | None = None
    roles: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email}


@dataclass(frozen=True)
class MergeRequest:
    platform: str  # github | gitlab | gitea | bitbucket | gerrit | unknown
    number: str
    url: str | None = None

    @property
    def label(self) -> str:
        return f"!{self.number}" if self.platform == "gitlab" else f"#{self.number}"

    def to_json(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "number": self.number,
            "url": self.url,
            "label": self.label,
        }


@dataclass(frozen=True)
class Signature:
    # good | bad | untrusted | expired | revoked | unknown-key | none
    status: str
    key: str = ""
    signer: str = ""  # person id, "forge", or the principal git reported
    verified_for: str | None = None  # person id whose key made a good signature

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "key": self.key, "signer": self.signer}


@dataclass(frozen=True)
class HistoryProblem:
    """A finding about a commit: a catalogue key and its arguments (doccontrol.problems), shown
    in the language of the output."""

    code: str
    key: str
    args: Args = ()
    commit: str = ""
    document: str = ""
    person: str = ""

    @classmethod
    def of(
        cls, key: str, commit: str = "", document: str = "", person: str = "", /, **args: Any
    ) -> HistoryProblem:
        return cls(code_of(key), key, make_args(args), commit, document, person)

    def text(self, cat: Catalogue | None = None, names: Names = NO_NAMES) -> str:
        return render_text(self.key, self.args, cat or catalogue.load(), names)

    @property
    def message(self) -> str:
        """The text in Chinese without names: for callers that have no catalogue of the run."""
        return self.text()

    def to_json(self, cat: Catalogue | None = None, names: Names = NO_NAMES) -> dict[str, Any]:
        return {
            "code": self.code,
            "key": self.key,
            "message": self.text(cat, names),
            "commit": self.commit,
            "document": self.document,
            "person": self.person,
        }


@dataclass(frozen=True)
class Revision:
    seq: int
    kind: RevisionKind
    version: str
    commit: str
    date: str  # ISO 8601 with the committer's own UTC offset
    change: str
    sections: tuple[str, ...]
    authors: tuple[Person, ...]
    author_date: str
    reviewers: tuple[Person, ...]
    approvers: tuple[Person, ...]
    merge_request: MergeRequest | None
    signature: Signature
    approved: bool
    path: str
    status: str = ""
    problems: tuple[HistoryProblem, ...] = ()
    evidence: Evidence = "none"
    # 发布实施日期 as this revision's front matter gives it (YYYY-MM-DD), or ""
    effective_date: str = ""
    # the approving commit said ``Change-type: editorial``: a revision whose readers need not
    # acknowledge it again (acknowledgement.exempt in doccontrol.yml)
    editorial: bool = False
    # the commit removed the document from its path (deleted, or the path given to another
    # id): the version it withdrew is the first parent's, never what the path holds now
    removed: bool = False
    # the SHA-256 of the Markdown body (the text below the front matter) this revision's commit
    # holds: two approvals with the same digest gave the same text, whatever their front
    # matter, kind or number said. "" where no text is known (a withdrawal, a paper approval)
    body_digest: str = ""
    # the confidentiality this version carried, as history records it
    # (publishing.recorded_level; "" where no version is known: a paper approval)
    level: str = ""

    @property
    def stored_at(self) -> str:
        """The commit whose ``path`` holds this revision's version."""
        return f"{self.commit}^" if self.removed else self.commit

    @property
    def read_from(self) -> tuple[str, ...]:
        """The commits to read this revision's version from, in order: a withdrawal whose
        commit kept the path but no longer holds the file there falls back to its first parent."""
        if self.kind == "withdrawal" and not self.removed:
            return (self.commit, f"{self.commit}^")
        return (self.stored_at,)

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "version": self.version,
            "commit": self.commit,
            "date": self.date,
            "change": self.change,
            "sections": list(self.sections),
            "authors": [p.to_json() for p in self.authors],
            "author_date": self.author_date,
            "reviewers": [p.to_json() for p in self.reviewers],
            "approvers": [p.to_json() for p in self.approvers],
            "merge_request": self.merge_request.to_json() if self.merge_request else None,
            "signature": self.signature.to_json(),
            "approved": self.approved,
            "evidence": self.evidence,
            "path": self.path,
            "status": self.status,
            "effective_date": self.effective_date,
            "editorial": self.editorial,
            "body_digest": self.body_digest,
            "problems": [
                {"code": p.code, "key": p.key, "message": p.message} for p in self.problems
            ],
        }


@dataclass(frozen=True)
class DocumentHistory:
    id: str
    path: str
    title: str
    revisions: tuple[Revision, ...]
    withdrawn: bool = False
    # the version as it stood when document control began (pre-control history); not a
    # revision of the change history, but the version in force until the first approval
    baseline: Revision | None = None
    # every confidentiality value the document carried in any version on the main branch, as
    # written ("?" where it could not be read): what a withdrawn document was (publishing.py)
    levels: tuple[str, ...] = ()
    # every title it carried there: what a hidden document may not be called (publishing.py)
    titles: tuple[str, ...] = ()
    # when the main line held two or more versions of the id before control began (one file
    # changed, moved or relabelled, or twins, those that left before it began included):
    # (commit, path, confidentiality) of each, oldest first; the picture rules read every
    # one, as they read every approved version after (approved_images)
    baseline_files: tuple[tuple[str, str, str], ...] = ()

    @property
    def last_approved(self) -> Revision | None:
        return next((r for r in reversed(self.revisions) if r.approved), None)

    @property
    def pending(self) -> tuple[Revision, ...]:
        """Changes on main after the last approved revision that nobody approved."""
        out: list[Revision] = []
        for revision in reversed(self.revisions):
            if revision.approved or revision.kind == "legacy":
                break
            out.append(revision)
        return tuple(reversed(out))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "withdrawn": self.withdrawn,
            "revisions": [r.to_json() for r in self.revisions],
        }


@dataclass(frozen=True)
class ApprovedDocument:
    id: str
    version: str
    path: str
    kind: RevisionKind


@dataclass(frozen=True)
class ApprovalEvent:
    commit: str
    date: str
    kind: Literal["merge", "squash", "direct"]
    summary: str
    merge_request: MergeRequest | None
    authors: tuple[Person, ...]
    reviewers: tuple[Person, ...]
    approvers: tuple[Person, ...]
    merger: Person
    signature: Signature
    documents: tuple[ApprovedDocument, ...]
    approved: bool
    problems: tuple[HistoryProblem, ...] = ()
    evidence: Evidence = "none"
    # controlled configuration files the commit changed (doccontrol.yml, .mailmap, schemas/…)
    controlled: tuple[str, ...] = ()
    # those of them whose change the history accepted (approved, so it took effect): the one
    # answer rules.controlled_accepted gives
    accepted: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "date": self.date,
            "kind": self.kind,
            "summary": self.summary,
            "merge_request": self.merge_request.to_json() if self.merge_request else None,
            "authors": [p.to_json() for p in self.authors],
            "reviewers": [p.to_json() for p in self.reviewers],
            "approvers": [p.to_json() for p in self.approvers],
            "merger": self.merger.to_json(),
            "signature": self.signature.to_json(),
            "documents": [
                {"id": d.id, "version": d.version, "path": d.path, "kind": d.kind}
                for d in self.documents
            ],
            "controlled": list(self.controlled),
            "accepted": list(self.accepted),
            "approved": self.approved,
            "evidence": self.evidence,
            "problems": [p.to_json() for p in self.problems],
        }


@dataclass(frozen=True)
class AckChange:
    """One first-parent commit that added, changed or removed an acknowledgement record
    (records/acknowledgement/<id>.yaml), with who wrote it: the raw evidence acks.py judges."""

    path: str
    commit: str
    # the day it reached the main line: its committer date, or the latest one before it on
    # the line when it claims an earlier one (derive.on_line)
    date: str
    status: str  # A (added), M (changed), D (removed)
    # who wrote this version: the person ids (or "<email>" for someone not in doccontrol.yml)
    # of the commit's author, or for a merge of every commit it brought in (and of the merge's
    # maker when the merge's text differs from the merged side's)
    writers: tuple[str, ...]
    signer: str  # the person whose key made a good signature on the commit, or ""
    # the record as this version says (empty when removed or unreadable)
    person: str = ""
    document: str = ""
    version: str = ""
    # the committer date the commit claims, when it is earlier than ``date`` (backdated), or ""
    claimed: str = ""


@dataclass(frozen=True)
class DistributionChange:
    """One first-parent commit that added, changed or removed a 文件发放与签收 record
    (records/document-distribution/), with who wrote it and what it says about numbered
    copies: the raw evidence copies.py judges (history/distributions.py reads it)."""

    path: str
    commit: str
    date: str  # the committer date of the commit on the main line
    status: str  # A (added), M (changed), D (removed)
    writers: tuple[str, ...]  # as AckChange.writers
    signer: str  # the person whose key made a good signature on the commit, or ""
    # the writers (and signer) who held the document controller's role by the rules then
    controllers: tuple[str, ...]
    baseline: bool  # before control began: the starting point, taken as it stands
    # the record's facts about copies (distributions.project); empty when removed
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class History:
    branch: str
    head: str
    # read lazily from the cache: a command about one document decodes only that one
    documents: Mapping[str, DocumentHistory] = field(default_factory=dict)
    events: Sequence[ApprovalEvent] = ()
    incomplete: bool = False  # shallow clone read with --allow-shallow
    # problems of the history as a whole: rewritten history, a committed cache, control_since
    notices: tuple[HistoryProblem, ...] = ()
    # things worth saying that are not problems (a GitHub repository without review notes)
    hints: tuple[Msg, ...] = ()
    # every change to an acknowledgement record on the main line, oldest first
    acknowledgements: tuple[AckChange, ...] = ()
    # every change to a distribution record on the main line, oldest first
    distributions: tuple[DistributionChange, ...] = ()
    # what it was derived from (the tip, and the cache key: committed config, branch, shallow,
    # review notes): two histories with the same value and the same notices are the same
    derived_from: str = ""
    # the rules the history applies after its last commit: the doccontrol.yml and .mailmap in
    # force (blob ids; None when none was ever committed), and whether no readable
    # doccontrol.yml was ever in force (then nobody approves anything). What `approve`, the
    # registers and the site take as "the approved configuration" (publishing.approved_config)
    config_in_force: str | None = None
    mailmap_in_force: str | None = None
    rules_unreadable: bool = False
    # the site's configuration in force (mkdocs.yml, else mkdocs.yaml: the local files it
    # names are controlled), and each controlled
    # file as its approvals left it (blob id; None: absent): what an approval may not move
    # unseen (DC516.adopts), and `approve` refuses to
    mkdocs_in_force: str | None = None
    in_force_files: Mapping[str, str | None] = field(default_factory=dict)
    # what the mkdocs.yml in force and the files it inherits name (controlled like it),
    # each file read as it stands in force
    site_named: NamedPaths = NOTHING
    # require_signed is in force though the doccontrol.yml in force says otherwise: a signed
    # change turned it on whose file could not come into force (DC536.forced)
    signing_forced: bool = False

    @property
    def problems(self) -> list[HistoryProblem]:
        seen: dict[tuple[str, str, str, str, Args], HistoryProblem] = {}
        for p in self.notices:
            seen.setdefault((p.code, p.commit, p.document, p.key, p.args), p)
        for doc in self.documents.values():
            for revision in doc.revisions:
                for p in revision.problems:
                    seen.setdefault((p.code, p.commit, p.document, p.key, p.args), p)
        for event in self.events:
            for p in event.problems:
                seen.setdefault((p.code, p.commit, p.document, p.key, p.args), p)
        return sorted(seen.values(), key=lambda p: (p.commit, p.document, p.code))
