"""Derive every document's revisions and the approval trail from the main branch.

The first-parent line of the main branch is the sequence of changes to the controlled set.
A merge (or a forge's squash merge) is an approval event for every document it changes
against its first parent; any other commit on that line is an unapproved change. Approval
evidence is what git itself parses from the commit: trailers, the merger, the signature.
Authority is judged by the rules as they stood before the change (the first parent's
doccontrol.yml and the document's previously approved approver roles), so a change cannot
grant itself the right to be approved.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import hashlib
import itertools
import re
import sys
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from doccontrol import days, publishing
from doccontrol.config import CONFIG_FILE, MAILMAP_FILE, Config, signing_required
from doccontrol.config import Person as ConfigPerson
from doccontrol.history import (
    cache,
    distributions,
    forge_notes,
    gitread,
    identities,
    loose,
    messages,
    rules,
    rules_paths,
    sections,
    signatures,
    untaken,
)
from doccontrol.history.gitread import (
    NOTES_REF,
    UNREADABLE_DATE,
    Ancestor,
    BlobPipe,
    Commit,
    FileChange,
    GitError,
    GitReader,
    MergedFiles,
    Note,
    display_text,
    probe,
    signature_reader,
)
from doccontrol.history.model import (
    AckChange,
    ApprovalEvent,
    ApprovedDocument,
    DistributionChange,
    DocumentHistory,
    Evidence,
    History,
    HistoryProblem,
    Person,
    Revision,
    RevisionKind,
    Signature,
)
from doccontrol.history.rules import meta_day, meta_text
from doccontrol.load import frontmatter, frontmatter_fast
from doccontrol.load.repository import cached_config
from doccontrol.paths import DOC_PATH
from doccontrol.problems import Msg, msg

# Acknowledgement records (阅知确认): who wrote each version is read in this same pass.
ACK_PATH = re.compile(r"^records/acknowledgement/[^/]+\.yaml\Z")
# The trailer on an approving commit that marks a revision editorial (no new acknowledgement).
EDITORIAL_TRAILER = "change-type"

# Local files only (a cache used to live here; the vendored scripts of `make vendor` do): a
# committed file there is never read, only reported (a committed .cache/vendor/mermaid.min.js
# would be served on every page, and `make vendor` would keep it).
TRACKED_CACHE = ".cache"
# the site's configuration, as `mkdocs build` without -f finds it: mkdocs.yml, or when there is
# no such file, mkdocs.yaml. Both are controlled; the local files (rules_paths) of the one in
# force are controlled while it is approved
SITE_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
# a file read for the site's configuration: (the path it really is at, its blob in force, or
# None when there is no file, the links followed to reach it)
_SiteFile = tuple[str, str | None, tuple[str, ...]]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Progress = Callable[[int], None]
# Commits read ahead of the one being derived, so cat-file has their blobs ready in time.
_LOOKAHEAD = 192


@dataclass
class _DocState:
    """Mutable per-document state while the stream is read (never leaves this module)."""

    id: str
    path: str
    meta: dict[str, Any]
    approved_meta: dict[str, Any] | None = None
    approved_body: str | None = None
    # the approved version's blob: a cached state keeps this id, not the text, and a later
    # run reads the text again only for the documents it touches (``unread`` until then)
    approved_blob: str | None = None
    unread: bool = False
    revisions: list[Revision] = field(default_factory=list)
    withdrawn: bool = False
    baseline: Revision | None = None
    # approved_body split into sections, kept so each version is split only once (with the
    # positions the next version's outline is found from: sections.outline_after)
    approved_sections: sections.Outlined | None = None
    # every confidentiality value any version carried (publishing decides from them)
    levels: list[str] = field(default_factory=list)
    # every title any version carried (what a hidden document may not be called anywhere)
    titles: list[str] = field(default_factory=list)
    # before control began: (commit, path) of every version of the id the main line held →
    # its confidentiality; kept when control begins only if there are two or more
    # (``_precontrol_versions``): the picture rules read each one, as they read every
    # approved version after, so no later version, twin or lowered level hides what a secret
    # text named (rounds 113–116)
    baseline_files: dict[tuple[str, str], str] = field(default_factory=dict)

    def approved_split(self) -> sections.Outlined | None:
        if self.approved_sections is None and self.approved_body is not None:
            self.approved_sections = sections.outlined(self.approved_body)
        return self.approved_sections


def _approved_digest(state: _DocState) -> str:
    """The body digest of the text last approved (a cached state may no longer hold the
    text itself): the last approval that gave a text, else the pre-control baseline's."""
    for revision in reversed(state.revisions):
        if revision.approved and revision.commit and revision.kind != "withdrawal":
            return revision.body_digest
    return state.baseline.body_digest if state.baseline is not None else ""


@dataclass(frozen=True)
class _Held:
    """A document as main held it before the merge being judged: what a stale branch's
    version could undo (``_Deriver.stale``)."""

    state: _DocState
    revisions: int  # how many revisions it had then (the merge adds its own after)
    approved_blob: str | None  # its approved version's blob then
    on_main: bool  # a path on main still held it (not withdrawn, nor renumbered away)
    paths: tuple[str, ...]  # where main held it, and its earlier versions, latest first
    moved: bool = False  # deleted by the merge or withdrawn: judged where a branch moved it here


@dataclass
class _Policy:
    """One approved doccontrol.yml and .mailmap as history applies them, with what is looked
    up per commit."""

    config: Config
    mailmap: identities.Mailmap
    approve_keys: frozenset[str]
    review_keys: frozenset[str]
    people: dict[tuple[str, str], Person] = field(default_factory=dict)
    idents: dict[str, Person] = field(default_factory=dict)  # by trailer value
    # by what git reported (status, key, fingerprint, signer): mostly "unsigned", again and again
    signatures: dict[tuple[str, str, str, str], Signature] = field(default_factory=dict)

    @classmethod
    def of(cls, config: Config, mailmap: identities.Mailmap) -> _Policy:
        return cls(
            config,
            mailmap,
            frozenset(k.lower() for k in config.approval.approve_trailers),
            frozenset(k.lower() for k in config.approval.review_trailers),
        )

    def dated(self, commit: Commit, claimed: str) -> tuple[Commit, str]:
        """The commit's dates (and the date it claimed) in the organisation's time zone, as
        the rules before it named it: its days are then the organisation's."""
        tz = self.config.zone
        if tz is None:
            return commit, claimed
        return (
            replace(
                commit,
                committer_date=days.in_zone(commit.committer_date, tz),
                author_date=days.in_zone(commit.author_date, tz),
            ),
            days.in_zone(claimed, tz),
        )

    def signature(self, commit: Commit | Note) -> Signature:
        return self.reported(
            (
                commit.signature_status,
                commit.signature_key,
                commit.signature_fingerprint,
                commit.signer,
            )
        )

    def reported(self, reported: tuple[str, str, str, str]) -> Signature:
        """Whose signature git's report (status, key, fingerprint, signer) is, by this config."""
        found = self.signatures.get(reported)
        if found is None:
            found = self.signatures[reported] = signatures.interpret(self.config, *reported)
        return found


@dataclass(frozen=True)
class _Snapshot:
    meta: dict[str, Any] | None
    body: str
    digest: str = ""  # Revision.body_digest: the SHA-256 of the body's UTF-8


def _body_digest(data: bytes, decoded: str, body: str, kept: bool) -> str:
    """The SHA-256 of ``body`` in UTF-8, where ``decoded`` is ``data`` decoded and ``body`` its
    tail: hashed from the blob's own bytes (encoding ~10 KB of Chinese again for each of
    ~10,000 versions would cost more than the hash), unless decoding changed them (``kept``
    False: bytes that are not UTF-8, line ends made LF)."""
    if not kept:
        return hashlib.sha256(body.encode("utf-8")).hexdigest()
    start = len(decoded[: len(decoded) - len(body)].encode("utf-8"))
    return hashlib.sha256(data[start:]).hexdigest()


def _parse_blob(data: bytes, values: dict[str, Any]) -> _Snapshot:
    """Front matter and body of a historic version; tolerant, since history is what it is."""
    try:
        decoded, kept = data.decode("utf-8"), True
    except UnicodeDecodeError:
        decoded, kept = data.decode("utf-8", "replace"), False
    text = decoded.lstrip("\ufeff")
    if "\r" in text:
        text, kept = text.replace("\r\n", "\n"), False
    split = frontmatter.split_text(text)
    if split is None:
        return _Snapshot(None, text, _body_digest(data, decoded, text, kept))
    yaml_text, body = split
    meta = frontmatter_fast.read(yaml_text, values)
    if meta is None:
        meta = _load_tolerant(yaml_text)
    return _Snapshot(
        meta if isinstance(meta, dict) else None, body, _body_digest(data, decoded, body, kept)
    )


def _has_front_matter(data: bytes) -> bool:
    """Whether a file opens with front matter, as ``_parse_blob`` reads it (read or not)."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n")
    return frontmatter.split_text(text) is not None


def _load_tolerant(text: str) -> Any:
    """yaml_source.load_tolerant, its parser imported when a version needs it (a warm run
    never does)."""
    from doccontrol.load import yaml_source

    return yaml_source.load_tolerant(text)


class _Deriver:
    def __init__(self, reader: GitReader, config: Config, now: datetime.datetime) -> None:
        self.reader = reader
        self.now = now  # when this run began: no commit can have reached the line after it
        # a commit dated after ``now`` is dated as the line was before it: what the walk
        # derives holds until that date comes (less the clock allowance), and the cache says so
        self.valid_until: datetime.datetime | None = None
        # a walk this one extends met a signed commit (a signature's verdict is the keyring's)
        self.signed_before = False
        # the tip's config: used only for commits made before any config was committed
        self.current_config = config
        # the forge keys the configuration in force at the tip has not revoked (trusted or
        # retired), which a note's key must be one of (note_signature): that configuration is
        # known only once the walk is done, so a walk takes the tip's committed file's, and
        # derive walks again when the approvals leave another one in force
        # (_forge_keys_settled)
        self.forge_keys = _unrevoked(config)
        # the ids of the forge keys some committed doccontrol.yml on the line took out of both
        # lists (revoked), approved or not: never a first guess of the keys in force, which
        # the tip's committed file (an author's push) would otherwise make come true
        self.forge_dropped: set[str] = set()
        self.docs: dict[str, _DocState] = {}
        self.path_to_id: dict[str, str] = {}
        self.placed: set[str] = set()  # the documents the commit being judged placed at a path
        # (new id, old id) of each file the commit being judged gave another id (applied)
        self.renumbered: list[tuple[str, str]] = []
        # the documents whose path the commit being judged gave to another id (renumbered),
        # each with the change that did
        self.displaced: dict[str, FileChange] = {}
        self.events: list[ApprovalEvent] = []
        self.seen: set[str] = set()
        # the commits whose text no approval judged where they stand: each one a merge brought
        # off the line (with that merge and its first parent), and the line's own before
        # control began. A later side forking from one may bring text the line never approved
        # (a draft taken back; rounds 120 to 123: untaken)
        self.unvouched: dict[str, untaken.Brought] = {}
        self.approvals: set[str] = set()  # the events' commits (line_unvouched)
        self.events_asked = 0  # how many of the events approvals holds
        # each line of text the line held at a path no approval judged, with where it first
        # stood (a draft beside the documents: rounds 123 and 124)
        self.loose: dict[str, loose.Source] = {}
        # the texts of the documents the commit being judged leaves (step fills it)
        self.landed: dict[str, bytes] = {}
        # the doccontrol.yml and .mailmap in force: the last ones approved (or the baseline's);
        # a change nobody approved is reported and never applied
        self.config_blob: str | None = None
        self.readable_blob: str | None = None  # the last config in force that could be read
        # the unreadable config in force when no readable one had been: nothing is approved
        self.no_rules_since: str | None = None
        self.mailmap_blob: str | None = None
        # mkdocs.yml and mkdocs.yaml as in force (the last approved, or the baseline's; None:
        # no regular file): the local files the site's configuration names (hooks,
        # custom_dir…) are controlled like it
        self.site_blobs: dict[str, str | None] = {}
        # what it and the files it inherits name (History.site_named), and each file read
        # for it (inherited, a hook): path → (the path it really is at, its blob in force)
        self.site_now = rules_paths.NOTHING
        self.site_files: dict[str, _SiteFile] = {}
        self.configs: dict[tuple[str | None, str | None, bool, bool], _Policy] = {}
        self.loaded: dict[str, Config | None] = {}
        self.before_baseline = True  # for a control_since commit: still in pre-control history
        self.controlled_since = False  # once a commit is under control, every later one is
        # control_since as the latest doccontrol.yml on the line says, and the commit that
        # last changed it with whether that change was approved after control began
        self.since_off_line: str | None = None  # control_since names a commit off the line
        # every change to doccontrol.yml in this walk (commit, its place on the line, the
        # control_since it names, whether it was judged, whether it was approved): after the
        # walk, _since_in_force decides where control began (it may only move earlier)
        self.since_changes: list[tuple[str, int, str | None, bool, bool]] = []
        self.since_refused: list[tuple[str, str | None, str | None, str]] = []
        # the rules files whose approval in the commit being judged would adopt a change
        # nobody approved (not applied, DC516.adopts)
        self.adoption_refused: set[str] = set()
        # each controlled file as its approvals left it (its blob; None: absent), from the
        # first commit that changed it as a controlled file (what it was then stands): a change
        # nobody approved is never in it, and no approval may adopt one unseen (DC516.adopts)
        self.in_force_files: dict[str, str | None] = {}
        # require_signed is in force on top of the doccontrol.yml in force: an approver signed
        # a change that turns it on, whose file could not come into force (it adopted a change
        # nobody approved, or one that lost its approval since: a note removed). Until an
        # approved doccontrol.yml decides again, the rules ask for signatures
        self.signing_forced = False
        self.forcing = False  # the commit being judged brings signing_forced
        self.sides: dict[str, tuple[str | None, str | None]] = {}  # of the commit sides_of
        self.sides_of = ""
        # git's own merge of the merge commit merged_of, for its controlled files (merge_made)
        self.merged: MergedFiles = MergedFiles(None)
        self.merged_of = ""
        self.newly: dict[str, str] = {}
        self.since_walked: str | None = None  # the control_since this walk took
        self.since_no_point: str | None = None  # …when it names neither a day nor a commit
        # the first-parent line's commits are counted as they are walked; each day the line
        # reaches (dates never go back on it: on_line) is kept with where it was reached, so
        # a day given as control_since is a place on the line, as the walk itself takes it
        self.line_count = 0
        self.line_days: list[tuple[str, int]] = []
        self.line_seen: set[str] = set()  # the line's commits this walk read (not cached)
        # the line's commits this walk read → their place on the line (not cached: a commit
        # before a cached state leaves the text to tell: left_after, lacks)
        self.line_index: dict[str, int] = {}
        self.control_began: int | None = None  # the place of the first commit under control
        # where _since_in_force stood after the changes so far: a run extending the cache
        # goes on from there rather than judging them again
        self.since_checkpoint: _Checkpoint | None = None
        self.since_unknown = False  # the tip's doccontrol.yml cannot be read
        self.line_problems: list[HistoryProblem] = []
        self.shallow = False  # read with --allow-shallow: the history is marked incomplete
        self.values: dict[str, Any] = {}  # front-matter values as read, shared by versions
        # the forge's review records (refs/notes/doccontrol) by the commit they are attached to
        self.notes: dict[str, Note] = {}
        self.acks: list[AckChange] = []
        # a second cat-file, opened only when a run extending a cached state touches a
        # document whose approved text the state names by blob id (the main pipe is busy
        # with blobs asked for ahead, in order)
        self.lookups: BlobPipe | None = None
        self.dists: list[DistributionChange] = []  # distribution records (copies.py)
        # the latest committer date on the main line so far (see on_line), and as a moment
        self.line_date = ""
        self.line_moment: datetime.datetime | None = None
        # the commit whose date is the line's date, and whether a later commit dated well
        # before it has been reported (DC524.ahead)
        self.line_setter = ""
        self.setter_reported = False
        self.behind: HistoryProblem | None = None  # this commit's DC524.ahead, if any
        # this commit's DC524.future (or .unreadable: a date that cannot be taken either), if any
        self.future: HistoryProblem | None = None
        self.future_claim = ""  # and the date it claims (the line's, when it has none)
        self.last_claim = ""  # the date the commit before on the line claimed

    @property
    def signed(self) -> bool:
        """Whether a signature was judged: what git said of it depends on the keyring."""
        return self.signed_before or any(
            reported[0] != "N" for policy in self.configs.values() for reported in policy.signatures
        )

    def export(self) -> dict[str, Any]:
        """Everything needed to extend this derivation with later commits."""
        people = cache.People()
        return {
            "docs": {
                doc_id: {
                    "path": st.path,
                    "meta": st.meta,
                    "approved_meta": st.approved_meta,
                    "approved_blob": st.approved_blob,
                    # the text only where no blob names it (an unread text stays unread)
                    "approved_body": None if st.approved_blob else st.approved_body,
                    "withdrawn": st.withdrawn,
                    "revisions": [cache.encode_revision(r, people) for r in st.revisions],
                    "baseline": cache.encode_revision(st.baseline, people) if st.baseline else None,
                    "levels": st.levels,
                    "titles": st.titles,
                    "baseline_files": [[*k, level] for k, level in st.baseline_files.items()],
                }
                for doc_id, st in self.docs.items()
            },
            "path_to_id": self.path_to_id,
            "events": [cache.encode_event(e, people) for e in self.events],
            "people": people.rows,
            "config_blob": self.config_blob,
            "forge_keys": list(self.forge_keys),
            "forge_dropped": sorted(self.forge_dropped),
            "readable_blob": self.readable_blob,
            "no_rules_since": self.no_rules_since,
            "mailmap_blob": self.mailmap_blob,
            "site_blobs": self.site_blobs,
            "in_force_files": self.in_force_files,
            "site_now": cache.encode_named(self.site_now),
            "site_files": {
                path: [real, blob, list(links)]
                for path, (real, blob, links) in self.site_files.items()
            },
            "signing_forced": self.signing_forced,
            "before_baseline": self.before_baseline,
            "controlled_since": self.controlled_since,
            "since_changes": self.since_changes,
            "since_walked": self.since_walked,
            "line_count": self.line_count,
            "line_days": self.line_days,
            "control_began": self.control_began,
            "since_checkpoint": (
                None if self.since_checkpoint is None else self.since_checkpoint.export()
            ),
            "line_problems": [cache.encode_problem(p) for p in self.line_problems],
            "acks": [cache.encode_ack(a) for a in self.acks],
            "dists": [cache.encode_distribution(d) for d in self.dists],
            "line_date": self.line_date,
            "line_setter": [self.line_setter, self.setter_reported],
            "valid_until": self.valid_until.isoformat() if self.valid_until else "",
            "last_claim": self.last_claim,
            "signed": self.signed,
            "unvouched": [[sha, *by] for sha, by in self.unvouched.items()],
            "loose": _encode_loose(self.loose),
        }

    def restore(self, state: dict[str, Any]) -> None:
        people = cache.People(state["people"])
        for doc_id, st in state["docs"].items():
            blob = st["approved_blob"]
            self.docs[doc_id] = _DocState(
                doc_id,
                st["path"],
                st["meta"],
                st["approved_meta"],
                None if blob else st["approved_body"],
                blob,
                bool(blob),
                [cache.decode_revision(r, people) for r in st["revisions"]],
                st["withdrawn"],
                cache.decode_revision(st["baseline"], people) if st.get("baseline") else None,
                levels=list(st["levels"]),
                titles=list(st["titles"]),
                baseline_files={
                    (str(commit), str(p)): str(level) for commit, p, level in st["baseline_files"]
                },
            )
        self.path_to_id = dict(state["path_to_id"])
        self.events = [cache.decode_event(e, people) for e in state["events"]]
        self.config_blob = state["config_blob"]
        self.forge_keys = tuple(str(key) for key in state["forge_keys"])
        self.forge_dropped = {str(key) for key in state["forge_dropped"]}
        self.readable_blob = state["readable_blob"]
        self.no_rules_since = state["no_rules_since"]
        self.mailmap_blob = state["mailmap_blob"]
        self.site_blobs = {
            str(name): None if blob is None else str(blob)
            for name, blob in state["site_blobs"].items()
        }
        self.in_force_files = {
            str(path): None if blob is None else str(blob)
            for path, blob in state["in_force_files"].items()
        }
        self.site_now = cache.decode_named(state["site_now"])
        self.site_files = {
            str(path): (str(real), None if blob is None else str(blob), tuple(map(str, links)))
            for path, (real, blob, links) in state["site_files"].items()
        }
        self.signing_forced = bool(state["signing_forced"])
        self.before_baseline = state["before_baseline"]
        self.controlled_since = state["controlled_since"]
        self.since_changes = [
            (str(sha), int(at), _since_text(value), bool(judged), bool(approved))
            for sha, at, value, judged, approved in state["since_changes"]
        ]
        self.since_walked = _since_text(state["since_walked"])
        self.line_count = int(state["line_count"])
        self.line_days = [(str(day), int(at)) for day, at in state["line_days"]]
        began = state["control_began"]
        self.control_began = None if began is None else int(began)
        checkpoint = state["since_checkpoint"]
        self.since_checkpoint = None if checkpoint is None else _Checkpoint.restore(checkpoint)
        self.line_problems = list(cache.decode_problems(state["line_problems"]))
        self.acks = [cache.decode_ack(a) for a in state["acks"]]
        self.dists = [cache.decode_distribution(d) for d in state["dists"]]
        self.line_date = str(state["line_date"])
        setter, reported = state["line_setter"]
        self.line_setter, self.setter_reported = str(setter), bool(reported)
        self.last_claim = str(state["last_claim"])
        self.signed_before = state["signed"] is True
        self.unvouched = {str(sha): (str(m), str(b)) for sha, m, b in state["unvouched"]}
        self.loose = _decode_loose(state["loose"])
        until = str(state["valid_until"])
        self.valid_until = _instant(until) if until else None

    # --- people -----------------------------------------------------------------------
    def person(self, policy: _Policy, name: str, email: str) -> Person:
        # the same few people appear in thousands of commits: match each once per config
        found = policy.people.get((name, email))
        if found is None:
            found = identities.person(policy.config, policy.mailmap, name, email)
            policy.people[(name, email)] = found
        return found

    def ident(self, policy: _Policy, value: str) -> Person:
        found = policy.idents.get(value)
        if found is None:
            found = policy.idents[value] = self.person(policy, *identities.parse_ident(value))
        return found

    def load(self, blob: str) -> Config | None:
        if blob not in self.loaded:
            self.loaded[blob] = cached_config(self.reader.root, self.reader.blob(blob))
        return self.loaded[blob]

    def site_paths(self) -> rules_paths.NamedPaths:
        """The local files the mkdocs.yml in force and the files it inherits name."""
        return self.site_now

    def resolve_site(
        self, tree: str, fresh: Collection[str], sites: Mapping[str, str | None]
    ) -> tuple[rules_paths.NamedPaths, dict[str, _SiteFile]]:
        """What the site's configuration names with ``sites`` (the blobs of mkdocs.yml and
        mkdocs.yaml) in force, and the files read for it. A file read for the configuration in force is read as it
        stands in force, unless the commit changes it or a link on the way (``fresh``: its
        own version counts); any other (new to the configuration, or ``fresh``) as ``tree``
        holds it, links followed as the file system follows them."""
        found: dict[str, _SiteFile] = {}

        def read(path: str) -> rules_paths.Opened:
            held = self.site_files.get(path)
            if held is None or any(p in fresh for p in (path, held[0], *held[2])):
                held = self.reader.regular_file_at(tree, path)
            for each in (path, held[0], *held[2]):
                found.setdefault(each, held)
            real, blob, links = held
            return rules_paths.Opened(real, self.reader.blob(blob) if blob else None, links)

        for name in SITE_CONFIGS:
            site = sites.get(name)
            if site is not None:
                return rules_paths.named_paths(self.reader.blob(site), read, name), found
            if self.reader.regular_file_at(tree, name)[2]:
                # a link, which MkDocs follows (or, dangling, passes over to the next name):
                # what it names is not read here
                return rules_paths.NamedPaths(opaque=True), found
        return rules_paths.NOTHING, found

    def in_force_forge_keys(self) -> tuple[str, ...]:
        """The forge keys, trusted or retired, of the doccontrol.yml the next commit would be
        judged by (as policy_at picks it, without its side effects): after a walk, those the
        configuration in force at the tip (History.config_in_force) has not revoked."""
        if self.config_blob is None:
            return _unrevoked(self.current_config)
        found = self.load(self.config_blob)
        if found is None and self.readable_blob is not None:
            found = self.load(self.readable_blob)
        return () if found is None else _unrevoked(found)

    def revoked_by(self, change: FileChange) -> set[str]:
        """The ids of the forge keys a change to doccontrol.yml takes out of both lists, read
        from the two files whatever became of the change (one that leaves no readable file
        takes out every key the old one listed)."""
        if change.old_path != CONFIG_FILE or change.old_blob is None:
            return set()
        old = self.load(change.old_blob)
        if old is None:
            return set()
        new = None
        if change.new_path == CONFIG_FILE and change.regular and change.new_blob is not None:
            new = self.load(change.new_blob)
        kept = frozenset() if new is None else _key_ids(_unrevoked(new))
        return set(_key_ids(_unrevoked(old)) - kept)

    def policy_at(self) -> _Policy:
        """The rules and identities in force before the commit being judged. When the
        doccontrol.yml in force cannot be read, the last one in force that could rules on, and
        before any could, rules that approve nothing: never the tip's, which an author writes
        (and whose merge would otherwise approve itself)."""
        blob = self.config_blob
        if blob is not None and self.load(blob) is not None:
            self.readable_blob = blob
        elif blob is not None:
            blob = self.readable_blob
        unreadable = blob is None and self.config_blob is not None
        if unreadable and self.no_rules_since is None:
            self.no_rules_since = self.config_blob  # said once, in the trail (DC517.no-rules)
        key = (blob, self.mailmap_blob, unreadable, self.signing_forced)
        if key not in self.configs:
            config = self.current_config
            if blob is not None:
                config = self.load(blob) or _approving_nobody(config)
            elif unreadable:
                config = _approving_nobody(config)
            if self.signing_forced:
                config = signing_required(config)
            mailmap = b"" if self.mailmap_blob is None else self.reader.blob(self.mailmap_blob)
            self.configs[key] = _Policy.of(
                config, identities.parse_mailmap(mailmap.decode("utf-8", "replace"))
            )
        return self.configs[key]

    def brought_in(self, commit: Commit, graph: dict[str, Ancestor]) -> list[str]:
        """Commits a merge brought into the first-parent line (reachable from its other parents)."""
        out: list[str] = []
        stack = list(commit.parents[1:])
        while stack:
            sha = stack.pop()
            if sha in self.seen or sha not in graph:
                continue
            self.seen.add(sha)
            self.unvouched[sha] = (commit.sha, commit.parents[0])
            out.append(sha)
            stack.extend(graph[sha].parents)
        return out

    def on_line(self, commit: Commit) -> tuple[Commit, str]:
        """The commit dated when it reached the main line, and the date it claims when that
        is earlier (else ""). Whoever commits sets the committer date (GIT_COMMITTER_DATE),
        but a commit cannot reach the main line before the commits before it did: the
        running maximum of committer dates along the first-parent line is a day the writer
        cannot move back. Every date derived from the line (approvals, effective dates,
        acknowledgements) is this one.

        Nor can a commit have reached the line after this run began: a date ahead of it would
        carry every later commit forward with it (a withdrawal approved today would wait for
        2099), so it is not taken (DC524.future). A commit dated well after the one that
        follows it on the line is reported too (DC524.ahead): once its date has passed, that
        is what still shows the later dates were carried.

        A commit whose date git cannot read (gitread.UNREADABLE_DATE) is that commit's own
        problem (DC524.unreadable), never its neighbours': it is dated as the line was, and
        counts as after a control_since day (nothing vouches for an earlier one), as one
        dated ahead of the run does."""
        if commit.committer_date == UNREADABLE_DATE:
            self.future = HistoryProblem.of(
                "problem.DC524.unreadable",
                commit.sha,
                sha=commit.sha[:10],
                branch=self.reader_branch,
            )
            date = self.line_date or self.now.isoformat(timespec="seconds")
            self.future_claim = date
            return replace(commit, committer_date=date), ""
        moment = _instant(commit.committer_date)
        if moment > self.now + CLOCK_SKEW:
            until = moment - CLOCK_SKEW
            self.valid_until = min(self.valid_until or until, until)
            # reported once step() knows the commit is under control, as below
            self.future = HistoryProblem.of(
                "problem.DC524.future",
                commit.sha,
                sha=commit.sha[:10],
                date=commit.committer_date,
                branch=self.reader_branch,
            )
            self.future_claim = commit.committer_date
            date = self.line_date or self.now.isoformat(timespec="seconds")
            return replace(commit, committer_date=date), ""
        if self.line_date:
            if self.line_moment is None:  # restored from the cache
                self.line_moment = _instant(self.line_date)
            if moment < self.line_moment:
                if moment + CLOCK_SKEW < self.line_moment and not self.setter_reported:
                    # reported once step() knows the commit is under control (clocks before
                    # control began are history's own business)
                    self.behind = HistoryProblem.of(
                        "problem.DC524.ahead",
                        self.line_setter,
                        sha=self.line_setter[:10],
                        date=self.line_date,
                        later=commit.sha[:10],
                        later_date=commit.committer_date,
                        branch=self.reader_branch,
                    )
                return replace(commit, committer_date=self.line_date), commit.committer_date
        self.line_date, self.line_moment = commit.committer_date, moment
        self.line_setter, self.setter_reported = commit.sha, False
        return commit, ""

    # --- the walk -----------------------------------------------------------------------
    def run(
        self,
        commits: Iterable[Commit],
        ancestors: Iterator[tuple[str, Ancestor]],
        is_precontrol: Callable[[Commit], bool],
        progress: Progress | None,
    ) -> None:
        """Derive while git is still writing: each commit's blobs go to cat-file as the
        commit is read, and it is derived once a few more commits have been read behind it
        (and, for a merge, once the ancestry stream has reached it)."""
        pipe = self.reader.blob_pipe()
        # the ids of the versions merged sides had, through a --batch-check beside it: the text
        # is read only when no side had the merged version (git then inflates ~half as much)
        sides = self.reader.blob_pipe(ids_only=True)
        # the files outside the documents each commit writes, for the loose index, read ahead
        # as the documents are (asked of every commit, in order)
        loose_blobs = self.reader.blob_pipe()
        graph: dict[str, Ancestor] = {}
        ahead: deque[tuple[Commit, list[tuple[FileChange, bool]], list[FileChange]]] = deque()
        count = 0

        def derive_next() -> None:
            nonlocal count
            commit, doc_changes, ack_changes = ahead.popleft()
            if len(commit.parents) > 1:
                # parents come before children: once the merge is read, all it brought in is
                for sha, ancestor in ancestors:
                    graph[sha] = ancestor
                    if sha == commit.sha:
                        break
            count += 1
            if progress and count % 500 == 0:
                progress(count)
            self.step(commit, doc_changes, pipe, sides, graph, is_precontrol, ack_changes)
            self.index_loose(commit, loose_blobs)

        try:
            for commit in commits:
                doc_changes = []
                for change in commit.changes:
                    new_is_doc = bool(
                        change.new_path and change.regular and DOC_PATH.match(change.new_path)
                    )
                    if new_is_doc or (change.old_path and DOC_PATH.match(change.old_path)):
                        doc_changes.append((change, new_is_doc))
                        if new_is_doc and change.new_blob and change.new_path:
                            pipe.put(change.new_blob)
                            if _read_back(commit, change, self.notes):
                                # what the commit holds there, as Git reads it: the diff's
                                # version unless its tree lists the path twice or out of
                                # order (listed_twice)
                                sides.put(_at(commit.sha, change.new_path))
                            for parent in commit.parents[1:]:
                                # the version each merged side had: to see whether the merge
                                # itself wrote text of its own
                                sides.put(_at(parent, change.new_path))
                note = self.notes.get(commit.sha)
                if note is not None:
                    pipe.put(note.blob)  # after the documents' blobs: step() takes it after them
                ack_changes = [c for c in commit.changes if _is_ack(c.old_path, c.new_path)]
                for change in ack_changes:  # after the note: step() takes them last
                    if change.new_path and change.new_blob and _is_ack(change.new_path):
                        pipe.put(change.new_blob)
                        for parent in commit.parents[1:]:
                            pipe.put(_at(parent, change.new_path))
                distributions.ask(commit, pipe, _at)  # after them: step() takes these last
                for change in loose.loose_changes(commit, ()):
                    loose_blobs.put(change.new_blob or "")
                ahead.append((commit, doc_changes, ack_changes))
                if len(ahead) > _LOOKAHEAD:
                    derive_next()
            while ahead:
                derive_next()
            for sha, ancestor in ancestors:  # read to the end, so git's exit status is checked
                graph[sha] = ancestor
        finally:
            pipe.close()
            sides.close()
            loose_blobs.close()
            if self.lookups is not None:
                self.lookups.close()
                self.lookups = None

    def step(
        self,
        commit: Commit,
        doc_changes: list[tuple[FileChange, bool]],
        blobs: BlobPipe,
        sides_ids: BlobPipe,
        graph: dict[str, Ancestor],
        is_precontrol: Callable[[Commit], bool],
        ack_changes: list[FileChange] | None = None,
    ) -> None:
        commit, claimed = self.on_line(commit)
        self.landed = {}
        for change in commit.changes:
            if CONFIG_FILE in (change.old_path, change.new_path):
                self.forge_dropped |= self.revoked_by(change)
        side = self.brought_in(commit, graph) if len(commit.parents) > 1 else []
        self.seen.add(commit.sha)
        self.line_seen.add(commit.sha)
        if side and any(not graph[s].parents for s in side if s in graph):
            merges = sum(1 for s in side if s in graph and len(graph[s].parents) > 1)
            if merges:
                # another root, with merges of its own: the main line's history is now off
                # the first-parent line (an orphan line merged with main and fast-forwarded)
                self.line_problems.append(
                    HistoryProblem.of(
                        "problem.DC518.other-root",
                        commit.sha,
                        sha=commit.sha[:10],
                        merges=merges,
                        branch=self.reader_branch,
                    )
                )
        if self.config_blob is None:
            # before any config was committed there are no rules to judge by: the first
            # config on the line stands from its own commit (trust has to begin somewhere)
            first = next(
                (c.new_blob for c in commit.changes if c.new_path == CONFIG_FILE and c.regular),
                None,
            )
            if first is not None:
                self.config_blob = first
        policy = self.policy_at()
        commit, claimed = policy.dated(commit, claimed)
        day = commit.committer_date[:10]
        if self.future is not None:
            # placing a day of control_since on the line: the date it claims, after any day
            # (it is dated as the line was, but nothing vouches for an earlier day)
            day = self.future_claim[:10]
        if not self.line_days or day > self.line_days[-1][0]:
            self.line_days.append((day, self.line_count))
        self.line_index[commit.sha] = self.line_count
        self.line_count += 1
        precontrol = is_precontrol(commit)  # asked of every commit, in order
        if self.shallow and not commit.parents:
            # a shallow clone's oldest commit stands for everything before it: its "changes"
            # are the whole tree, which is the baseline here, not a change anyone made
            precontrol = True
        if precontrol:
            self.unvouched[commit.sha] = untaken.PRECONTROL
        if not precontrol and self.control_began is None and claimed and self.last_claim:
            # control begins with a commit the line dated from a clock before it (a commit of
            # the adopted history whose clock was ahead of the ones after it): the dates under
            # control start from the last commit before control, not from a clock the history
            # before adoption cannot vouch for
            restart = max(self.last_claim, claimed, key=_instant)
            if _instant(restart) < _instant(commit.committer_date):
                commit = replace(commit, committer_date=restart)
                self.line_date, self.line_moment = restart, _instant(restart)
                self.line_setter, self.setter_reported = commit.sha, False
                claimed = "" if restart == claimed else claimed
                self.behind = None
        self.last_claim = claimed or commit.committer_date
        if self.behind is not None and not precontrol:
            self.line_problems.append(self.behind)
            self.setter_reported = True
        if self.future is not None and not precontrol:
            self.line_problems.append(self.future)
        self.behind = self.future = None
        if not precontrol and self.control_began is None:
            # control began here, and stays begun whatever a later run reads control_since as
            self.control_began = self.line_count - 1
            self.controlled_since, self.before_baseline = True, False
            for state in self.docs.values():
                if state.baseline_files:
                    state.baseline_files = dict(_precontrol_versions(state))
        site = self.site_paths()
        controlled = sorted(
            {
                path
                for change in commit.changes
                for path in (change.old_path, change.new_path)
                if path
                and rules_paths.controlled_path(
                    path,
                    policy.config,
                    site,
                    bool(DOC_PATH.match(path)) and (path != change.new_path or change.regular),
                )
            }
        )
        accepted: dict[str, bool] = {}
        self.adoption_refused = set()  # this commit's (commit() fills it)
        self.forcing = False
        self.newly = {}  # files this commit's approved rules bring under control (commit())
        has_note = commit.sha in self.notes
        if doc_changes or controlled:
            # the blobs come back in the order run() asked for them
            snapshots: dict[str, _Snapshot] = {}
            merger_wrote: set[str] = set()
            misread: set[str] = set()  # documents the commit's tree reads otherwise than its diff
            for change, new_is_doc in doc_changes:
                if not (new_is_doc and change.new_blob and change.new_path):
                    continue
                data = blobs.get()
                snapshots[change.new_blob] = _parse_blob(data, self.values)
                self.landed[change.new_path] = data
                if _read_back(commit, change, self.notes):
                    own = sides_ids.get_file_id()
                    if "\n" in change.new_path:  # no name for the pipe (_at): asked apart
                        held = self.reader.read_file_at(commit.sha, change.new_path)
                        own = change.new_blob if held == data else None
                    if own != change.new_blob:
                        misread.add(change.new_path)
                side_ids = [sides_ids.get_id() for _ in commit.parents[1:]]
                if (
                    side_ids
                    and change.new_blob not in side_ids
                    and rules.sans_effective(data)
                    not in {rules.sans_effective(self.read_blob(x)) for x in side_ids if x}
                ):
                    # a version no merged side had: a conflict resolution, or text slipped in
                    # while merging; either way the merge's maker wrote it
                    merger_wrote.add(change.new_path)
            note = blobs.get() if has_note else None
            changes = [change for change, _ in doc_changes]
            accepted = self.commit(
                commit,
                changes,
                snapshots,
                side,
                graph,
                policy,
                precontrol,
                controlled,
                merger_wrote,
                misread,
                note,
            )
        elif has_note:
            blobs.get()  # a note on a commit that changes nothing controlled: nothing to judge
        if ack_changes:
            self.acknowledged(commit, ack_changes, blobs, side, graph, policy, claimed)
        if any(distributions.matches(c.old_path, c.new_path) for c in commit.changes):
            self.dists += distributions.read(
                commit,
                blobs,
                side,
                graph,
                policy.config,
                lambda name, email: self.person(policy, name, email),
                policy.signature(commit),
                precontrol,
            )
        for change in commit.changes:
            for name in (CONFIG_FILE, MAILMAP_FILE):
                if change.new_path != name and change.old_path != name:
                    continue
                # a link or submodule in its place is no config: as if it were deleted
                blob = change.new_blob if change.new_path == name and change.regular else None
                if name == CONFIG_FILE:
                    before = change.old_blob if change.old_path == name else None
                    self.config_changed(
                        commit,
                        blob,
                        precontrol,
                        accepted.get(name, False),
                        approved=name in self.adoption_refused and self.moves_since(before, blob),
                    )
                elif accepted.get(name, False):
                    self.mailmap_blob = blob
            for name in SITE_CONFIGS:
                if name in (change.new_path, change.old_path) and accepted.get(name):
                    regular = change.new_path == name and change.regular
                    self.site_blobs[name] = change.new_blob if regular else None
        taken = self.load(self.config_blob) if self.config_blob is not None else None
        if accepted.get(CONFIG_FILE) and taken is not None and taken.approval.require_signed:
            # an approved doccontrol.yml that itself asks for signatures takes over; one that
            # does not (made over the file in force, say) leaves them forced: turning them
            # off is a signed change of a file that has them on
            self.signing_forced = False
        if self.forcing:
            self.signing_forced = True
        site_changed = any(accepted.get(name) for name in (*SITE_CONFIGS, *self.site_files))
        fresh = [path for path in controlled if accepted.get(path)]
        if site_changed or accepted.get(CONFIG_FILE):
            # brought under control as the reviewed branch held them: that version stands
            self.in_force_files.update(self.newly)
        for path in controlled:
            before, after = self.sides_for(commit).get(path, (None, None))
            self.in_force_files.setdefault(path, before)  # first changed as a controlled file
            if accepted.get(path) or (path == CONFIG_FILE and after == self.config_blob):
                # (the first doccontrol.yml is in force whoever committed it)
                self.in_force_files[path] = after
        if site_changed:
            # what the site's configuration names, as it now stands in force
            self.site_now, self.site_files = self.resolve_site(commit.sha, fresh, self.site_blobs)

    def acknowledged(
        self,
        commit: Commit,
        changes: list[FileChange],
        blobs: BlobPipe,
        side: list[str],
        graph: dict[str, Ancestor],
        policy: _Policy,
        claimed: str = "",
    ) -> None:
        """Note who wrote each acknowledgement record this commit adds, changes or removes
        (acks.py decides whether it counts). A record only counts when its writer is the
        person it names, so the writers are exactly the people whose text it is: the author
        and the committer of each commit (someone who amends, rebases or cherry-picks the
        person's commit keeps their authorship but could have changed the text)."""
        author = self.person(policy, commit.author_name, commit.author_email)
        committer = self.person(policy, commit.committer_name, commit.committer_email)
        signature = policy.signature(commit)
        signer = signature.verified_for if signature.status == "good" else None
        signer = signer if signer and signer != signatures.FORGE else ""
        for change in changes:
            removed = change.old_path if change.old_path and _is_ack(change.old_path) else None
            if change.new_path and change.new_blob and _is_ack(change.new_path):
                data = blobs.get()
                sides = [blobs.get_optional() for _ in commit.parents[1:]]
                if change.status == "R" and removed and removed != change.new_path:
                    # a renamed record is the old one removed and a new one added
                    self.acks.append(
                        AckChange(removed, commit.sha, commit.committer_date, "D", (), "")
                    )
                writers: list[Person] = []
                if len(commit.parents) > 1:
                    for s in side:
                        if s in graph:
                            made = graph[s]
                            writers.append(self.person(policy, made.author_name, made.author_email))
                            writers.append(
                                self.person(policy, made.committer_name, made.committer_email)
                            )
                    brought = set(side)
                    if not any(
                        blob == data and parent in brought
                        for parent, blob in zip(commit.parents[1:], sides, strict=True)
                    ):
                        # text no newly merged side had (nothing, or a side already on the
                        # main line, whose writer was judged then): the merge's maker wrote it
                        writers += [author, committer]
                else:
                    writers += [author, committer]
                record = _load_tolerant(data.decode("utf-8", "replace"))
                fields = record if isinstance(record, dict) else {}
                status = "A" if change.status in ("A", "R", "C") else "M"
                self.acks.append(
                    AckChange(
                        change.new_path,
                        commit.sha,
                        commit.committer_date,
                        status,
                        tuple(dict.fromkeys(_writer(p) for p in writers)),
                        signer,
                        meta_text(fields, "person"),
                        meta_text(fields, "document"),
                        meta_text(fields, "version"),
                        claimed,
                    )
                )
            elif removed:
                self.acks.append(AckChange(removed, commit.sha, commit.committer_date, "D", (), ""))

    def sides_for(self, commit: Commit) -> dict[str, tuple[str | None, str | None]]:
        """``_sides(commit)``, built once for the commit being judged."""
        if self.sides_of != commit.sha:
            self.sides, self.sides_of = _sides(commit), commit.sha
        return self.sides

    def adopts_unapproved(self, commit: Commit, path: str, controlled: Collection[str]) -> bool:
        """Whether ``commit`` changes the controlled file ``path`` from a version that is not
        the one in force (a change nobody approved is on main) to another that is not it
        either: the merge would adopt that change, though no diff showed it. ``controlled``:
        the commit's controlled paths (a rename from any other path brings in bytes no one
        controlled)."""
        before, after = self.sides_for(commit).get(path, (None, None))
        in_force = self.in_force_files.get(path, before)
        if before != in_force and after != in_force:
            return True
        # renamed or copied from a file whose version on main nobody approved: a forge shows
        # "renamed without changes", never the bytes it takes over (round 84)
        return any(
            change.new_path == path
            and change.status[:1] in ("R", "C")
            and change.old_path is not None
            and (
                change.old_path not in controlled  # from outside control (round 85)
                or change.old_blob != self.in_force_files.get(change.old_path, change.old_blob)
            )
            for change in commit.changes
        )

    def brought_under_control(
        self, commit: Commit, path: str, policy: _Policy, bringing: list[str]
    ) -> list[str]:
        """The files an approved change of doccontrol.yml, mkdocs.yml or a file read for it
        (``path``) brings under control whose version in the merge is not the reviewed
        branch's (``bringing``: the merge's parents that bring commits in; a squash has none,
        and its own additions are all it shows in full); their version in force is recorded
        (``self.newly``) for when the change takes effect."""
        after = self.sides_for(commit).get(path, (None, None))[1]
        old_config, old_named = policy.config, self.site_paths()
        new_config, new_named = old_config, old_named
        if path == CONFIG_FILE:
            new_config = (self.load(after) if after is not None else None) or old_config
        else:
            # mkdocs.yml or a file read for it: the configuration as the merge holds every
            # file it changes (a merge may change mkdocs.yml and what it inherits at once)
            sites = dict(self.site_blobs)
            fresh: set[str] = set()
            for change in commit.changes:
                fresh.update(p for p in (change.old_path, change.new_path) if p)
                for name in SITE_CONFIGS:
                    if name in (change.old_path, change.new_path):
                        regular = change.new_path == name and change.regular
                        sites[name] = change.new_blob if regular else None
            new_named = self.resolve_site(commit.sha, fresh, sites)[0]
        merged = self.reader.tree_files(commit.sha)
        if len(commit.parents) > 1:
            branches = [self.reader.tree_files(p) for p in bringing]
        else:
            # a squash has no branch: a file it brings under control was reviewed only when
            # the squash adds it (its whole content in the diff); one main held already was
            # not, and may have been pushed there after the review
            branches = [
                {
                    c.new_path: ("", c.new_blob)
                    for c in commit.changes
                    if c.status.startswith("A") and c.new_path and c.new_blob
                }
            ]
        unseen, reviewed = rules_paths.newly_controlled(
            merged, branches, (old_config, old_named), (new_config, new_named)
        )
        self.newly.update(reviewed)
        return unseen

    def undoable(
        self, changes: list[FileChange], snapshots: dict[str, _Snapshot]
    ) -> dict[int, list[_Held]]:
        """For each document change of a merge (by ``id()``), the documents its version could
        undo, as main held them before the merge: the one main held at its path; the one it
        claims to be, wherever (or whether) main held it; and, for a version added here, each
        document the merge deletes (a branch's move that git, comparing with main's version,
        no longer sees as one)."""
        known: dict[str, _Held] = {}

        def held(doc_id: str | None) -> _Held | None:
            state = self.docs.get(doc_id or "")
            if state is None:
                return None
            if state.id not in known:
                revisions = state.revisions
                earlier = [r.path for r in reversed(revisions)]
                if state.baseline is not None:
                    earlier.append(state.baseline.path)
                # where main holds it: its path, as git names it (``state.path`` is the name
                # as shown, which differs for a name in a legacy code page)
                where = state.path if self.path_to_id.get(state.path) == state.id else None
                if where is None and not state.withdrawn:
                    where = next((k for k, v in self.path_to_id.items() if v == state.id), None)
                known[state.id] = _Held(
                    state,
                    len(revisions),
                    state.approved_blob,
                    not state.withdrawn and where is not None,
                    tuple(p for p in dict.fromkeys([where, state.path, *earlier]) if p),
                )
            return known[state.id]

        deleted = [
            replace(h, moved=True)
            for c in changes
            if c.old_path and (c.status == "D" or not c.new_path)
            for h in [held(self.path_to_id.get(c.old_path))]
            if h is not None
        ]
        if any(c.old_blob is None and c.new_blob for c in changes):
            # and the documents main withdrew before: a stale branch may have moved one here
            deleted += [
                replace(h, moved=True)
                for doc_id, state in self.docs.items()
                if state.withdrawn
                for h in [held(doc_id)]
                if h is not None
            ]
        found: dict[int, list[_Held]] = {}
        for change in changes:
            snapshot = snapshots.get(change.new_blob or "")
            here = held(self.path_to_id.get(change.old_path or "")) if change.old_blob else None
            claimed = held(meta_text(snapshot.meta, "id")) if snapshot is not None else None
            docs = [h for h in (here, claimed) if h is not None]
            if change.old_blob is None:
                docs += deleted
            unique: dict[str, _Held] = {}
            for h in docs:  # the document it claims is judged as such, not as one moved away
                unique.setdefault(h.state.id, h)
            found[id(change)] = list(unique.values())
        return found

    def stale(
        self,
        commit: Commit,
        change: FileChange,
        state: _DocState,
        undoes: list[_Held],
        side: list[str],
        graph: dict[str, Ancestor],
    ) -> list[HistoryProblem]:
        """DC522 when the merge ``commit`` makes the document a merged branch's own version
        while that version lacks what main held (a stale branch's whole file, a conflict
        resolved by taking it, a withdrawal undone): the merge would undo it, and no review
        showed that (the reviewed diff starts where the branch left main). Each document of
        ``undoes`` is judged, as main held it before the merge. Where main's version of it is
        not the approved one (a change nobody approved is on main), dropping that change is
        no fault: the branch must then lack the approved version's text too."""
        if change.new_blob is None:
            return []
        moved = [h for h in undoes if h.moved]
        if moved:
            moved = self.moved_here(commit, change, moved, side, graph)
        for held in [h for h in undoes if not h.moved] + moved:
            revisions = held.state.revisions[: held.revisions]
            last = revisions[-1] if revisions else held.state.baseline
            approved = next((r for r in reversed(revisions) if r.approved), held.state.baseline)
            if last is None or approved is None:
                continue  # nothing of it was ever approved: nothing to undo
            main: bytes | None = None  # main holds no version of it (withdrawn, renumbered)
            if held.on_main:
                if (
                    len(commit.parents) == 2
                    and not held.moved
                    and self.left_after(commit, side, graph, last.commit)
                ):
                    continue  # the branch left main after main's last change to it: holds it
                main = self.reader.read_file_at(commit.parents[0], held.paths[0])
            if not self.lacks(commit, change, main, held):
                continue
            if last is not approved:
                in_force = None
                if approved.kind != "withdrawal" and held.approved_blob is not None:
                    in_force = self.read_blob(held.approved_blob)
                if not self.lacks(commit, change, in_force, held):
                    continue  # it drops only what nobody approved
            return [
                HistoryProblem.of(
                    "problem.DC522",
                    commit.sha,
                    state.id,
                    sha=commit.sha[:10],
                    id=held.state.id,
                    version=approved.version,
                    approved=approved.commit[:10],
                )
            ]
        return []

    def moved_here(
        self,
        commit: Commit,
        change: FileChange,
        candidates: list[_Held],
        side: list[str],
        graph: dict[str, Ancestor],
    ) -> list[_Held]:
        """Those of ``candidates`` (documents the merge deletes, or main withdrew) that the
        merged branch's own diff, from a merge base, moves to the path of the version the
        merge adds: one rename query per merge base for them all. A withdrawn document the
        branch left main after withdrawing is none of them (the quick path's test)."""
        if len(commit.parents) == 2:
            candidates = [
                h
                for h in candidates
                if not h.state.withdrawn
                or not h.state.revisions[: h.revisions]
                or not self.left_after(
                    commit, side, graph, h.state.revisions[: h.revisions][-1].commit
                )
            ]
        if not candidates or not change.new_path:
            return []
        ours = rules.sans_version(self.reader.blob(change.new_blob or ""))
        found = self.branch_holding(commit, ours, [change.new_path])
        if found is None:
            return []
        branch = found[0]
        olds = list(dict.fromkeys(p for h in candidates for p in h.paths))
        sources: set[str] = set()
        for base in self.reader.merge_bases(commit.parents[0], branch):
            sources |= self.reader.rename_sources(base, branch, olds, change.new_path)
        return [h for h in candidates if sources & set(h.paths)]

    def left_after(
        self, commit: Commit, side: list[str], graph: dict[str, Ancestor], target: str
    ) -> bool:
        """Whether the branch the two-parent merge ``commit`` brings in left main at or after
        the main-line commit ``target``, by the line's places alone (no git): a quick yes that
        ``lacks`` would confirm; anything else is for ``lacks`` to tell. Every point where the
        branch left must be on the line (this walk's): then the latest is the one merge base,
        and the branch holds main's version there. A point off the line (a criss-cross) may
        be another merge base, one the reviewed diff could start from."""
        place = self.line_index.get(target)
        if place is None:
            return False
        brought = set(side)
        left = {p for s in side if s in graph for p in graph[s].parents if p not in brought}
        left |= {p for p in commit.parents[1:] if p not in brought}
        places = [self.line_index.get(point) for point in left]
        return bool(places) and None not in places and max(p or 0 for p in places) >= place

    def branch_holding(
        self, commit: Commit, ours: bytes, places: list[str]
    ) -> tuple[str, str] | None:
        """The merged side (and the path) holding ``ours``, a version with its number and date
        lines set aside (``rules.sans_version``), at one of ``places``; None where none does."""
        return next(
            (
                (parent, path)
                for parent in commit.parents[1:]
                for path in places
                if (text := self.reader.read_file_at(parent, path)) is not None
                and rules.sans_version(text) == ours
            ),
            None,
        )

    def lacks(self, commit: Commit, change: FileChange, main: bytes | None, held: _Held) -> bool:
        """Whether the merged branch's version of the document (the merge's, its version and
        effective-date lines aside) lacks something of ``main``, a version of the document
        ``held`` (None: main holds none, withdrawn): git's three-way merge of ``main`` into
        it, over their merge base, changes it or conflicts (text git cannot merge, such as one with a
        NUL byte, included); for a withdrawn document, a merge base holds it (the branch
        edited what main withdrew). With several merge bases (a criss-cross), each is tried:
        the reviewed diff may start from any of them (a forge picks one)."""
        result = self.reader.blob(change.new_blob) if change.new_blob else b""
        ours = rules.sans_version(result)  # the approver may set date or number in the merge
        places = [p for p in dict.fromkeys([change.new_path, *held.paths]) if p]
        holding = self.branch_holding(commit, ours, places)
        if holding is None:
            return False  # no merged side holds it: the merger wrote it (judged as such)
        branch, where = holding
        bases = self.reader.merge_bases(commit.parents[0], branch)
        found = [p for p in dict.fromkeys([*held.paths, where, *places]) if p]
        texts = [
            next((t for p in found if (t := self.reader.read_file_at(base, p)) is not None), None)
            for base in bases
        ]
        if main is None:
            return any(
                t is not None and meta_text(_parse_blob(t, self.values).meta, "id") == held.state.id
                for t in texts
            )
        theirs = rules.sans_version(main)
        # a base holding main's version adds nothing of main's (as the quick path finds when
        # the branch left main after main's last change); every other base is judged
        return any(
            self.reader.merge_file(ours, base, theirs) != ours
            for base in [rules.sans_version(t or b"") for t in texts] or [b""]
            if base != theirs
        )

    def main_version(
        self, commit: Commit, path: str, controlled: list[str]
    ) -> tuple[str, bytes] | None:
        """Main's version of the controlled file ``path`` before the commit, with the path it
        had there (the controlled file a rename moved into ``path``), when that version is the
        one in force: what a reviewed diff may be merged into. None otherwise."""
        before = self.sides_for(commit).get(path, (None, None))[0]
        source = path
        if before is None:
            renamed = next(
                (
                    (c.old_path, c.old_blob)
                    for c in commit.changes
                    if c.status.startswith("R") and c.new_path == path and c.old_path
                ),
                None,
            )
            if renamed is None or renamed[0] not in controlled:
                return None  # new here, or moved in from a file nobody controlled
            source, before = renamed
        if before is None or self.in_force_files.get(source, before) != before:
            return None
        return source, self.reader.blob(before)

    def merge_made(
        self, commit: Commit, path: str, bringing: list[str], controlled: list[str]
    ) -> str | None:
        """The problem's key when the merge's version of the controlled file ``path`` is one
        no review showed (``problem.DC516.merged``), or when git cannot make the merge in this
        clone to tell (``problem.DC516.unjudged``: a shallow clone's boundary); else None.
        When main held the file (or the controlled file renamed into it) as it is in force, what
        was reviewed is the branches' diffs, so the version must be git's own clean merge of
        them into main's (``GitReader.merged_files``: a branch behind main merged cleanly is
        fine; a hand edit made in the merge, or a stale branch's whole file undoing an approved
        change, is not). Else it must be a merged branch's own (a parent already on main merges
        nothing). Read from Git only for merges that change a controlled file."""
        made, unjudged = "problem.DC516.merged", "problem.DC516.unjudged"
        result = self.reader.read_file_at(commit.sha, path)
        main = self.main_version(commit, path, controlled)
        if main is None:
            return (
                made if all(self.reader.read_file_at(p, path) != result for p in bringing) else None
            )
        source, start = main
        if len(commit.parents) == 2 and bringing == [commit.parents[1]]:
            # git's own merge of the two (ort: its virtual base for criss-cross histories, its
            # diff, its renames), as approve makes it: one per merge commit, for all its paths
            if self.merged_of != commit.sha:
                self.merged, self.merged_of = (
                    self.reader.merged_files(commit.parents[0], bringing[0], controlled),
                    commit.sha,
                )
            if self.merged.failure:
                return unjudged
            files = self.merged.files
            return made if files is None or files.get(path) != result else None
        # an octopus (git's octopus strategy merges each branch in turn, file by file), or
        # parents already on main: bounded, one content merge per branch and merge base. With
        # several merge bases (a criss-cross) a review's diff may start from any of them, so
        # git's merge over each must give the one version; where they differ, no diff showed
        # what the merge made
        merged: bytes | None = start
        for parent in bringing:
            other = self.reader.read_file_at(parent, path)
            if other is None:
                other = self.reader.read_file_at(parent, source)
            if other is None or merged is None:
                # deleted (or moved away) on a branch: the reviewed result is no file here
                merged = None
                continue
            bases = self.reader.merge_bases(commit.parents[0], parent)
            outcomes: set[bytes] = set()
            for base_commit in bases or [""]:
                base = None
                if base_commit:
                    base = self.reader.read_file_at(base_commit, path)
                    if base is None:
                        base = self.reader.read_file_at(base_commit, source)
                if base == merged:
                    outcomes.add(other)  # main unchanged since the fork: the branch's own
                    continue
                content = self.reader.merge_file(merged, base or b"", other)
                if content is None:
                    # past a shallow clone's boundary the merge base is not there to merge over
                    return unjudged if self.shallow and not bases else made
                outcomes.add(content)
            if len(outcomes) != 1:
                return made
            merged = outcomes.pop()
        return made if merged != result else None

    def squash_made(self, commit: Commit, path: str, controlled: list[str]) -> bool:
        """Whether a squash puts the controlled file ``path`` in force in a version its diff
        does not show: moved in from a file nobody controlled (main may have held another
        version of it than the one reviewed). Added in full, or changed from the version in
        force, it shows."""
        before, after = self.sides_for(commit).get(path, (None, None))
        if before is not None or after is None:
            return False
        added = any(c.status.startswith("A") and c.new_path == path for c in commit.changes)
        return not added and self.main_version(commit, path, controlled) is None

    def moves_since(self, before: str | None, after: str | None) -> bool:
        """Whether a change from the doccontrol.yml ``before`` to ``after`` names another
        control_since: an approval refused as DC516.adopts still places the start of control
        it shows (the adoption after set-up changes), never one a direct change set."""
        old = self.load(before) if before is not None else None
        new = self.load(after) if after is not None else None
        if new is None:
            return False
        return _since_text(old.control_since if old else None) != _since_text(new.control_since)

    def config_changed(
        self,
        commit: Commit,
        blob: str | None,
        precontrol: bool,
        accepted: bool,
        approved: bool = False,
    ) -> None:
        """Apply an approved doccontrol.yml; note where control_since was set (``approved``:
        approved, though not applied, since it would adopt a change nobody approved)."""
        if accepted and blob is not None:  # a deleted config cannot relax the rules
            self.config_blob = blob
        new = self.load(blob) if blob is not None else None
        value = new.control_since if new is not None else None
        if new is not None or not self.since_changes:
            # the first doccontrol.yml is in force whoever committed it (as config_blob is);
            # one that cannot be read names no start, and a readable one after it is a change;
            # one nobody approved is kept too, since before control began it is the set-up
            at = self.line_count - 1  # this commit's place on the line (counted in step)
            first = not self.since_changes
            entry = (
                commit.sha,
                at,
                _since_text(value),
                not precontrol,
                accepted or approved or first,
            )
            self.since_changes.append(entry)

    def commit(
        self,
        commit: Commit,
        changes: list[FileChange],
        snapshots: dict[str, _Snapshot],
        side: list[str],
        graph: dict[str, Ancestor],
        policy: _Policy,
        precontrol: bool,
        controlled: list[str],
        merger_wrote: set[str],
        misread: set[str],
        note: bytes | None = None,
    ) -> dict[str, bool]:
        """Judge one commit's document and controlled-file changes; return, per controlled
        file, whether its change was approved (and so takes effect)."""
        config = policy.config
        # removals after the rest: a document the commit moves (a move git did not pair as a
        # rename) is placed at its new path first, and its old path's removal is no withdrawal
        changes = sorted(changes, key=_removes)
        self.placed, self.displaced = set(), {}
        # trailer keys are case-insensitive: lowered once here
        trailer_pairs = [(k.lower(), v) for k, v in identities.trailers(commit.trailers)]
        mr = messages.merge_request(commit.message, trailer_pairs)
        signature = policy.signature(commit)
        verdict = None
        note_signed: Signature | None = None
        if note is not None and not precontrol:
            withheld = self.rests_on_no_note(policy, commit)
            note_signed = self.note_signature(policy, commit.sha, withheld)
            verdict = forge_notes.judge(
                note, commit.sha, config, note_signed, _forge_person, withheld, commit.parents
            )
            if verdict.note is not None:
                mr = verdict.note.merge_request  # the forge's own record, with its address
        # a note signed by a trusted forge key that names this very commit as a pull request's
        # merge is the forge's word that it made the commit, as good as its signature on it
        forge_made = verdict is not None and verdict.note is not None and verdict.verified
        kind: Literal["merge", "squash", "direct"]
        if len(commit.parents) > 1:
            kind = "merge"
        elif (
            commit.parents
            and mr is not None
            and (forge_made or self.squash_proven(policy, trailer_pairs, signature))
        ):
            kind = "squash"  # a forge's squash (or rebase) merge, with evidence that it is one
        else:
            kind = "direct"
        # a merge-request marker anyone can type: without the forge's signature it is a commit
        unproven_squash = kind == "direct" and mr is not None and bool(commit.parents)
        if kind == "direct":
            mr = None
            verdict = None
        if precontrol:
            author = self.person(policy, commit.author_name, commit.author_email)
            for change, state, snapshot, _cause in self.applied(changes, snapshots, True):
                if state is not None and snapshot is not None:
                    if change.new_path:
                        state.baseline_files[(commit.sha, change.new_path)] = (
                            publishing.recorded_level(snapshot.meta)
                        )
                    state.baseline = Revision(
                        seq=0,
                        kind="baseline",
                        version=meta_text(snapshot.meta, "version"),
                        commit=commit.sha,
                        date=commit.committer_date,
                        change=messages.summary(commit.message),
                        sections=(),
                        authors=(author,),
                        author_date=commit.author_date,
                        reviewers=(),
                        approvers=(),
                        merge_request=None,
                        signature=Signature("none"),
                        approved=True,
                        path=state.path,
                        status=meta_text(snapshot.meta, "status"),
                        effective_date=meta_day(snapshot.meta, "effective_date"),
                        body_digest=snapshot.digest,
                        level=publishing.recorded_level(snapshot.meta),
                    )
                elif state is not None and state.withdrawn and state.baseline is not None:
                    # deleted (or renumbered away) before control began: what stood when it
                    # began holds it withdrawn, never in force for ever. The baseline keeps
                    # the version it held (its commit, path and front matter): a later re-add
                    # of the id is judged by that version's roles and number, as history
                    # judges it (approve reads it there)
                    state.baseline = replace(state.baseline, kind="withdrawal")
            return dict.fromkeys(controlled, True)
        merger = self.person(policy, commit.author_name, commit.author_email)
        authors = self.authors(commit, kind, side, graph, policy, trailer_pairs)
        dated = [(s, graph[s].author_date) for s in side if s in graph] or [
            (commit.sha, commit.author_date)
        ]
        author_dates = [date for _, date in dated]
        for sha, date in dated:
            if date == UNREADABLE_DATE:
                # shown as no 编制 date at all: said of the commit that carries it
                self.line_problems.append(
                    HistoryProblem.of(
                        "problem.DC524.unreadable-author", sha, sha=sha[:10], merge=commit.sha[:10]
                    )
                )
        approvers, reviewers = self.evidence(kind, policy, trailer_pairs, merger, signature)
        typed: list[HistoryProblem] = []
        if forge_made and verdict is not None and config.approval.require_signed:
            approvers, typed = _vouched_by_forge(commit, config, approvers, verdict, signature)
            reviewers, typed_reviews = _vouched_by_forge(
                commit, config, reviewers, verdict, signature, reviewers=True
            )
            typed += typed_reviews
        # a review only the message names is the merger's word, never the note's: the
        # approval it joins is shown on the commit's own evidence (round 99)
        noted = not _typed(config, reviewers, verdict, signature, merger=False)
        summary = messages.summary(commit.message)
        squashed = self.squashed_authors(commit, kind, verdict, policy)
        if squashed is None:
            assert verdict is not None and verdict.note is not None
            # who wrote the pull request's own commits is not known here: said, so that a
            # clone without them never shows clean what one with them flags (round 99)
            event_problems_head = [
                HistoryProblem.of(
                    "problem.DC537",
                    commit.sha,
                    sha=commit.sha[:10],
                    pr=f"#{verdict.note.number}",
                    head=verdict.note.head_sha[:10],
                )
            ]
        else:
            event_problems_head = []
        forge = _ForgeEvidence.of(verdict, authors, squashed or ())
        # with require_signed, a signed note naming this commit as the pull request's merge
        # is the forge's signature on it (a merge made in GitHub's UI is signed with GitHub's
        # own GPG key, which a reader's keyring rarely holds)
        signed_as = signature
        if forge_made and note_signed is not None and signature.status != "good":
            signed_as = Signature("good", note_signed.key, signatures.FORGE, signatures.FORGE)
        event_problems = rules.event_problems(
            commit,
            kind,
            config,
            _unique([*approvers, *forge.approvals]),
            signed_as,
            self.listed_twice(commit, controlled, misread) if kind != "direct" else (),
        )
        event_problems += typed
        event_problems += forge.problems
        event_problems += event_problems_head
        documents: list[ApprovedDocument] = []
        all_problems = dict.fromkeys(event_problems)
        any_approved = False
        any_on_note = False
        event_approvers: list[Person] = list(approvers)
        event_reviewers: list[Person] = list(reviewers)
        # the approval that declares the baseline approves the whole set as it stood: by the
        # roles that approve the configuration (the manual's, by default)
        declared = kind != "direct" and self.declares_baseline(commit)
        config_roles: dict[str, Any] = {
            "approver": list(config.approval.config_approvers),
            "reviewer": list(config.approval.config_reviewers),
        }
        changed_ids: set[str] = set()
        editorial = any(
            k == EDITORIAL_TRAILER and v.strip().lower() == "editorial" for k, v in trailer_pairs
        )
        # what each document change of a merge could undo, as main held it before the merge
        # (the changes before it in this loop move documents and add revisions)
        undoes = self.undoable(changes, snapshots) if kind == "merge" else {}
        # each document change's verdict, for a renumbering's withdrawal of the old id
        judged: dict[int, tuple[bool, list[HistoryProblem]]] = {}
        for change, state, snapshot, cause in self.applied(changes, snapshots, baseline=False):
            if state is None:
                continue
            changed_ids.add(state.id)
            previous = state.approved_meta
            # a document never approved is judged by its type's default roles in the approved
            # config, never by the roles its own new front matter chooses
            rules_meta = (
                previous
                if previous is not None
                else _type_defaults(config, snapshot.meta if snapshot else state.meta)
            )
            if declared:
                rules_meta = config_roles
            problems: list[HistoryProblem] = []
            doc_approvers, doc_reviewers, on_note = forge.split(
                approvers, reviewers, rules.meta_texts(rules_meta, "approver")
            )
            if forge.approvals and self.off_head(verdict, change, commit, state.id):
                # the reviews saw the head's text, not this one: they approve nothing here
                doc_approvers, doc_reviewers, on_note = approvers, reviewers, False
                problems.append(self.off_head_problem(commit, state.id, verdict, change))
            here = forge.authors_for(on_note)
            if change.new_path in merger_wrote:
                maker = self.person(policy, commit.committer_name, commit.committer_email)
                here = _unique([*here, merger, maker])
            if kind == "direct":
                approved = False
                rev_kind: RevisionKind = "unapproved"
                problems.append(self.unapproved(commit, state.id, merger, unproven_squash))
            else:
                problems += event_problems
                if kind == "merge":
                    # a version no side held at this path may still be a side's own, held at
                    # another (main moved the document): stale() looks it up there too
                    problems += self.stale(
                        commit, change, state, undoes.get(id(change), []), side, graph
                    )
                problems += rules.approval_problems(
                    commit,
                    state.id,
                    config,
                    rules_meta,
                    here,
                    doc_approvers,
                    doc_reviewers,
                )
                problems += forge.unbound(commit, on_note, (*doc_approvers, *doc_reviewers))
                approved = (
                    not any(p.code in rules.APPROVAL_BLOCKING for p in problems)
                    and any(a.person_id for a in doc_approvers)
                    and not forge.objecting(on_note)
                )
                rev_kind = "approval"
                event_approvers += doc_approvers
                event_reviewers += doc_reviewers
                any_on_note = any_on_note or (approved and on_note)
            if cause is not None and not judged.get(id(cause), (True, []))[0]:
                # the renumbering that withdraws it did not count: neither does its withdrawal
                approved = False
                blocking = [p for p in judged[id(cause)][1] if p.code in rules.APPROVAL_BLOCKING]
                problems += [p for p in blocking if p not in problems]
            elif cause is not None and approved:
                problems += _renumbered_later(commit, state.id, cause, snapshots)
            new_sections: sections.Outlined | None = None
            if snapshot is None:  # deleted: the document is withdrawn
                rev_kind = "withdrawal" if kind != "direct" else "unapproved"
                version = meta_text(state.meta, "version")
                changed: tuple[str, ...] = (sections.WHOLE,)
            else:
                version = meta_text(snapshot.meta, "version")
                problems += rules.version_problems(
                    commit,
                    state.id,
                    snapshot.meta,
                    snapshot.body,
                    state.approved_meta,
                    state.approved_body,
                    config,
                )
                if rev_kind == "approval" and approved and not declared:
                    problems += rules.effective_problems(
                        commit, state.id, snapshot.meta, state.approved_meta
                    )
                unchanged = (
                    state.approved_body is not None
                    and snapshot.body == state.approved_body
                    and meta_text(snapshot.meta, "version")
                    == meta_text(state.approved_meta, "version")
                    and meta_text(snapshot.meta, "status")
                    == meta_text(state.approved_meta, "status")
                )
                if unchanged and rev_kind == "approval":
                    rev_kind = "baseline" if declared else "review"
                    changed = ()
                elif snapshot.body == state.approved_body:
                    changed = ()  # same text, new version or status
                else:
                    before = state.approved_split()
                    new_sections = (
                        sections.outlined(snapshot.body)
                        if before is None
                        else sections.outline_after(before, snapshot.body)
                    )
                    changed = sections.changed_between(
                        None if before is None else before.outline, new_sections.outline
                    )
            revision = Revision(
                seq=len(state.revisions) + 1,
                kind=rev_kind,
                version=version,
                commit=commit.sha,
                date=commit.committer_date,
                change=summary or ("删除" if snapshot is None else ""),
                sections=changed,
                authors=here,
                author_date=max(author_dates),
                reviewers=doc_reviewers,
                approvers=doc_approvers,
                merge_request=mr,
                signature=signature,
                approved=approved,
                path=state.path,
                status=meta_text(snapshot.meta if snapshot else state.meta, "status"),
                problems=tuple(problems),
                evidence=rules.evidence(
                    kind,
                    approved,
                    signature,
                    doc_approvers,
                    forge.strength if on_note and noted else None,
                ),
                effective_date=meta_day(
                    snapshot.meta if snapshot else state.meta, "effective_date"
                ),
                editorial=editorial,
                removed=snapshot is None,
                body_digest="" if snapshot is None else snapshot.digest,
                # a withdrawal's: the last approved version's (state.meta may be a version
                # pushed since without approval, round 112)
                level=publishing.recorded_level(snapshot.meta if snapshot else state.approved_meta),
            )
            state.revisions.append(revision)
            judged[id(change)] = (approved, problems)
            if approved and snapshot is not None:
                if snapshot.body != state.approved_body:
                    state.approved_sections = new_sections
                state.approved_meta, state.approved_body = snapshot.meta, snapshot.body
                state.approved_blob = change.new_blob
            any_approved = any_approved or approved
            documents.append(ApprovedDocument(state.id, version, state.path, rev_kind))
            all_problems.update(dict.fromkeys(problems))
        if declared:
            for state in sorted(self.docs.values(), key=lambda st: st.path):
                if state.id in changed_ids or state.withdrawn or state.baseline is None:
                    continue
                problems = event_problems + rules.approval_problems(
                    commit, state.id, config, config_roles, authors, approvers, reviewers
                )
                approved = not any(p.code in rules.APPROVAL_BLOCKING for p in problems) and any(
                    a.person_id for a in approvers
                )
                version = meta_text(state.approved_meta, "version")
                state.revisions.append(
                    Revision(
                        seq=len(state.revisions) + 1,
                        kind="baseline",
                        version=version,
                        commit=commit.sha,
                        date=commit.committer_date,
                        change=summary,
                        sections=(),
                        authors=authors,
                        author_date=max(author_dates),
                        reviewers=reviewers,
                        approvers=approvers,
                        merge_request=mr,
                        signature=signature,
                        approved=approved,
                        path=state.path,
                        status=meta_text(state.approved_meta, "status"),
                        problems=tuple(problems),
                        evidence=rules.evidence(kind, approved, signature, approvers),
                        effective_date=meta_day(state.approved_meta, "effective_date"),
                        body_digest=_approved_digest(state),
                        level=publishing.recorded_level(state.approved_meta),
                    )
                )
                any_approved = any_approved or approved
                documents.append(ApprovedDocument(state.id, version, state.path, "baseline"))
                all_problems.update(dict.fromkeys(problems))
        accepted: dict[str, bool] = {}
        irregular = {c.new_path for c in commit.changes if c.new_path and not c.regular}
        # the merged branches: parents that bring commits in (one already on main merges
        # nothing, so its version of a file vouches for nothing)
        brought = set(side)
        bringing = [p for p in commit.parents[1:] if p in brought]
        for path in controlled:
            if path in irregular:
                problem = HistoryProblem.of(
                    "problem.DC516.not-regular",
                    commit.sha,
                    path,
                    merger.email,
                    sha=commit.sha[:10],
                    path=path,
                )
                all_problems[problem] = None
                accepted[path] = False
                continue
            if kind == "direct":
                problem = self.unapproved(commit, path, merger, unproven_squash, controlled=True)
                all_problems[problem] = None
                accepted[path] = False
                continue
            path_approvers, path_reviewers, on_note = forge.split(
                approvers, reviewers, config.approval.config_approvers
            )
            problems = event_problems + rules.approval_problems(
                commit,
                path,
                config,
                {
                    "approver": list(config.approval.config_approvers),
                    "reviewer": list(config.approval.config_reviewers),
                },
                forge.authors_for(on_note),
                path_approvers,
                path_reviewers,
            )
            problems += forge.unbound(commit, on_note, (*path_approvers, *path_reviewers))
            accepted[path] = (
                not any(p.code in rules.APPROVAL_BLOCKING for p in problems)
                and any(a.person_id for a in path_approvers)
                and not forge.objecting(on_note)
            )
            # require_signed comes into force only by a commit one of the approvers who count
            # here signed, and then whatever becomes of the changes before it (a note removed,
            # a trailer anyone could type): when its file cannot come into force (it would
            # adopt a change nobody approved, or one that has lost its approval since), the
            # rules in force ask for signatures all the same (signing_forced, DC536.forced).
            # It adopts nothing: from a signed change, a change nobody approved and one whose
            # note was removed look alike
            switching = path == CONFIG_FILE and self.turns_on_signing(commit, policy)
            own_signature = (
                signature.status == "good"
                and signature.verified_for not in (None, signatures.FORGE)
                and signature.verified_for in {a.person_id for a in path_approvers}
            )
            signed = switching and own_signature
            if (
                accepted[path]
                and path in (CONFIG_FILE, MAILMAP_FILE)
                and policy.config.approval.require_signed
                and not own_signature
            ):
                # the rules and identities count only on their approvers' own signatures: a
                # forge's signature on a merge vouches for no approver the merger typed
                problems.append(_refused(commit, "problem.DC536.rules-signed", path))
                accepted[path] = False
            if accepted[path] and switching and not signed:
                problems.append(_refused(commit, "problem.DC536.switch", path))
                accepted[path] = False
            signed_switch = signed and accepted[path]
            if accepted[path] and self.adopts_unapproved(commit, path, controlled):
                # main held a change to these rules nobody approved, and this approval would
                # put it in force with its own though its diff never showed it: a change
                # reaches force only through a diff someone approved (revert it first)
                problems.append(_refused(commit, "problem.DC516.adopts", path))
                accepted[path] = False
                # still an approval of where control begins: a walk that judged set-up changes
                # made before control began (the next walk takes them as the set-up) must
                # place the start where this approval put it
                self.adoption_refused.add(path)
            if accepted[path] and (path in (CONFIG_FILE, *SITE_CONFIGS) or path in self.site_files):
                unseen = self.brought_under_control(commit, path, policy, bringing)
                if unseen:
                    # the rules bring files under control as main holds them, which is not
                    # what the reviewed branch held: content nobody reviewed would be in force
                    problems += [_refused(commit, "problem.DC516.merged", o) for o in unseen]
                    accepted[path] = False
            not_reviewed = (
                None
                if not accepted[path]
                else self.merge_made(commit, path, bringing, controlled)
                if kind == "merge"
                else "problem.DC516.merged"
                if self.squash_made(commit, path, controlled)
                else None
            )
            if not_reviewed:
                # what comes into force is what was reviewed: the branch's own version or git's
                # clean merge of it into the version in force, not one the merge made (a rename
                # followed, an edit slipped in by hand); one that cannot be told stays out too
                problems.append(_refused(commit, not_reviewed, path))
                accepted[path] = False
            if signed_switch and not accepted[path]:
                self.forcing = True
                problems.append(_refused(commit, "problem.DC536.forced", path))
            event_approvers += path_approvers
            event_reviewers += path_reviewers
            any_on_note = any_on_note or (accepted[path] and on_note)
            any_approved = any_approved or accepted[path]
            all_problems.update(dict.fromkeys(problems))
        if documents or controlled:
            self.events.append(
                ApprovalEvent(
                    commit=commit.sha,
                    date=commit.committer_date,
                    kind=kind,
                    summary=summary,
                    merge_request=mr,
                    authors=authors,
                    reviewers=_unique(event_reviewers),
                    approvers=_unique(event_approvers),
                    merger=merger,
                    signature=signature,
                    documents=tuple(documents),
                    approved=any_approved and kind != "direct",
                    problems=tuple(all_problems),
                    evidence=rules.evidence(
                        kind,
                        any_approved,
                        signature,
                        _unique(event_approvers),
                        forge.strength if any_on_note and noted else None,
                    ),
                    controlled=tuple(controlled),
                    accepted=tuple(path for path in controlled if accepted.get(path)),
                )
            )
        return accepted

    reader_branch = "main"

    def declares_baseline(self, commit: Commit) -> bool:
        """Whether this approval sets control_since to the commit it merges into: the recorded
        adoption of the repository (doccontrol baseline), which approves every document as the
        baseline left it. Only an adoption is one: where the rules in force already name a
        start of control, the move is refused (DC517) and vouches for no document, or a merge
        re-declaring the start would pass a pending direct change and reset every review."""
        blob = next((c.new_blob for c in commit.changes if c.new_path == CONFIG_FILE), None)
        if blob is None or not commit.parents:
            return False
        old = self.load(self.config_blob) if self.config_blob is not None else None
        if old is not None and _since_text(old.control_since) is not None:
            return False
        new = self.load(blob)
        value = str(new.control_since or "").lower() if new is not None else ""
        return len(value) >= 7 and not _DATE.match(value) and commit.parents[0].startswith(value)

    def unapproved(
        self,
        commit: Commit,
        what: str,
        author: Person,
        unproven_squash: bool,
        controlled: bool = False,
    ) -> HistoryProblem:
        key = "problem.DC516" if controlled else "problem.DC501"
        return HistoryProblem.of(
            f"{key}.squash" if unproven_squash else key,
            commit.sha,
            what,
            author.email,
            sha=commit.sha[:10],
            what=what,
            branch=self.reader_branch,
        )

    def note_signature(self, policy: _Policy, sha: str, withheld: str | None) -> Signature:
        """The signature of the notes commit that wrote the note on ``sha``, judged by the keys
        in force before ``sha`` and also by the configuration in force at the tip (forge_keys):
        a note has no place on the main line that dates it, so a forge key revoked since (a
        leaked one, taken out of both lists) vouches for no note at all, old or new. A key
        retired since (moved to ``retired_forge_keys``) keeps the notes it signed while it was
        trusted: it is the first test, by the keys before ``sha``, that keeps it from signing
        notes for later commits. In force, not the tip's file: a push nobody approved neither
        retires nor revokes a key, nor brings one back. ``withheld`` (rests_on_no_note): no
        signature counts on this commit."""
        note = self.notes[sha]
        found = policy.signature(note)
        if found.verified_for != signatures.FORGE:
            return found
        if (
            not signatures.trusted_forge_key(
                self.forge_keys, note.signature_key, note.signature_fingerprint
            )
            or withheld is not None
        ):
            return Signature("untrusted", found.key, note.signer)
        return found

    def rests_on_no_note(self, policy: _Policy, commit: Commit) -> str | None:
        """Why no note counts for or against ``commit`` (a ``DC536`` key), or None. A change to
        the forge keys (adding, retiring or revoking one, or leaving no readable
        doccontrol.yml) rests on no note: anyone who can push may rewrite or remove one, which
        would undo a rotation's step and leave an old key in force, and a key may have leaked.
        With ``require_signed``, no change to the rules or identities (doccontrol.yml,
        .mailmap) does either: the keys in force are judged by them, so a note undoing one
        would undo the signed key changes after it (refused as adopting it) and bring a revoked
        key back. Their approvers sign them."""
        approval = policy.config.approval
        before = (_key_ids(approval.trusted_forge_keys), _key_ids(approval.retired_forge_keys))
        rules = switched = False
        for change in commit.changes:
            if MAILMAP_FILE in (change.old_path, change.new_path):
                rules = True
            if CONFIG_FILE not in (change.old_path, change.new_path):
                continue
            rules = True
            if change.new_path != CONFIG_FILE or not change.regular or change.new_blob is None:
                return "problem.DC536.key-change"
            new = self.load(change.new_blob)
            if new is None:
                return "problem.DC536.key-change"
            after = new.approval
            if before != (_key_ids(after.trusted_forge_keys), _key_ids(after.retired_forge_keys)):
                return "problem.DC536.key-change"
            switched = switched or (after.require_signed and not approval.require_signed)
        signed = approval.require_signed or switched
        return "problem.DC536.rules" if rules and signed else None

    def turns_on_signing(self, commit: Commit, policy: _Policy) -> bool:
        """Whether ``commit`` brings ``require_signed`` into force: the rules before it do not
        ask for it, the doccontrol.yml it leaves does."""
        if policy.config.approval.require_signed:
            return False
        after = self.sides_for(commit).get(CONFIG_FILE, (None, None))[1]
        new = self.load(after) if after is not None else None
        return new is not None and new.approval.require_signed

    def off_head(
        self,
        verdict: forge_notes.Verdict | None,
        change: FileChange,
        commit: Commit,
        doc_id: str,
    ) -> bool:
        """Whether the document a merge or squash with a note leaves differs from the one the
        note's head holds: the reviews saw the head, so text the merge commit itself brings
        (an evil merge, a squash pushed by hand) is no reviewed text (round 100). Not judged
        where the head is not in this clone (DC537 says so)."""
        if verdict is None or verdict.note is None:
            return False
        head = verdict.note.head_sha.lower()
        if not self.reader.has_commit(head):
            return False
        if change.new_blob is None or change.new_path is None:
            # a removal: the reviews approved one only where the head has no such file
            # (round 101), nor the document under another path (round 102)
            gone = change.old_path
            if gone is None:
                return False
            if self.reader.read_file_at(head, gone) is not None:
                return True
            return self.head_holds(head, commit.sha, doc_id)
        return self.reader.read_file_at(head, change.new_path) != self.read_blob(change.new_blob)

    def head_holds(self, head: str, merged: str, doc_id: str) -> bool:
        """Whether ``head`` holds the document ``doc_id`` at a path where ``merged`` (the merge
        or squash itself) does not hold the same file: the pull request kept it (renamed to
        another name, or another case) and the merge took it away; or a file there whose front
        matter or id cannot be read, which may be it. Against the merge's own tree, not its
        first parent's: main may already hold the renamed file, which the merge then removes
        (round 109). Asked only of a removal a note would approve, which is rare: one
        ``ls-tree`` of each side."""
        try:
            theirs = self.reader.tree_files(head)
            ours = self.reader.tree_files(merged)
            paths = [p for p, e in theirs.items() if DOC_PATH.match(p) and ours.get(p) != e]
            for data in self.reader.blobs([theirs[p][1] for p in paths]):
                meta = _parse_blob(data, self.values).meta
                if meta is None and not _has_front_matter(data):
                    continue  # no document: a page with no front matter
                # one whose front matter or id cannot be read may be the document (round 104)
                found = meta.get("id") if meta is not None else None
                if not isinstance(found, str) or found.strip().casefold() == doc_id.casefold():
                    return True
        except GitError:
            return True  # what the head holds cannot be read: its reviews approve no removal
        return False

    def off_head_problem(
        self, commit: Commit, doc_id: str, verdict: forge_notes.Verdict | None, change: FileChange
    ) -> HistoryProblem:
        note = verdict.note if verdict is not None else None
        return HistoryProblem.of(
            "problem.DC531.text",
            commit.sha,
            doc_id,
            sha=commit.sha[:10],
            path=change.new_path or change.old_path or "",
            pr=f"#{note.number}" if note is not None else "",
            head=note.head_sha[:10] if note is not None else "",
        )

    def squashed_authors(
        self,
        commit: Commit,
        kind: str,
        verdict: forge_notes.Verdict | None,
        policy: _Policy,
    ) -> tuple[Person, ...] | None:
        """The authors of the commits a squash merge folded away, read from the pull request's
        head its note names (merge-base..head), where that head is in this clone: whoever wrote
        one of them wrote the change, as on a merge commit's side. None where it is not
        (README: fetch refs/pull/*/head)."""
        if kind != "squash" or verdict is None or verdict.note is None or not commit.parents:
            return ()
        found = self.reader.branch_commits(
            verdict.note.head_sha, commit.parents[0], signed=_has_keys(policy.config)
        )
        if found is None:
            return None
        # the pull request may fork from a commit an earlier merge brought without its text
        parents = {sha: ancestor.parents for sha, ancestor in found}
        held = untaken.forks(parents, lambda sha: parents.get(sha, ()))
        if not found:
            held = {verdict.note.head_sha}
        extra = self.untaken_of(commit, held, verdict.note.head_sha, commit.sha)
        extra = [(sha, ancestor) for sha, ancestor in extra if sha not in parents]
        return _unique(self.writers_of(policy, [*found, *extra]))

    def untaken_side(
        self, commit: Commit, side: list[str], graph: dict[str, Ancestor]
    ) -> list[tuple[str, Ancestor]]:
        """The writers of text this merge brings that commits no approval judged wrote
        (``unvouched``: ``untaken.writers_not_new``; rounds 120 to 123): its side, or any of
        its merged parents (an octopus), forks from one. Most sides fork from the line under
        control, and cost nothing here."""
        found = untaken.forks(side, lambda sha: graph[sha].parents if sha in graph else ())
        found |= set(commit.parents[1:]) - set(side)
        # the merge's own lines are judged as the merge's text (authors), not here
        inside = {*side, commit.sha}
        return [(s, a) for s, a in self.untaken_of(commit, found, commit.sha) if s not in inside]

    def index_loose(self, commit: Commit, blobs: BlobPipe) -> None:
        """Index the text this line commit left at paths no approval judged (``loose``): of
        the files run() asked ``blobs`` for, those but the controlled ones its approval
        accepted."""
        changes = loose.loose_changes(commit, ())
        if not changes:
            return
        texts = [blobs.get() for _ in changes]
        event = self.events[-1] if self.events and self.events[-1].commit == commit.sha else None
        accepted = set(event.accepted) if event is not None else set()
        kept = [(c, t) for c, t in zip(changes, texts, strict=True) if c.new_path not in accepted]
        loose.add(self.loose, commit, [c for c, _ in kept], [t for _, t in kept])

    def loose_writers(self, commit: Commit, side: list[str]) -> list[tuple[str, Ancestor]]:
        """Who wrote, at a path no approval judged, the lines this approval lands in its
        documents that no document held (``loose.writers``; rounds 123 and 124)."""
        if not self.loose or not self.landed or not commit.parents:
            return []
        before = commit.parents[0]
        began = f"{self.events[0].commit}^" if self.events else None

        texts = [loose.landed_text(data) for data in self.landed.values()]
        paths = list(self.landed)
        return loose.writers(
            self.reader,
            self.loose,
            texts,
            lambda: loose.held_units(self.reader, before, began, paths),
            {commit.sha, *side},
        )

    def line_unvouched(self, fork_commits: set[str]) -> dict[str, untaken.Brought]:
        """What ``unvouched`` says of each fork, and each fork on the line under control that
        is no approval (a commit of files nothing controls, a record): its text at such a path
        was never judged either, and a side may move it under control (round 122). Only the
        forks: asked of every merge, it never copies the whole map."""
        if self.events_asked != len(self.events):  # the events since last asked
            added = self.events[self.events_asked :]
            self.approvals.update(event.commit for event in added)
            self.events_asked = len(self.events)
        found: dict[str, untaken.Brought] = {}
        for fork in fork_commits:
            if fork in self.unvouched:
                found[fork] = self.unvouched[fork]
            elif fork not in self.approvals:
                found[fork] = untaken.PRECONTROL
        return found

    def untaken_of(
        self, commit: Commit, fork_commits: set[str], tip: str, result: str | None = None
    ) -> list[tuple[str, Ancestor]]:
        paths = sorted(
            {p for change in commit.changes for p in (change.old_path, change.new_path) if p}
        )
        before = commit.parents[0]
        unvouched = self.line_unvouched(fork_commits)
        began = f"{self.events[0].commit}^" if self.events else None
        return untaken.writers_not_new(
            self.reader, fork_commits, unvouched, self.approvals, tip, before, paths, result, began
        )

    def writers_of(self, policy: _Policy, commits: list[tuple[str, Ancestor]]) -> list[Person]:
        """Who wrote each of ``commits`` (a merge's side, a squash's pull request): its author,
        known committer and verified signer (identities.writers), and its co-authors. Who
        signed them, only when someone has a key to sign with, comes with the commits (the
        graph stream, branch_commits); git is asked here only for commits read without it
        (keys in force here that the tip's config no longer lists), in one process."""
        keys = bool(commits) and _has_keys(policy.config)
        unread = [sha for sha, ancestor in commits if ancestor.signature is None] if keys else []
        asked = self.reader.signatures(unread) if unread else {}
        people: list[Person] = []
        for sha, ancestor in commits:
            report = ancestor.signature if ancestor.signature is not None else asked.get(sha)
            signer = policy.reported(report) if keys and report is not None else None
            people += identities.writers(
                policy.config,
                self.person(policy, ancestor.author_name, ancestor.author_email),
                self.person(policy, ancestor.committer_name, ancestor.committer_email),
                signer.verified_for if signer is not None and signer.status == "good" else None,
            )
            people += [self.ident(policy, value) for value in ancestor.co_authors]
        return people

    def squash_proven(
        self, policy: _Policy, trailer_pairs: list[tuple[str, str]], signature: Signature
    ) -> bool:
        """Whether a single-parent commit with a merge-request marker is a forge's squash
        merge: signed by a trusted forge key or by one of the approvers it names, or unsigned
        where the config trusts the forge's branch protection."""
        if signature.status == "good" and signature.verified_for == signatures.FORGE:
            return True
        if signature.status == "good" and signature.verified_for:
            approvers, _ = self.evidence("squash", policy, trailer_pairs, Person("", ""))
            if signature.verified_for in {a.person_id for a in approvers}:
                return True
        return policy.config.approval.trust_unsigned_squash

    def read_blob(self, sha: str) -> bytes:
        """One blob, at once (the main pipe has blobs in flight, in order): a side's version
        that differs from the merged one, or an approved text a cached state names by id."""
        if self.lookups is None:
            self.lookups = self.reader.blob_pipe()
        self.lookups.put(sha)
        return self.lookups.get()

    def read_approved(self, state: _DocState) -> None:
        """The approved text of a document restored from a cached state, read when a later
        commit first touches it."""
        state.approved_body = _parse_blob(
            self.read_blob(state.approved_blob or ""), self.values
        ).body
        state.approved_sections, state.unread = None, False

    def listed_twice(self, commit: Commit, controlled: list[str], misread: set[str]) -> list[str]:
        """The documents and controlled files the commit's tree lists twice (git fsck's
        duplicateEntries): Git reads a path's first entry, a checkout its last. Seen as the
        diff shows them: a path added twice, or added where the first parent holds a file
        already (the tree's other entry, unchanged, is no change); and ``misread``, the
        documents the diff adds (or a merge changes) whose version the commit reads by path is
        not the diff's (the first entry is another, a folder listed twice hides it, or a folder
        out of Git's order stops the lookup; the same is asked of the controlled files the
        diff adds, or a merge or a squash changes). Asked before the commit's changes apply."""
        counted = Counter(c.new_path for c in commit.changes if c.new_path)
        found = {p for p, n in counted.items() if n > 1} | misread
        parent = commit.parents[0] if commit.parents else None
        for change in commit.changes:
            path = change.new_path
            if not path or path in found:
                continue
            if (
                path in controlled
                and _read_back(commit, change, self.notes)
                and not self.reads_back(commit, change)
            ):
                # a controlled file the commit adds, or a merge or a squash changes, that Git
                # reads otherwise by path (as for documents: run() asks for those)
                found.add(path)
                continue
            # an addition (or a rename or copy onto a path: git pairs the added entry with a
            # file the commit removes) where the first parent holds a file at that path; git's
            # diff never adds a path the parent holds (without -B, a rewrite is a modification)
            if not _arrives(change):
                continue
            if path in self.path_to_id or (
                path in controlled and parent is not None and self.held_twice(commit, parent, path)
            ):
                found.add(path)
        return sorted(found)

    def reads_back(self, commit: Commit, change: FileChange) -> bool:
        """Whether the commit, read by path as Git reads it, holds the version its diff adds
        there. Not where a folder on the way is listed twice (the lookup takes the first, and
        the file is in the second) or out of order (the lookup stops early)."""
        path, blob = change.new_path or "", change.new_blob
        if not change.regular:
            return True  # a link or submodule is judged as such (DC516.not-regular)
        held = self.reader.read_file_at(commit.sha, path)
        if held is None or blob is None:
            return False
        try:
            return held == self.reader.blob(blob)
        except GitError:
            return False

    def held_twice(self, commit: Commit, parent: str, path: str) -> bool:
        """Whether the controlled file ``path``, which the commit adds, is listed beside what
        the first parent held there: a file (the diff shows only the other entry), or a folder
        the commit's tree still lists (a folder replaced by a file is an ordinary change)."""
        if self.reader.read_file_at(parent, path) is not None:
            return True
        if not self.reader.exists_at(parent, path):
            return False
        # a folder there before: rare, so the commit's folder is listed (one ls-tree)
        folder, _, name = path.rpartition("/")
        _, repeated = self.reader.tree_listing(f"{commit.sha}:{folder}" if folder else commit.sha)
        return name in repeated

    def applied(
        self, changes: list[FileChange], snapshots: dict[str, _Snapshot], baseline: bool
    ) -> Iterator[tuple[FileChange, _DocState | None, _Snapshot | None, FileChange | None]]:
        """Each change applied (``apply``), with its document's state; then each document
        the commit renumbered away — its path now holds another id, and no path holds it —
        withdrawn there, as if its file had been deleted, with the change that renumbered it
        (the withdrawal stands or falls with that change's approval): a document leaves the
        controlled set only by a withdrawal the trail shows."""
        self.renumbered = []
        for change in changes:
            yield (change, *self.apply(change, snapshots, baseline), None)
        for doc_id, old_id in self.renumbered:
            # the file under a new id is still what it was: a secret renumbered and relabelled
            # in one change keeps every level it had, or its title would reach the site; not
            # where the old id lives on at another path (moved, and a new file put in its place)
            old, new = self.docs.get(old_id), self.docs.get(doc_id)
            if old is None or new is None or old_id in self.placed:
                continue
            new.levels += [level for level in old.levels if level not in new.levels]
        if not self.displaced:
            return
        held = set(self.path_to_id.values())
        for doc_id, cause in self.displaced.items():
            state = self.docs.get(doc_id)
            if state is None or state.withdrawn or doc_id in self.placed or doc_id in held:
                continue
            state.withdrawn = True
            yield FileChange("D", state.path, None, None, None), state, None, cause

    def apply(
        self, change: FileChange, snapshots: dict[str, _Snapshot], baseline: bool
    ) -> tuple[_DocState | None, _Snapshot | None]:
        """Update path → document identity for one file change; return the document's state."""
        if (
            change.status == "D"
            or change.new_path is None
            or not change.regular  # a link or submodule named like a document is none
            or not DOC_PATH.match(change.new_path)
        ):
            doc_id = self.path_to_id.pop(change.old_path or "", None)
            state = self.docs.get(doc_id or "")
            if state is None:
                return None, None
            if doc_id in self.placed and state.path != display_text(change.old_path or ""):
                # this commit moved it: another of its changes (a version git did not pair
                # with this removal as a rename) placed it at its new path
                return None, None
            state.withdrawn = True
            return state, None
        snapshot = snapshots[change.new_blob] if change.new_blob else _Snapshot(None, "")
        old_id = (
            self.path_to_id.pop(change.old_path, None)
            if change.old_path and change.status == "R"
            else self.path_to_id.get(change.new_path)
        )
        doc_id = meta_text(snapshot.meta, "id") or old_id or change.new_path
        self.path_to_id[change.new_path] = doc_id
        self.placed.add(doc_id)
        if old_id is not None and old_id != doc_id:
            self.displaced[old_id] = change
            self.renumbered.append((doc_id, old_id))  # its levels follow (applied)
        state = self.docs.get(doc_id)
        if state is None:
            state = _DocState(doc_id, change.new_path, snapshot.meta or {})
            self.docs[doc_id] = state
        state.path, state.meta, state.withdrawn = (
            display_text(change.new_path),  # a file name in a legacy code page is shown, not fatal
            snapshot.meta or state.meta,
            False,
        )
        level = publishing.recorded_level(snapshot.meta)
        if level not in state.levels:
            state.levels.append(level)
        title = meta_text(snapshot.meta, "title")
        if title and title not in state.titles:
            state.titles.append(title)
        if baseline:
            state.approved_meta, state.approved_body = snapshot.meta, snapshot.body
            state.approved_blob, state.unread = change.new_blob, False
            state.approved_sections = None
        elif state.unread:
            self.read_approved(state)
        return state, snapshot

    def authors(
        self,
        commit: Commit,
        kind: str,
        side: list[str],
        graph: dict[str, Ancestor],
        policy: _Policy,
        trailer_pairs: list[tuple[str, str]],
    ) -> tuple[Person, ...]:
        people: list[Person] = []
        if kind in ("merge", "squash"):
            people += self.writers_of(policy, self.loose_writers(commit, side))
        if kind == "merge":
            people += self.writers_of(policy, [(sha, graph[sha]) for sha in side])
            people += self.writers_of(policy, self.untaken_side(commit, side, graph))
            if not side:
                # a merge that brings in nothing new: what it changes, its maker wrote
                people.append(self.person(policy, commit.author_name, commit.author_email))
                people.append(self.person(policy, commit.committer_name, commit.committer_email))
        else:
            people.append(self.person(policy, commit.author_name, commit.author_email))
        people += [self.ident(policy, v) for k, v in trailer_pairs if k == "co-authored-by"]
        return _unique(people)

    def evidence(
        self,
        kind: str,
        policy: _Policy,
        trailer_pairs: list[tuple[str, str]],
        merger: Person,
        signature: Signature | None = None,
    ) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
        approvers = [self.ident(policy, v) for k, v in trailer_pairs if k in policy.approve_keys]
        reviewers = [self.ident(policy, v) for k, v in trailer_pairs if k in policy.review_keys]
        if policy.config.approval.merger_is_approver and kind == "merge":
            approvers.append(merger)
        if (
            policy.config.approval.require_signed
            and signature is not None
            and signature.status == "good"
            and signature.verified_for not in (None, signatures.FORGE)
        ):
            # a person's signature vouches for that person alone: other names in the
            # trailers are text the signer typed
            approvers = [a for a in approvers if a.person_id == signature.verified_for]
        return _unique(approvers), _unique(reviewers)


def _removes(change: FileChange) -> bool:
    """Whether ``change`` takes a document away from its path (``_Deriver.apply``'s test)."""
    return (
        change.status == "D"
        or change.new_path is None
        or not change.regular
        or not DOC_PATH.match(change.new_path)
    )


def _read_on_the_line(path: str) -> bool:
    """Whether the walk reads the versions of ``path`` the first-parent line changes: every
    file's (documents, records and rules for what they say; every other file for the loose
    index, whose text stays its writer's)."""
    return bool(path)


def _site_in_force(blobs: Mapping[str, str | None]) -> str | None:
    """The blob of the site's configuration in force: mkdocs.yml's, else mkdocs.yaml's."""
    return next((blobs[n] for n in SITE_CONFIGS if blobs.get(n) is not None), None)


def _is_ack(*paths: str | None) -> bool:
    return any(p is not None and ACK_PATH.match(p) for p in paths)


# how far apart honest clocks may be: a commit's date further ahead than this is a wrong clock
CLOCK_SKEW = datetime.timedelta(hours=1)
# how long a history with signatures is reused before it is judged again (a key that
# expires makes git say so of every signature it made)
SIGNED_HOLDS = datetime.timedelta(days=1)


def _instant(date: str) -> datetime.datetime:
    """A git ISO 8601 date (any UTC offset) as a moment, to compare across time zones."""
    try:
        return datetime.datetime.fromisoformat(date)
    except ValueError:  # gitread gives ISO dates or UNREADABLE_DATE (on_line takes that first);
        # a cache of another shape compares as oldest
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)


def _writer(person: Person) -> str:
    """A writer as acks.py compares them: the person's id, or their email when doccontrol.yml
    does not know them (never equal to any id)."""
    return person.person_id or f"<{person.email}>"


def _arrives(change: FileChange) -> bool:
    """A path the diff adds (or renames or copies onto). A tree that lists a path twice shows
    in its diff as at least one such change, whatever else: the parent's one entry is matched
    with one of the two, and the other arrives."""
    return change.status[:1] in ("A", "R", "C")


def _read_back(commit: Commit, change: FileChange, notes: Mapping[str, Note]) -> bool:
    """Whether the version the commit holds at the document's path, as Git reads a path, is
    asked: for a path the diff adds, and for every document a merge or a squash (a commit that
    may name a merge request, or one the forge's notes name) changes. A tree out of Git's
    order (git fsck: treeNotSorted) shows in the diff as modifications, while a lookup by path
    stops early and finds nothing (history, the register and the site then disagree with what
    the approval's diff showed). A direct commit is no approval: its versions are never in
    force."""
    return (
        _arrives(change)
        or len(commit.parents) > 1
        or commit.sha in notes
        or messages.may_name_request(commit.message)
    )


def _at(commit: str, path: str) -> str:
    """``commit:path`` for cat-file, or a name that is surely missing when the path cannot
    travel on cat-file's line protocol (a newline in it)."""
    return f"{commit}:{path}" if "\n" not in path else "0" * 40


def _renumbered_later(
    commit: Commit, old_id: str, cause: FileChange, snapshots: dict[str, _Snapshot]
) -> list[HistoryProblem]:
    """DC520 on an approved withdrawal of ``old_id`` by a renumbering in place whose new
    version takes effect after the merge: the old number left at once, the new one waits, and
    nothing was in force in between (``approve`` refuses it; a forge's merge does not)."""
    if cause.status == "R" or not cause.new_blob or cause.new_blob not in snapshots:
        return []  # a renumbering that moves the file too: a gap the organisation may choose
    meta = snapshots[cause.new_blob].meta
    starts = meta_day(meta, "effective_date")
    if meta_text(meta, "status") != "effective" or starts <= commit.committer_date[:10]:
        return []
    key = "problem.DC520.renumber-later"
    new_id = meta_text(meta, "id")
    return [HistoryProblem.of(key, commit.sha, old_id, old=old_id, new=new_id, effective=starts)]


def _type_defaults(config: Config, meta: dict[str, Any] | None) -> dict[str, Any] | None:
    doc_type = config.document_types.get(meta_text(meta, "type"))
    if doc_type is None:
        return meta
    return {key: list(doc_type.defaults.get(key, ())) for key in ("approver", "reviewer")}


def _forge_person(known: ConfigPerson) -> Person:
    """A person whose forge login doccontrol.yml maps: as the config names them (their first
    email identifies them in the history's records)."""
    return Person(known.name, known.emails[0] if known.emails else "", known.id, known.roles)


@dataclass(frozen=True)
class _ForgeEvidence:
    """What a commit's forge note adds to its trailers, judged once per commit."""

    approvals: tuple[Person, ...] = ()
    objections: tuple[Person, ...] = ()
    problems: tuple[HistoryProblem, ...] = ()
    judged_authors: tuple[Person, ...] = ()
    strength: Evidence | None = None
    authors: tuple[Person, ...] = ()  # the change's own, without the note's word
    verified: bool = False
    pr_author: Person | None = None  # the pull request's author, as the note names them
    pr: str = ""

    @classmethod
    def of(
        cls,
        verdict: forge_notes.Verdict | None,
        authors: tuple[Person, ...],
        branch: tuple[Person, ...] = (),
    ) -> _ForgeEvidence:
        """``branch``: the authors of the pull request's own commits the note's head names
        (a squash merge), as the note says they are."""
        if verdict is None:
            return cls(judged_authors=authors, authors=authors)
        # whoever opened the pull request wrote the change too: their approval is self-approval,
        # and so is that of whoever wrote one of its commits a squash merge folded away
        named = [verdict.author] if verdict.author else []
        judged = _unique([*authors, *named, *branch]) if named or branch else authors
        return cls(
            verdict.approvals,
            verdict.objections,
            verdict.problems,
            judged,
            "forge-api-signed" if verdict.verified else "forge-api",
            authors,
            verdict.verified,
            verdict.author,
            f"#{verdict.note.number}" if verdict.note is not None else "",
        )

    def binds(self, on_note: bool) -> bool:
        """Whether the note's change requests and its pull request's author bind an approval:
        a note signed by a trusted forge key always does; one nobody vouches for (anyone who
        can push may write refs/notes/doccontrol) only an approval that rests on that note,
        never one resting on the commit's own evidence (its signature, its trailers)."""
        return self.verified or on_note

    def authors_for(self, on_note: bool) -> tuple[Person, ...]:
        return self.judged_authors if self.binds(on_note) else self.authors

    def objecting(self, on_note: bool) -> tuple[Person, ...]:
        return self.objections if self.binds(on_note) else ()

    def unbound(
        self, commit: Commit, on_note: bool, named: tuple[Person, ...]
    ) -> list[HistoryProblem]:
        """A warning where an unvouched note names one of the approval's own people as the
        pull request's author: said, not applied (its change requests are said as DC533)."""
        author = self.pr_author
        if self.binds(on_note) or author is None or not author.person_id:
            return []
        if author.person_id not in {p.person_id for p in named}:
            return []
        return [
            HistoryProblem.of(
                "problem.DC536.author",
                commit.sha,
                "",
                author.email,
                sha=commit.sha[:10],
                pr=self.pr,
                person=author.name,
            )
        ]

    def split(
        self,
        approvers: tuple[Person, ...],
        reviewers: tuple[Person, ...],
        approver_roles: Iterable[str],
    ) -> tuple[tuple[Person, ...], tuple[Person, ...], bool]:
        """Approvers and reviewers for one document: an approving review by someone who holds
        one of its approver roles is an approval, any other a review (exactly as if they
        were named in the trailers); and whether the approval rests on the note (no approver
        holding the role is named in the commit itself)."""
        if not self.approvals:
            return approvers, reviewers, False
        needed = set(approver_roles)
        by_note = [p for p in self.approvals if needed.intersection(p.roles)]
        as_review = [p for p in self.approvals if p not in by_note]
        in_commit = any(a.person_id and needed.intersection(a.roles) for a in approvers)
        return (
            _unique([*approvers, *by_note]),
            _unique([*reviewers, *as_review]),
            bool(by_note) and not in_commit,
        )


def _vouched_by_forge(
    commit: Commit,
    config: Config,
    people: tuple[Person, ...],
    verdict: forge_notes.Verdict,
    signature: Signature,
    reviewers: bool = False,
) -> tuple[tuple[Person, ...], list[HistoryProblem]]:
    """With require_signed, a signed note stands in for the forge's signature on the commit:
    it vouches for what the forge recorded (the approving reviews, who merged), never for
    text the merger typed into the message. An approver (``reviewers``: a reviewer, round 99)
    named only in a trailer counts with their own signature on the commit, else not at all
    (DC509.typed)."""
    typed = set(_typed(config, people, verdict, signature, merger=not reviewers))
    key = "problem.DC509.typed-reviewer" if reviewers else "problem.DC509.typed"
    pr = f"#{verdict.note.number}" if verdict.note is not None else ""
    problems = [
        HistoryProblem.of(
            key, commit.sha, "", person.email, sha=commit.sha[:10], person=person.name, pr=pr
        )
        for person in people
        if id(person) in typed
    ]
    return tuple(p for p in people if id(p) not in typed), problems


def _typed(
    config: Config,
    people: Iterable[Person],
    verdict: forge_notes.Verdict | None,
    signature: Signature,
    merger: bool = True,
) -> list[int]:
    """The ids (``id``) of the known ``people`` a commit's trailers name that its forge note
    does not vouch for: no approving review of theirs in the note, no signature of theirs
    on the commit, and (``merger``, for approvers, with ``merger_is_approver``) not the one
    the note says merged. An unknown name is DC512 already."""
    if verdict is None or verdict.note is None:
        return []
    vouched = {p.person_id for p in verdict.approvals if p.person_id}
    if signature.status == "good" and signature.verified_for:
        vouched.add(signature.verified_for)
    merged_by = verdict.merged_by.person_id if verdict.merged_by is not None else None
    if merger and config.approval.merger_is_approver and merged_by:
        vouched.add(merged_by)
    return [id(p) for p in people if p.person_id and p.person_id not in vouched]


def _has_keys(config: Config) -> bool:
    """Whether anyone in ``config`` has a key to sign with: only then is a signature of a
    commit a merge brings in worth git's verifying."""
    return any(person.signing_keys for person in config.people)


def _encode_loose(found: Mapping[str, loose.Source]) -> dict[str, Any]:
    """The loose index for the cache: each source once, each line by its source's place."""
    sources: dict[loose.Source, int] = {}
    lines = {line: sources.setdefault(source, len(sources)) for line, source in found.items()}
    return {"sources": [list(source) for source in sources], "lines": lines}


def _decode_loose(data: Any) -> dict[str, loose.Source]:
    sources = [(str(sha), str(path), str(parent)) for sha, path, parent in data["sources"]]
    return {str(line): sources[int(at)] for line, at in data["lines"].items()}


def _unique(people: list[Person]) -> tuple[Person, ...]:
    if len(people) < 2:
        return tuple(people)
    # people are interned per config, so most repeats are the very same object
    distinct = list({id(person): person for person in people}.values())
    if len(distinct) < 2:
        return tuple(distinct)
    out: list[Person] = []
    kept = identities.People()
    for person in distinct:
        if not kept.holds(person):
            out.append(person)
            kept.add(person)
    return tuple(out)


def _named(entry: dict[str, Any], key: str) -> tuple[Person, ...]:
    return (Person(str(entry[key]), ""),) if entry.get(key) else ()


def _legacy_revisions(meta: dict[str, Any] | None, path: str, recorded: str) -> list[Revision]:
    """The approvals recorded on paper before Git, as the document's last approved front matter
    (``meta``, approved on ``recorded``) lists them: an entry counts as an approval only when it
    names an approver and is dated no later than the approval that recorded it."""
    out = []
    for entry in (meta or {}).get("legacy_history") or []:
        if not isinstance(entry, dict):
            continue
        approvers = _named(entry, "approver")
        day = str(entry.get("approval_date") or entry.get("date") or "")[:10]
        out.append(
            Revision(
                seq=0,
                kind="legacy",
                version=str(entry.get("version", "")),
                commit="",
                date=str(entry.get("approval_date") or entry.get("date") or ""),
                change=str(entry.get("change", "")),
                sections=(str(entry.get("sections") or sections.WHOLE),),
                authors=_named(entry, "author"),
                author_date=str(entry.get("date", "")),
                reviewers=_named(entry, "reviewer"),
                approvers=approvers,
                merge_request=None,
                signature=Signature("none"),
                approved=bool(approvers) and not (recorded and day > recorded[:10]),
                path=path,
                problems=(),
                evidence="legacy",
                effective_date=meta_day(entry, "effective_date"),
            )
        )
    return out


def derive(
    repo_path: Path,
    config: Config,
    *,
    allow_shallow: bool = False,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> History:
    """Read the main branch's history once and derive everything from it.

    With ``use_cache`` the result is kept in the Git directory (``git rev-parse --git-path
    doccontrol``), out of reach of commits, and reused, or extended with only the new
    commits, on the next run.
    """
    now = datetime.datetime.now(datetime.UTC)  # when this run began (_Deriver.on_line)
    with _no_cycle_collection():
        if use_cache:
            found = _cached(repo_path, config, allow_shallow, now)
            if found is not None:
                return found
        return _derive(repo_path, config, allow_shallow, progress, use_cache, now)


def is_cached(repo_path: Path, config: Config, *, allow_shallow: bool = False) -> bool:
    """Whether ``derive`` would read the history from the cache as it stands (one ``git
    rev-parse`` and a small header read)."""
    with _no_cycle_collection():
        now = datetime.datetime.now(datetime.UTC)
        return _cached(repo_path, config, allow_shallow, now) is not None


def _cached(
    repo_path: Path, config: Config, allow_shallow: bool, now: datetime.datetime
) -> History | None:
    """The cached history when nothing changed since it was derived: one ``git rev-parse``
    and a small header read, the documents decoded only when asked for."""
    found = probe(repo_path, config.main_branch, CONFIG_FILE)
    if found is None or (found.shallow and not allow_shallow):
        return None  # the full path reports what is wrong
    if found.head != found.tip:
        # another commit is checked out: whether its line names this branch where it meets
        # it (_same_branch_where_lines_meet) is the full path's to judge. At the tip itself
        # the key holds it: a cache is written under the tip's config blob and the branch's
        # ref only after the full path found that config naming that branch
        return None
    notes = gitread.exact_commit(repo_path, NOTES_REF)
    key = cache.cache_key(found.config_blob, f"{found.ref}:{found.shallow}:{notes or ''}")
    keyring = signatures.keyring_state(git_dir=str(found.cache.parent))
    cached = cache.open_history(found.cache, key, found.tip, now, keyring)
    if cached is None:
        return None
    remotes = gitread.remote_urls(repo_path) if notes is None else []
    forge_notices, hints = _forge_setup(remotes, config, notes)
    return replace(
        cached,
        notices=cached.notices + forge_notices,
        hints=hints,
        derived_from=f"{found.tip}:{key}",
    )


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Derivation builds some 100,000 small objects, none of them in a cycle; the cycle
    collector would scan the growing heap again and again for nothing (a tenth of the time).
    Reference counting still frees everything; the collector is back on afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # what was built is long-lived: file it with the oldest generation (freeze, then
        # unfreeze, moves it there) rather than have the first young collection scan it all
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def _derive(
    repo_path: Path,
    config: Config,
    allow_shallow: bool,
    progress: Progress | None,
    use_cache: bool,
    now: datetime.datetime,
) -> History:
    # every signature read as history reads it: whose key it is is judged per commit, by the
    # keys in the config that stood before it (signatures.interpret)
    with signature_reader(repo_path) as reader:
        shallow = reader.is_shallow()
        if shallow and not allow_shallow:
            raise GitError("git.shallow")
        ref, tip = reader.resolve_branch(config.main_branch)
        # the rules come from Git, never from the work tree: the tip's committed config
        # says where control began; each commit is judged by the config before it
        tip_config_bytes = reader.read_file_at(tip, CONFIG_FILE) or b""
        tip_config = cached_config(reader.root, tip_config_bytes) if tip_config_bytes else None
        if tip_config is None:
            # the committed config cannot be read (or is a link): where control began is
            # not known, so none of the history is taken as pre-control baseline
            deriver_since_unknown = bool(tip_config_bytes)
            tip_config = replace(config, control_since=None)
        else:
            deriver_since_unknown = False
            if tip_config.main_branch != config.main_branch:
                # the work tree's main_branch is not what that branch says of itself: a
                # direct commit could point history at a branch of forged merges
                raise GitError(
                    "git.branch-disowned",
                    branch=config.main_branch,
                    named=tip_config.main_branch,
                    config=CONFIG_FILE,
                )
        _same_branch_where_lines_meet(reader, tip, config.main_branch)
        config_blob = reader.resolve_object(f"{tip}:{CONFIG_FILE}") or ""
        # the forge's review records are part of the evidence: new or changed notes (a
        # back-fill reaches old merges) derive afresh
        notes_tip = reader.notes_tip()
        key = cache.cache_key(config_blob, f"{ref}:{shallow}:{notes_tip or ''}")
        forge_notices, hints = _forge_setup(reader.remote_urls(), tip_config, notes_tip)
        folder = reader.git_path(cache.CACHE_NAME)
        keyring = signatures.keyring_state(git_dir=str(folder.parent))
        previous = cache.open_history(folder) if use_cache else None
        state = None
        if previous is not None:
            if (
                previous.head == tip
                and cache.open_history(folder, key, tip, now, keyring) is not None
            ):
                return replace(
                    previous,
                    notices=previous.notices + forge_notices,
                    hints=hints,
                    derived_from=f"{tip}:{key}",
                )
            state = cache.read_state(folder, key, previous.head, now, keyring)
        deriver = _Deriver(reader, tip_config, now)
        deriver.reader_branch = config.main_branch
        since = None
        commits: Iterable[Commit]
        if state is not None:
            since = state["head"]
            commits = _continuing(reader.first_parent_commits(tip, since), since)
            try:
                first = next(iter(commits), None)
            except GitError:
                first = None
            if first is None or not _restored(deriver, state["state"]):
                since = None
                deriver = _Deriver(reader, tip_config, now)
                deriver.reader_branch = config.main_branch
            else:
                commits = itertools.chain([first], commits)
        if since is None:
            commits = reader.first_parent_commits(tip)
        deriver.since_unknown = deriver_since_unknown
        deriver.shallow = shallow
        walked_first = _since_text(tip_config.control_since)
        if since is None:
            deriver.since_walked = walked_first
        # (a run extending the cache goes on from the control_since its walk took)
        walked = deriver.since_walked
        notes = deriver.notes = reader.notes(notes_tip) if notes_tip else {}
        precontrol = _precontrol_test(reader, walked, deriver, tip)
        reader.prefetch(tip, since, _read_on_the_line)  # a partial clone's, in one go
        # who signed each commit a merge brings in, read with the graph where anyone has a
        # key to sign with (never a git process per merge: writers_of)
        with_signatures = _has_keys(tip_config) or _has_keys(config)
        graph = reader.ancestors(tip, since, with_signatures)
        deriver.run(commits, graph, precontrol, progress)

        def walk_from(
            forge_keys: tuple[str, ...], value: str | None, place: int | None
        ) -> _Deriver:
            """A whole walk again, control beginning where ``value`` says: at ``place``
            on the line, when a walk before has placed it there (None: as a first walk
            places it); a note's key trusted at the tip only if in ``forge_keys``."""
            again = _Deriver(reader, tip_config, now)
            again.forge_keys = forge_keys
            again.reader_branch = config.main_branch
            again.since_unknown = deriver_since_unknown
            again.shallow = shallow
            again.notes = notes
            again.since_walked = value
            test = _precontrol_test(reader, value, again, tip, place)
            graph = reader.ancestors(tip, signed=with_signatures)
            again.run(reader.first_parent_commits(tip), graph, test, progress)
            return again

        deriver = _forge_keys_settled(
            deriver, walk_from, reader, tip, walked_first, guessed=since is None
        )
        notices = _notices(reader, deriver, ref, tip, previous, since is not None)
    history = _history(deriver, ref, tip, shallow, notices)
    if use_cache:
        signed = deriver.signed
        if signed:
            # a key also expires with time alone: a history with signatures is judged again
            # at least once a day, as well as whenever the keyring changes
            deriver.valid_until = min(deriver.valid_until or now + SIGNED_HOLDS, now + SIGNED_HOLDS)
        cache.write(
            folder,
            key,
            history,
            deriver.export(),
            deriver.valid_until,
            keyring if signed else "",
        )
    # said afresh on every run, never cached: they depend on the remotes, not on the history
    return replace(
        history,
        notices=history.notices + forge_notices,
        hints=hints,
        derived_from=f"{tip}:{key}",
    )


_GITHUB = re.compile(r"(?:^|[@/.])github\.com(?:[:/]|$)", re.IGNORECASE)


def _same_branch_where_lines_meet(reader: GitReader, tip: str, branch: str) -> None:
    """The checked-out line names ``branch`` where it meets the branch's history: at the
    newest commit of HEAD's first-parent line that ``tip`` holds, the committed doccontrol.yml
    names ``branch`` as main_branch. Else the name came from a commit the branch never held
    (a direct commit pointing main_branch at a branch of typed merges, an orphan with rules of
    its own), and that branch's history proves nothing: refused. Parsed, not matched as text
    (YAML can spell the key many ways; a -diff attribute hides a file from git's -G)."""
    head = reader.head_commit()
    if head is None:  # no commit checked out (an empty repository): nothing to compare
        return
    meets = reader.line_meets(tip, head)
    if meets is None:
        raise GitError("git.branch-unrelated", branch=branch, config=CONFIG_FILE)
    if meets == tip:
        return  # the tip's own doccontrol.yml, which names the branch (checked before this)
    data = reader.read_file_at(meets, CONFIG_FILE)
    found = cached_config(reader.root, data) if data else None
    named = found.main_branch if found is not None else "—"  # unreadable there: not named
    if named != branch:
        raise GitError(
            "git.branch-switched",
            branch=branch,
            commit=meets[:10],
            named=named,
            config=CONFIG_FILE,
        )


def _forge_setup(
    remotes: list[str], config: Config, notes_tip: str | None
) -> tuple[tuple[HistoryProblem, ...], tuple[Msg, ...]]:
    """A GitHub repository (by its remotes or publish.repo_url) without review notes: a
    problem when doccontrol.yml maps GitHub logins (their approvals cannot be read), else a
    hint; never silence that makes every document look unreviewed."""
    if notes_tip is not None:
        return (), ()
    where = next(
        (u for u in (*remotes, config.publish.repo_url or "") if _GITHUB.search(u)),
        None,
    )
    if where is None:
        return (), ()
    fetch = f"git fetch origin {NOTES_REF}:{NOTES_REF}"
    if config.uses_forge("github"):
        problem = HistoryProblem.of(
            "problem.DC535",
            "",
            CONFIG_FILE,
            where=where,
            config=CONFIG_FILE,
            ref=NOTES_REF,
            fetch=fetch,
        )
        return (problem,), ()
    return (), (msg("label.hint.github-notes", where=where, ref=NOTES_REF, fetch=fetch),)


def _restored(deriver: _Deriver, state: dict[str, Any]) -> bool:
    """Extend from a cached state, unless it is not the shape this version writes (then the
    history is derived afresh: a cache only ever saves time)."""
    try:
        deriver.restore(state)
    except (KeyError, TypeError, IndexError, ValueError, AttributeError):
        return False
    return True


def _notices(
    reader: GitReader,
    deriver: _Deriver,
    ref: str,
    tip: str,
    previous: History | None,
    continued: bool,
) -> tuple[HistoryProblem, ...]:
    """Problems of the history as a whole, found after the walk (``continued``: it went on
    from the cached history's head, which is then on the line)."""
    out: list[HistoryProblem] = list(deriver.line_problems)
    moved = _last_move(deriver.since_changes)
    if moved is not None:
        sha, value = moved
        out.append(
            HistoryProblem.of(
                "problem.DC517.not-approved",
                sha,
                CONFIG_FILE,
                value=value,
                sha=sha[:10],
                config=CONFIG_FILE,
            )
        )
    for sha, in_force, asked, key in deriver.since_refused:
        out.append(
            HistoryProblem.of(
                key,
                sha,
                CONFIG_FILE,
                sha=sha[:10],
                before=str(in_force),
                after=str(asked),
                config=CONFIG_FILE,
            )
        )
    if deriver.since_unknown:
        out.append(
            HistoryProblem.of(
                "problem.DC517.unreadable", tip, CONFIG_FILE, config=CONFIG_FILE, ref=ref
            )
        )
    if deriver.no_rules_since is not None:
        out.append(
            HistoryProblem.of(
                "problem.DC517.no-rules",
                tip,
                CONFIG_FILE,
                blob=deriver.no_rules_since[:10],
                config=CONFIG_FILE,
            )
        )
    if deriver.since_no_point is not None:
        out.append(
            HistoryProblem.of(
                "problem.DC517.no-point", tip, CONFIG_FILE, value=deriver.since_no_point, ref=ref
            )
        )
    if deriver.since_off_line is not None:
        out.append(
            HistoryProblem.of(
                "problem.DC517.off-line",
                deriver.since_off_line,
                CONFIG_FILE,
                sha=deriver.since_off_line[:10],
                ref=ref,
            )
        )
    if reader.exists_at(tip, TRACKED_CACHE):
        out.append(
            HistoryProblem.of(
                "problem.DC519", tip, path=TRACKED_CACHE, fix=f"git rm -r --cached {TRACKED_CACHE}"
            )
        )
    if previous is not None and previous.branch == ref:
        # a rewrite found once stays reported, whatever cache is written afterwards
        out += [p for p in previous.notices if p.code == "DC518"]
        # the head read before is no longer on the first-parent line: a rewrite, or a merge
        # that put main's own history on its side (a foxtrot merge) so the line goes round it
        if previous.head != tip and not continued and previous.head not in deriver.line_seen:
            now = {e.commit for e in deriver.events}
            try:
                before = list(previous.events)
            except GitError:  # a damaged cache remembers nothing
                before = []
            vanished = [e.commit for e in before if e.approved and e.commit not in now]
            if vanished:
                out.append(
                    HistoryProblem.of(
                        "problem.DC518.rewritten-more"
                        if len(vanished) > 10
                        else "problem.DC518.rewritten",
                        previous.head,
                        ref=ref,
                        commits=tuple(sha[:10] for sha in vanished[:10]),
                        more=max(len(vanished) - 10, 0),
                        head=previous.head[:10],
                    )
                )
    return tuple(dict.fromkeys(out))


def _continuing(commits: Iterator[Commit], since: str) -> Iterator[Commit]:
    """The new commits, provided they continue the first-parent line from ``since``."""
    first = next(commits, None)
    if first is None or not first.parents or first.parents[0] != since:
        return
    yield first
    yield from commits


def _sides(commit: Commit) -> dict[str, tuple[str | None, str | None]]:
    """Each path ``commit`` changes: its blob before (on the first parent) and after; None
    where it is absent (or no regular file). Built once per commit (a commit may change
    thousands of images)."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for c in commit.changes:
        if c.old_path:
            found[c.old_path] = (c.old_blob, found.get(c.old_path, (None, None))[1])
        if c.new_path:
            after = c.new_blob if c.regular else None
            found[c.new_path] = (found.get(c.new_path, (None, None))[0], after)
    return found


def _precontrol_versions(state: _DocState) -> list[tuple[tuple[str, str], str]]:
    """Every version of ``state.baseline_files`` when there are two or more, in the order
    main held them (two files claimed the id before control began, those that left before it
    began too, or one file changed: no later version, departed twin or lowered level hides
    an earlier one, rounds 114–116); none for one version (the baseline revision is it)."""
    found = list(state.baseline_files.items())
    return found if len(found) > 1 else []


def _history(
    deriver: _Deriver,
    ref: str,
    tip: str,
    shallow: bool,
    notices: tuple[HistoryProblem, ...] = (),
) -> History:
    documents = {}
    for doc_id, state in deriver.docs.items():
        # paper approvals as the approved front matter records them, never as the tip's does
        # (a direct commit cannot add one), dated no later than that approval
        recorded = next(
            (r.date for r in reversed(state.revisions) if r.approved and r.kind != "withdrawal"),
            state.baseline.date if state.baseline else "",
        )
        legacy = _legacy_revisions(state.approved_meta, state.path, recorded)
        numbered = tuple(
            [_renumber(r, i) for i, r in enumerate(legacy + state.revisions, 1)]
            if legacy
            else state.revisions  # already numbered from 1
        )
        documents[doc_id] = DocumentHistory(
            doc_id,
            state.path,
            meta_text(state.meta, "title"),
            numbered,
            state.withdrawn,
            state.baseline,
            tuple(state.levels),
            tuple(state.titles),
            tuple((commit, path, level) for (commit, path), level in _precontrol_versions(state)),
        )
    # the doccontrol.yml the next commit would be judged by (as policy_at picks it)
    in_force = deriver.config_blob
    if in_force is not None and deriver.load(in_force) is None:
        in_force = deriver.readable_blob
    return History(
        branch=ref,
        head=tip,
        documents=documents,
        events=tuple(deriver.events),
        incomplete=shallow,
        notices=notices,
        acknowledgements=tuple(deriver.acks),
        distributions=tuple(deriver.dists),
        config_in_force=in_force,
        mailmap_in_force=deriver.mailmap_blob,
        rules_unreadable=in_force is None and deriver.config_blob is not None,
        mkdocs_in_force=_site_in_force(deriver.site_blobs),
        in_force_files=dict(deriver.in_force_files),
        site_named=deriver.site_now,
        signing_forced=deriver.signing_forced,
    )


def _refused(commit: Commit, key: str, path: str) -> HistoryProblem:
    """Why the change ``commit`` makes to the controlled file ``path`` does not take effect."""
    return HistoryProblem.of(key, commit.sha, path, sha=commit.sha[:10], path=path)


def _approving_nobody(config: Config) -> Config:
    """Rules under which no change is approved: nobody holds a role, no forge is trusted,
    reviews are required and nobody approves their own change (the tip's configuration with
    every loosening taken out, for a history whose own configuration cannot be read)."""
    strict = replace(
        config.approval,
        require_review=True,
        merger_is_approver=False,
        allow_self_approval=False,
        trusted_forge_keys=(),
        retired_forge_keys=(),
        trust_unsigned_squash=False,
    )
    return replace(config, people=(), approval=strict, timezone=None)


def _renumber(revision: Revision, seq: int) -> Revision:
    return replace(revision, seq=seq)


@dataclass(frozen=True)
class _SinceInForce:
    point: str | None  # where control began, as the approved changes may set it
    place: int  # …its place on the line, as placed when it was set
    # (commit, value in force, value asked for, the catalogue key that says why not)
    refused: list[tuple[str, str | None, str | None, str]]
    settled: bool  # False: this walk could not tell; walk again from ``point``
    adopted: bool = False  # a start of control has been in force (the adoption is spent)


@dataclass(frozen=True)
class _Checkpoint:
    """Where _since_in_force stood after the first ``count`` changes of a settled walk."""

    point: str | None
    place: int
    adopted: bool
    refused: tuple[tuple[str, str | None, str | None, str], ...]
    count: int

    def export(self) -> list[Any]:
        refused = [list(r) for r in self.refused]
        return [self.point, self.place, self.adopted, refused, self.count]

    @classmethod
    def restore(cls, data: list[Any]) -> _Checkpoint:
        point, place, adopted, refused, count = data
        rows = tuple((str(a), _since_text(b), _since_text(c), str(d)) for a, b, c, d in refused)
        return cls(_since_text(point), int(place), bool(adopted), rows, int(count))


def _last_move(changes: list[tuple[str, int, str | None, bool, bool]]) -> tuple[str, str] | None:
    """The last change that gave control_since a new value, when nobody approved it and it
    was made under control (declaring where control began is itself a controlled act; a
    change before control began is the set-up): its commit and value (DC517.not-approved)."""
    last = None
    for before, after in itertools.pairwise(changes):
        if after[2] != before[2]:
            last = after
    if last is None or last[4] or not last[3]:
        return None
    return last[0], str(last[2])


def _since_text(value: object) -> str | None:
    return None if value is None else str(value)


# control_since names a commit by its id (7 to 40 hex digits), never by a ref's name
_HEX_ID = re.compile(r"^[0-9a-fA-F]{7,40}$")
# the place of a day the line has not reached: no commit is under control yet, and the day is
# placed when the line reaches it (a fixed place would put later commits under control early)
_NOT_REACHED = sys.maxsize


def _named_commits(reader: GitReader, value: str) -> list[str]:
    return reader.commits_by_id(value.lower()) if _HEX_ID.match(value) else []


def _earliest_on_line(named: list[str], places: dict[str, int]) -> str | None:
    """Of the commits an id names, the one earliest on the line: a commit pushed later with
    the same abbreviated id (28 bits take seconds to find) never stands in for the first."""
    on_line = [sha for sha in named if sha in places]
    return min(on_line, key=places.__getitem__) if on_line else None


def _commit_place(named: list[str], places: dict[str, int], before: int | None) -> int:
    """The place of the commit an id names (its place on the line + 1), of those ``named``,
    earliest on the line and, for a value set by the change at ``before``, before it; 0
    when none is."""
    if before is not None:
        places = {sha: places[sha] for sha in named if places.get(sha, before) < before}
    sha = _earliest_on_line(named, places)
    return 0 if sha is None else places[sha] + 1


class _Line:
    """Places on the first-parent line, counted as the walk counts them: a control_since
    value's place is the first commit it leaves under control (0: every one). A day is
    placed by the days the walk gave the line's commits (in the organisation's time zone,
    never going back), a commit id by where that commit is; a value that names neither, or
    a commit off the line, leaves every commit under control (and is reported)."""

    def __init__(self, reader: GitReader, tip: str, deriver: _Deriver) -> None:
        self.reader, self.tip = reader, tip
        self.days, self.count = deriver.line_days, deriver.line_count
        self.places: dict[str, int] | None = None  # read from Git when a commit is named

    def place(self, value: str | None, before: int | None = None) -> int:
        """The value's place; for a commit id set by the change at ``before``, only a commit
        before that change counts (one pushed afterwards with the same id cannot become the
        start of control: 28 bits of an abbreviated id take seconds to forge)."""
        if value is None:
            return 0
        if _DATE.match(value):
            return next((at for day, at in self.days if day >= value), _NOT_REACHED)
        named = _named_commits(self.reader, value)
        if not named:
            return 0
        if self.places is None:
            line = self.reader.first_parent_line(self.tip)
            self.places = {commit: at for at, commit in enumerate(line)}
        return _commit_place(named, self.places, before)


def _since_in_force(
    changes: list[tuple[str, int, str | None, bool, bool]],
    line: _Line,
    start: _Checkpoint | None = None,
) -> _SinceInForce:
    """control_since as the approved changes may set it (or, when this walk cannot tell,
    where to walk again from), and those that tried to move it later. Once a commit is under
    control it stays so: judged by the value in force before it, a change may move the start
    of control earlier or remove it (more history is judged), and may set it where it judged
    every commit, once (the adoption, doccontrol baseline), to a place before its own;
    anything else would take controlled commits, and their problems, out of control, and is
    refused. The first doccontrol.yml is in force whoever wrote it; after it, only approved
    changes count (one nobody approved is reported as DC517.not-approved). ``start``: go on
    from a checkpoint of the cached walk."""
    if start is not None:
        point, here, adopted = start.point, start.place, start.adopted
        if here == _NOT_REACHED:
            here = line.place(point)  # the day may have been reached since
        refused = list(start.refused)
        rest = changes[start.count :]
    elif changes:
        point, adopted, refused = changes[0][2], changes[0][2] is not None, []
        here = line.place(point, before=changes[0][1])
        rest = changes[1:]
    else:
        return _SinceInForce(None, 0, [], True)
    for sha, at, value, judged, approved in rest:
        if value == point:
            continue
        there = line.place(value, before=at)
        if at < here:  # before control began: the set-up, free (no commit was controlled)
            point, here, adopted = value, there, value is not None
            continue
        if not judged:
            # under control by the value then in force, but this walk took it as pre-control
            # (it began later): whether it was approved is known once walked from ``here``
            return _SinceInForce(point, here, refused, False, adopted)
        if not approved:
            continue  # reported as DC516 and DC517.not-approved; it does not take effect
        if there <= here:
            point, here = value, there
        elif here == 0 and not adopted and there <= at:
            point, here, adopted = value, there, True
        else:
            key = "moved-later" if here else "set-again" if adopted else "not-before"
            refused.append((sha, point, value, f"problem.DC517.{key}"))
    return _SinceInForce(point, here, refused, True, adopted)


def _key_ids(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(signatures.key_id(key) for key in keys)


def _unrevoked(config: Config) -> tuple[str, ...]:
    """The forge keys ``config`` has not revoked: those it trusts and those it retired."""
    return config.approval.trusted_forge_keys + config.approval.retired_forge_keys


def unrevoked_guess(keys: tuple[str, ...], dropped: set[str]) -> tuple[str, ...]:
    """``keys`` without any some committed doccontrol.yml revoked (``dropped``: their ids), in
    any spelling git's report would match it by (a GPG key by its fingerprint or long id)."""
    return tuple(
        key
        for key in keys
        if not any(signatures.trusted_forge_key((key,), gone, gone) for gone in dropped)
    )


def _forge_keys_settled(
    deriver: _Deriver,
    walk_from: Callable[[tuple[str, ...], str | None, int | None], _Deriver],
    reader: GitReader,
    tip: str,
    since: str | None,
    guessed: bool = True,
) -> _Deriver:
    """The settled walk (_settled) whose notes were judged by the forge keys the
    configuration in force at the tip has not revoked. A walk judges them by the keys it was
    given (the tip's committed file's, or the cached walk's); when its approvals leave another
    configuration in force, it walks again from the start with that one's keys, since which
    notes count may change which changes to doccontrol.yml were approved. A first guess
    (``guessed``: the tip's file, not a cached walk's settled keys) is walked again without any
    key a committed doccontrol.yml revoked; then until the keys settle, four walks at most:
    where they go round instead, only a key every walk left in force vouches for a note."""
    deriver = _settled(deriver, functools.partial(walk_from, deriver.forge_keys), reader, tip)
    # a key some committed doccontrol.yml revoked is never part of a guess: from the tip's file
    # (an author's push may list it again) its forged notes could overturn its own revocation
    # and so make the guess come true. Walked again without it, the keys in force decide.
    grounded = unrevoked_guess(deriver.forge_keys, deriver.forge_dropped)
    if guessed and grounded != deriver.forge_keys:
        step = functools.partial(walk_from, grounded)
        deriver = _settled(step(since, None), step, reader, tip)
    # the keys each walk left in force: a first guess is none of them (one pushed file listing
    # no key must not empty the keys every later walk is given)
    found: list[set[str]] = []
    for _ in range(4):
        keys = deriver.in_force_forge_keys()
        if set(keys) == set(deriver.forge_keys):
            return deriver
        going_round = set(keys) in found or len(found) == 3
        found.append(set(keys))
        if going_round:  # not settling: only a key every walk left in force vouches
            keys = tuple(key for key in keys if all(key in seen for seen in found))
        step = functools.partial(walk_from, keys)
        deriver = _settled(step(since, None), step, reader, tip)
        if going_round:
            break
    return deriver


def _settled(
    deriver: _Deriver,
    walk_from: Callable[[str | None, int | None], _Deriver],
    reader: GitReader,
    tip: str,
) -> _Deriver:
    """The walk whose start of control is where the approved changes to control_since leave
    it (_since_in_force): walked again when it is not. A walk that cannot tell goes again from
    a strictly earlier place (after three, from the first commit, which settles every change);
    the last walk begins control at the settled place, as it was placed."""
    line = _Line(reader, tip, deriver)
    found = _since_in_force(deriver.since_changes, line, deriver.since_checkpoint)
    for _ in range(3):
        if found.settled:
            break
        deriver = walk_from(found.point, found.place)
        line = _Line(reader, tip, deriver)
        found = _since_in_force(deriver.since_changes, line)
    if not found.settled:
        deriver = walk_from(None, 0)
        line = _Line(reader, tip, deriver)
        found = _since_in_force(deriver.since_changes, line)
    began = deriver.line_count if deriver.control_began is None else deriver.control_began
    if found.place != began and not (found.place >= line.count and began >= line.count):
        # control did not begin where the approved changes put it (a change nobody approved,
        # one that moved it later, a name that means another commit now): judged from there
        deriver = walk_from(found.point, found.place)
    deriver.since_refused = found.refused
    deriver.since_checkpoint = _Checkpoint(
        found.point, found.place, found.adopted, tuple(found.refused), len(deriver.since_changes)
    )
    return deriver


def _precontrol_test(
    reader: GitReader, since: str | None, deriver: _Deriver, tip: str, place: int | None = None
) -> Callable[[Commit], bool]:
    """Whether a commit belongs to the pre-control baseline, control beginning where
    ``since`` says, or at ``place`` on the line when a walk before has placed it (so that a
    set-up change this walk applies, a time zone say, cannot move it; 0: every commit is
    judged; a day not reached yet is read as a day). Monotonic along the
    first-parent line: once a commit is under control every later one is, so a commit
    backdated before control_since is still judged."""
    if place == 0:
        if since is not None and not _DATE.match(since):
            deriver.since_no_point = since  # names no commit before the change that set it
        return lambda commit: False
    if place is not None and place != _NOT_REACHED:

        def by_place(commit: Commit) -> bool:
            if deriver.controlled_since:
                return False
            return deriver.line_count - 1 < place  # this commit's place (counted in step)

        return by_place
    if not since:
        return lambda commit: False
    if _DATE.match(since):

        def by_date(commit: Commit) -> bool:
            if deriver.controlled_since:
                return False
            # a commit dated after the run is dated as the line was (on_line), but its own
            # date says it came after control_since, and nothing vouches for an earlier one
            if commit.committer_date[:10] < since and deriver.future is None:
                return True
            deriver.controlled_since = True
            return False

        return by_date
    named = _named_commits(reader, since)
    if not named:
        # neither a day nor a commit's id: no commit is taken as pre-control
        deriver.since_no_point = since
        return lambda commit: False
    line = reader.first_parent_line(tip)
    found = _earliest_on_line(named, {commit: at for at, commit in enumerate(line)})
    if found is None:
        # a commit off the line would never be reached: everything would stay pre-control
        deriver.since_off_line = named[0]
        return lambda commit: False
    baseline = found

    def by_commit(commit: Commit) -> bool:
        # the named commit and everything before it on the first-parent line is the baseline
        was_before = deriver.before_baseline and not deriver.controlled_since
        if commit.sha == baseline:
            deriver.before_baseline = False
            deriver.controlled_since = True
        return was_before

    return by_commit
