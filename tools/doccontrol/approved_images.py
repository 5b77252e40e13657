"""Where an image's approved bytes are, as main stood at an approval: the one answer a printed
copy (``pdf``), a copy's check (``recall-due``) and the site's pages read.

An image under docs/ is a controlled file: a change to it takes effect only by an approval
(history accepts it). A document's approval vouches for its text and for the images that text
shows as they were approved by then: each image's bytes at its last approved change on main up
to that approval. A picture pushed straight to main, which nobody approved, is never printed on
a controlled copy because some document was approved after it (its review's diff never showed
the picture).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from doccontrol import page_links
from doccontrol.history import content
from doccontrol.history.gitread import GitError, GitReader
from doccontrol.history.model import ApprovalEvent, History
from doccontrol.history.rules import controlled_accepted
from doccontrol.publishing import ShownImages, StoredTexts, assets_ahead, is_asset_path
from doccontrol.standing import published

if TYPE_CHECKING:
    from doccontrol.standing import MetaOf, Standing

# (image path, commit) → the commit to read its approved bytes at ("" for none approved)
ImageSource = Callable[[str, str], str]


@dataclass(frozen=True)
class ApprovedImages:
    places: Mapping[str, int]  # each commit of main's history → its place, oldest first
    # each image → its changes on main in order: (place, commit, approved)
    changes: Mapping[str, tuple[tuple[int, str, bool], ...]]
    # where main stood when control began (the first event's first parent; main's tip while
    # control has not begun): the baseline, taken as it stands, so an image it held counts
    # as approved
    began: str = ""
    # main's tip: asked of it, the bytes approved last, whether or not it is an approval
    head: str = ""
    # (commit, image) changes that came with a version that never took effect and that no
    # later text given carried into force: never the bytes in force for anyone (round 86)
    void: frozenset[tuple[str, str]] = frozenset()

    def source(self, path: str, commit: str) -> str:
        """The commit whose bytes of ``path`` are the approved ones as main stood at
        ``commit``: that of its last approved change up to it (``began`` when every change up
        to it went unapproved: the bytes control began with). ``commit`` itself when the
        image never changed under control (read as it stands, as Git holds it), or for none
        (""). A commit that is no approval and not main's tip is one before control began (a
        baseline text's): its pictures are the tree control began with's, never the bytes
        an earlier commit held (round 115)."""
        if not commit:
            return commit
        place = self.places.get(commit)
        if place is None:
            if commit != self.head:
                return self.began or commit
            place = len(self.places)  # main's tip, no approval: main as it stands
        changes = self.changes.get(path)
        if not changes:
            return commit
        found = self.began  # the bytes control began with, until a change is approved
        for at, changed_by, approved in changes:
            if at > place:
                break
            if (changed_by, path) in self.void:
                continue  # it came with a version that never took effect
            if approved:  # a change nobody approved leaves the approved bytes as they were
                found = changed_by
        return found


def older(images: ApprovedImages, one: str, other: str) -> str:
    """Of two places to read an image's bytes at (a commit of main, its first parent ``X^``,
    or "" for none), the one earlier on main: of two answers, the one that publishes nothing
    approved later (a commit not on main counts as the latest)."""

    def place(at: str) -> float:
        if not at:
            return -1.0
        if at.endswith("^"):
            return images.places.get(at[:-1], len(images.places)) - 0.5
        return images.places.get(at, len(images.places))

    return one if place(one) <= place(other) else other


def approved_images(
    history: History,
    standings: Mapping[str, Standing] | None = None,
    shows: ShownImages | None = None,
) -> ApprovedImages:
    """Each image's changes on main, from the history's events (main's first parents under
    control that change a document or a controlled file, oldest first). With
    ``standings`` and ``shows``: the changes that came with a version that never took effect
    (superseded, or another text at a version in force) for a document whose text there shows
    the image, which count for nobody unless the text given after it carried them into force
    with no other approved change of the image in between."""
    found = _approved_images(history.events, history.head)
    if standings is None or shows is None:
        return found
    void: set[tuple[str, str]] = set()
    for stand in standings.values():
        given = published(stand)
        for revision in (*stand.superseded, *stand.off_text_approvals):
            start = found.places.get(revision.commit)
            if start is None:
                continue
            named = shows(revision.stored_at, revision.path)
            # carried into force by the text given after it, if that came with no other change
            until = found.places.get(given.commit) if given and given.seq > revision.seq else None
            for path in named if named is not None else found.changes:
                later = [at for at, _, ok in found.changes.get(path, ()) if ok and at > start]
                if until is None or any(at <= until for at in later):
                    void.add((revision.commit, path))
    return replace(found, void=frozenset(void))


def _approved_images(events: Iterable[ApprovalEvent], head: str) -> ApprovedImages:
    places: dict[str, int] = {}
    changes: dict[str, list[tuple[int, str, bool]]] = {}
    for place, event in enumerate(events):
        places[event.commit] = place
        for path in event.controlled:
            if is_asset_path(path):
                changes.setdefault(path, []).append(
                    (place, event.commit, controlled_accepted(event, path))
                )
    began = f"{first}^" if (first := next(iter(places), "")) else head
    return ApprovedImages(
        places, {path: tuple(found) for path, found in changes.items()}, began, head=head
    )


def picturing(events: Iterable[ApprovalEvent]) -> frozenset[str]:
    """The documents approved with a change of a picture: only their standings can hold a
    picture back (``assets_ahead``) or make a change void (``approved_images``)."""
    return frozenset(
        approved.id
        for event in events
        if any(is_asset_path(p) for p in event.controlled)
        for approved in event.documents
    )


def picture_standings(
    history: History, day: datetime.date, meta_of: MetaOf, among: frozenset[str] | None = None
) -> dict[str, Standing]:
    """Where the documents ``picturing`` names (``among``, when the caller knows them) stood
    on ``day``: all that ``embedded`` needs of the standings, without every document's."""
    from doccontrol.standing import standing

    found = {}
    for doc_id in sorted(picturing(history.events) if among is None else among):
        doc = history.documents.get(doc_id)
        if doc is not None and (stand := standing(doc, day, meta_of)).shown is not None:
            found[doc_id] = stand
    return found


def embedded(
    history: History,
    standings: Mapping[str, Standing],
    day: datetime.date,
    shows: ShownImages,
    texts: StoredTexts,
    given: str = "",
) -> ImageSource:
    """Where the bytes a copy embeds of each image are, as ``pdf`` and ``recall-due`` read them
    on ``day``: the image's approved bytes as main stood at the copy's approval, but never a
    change the site holds back that day (``publishing.assets_ahead``: another document's
    version not in force yet that redrew a shared chart; round 85). ``given``: the document
    of a copy issued ahead of its version's day, whose own approvals hold nothing back."""
    images = approved_images(history, standings, shows)
    return held_back(images, assets_ahead(history.events, standings, day, shows, texts, given))


def held_back(images: ApprovedImages, held: Mapping[str, str]) -> ImageSource:
    """``images.source``, but never later than what ``held`` (``assets_ahead``) gives."""

    def where(path: str, commit: str) -> str:
        at = images.source(path, commit)
        return older(images, at, held[path]) if path in held else at

    return where


def approved_reader(
    reader: GitReader,
    where: ImageSource,
    commit: str,
    hidden_at: Callable[[str, str], bool] | None = None,
) -> Callable[[str], bytes | None]:
    """Reads each image a copy of the version approved at ``commit`` embeds (``where``:
    ``embedded``); None when none was approved, or when those bytes are a hidden document's
    (``hidden_at``: ``brought_by_hidden``): the copy leaves it out and says so."""

    def read(path: str) -> bytes | None:
        at = where(path, commit)
        if not at or (hidden_at is not None and hidden_at(path, at)):
            return None
        return reader.read_file_at(at, path)

    return read


@dataclass(frozen=True)
class _Secrecy:
    """Which document versions are secret: those of the hidden documents (``hidden``: above
    the level now or in any version), but for a version an approval approved at a level the
    site may publish (``public_then``: (commit, id)): that approval published it."""

    hidden: frozenset[str]
    public_then: frozenset[tuple[str, str]]
    # (commit, path) of each secret text before control began: a hidden document's baseline
    # version, or each version above the level where main held two or more of the id
    began_with: tuple[tuple[str, str], ...] = ()

    def at(self, commit: str, doc_id: str) -> bool:
        return doc_id in self.hidden and (commit, doc_id) not in self.public_then


def _secrecy(history: History, hidden: Set[str], publishable: Callable[[str], bool]) -> _Secrecy:
    public_then: set[tuple[str, str]] = set()
    secret_then: set[tuple[str, str]] = set()
    began_with: set[tuple[str, str]] = set()
    # a baseline with no other version before control began: (its commit, id, where it is)
    lone: list[tuple[str, str, tuple[str, str]]] = []
    for doc_id in set(hidden) & history.documents.keys():
        document = history.documents[doc_id]
        # every version of the id before control began (two or more): each is judged by its
        # own level, and one above it makes the baseline the secret's (rounds 113–116)
        for commit, path, level in document.baseline_files:
            if not (level and publishable(level)):
                began_with.add((commit, path))
                if document.baseline is not None:
                    secret_then.add((document.baseline.commit, doc_id))
        base = document.baseline
        if not document.baseline_files and base is not None and base.commit and base.path:
            lone.append((base.commit, doc_id, (base.stored_at, base.path)))
        for revision in (document.baseline, *document.revisions):
            if revision is None or not revision.commit:
                continue
            public = (
                revision.approved
                # a withdrawal publishes no text: what it brings is judged as before (round 112)
                and revision.kind != "withdrawal"
                and not revision.removed
                and bool(revision.level)
                and publishable(revision.level)
            )
            (public_then if public else secret_then).add((revision.commit, doc_id))
    # two versions of one id in one commit (two files claiming it): one above the level makes
    # that approval the secret's (round 113)
    public_then -= secret_then
    began_with |= {place for commit, doc_id, place in lone if (commit, doc_id) not in public_then}
    return _Secrecy(frozenset(hidden), frozenset(public_then), tuple(sorted(began_with)))


def brought_by_hidden(
    reader: GitReader,
    history: History,
    hidden: Set[str],
    publishable: Callable[[str], bool],
) -> Callable[[str, str], bool]:
    """(path, commit) → whether the bytes of the file ``path`` as the approval ``commit``
    holds them are a hidden document's: last changed by an approval of documents above the
    level (``hidden``: their ids; a version approved at a level ``publishable`` allows is no
    secret's: that approval published it, round 110) alone, or by one that holds such a
    document whose text, as that approval holds it, names the picture; or the same bytes, moved
    or copied to another name, that such a change brought before any approved public change
    or the tree control began with held them (``_secret_bytes``; round 102, 103). Such bytes
    are never given to a public page or copy, whatever text shows them (rounds 98, 100); a
    public figure approved in the same merge as a secret text is not the secret's, and no
    later version of the secret text nobody approved makes it so. A commit that is no approval
    is read as the latest: fails closed. Git is asked here, a few processes in all (one
    ``cat-file`` each for the hidden texts it reads and for the object id of each picture each
    change brought, one ``ls-tree`` for the pictures control began with, one ``log`` for
    every version before control began of the pictures a hidden text there names; GitError
    when it cannot answer)."""
    if not hidden:
        return lambda path, at: False
    events = history.events
    order = {event.commit: i for i, event in enumerate(events)}
    secrecy = _secrecy(history, hidden, publishable)
    named = _named_by_mixed(reader, events, secrecy)
    # the tree control began with (the tip's while it has not begun: round 114)
    began_at = f"{events[0].commit}^" if events else history.head
    # the pictures a hidden document's text names in the tree control began with: that
    # tree is read as an approval of them all, before every change (round 104)
    baseline = _baseline_named(reader, secrecy, began_at)
    brought: list[tuple[int, str, bool]] = [(-1, path, True) for path, _ in baseline]
    specs = [spec for _, spec in baseline]
    # a change of a picture an approved hidden text names (before or after it), by an
    # approval that holds no hidden document (the picture alone, or beside public wording),
    # is the secret's unless a public document that approval holds shows it: a shared chart
    # (rounds 105, 106)
    theirs = _named_by_hidden_versions(reader, history, secrecy, order) | {
        path for path, _ in baseline
    }
    shown = _shown_by_public(reader, events, secrecy, theirs)
    for i, event in enumerate(events):
        held = [secrecy.at(event.commit, d.id) for d in event.documents]
        # an approval of the site's configuration is no public document: which logo the
        # configuration the build reads named then is not judged here (round 108)
        for path in event.controlled:
            if is_asset_path(path):
                secret = (bool(held) and all(held)) or (
                    any(held) and path in named.get(event.commit, ())
                )
                if not secret and path in theirs:
                    secret = path not in shown.get(event.commit, ())
                brought.append((i, path, secret))
                specs.append(f"{event.commit}:{path}")
    ids = reader.file_ids(specs) if specs else []
    changes: dict[str, list[tuple[int, bool, str | None]]] = {}
    for (i, path, secret), oid in zip(brought, ids, strict=True):
        changes.setdefault(path, []).append((i, secret, oid))
    began: dict[str, str] = {}  # each picture of the tree control began with → its bytes
    if began_at:
        try:
            tree = reader.tree_files(began_at)
        except GitError:
            tree = {}  # no parent (control began with the first commit), or unreadable
        began = {path: oid for path, (_, oid) in tree.items() if is_asset_path(path)}
    # every version a picture those texts name held before control began (a redraw while the
    # text stood, moved or copied on before control began: round 117), read only for them
    named_before = sorted({path for path, _ in baseline})
    held_before = reader.blobs_held(began_at, named_before) if named_before else set()
    secret_bytes = _secret_bytes(events, brought, ids, set(began.values()), held_before)

    def hidden_at(path: str, at: str) -> bool:
        upto = order.get(at, len(events))
        if at.endswith("^") and at[:-1] in order:
            # main just before that approval (source's answer for the tree control began
            # with): judged there, not by a change after it (round 115)
            upto = order[at[:-1]] - 1
        last = [(secret, oid) for i, secret, oid in changes.get(path, ()) if i <= upto]
        if not last:  # as control began: a copy of bytes a secret text named there (round 105)
            return began.get(path) in secret_bytes
        secret, oid = last[-1]
        return secret or oid in secret_bytes

    return hidden_at


def _secret_bytes(
    events: Sequence[ApprovalEvent],
    brought: Sequence[tuple[int, str, bool]],
    ids: Sequence[str | None],
    began: Set[str],
    held_before: Set[str] = frozenset(),
) -> frozenset[str]:
    """The object ids of the pictures a secret change brought before any approved public
    change brought the same bytes, and that the tree control began with (``began``: its
    pictures' object ids) did not hold (but
    for those a hidden document's text there named, ``brought``'s index -1, and every
    version such a picture held before control began, ``held_before``). A
    change nobody approved (a direct push) makes no bytes public; within one approval a
    secret change of the bytes wins, whatever the order of the names (round 103)."""
    public = set(began)
    # but not what a hidden document's text named there (index -1: _baseline_named), nor
    # any version such a picture held before control began (``held_before``)
    public -= {oid for (i, _, _), oid in zip(brought, ids, strict=True) if i < 0 and oid}
    public -= held_before
    decided: dict[str, bool] = dict.fromkeys(held_before, True)
    by_event: dict[int, dict[str, bool]] = {}
    for (i, path, secret), oid in zip(brought, ids, strict=True):
        if oid is None or oid in public:
            continue
        if secret or (i >= 0 and controlled_accepted(events[i], path)):
            seen = by_event.setdefault(i, {})
            seen[oid] = seen.get(oid, False) or secret
    for i in sorted(by_event):
        for oid, secret in by_event[i].items():
            decided.setdefault(oid, secret)
    return frozenset(oid for oid, secret in decided.items() if secret)


def _named_by_hidden_versions(
    reader: GitReader, history: History, secrecy: _Secrecy, order: Mapping[str, int]
) -> frozenset[str]:
    """The pictures any approved version of a hidden document names, before or after a
    change of them: a figure merged on its own ahead of the secret text that shows it is the
    secret's too (round 106). A version nobody approved names nothing (round 102); the text
    control began with is ``_baseline_named``'s."""
    versions: list[tuple[str, str]] = []
    for doc_id in sorted(secrecy.hidden & history.documents.keys()):
        for revision in history.documents[doc_id].revisions:
            if (
                revision.approved
                and revision.commit in order
                and revision.path
                and secrecy.at(revision.commit, doc_id)
            ):
                versions.append((revision.stored_at, revision.path))
    found: set[str] = set()
    for (_, path), text in zip(versions, content.texts_at(reader, versions), strict=True):
        if text is not None:
            found |= page_links.images_named([(path, text)], None)
    return frozenset(found)


def _shown_by_public(
    reader: GitReader,
    events: Sequence[ApprovalEvent],
    secrecy: _Secrecy,
    theirs: Set[str],
) -> dict[str, frozenset[str]]:
    """For each approval that changes a picture an approved hidden text names (``theirs``)
    and holds public documents: the pictures those documents' texts, as it holds them, show
    (either URL style). Asked only of such approvals, which are few."""
    wanted: list[tuple[str, str]] = []
    for event in events:
        if any(is_asset_path(p) and p in theirs for p in event.controlled):
            wanted += [
                (event.commit, d.path)
                for d in event.documents
                if not secrecy.at(event.commit, d.id) and d.path
            ]
    found: dict[str, frozenset[str]] = {}
    for (commit, path), text in zip(wanted, content.texts_at(reader, wanted), strict=True):
        if text is not None:
            found[commit] = found.get(commit, frozenset()) | page_links.images_used(
                [(path, text)], None
            )
    return found


def _baseline_named(reader: GitReader, secrecy: _Secrecy, began_at: str) -> list[tuple[str, str]]:
    """(path, ``rev:path``) of each picture a hidden document's text before control began
    (``secrecy.began_with``: every such version, where main held two or more) names: at
    that text's commit, and as the tree control began with (``began_at``) holds them, which
    may have redrawn it since (round 114)."""
    versions = list(secrecy.began_with)
    found: dict[str, str] = {}
    for (at, path), text in zip(versions, content.texts_at(reader, versions), strict=True):
        if text is not None:
            for picture in page_links.images_named([(path, text)], None):
                for rev in (at, began_at) if began_at else (at,):
                    found.setdefault(f"{rev}:{picture}", picture)
    return [(picture, spec) for spec, picture in sorted(found.items())]


def _named_by_mixed(
    reader: GitReader, events: Sequence[ApprovalEvent], secrecy: _Secrecy
) -> dict[str, frozenset[str]]:
    """For each approval that holds hidden documents and others and brings a file: the images
    its hidden documents' texts, as it holds them, name (``page_links.images_named``, either
    URL style, comments and code included)."""
    specs: list[tuple[str, str]] = []
    for event in events:
        held = [secrecy.at(event.commit, d.id) for d in event.documents]
        if event.controlled and any(held) and not all(held):
            specs += [
                (event.commit, d.path)
                for d, secret in zip(event.documents, held, strict=True)
                if secret and d.path
            ]
    found: dict[str, frozenset[str]] = {}
    for (commit, path), text in zip(specs, content.texts_at(reader, specs), strict=True):
        if text is not None:
            named = page_links.images_named([(path, text)], None)
            found[commit] = found.get(commit, frozenset()) | named
    return found


def pages_in_force(
    standings: Mapping[str, Standing], where: ImageSource, shows: ShownImages
) -> dict[str, dict[str, str]]:
    """Each document the site gives a text of (``standing.published``) → each image that text
    shows → the commit holding the bytes a copy of it printed now embeds (``where``:
    ``embedded``, at the approval that vouches for the text in force, ``Standing.vouched_by``;
    for an obsolete page or a draft merged for comment, at the approval of the text it gives;
    "" for none approved). The site gives each page these very bytes, so a picture approved
    in a merge of its own (no document in it) waits, like a copy, for an approval of a text
    that shows it (round 82, hole 7), and one image two texts show may be two pictures, one
    per page (round 85, hole 2)."""
    found: dict[str, dict[str, str]] = {}
    for doc_id, stand in standings.items():
        text = published(stand)
        if text is None or not text.commit:
            continue
        if stand.in_force is not None:
            vouching = (stand.vouched_by or stand.in_force).commit or stand.in_force.commit
        else:
            # an obsolete page, or a draft merged for comment: the approval of the text it
            # gives vouches for its pictures (round 87: never one redrawn after it)
            vouching = text.commit
        named = shows(text.stored_at, text.path)
        found[doc_id] = {path: where(path, vouching) for path in sorted(named or ())}
    return found


def served(images: ApprovedImages, pages: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The bytes the site serves at each image's own path: of the pages' answers
    (``pages_in_force``), the one approved last. A page whose text shows other bytes is given
    its own copy of the picture."""
    found: dict[str, str] = {}
    for pictures in pages.values():
        for path, at in pictures.items():
            if path not in found or older(images, found[path], at) == found[path]:
                found[path] = at
    return found
