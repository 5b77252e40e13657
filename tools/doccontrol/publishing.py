"""What may be published: the one decision the site, the registers and the audit pack share.

It fails closed. A confidentiality value that cannot be read (missing from a document, not a
text, not a level doccontrol.yml knows) ranks as the highest level. A document is publishable
only when its level now and every level it carried in any version on the main branch are at or
below the limit: a document once secret stays off the site even after it is withdrawn, deleted
or relabelled, because its id, title and versions would still tell what it was.
"""

from __future__ import annotations

import datetime
import html
import json
import posixpath
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from doccontrol.config import CONFIG_FILE, Config, signing_required
from doccontrol.model import Document, Record, RecordType
from doccontrol.paths import MARKDOWN_SUFFIXES as MARKDOWN_SUFFIXES
from doccontrol.validate.ids import same_key

if TYPE_CHECKING:  # the history model is not needed to check a file (`doccontrol check`)
    from doccontrol.history.model import (
        ApprovalEvent,
        ApprovedDocument,
        DocumentHistory,
        History,
        HistoryProblem,
    )
    from doccontrol.standing import Standing

# The images the document at a path shows as a commit stored it; None when that version cannot
# be read (history.stored.StoredVersions.shown_images).
ShownImages = Callable[[str, str], frozenset[str] | None]
# The body of the document at a path as a commit stored it; None when that version cannot be
# read (history.stored.StoredVersions.body_at).
StoredTexts = Callable[[str, str], str | None]

# Recorded in history for a version whose confidentiality cannot be read; no level has this id.
UNREADABLE_LEVEL = "?"
# Every file under docs/ with a suffix MkDocs renders as Markdown (paths.MARKDOWN_SUFFIXES) is
# a controlled document, in any letter case here: an `.MD` file is checked too, and (as MkDocs
# would copy it raw) never published.
# What else under docs/ is copied to the site: raster images only. SVG is left out (it can
# carry script), and so is everything else (HTML, PDF, text…): it has no confidentiality
# level doccontrol could read.
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
# A generated page's file name: letters, digits, '_', '.', '-' (Unicode letters too), never
# '..', a path separator or a control character.
_SAFE_NAME = re.compile(r"[^\W_][\w.-]{0,199}")


def approved_limit(config: Config, events: Iterable[ApprovalEvent]) -> tuple[str, bool]:
    """The publishing limit in force: ``publish.max_confidentiality`` while the latest change
    to doccontrol.yml on the main branch was approved; the lowest level while it was not (the
    limit in the work tree may be one nobody approved). The flag says which.

    ``config`` is the configuration in force (config_in_force), and callers judge ranks by
    it too: the work tree's, or a direct commit's, may list `secret` first and so make it
    "the lowest level"."""
    from doccontrol.history.rules import pending_controlled  # history imports this module

    if CONFIG_FILE in pending_controlled(events):
        return config.confidentiality[0].id, True
    return config.publish.max_confidentiality, False


def approved_config(root: Path, history: History) -> Config | None:
    """doccontrol.yml as the history has it in force after the main branch's last commit
    (``History.config_in_force``: the last approved version, or the first one committed; when
    the one in force cannot be read, the last readable one), when that is not the version the
    branch's tip holds: a change nobody approved is pending. None when nothing is pending (the
    tip's is the one in force), when no doccontrol.yml was ever committed, or when the one in
    force cannot be read (``History.rules_unreadable``: callers that judge must refuse)."""
    from doccontrol.history.gitread import run_git

    blob = history.config_in_force
    if blob is None:
        return None
    if history.signing_forced:  # require_signed is in force, whatever the file says
        return config_in_force(root, history)
    # ./ : the path from the repository's own folder, wherever Git's top is
    tip = run_git(root, ["rev-parse", "--verify", "--quiet", f"{history.head}:./{CONFIG_FILE}"])
    if tip.returncode == 0 and tip.stdout.decode("ascii", "replace").strip() == blob:
        return None
    return config_in_force(root, history)


def config_in_force(root: Path, history: History) -> Config | None:
    """doccontrol.yml as the history has it in force (``History.config_in_force``), read from
    Git whatever the work tree holds: what judges people's duties (acknowledgements, record
    problems) is never an edit nobody committed or approved. None when none was committed or
    it cannot be read."""
    from doccontrol.history.gitread import run_git
    from doccontrol.load.repository import cached_config

    blob = history.config_in_force
    if blob is None:
        return None
    found = run_git(root, ["cat-file", "blob", blob])
    config = cached_config(root, found.stdout) if found.returncode == 0 else None
    if config is not None and history.signing_forced:
        # a signed change turned require_signed on whose file did not come into force
        return signing_required(config)
    return config


def assets_ahead(
    events: Iterable[ApprovalEvent],
    standings: Mapping[str, Standing],
    day: datetime.date,
    shows: ShownImages,
    texts: StoredTexts,
    given: str = "",
) -> dict[str, str]:
    """Images (controlled files under docs/) whose last approved change came in the approval
    of a version not yet in force on the standings' day, each with the commit whose bytes
    are the ones in force (its last approved change, else the first parent of the earliest
    change still ahead; "" when that holds a change nobody approved: the image is left out). A
    redrawn flow chart for V1.2, approved to take effect next month, is not put beside V1.1's
    text today. Likewise a change approved after ``day`` (a site as of a past day shows that
    day's pictures), and one that came with a version that never takes effect, until a text
    approved after it is the one given (a later version carrying the picture, in force), and
    likewise one of another text at a version in force (DC511, ``off_text_approvals``); and
    every approval of a document after the text an ending gave back (``Standing.gives_back``).

    An approval held back for one document holds back only that document's pictures: what its
    text there, the text given as it now and the text it gave back show (``shows``) or so much
    as mention (``texts``: the picture's file name in any spelling a page could decode, an
    entity or a %-escape; round 83), and any picture no other document of the same approval
    shows. Another document approved in the same merge, in force at once, is given with the
    picture it was approved with.

    ``given``: a document whose own approvals hold nothing back (a copy of its version
    printed ahead of the day that version takes effect embeds the pictures approved with it;
    only other documents' holds apply to it)."""
    from doccontrol.standing import dated_by, published

    def holds(stand: Standing, commit: str) -> bool:
        if any(r.commit == commit for r in stand.waiting):
            return True
        if commit in stand.after_given_back:
            # an ending that gave back the text in force gives it with the pictures it had
            # in force: nothing approved with the document after that text, the ending's
            # own diff included (a folder moved, a picture redrawn), is published with it
            return True
        given = published(stand)
        return any(
            r.commit == commit and (given is None or given.seq < r.seq)
            for r in (*stand.superseded, *stand.off_text_approvals)
        )

    def held(event: ApprovalEvent) -> Callable[[str], bool]:
        """Whether a path ``event`` changed is held back."""
        if not dated_by(event.date, day):
            return _always
        holding: list[tuple[ApprovedDocument, Standing]] = []
        releasing: list[ApprovedDocument] = []
        for approved in event.documents:
            stand = standings.get(approved.id)
            if stand is not None and approved.id != given and holds(stand, event.commit):
                holding.append((approved, stand))
            else:
                releasing.append(approved)
        if not holding:
            return _never
        kept: set[str] = set()
        changed = [p for p in event.controlled if is_asset_path(p)]
        for approved, stand in holding:
            held_texts = [(event.commit, approved.path)]
            held_texts += [
                (r.stored_at, r.path)
                for r in (published(stand), stand.gives_back)
                if r is not None and r.commit
            ]
            for commit, path in held_texts:
                named, body = shows(commit, path), texts(commit, path)
                if named is None or body is None:
                    return _always  # a text that cannot be read: hold everything
                # what the text names however it spells it: a name it shows that the reader
                # of links misses must never let the picture go with another document
                said = _spellings(body)
                kept |= named | {p for p in changed if posixpath.basename(p).lower() in said}
        released: set[str] = set()
        for approved in releasing:
            released |= shows(event.commit, approved.path) or frozenset()
        # a picture no document of the approval released shows stays with the held one
        return lambda path: path in kept or path not in released

    from doccontrol.history.rules import controlled_accepted

    judged: dict[str, Callable[[str], bool]] = {}

    def holds_path(event: ApprovalEvent, path: str) -> bool:
        if event.commit not in judged:  # once per approval, only where a picture changed
            judged[event.commit] = held(event)
        return judged[event.commit](path)

    first: dict[str, str | None] = {}  # path → commit of the earliest change still ahead
    standing: dict[str, str] = {}  # path → where its bytes in force before that change are
    last: dict[str, str] = {}  # path → its last approved change in force
    direct: set[str] = set()  # changed by nobody's approval since then
    for event in events:
        for path in event.controlled:
            if not is_asset_path(path):
                continue
            if not controlled_accepted(event, path):
                direct.add(path)
            elif not holds_path(event, path):
                first[path], last[path] = None, event.commit
                direct.discard(path)
            elif first.get(path) is None:
                first[path] = event.commit
                # the approved bytes: never a direct change the approval's first parent holds
                # ("": none in force, left out)
                before = "" if path in direct else f"{event.commit}^"
                standing[path] = last.get(path) or before
    return {path: standing[path] for path, commit in first.items() if commit is not None}


def _spellings(text: str) -> str:
    """A text with its entities and %-escapes read, once and twice, in lower case, beside the
    text itself: where to look for a file name however a page could spell it."""
    once = html.unescape(text)
    read = (text, once, unquote(text), unquote(once), html.unescape(unquote(once)))
    # a browser drops tabs and line breaks from a URL (fl<TAB>ow.png is flow.png; round 85)
    return "\n".join((*read, *(_URL_BLANKS.sub("", r) for r in read))).lower()


_URL_BLANKS = re.compile(r"[\t\n\r]")


def _always(path: str) -> bool:
    return True


def _never(path: str) -> bool:
    return False


def is_document_path(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def left_out_by_mkdocs(path: str) -> bool:
    """Whether MkDocs leaves a file under docs/ out of every site, whatever mkdocs.yml says
    (its default ``exclude_docs``: a name starting with a dot, and the top templates/ folder)."""
    parts = path.split("/")[1:]
    return any(p.startswith(".") for p in parts) or (len(parts) > 1 and parts[0] == "templates")


def page_key(path: str) -> str:
    """The page a document under docs/ becomes, as MkDocs names it with directory URLs:
    ``a.md``, ``a/index.md`` and ``a/README.md`` are all the page ``a`` (one overwrites the
    other on the site)."""
    stem = page_stem(path.removeprefix("docs/"))
    head, _, name = stem.rpartition("/")
    return head if name in ("index", "README") else stem


def page_stem(path: str) -> str:
    """A document path without its Markdown suffix (what MkDocs makes its page URL from)."""
    for suffix in MARKDOWN_SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def is_asset_path(path: str) -> bool:
    return path.lower().endswith(ASSET_SUFFIXES)


def unsafe_character(path: str) -> str | None:
    """The first character no controlled path may hold (control characters, newlines, bytes
    that are not UTF-8), escaped for a message, or None."""
    found = _UNSAFE.search(path)  # every path of a load is screened: one regex, not a loop
    if found is None:
        return None
    return found[0].encode("unicode_escape", "backslashreplace").decode("ascii")


def unsafe_by_category(char: str) -> bool:
    """The definition _UNSAFE stands for (a test holds them to the same answer on every code
    point): Unicode categories Cc (control) and Cs (surrogate: bytes that are not UTF-8,
    decoded with surrogateescape), and the line and paragraph separators."""
    return unicodedata.category(char) in ("Cc", "Cs") or char in "\u2028\u2029"


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def printable_path(path: str) -> str:
    """A path as it can be shown on one line: unsafe characters escaped."""
    return "".join(
        char.encode("unicode_escape", "backslashreplace").decode("ascii")
        if unsafe_character(char)
        else char
        for char in path
    )


def safe_name(name: str) -> bool:
    """Whether ``name`` can be one segment of a generated page's path."""
    return bool(_SAFE_NAME.fullmatch(name)) and ".." not in name


def level_rank(config: Config, value: object) -> int:
    """The rank of a confidentiality value; unreadable or unknown values rank highest."""
    if isinstance(value, str):
        level = config.level(value)
        if level is not None:
            return level.rank
    return max((lvl.rank for lvl in config.confidentiality), default=0)


def level_allowed(config: Config, value: object, limit: str) -> bool:
    """Whether content at confidentiality ``value`` may be published up to ``limit``."""
    top = config.level(limit)
    return top is not None and level_rank(config, value) <= top.rank


def document_level(meta: Any) -> object:
    """A document version's confidentiality as written (None when missing: unreadable)."""
    return meta.get("confidentiality") if isinstance(meta, dict) else None


def recorded_level(meta: Any) -> str:
    """A version's confidentiality as history records it: the text, or UNREADABLE_LEVEL."""
    value = document_level(meta)
    return value if isinstance(value, str) else UNREADABLE_LEVEL


def document_publishable(
    config: Config,
    limit: str,
    current: Document | None,
    history: DocumentHistory | None,
    before: Iterable[DocumentHistory] = (),
) -> bool:
    """Whether a document may appear, under its id, title or version, anywhere published.

    ``current``: the work tree's document (None when withdrawn or deleted); ``history``: its
    history on the main branch (None when never committed). With neither, nothing is known.
    ``before``: what main holds that the work tree's file may have been (held_before): a file
    renumbered keeps the levels it had."""
    values: list[object] = list(history.levels) if history is not None else []
    if current is not None:
        values.append(document_level(current.meta))
    for earlier in before:
        values += earlier.levels
    if not values:
        return False
    return all(level_allowed(config, value, limit) for value in values)


def record_publishable(
    config: Config, limit: str, record: Record, record_type: RecordType | None
) -> bool:
    """Whether a record may be published, at its level (record_level)."""
    return level_allowed(config, record_level(record, record_type), limit)


def record_level(record: Record, record_type: RecordType | None) -> object:
    """A record's confidentiality as written; when it has none, its schema's
    ``properties.confidentiality.default``. None (the highest level) when the schema requires
    the key or gives no default: nothing says the record is not above the limit, and the
    audit pack copies records unvalidated."""
    if "confidentiality" in record.data:
        return record.data["confidentiality"]
    schema = record_type.schema if record_type is not None else {}
    required = schema.get("required")
    if isinstance(required, list) and "confidentiality" in required:
        return None
    properties = schema.get("properties")
    level = properties.get("confidentiality") if isinstance(properties, dict) else None
    return level.get("default") if isinstance(level, dict) else None


def id_key(value: str) -> str:
    """The form a value naming a document id is compared in: without the spaces around it, then
    NFKC and case folding (ids.same_key, as duplicate ids are found), so 'sm-p-07 ' and
    'ＳＭ-Ｐ-０７' name SM-P-07."""
    return same_key(value.strip())


@dataclass(frozen=True)
class DocumentIds:
    """Which document ids published output may name, by id_key."""

    hidden: frozenset[str]  # the keys of ids it may not name
    # the keys of ids it may name; None: any value not hidden (one naming no document either)
    shown: frozenset[str] | None = None

    @classmethod
    def of(cls, hidden: Iterable[str], shown: Iterable[str] | None = None) -> DocumentIds:
        return cls(
            frozenset(id_key(i) for i in hidden),
            None if shown is None else frozenset(id_key(i) for i in shown),
        )

    def may_name(self, value: str) -> bool:
        key = id_key(value)
        return key not in self.hidden and (self.shown is None or key in self.shown)


def record_names_hidden(schema: Mapping[str, Any], data: Any, ids: DocumentIds) -> bool:
    """Whether a record refers (x-doccontrol-ref: document) to a document ``ids`` may not name,
    in any spelling: its id, title or text would tell what the document is, whatever level
    the record itself says."""
    from doccontrol.validate.records import references

    return any(
        kind == "document" and not ids.may_name(value)
        for _, kind, value in references(schema, data)
    )


def record_type_publishable(record_type: RecordType, ids: DocumentIds) -> bool:
    """Whether a record type may be published (its form, its name in the navigation, the
    records index and the coverage matrix, its records): not when its procedure is a document
    ``ids`` may not name, since its name and field help describe that procedure's process."""
    return ids.may_name(record_type.procedure)


def publishable_record_types(
    record_types: Mapping[str, RecordType],
    ids: DocumentIds,
    unsettled: Set[str] = frozenset(),
) -> dict[str, RecordType]:
    """The record types that may be published: not one of a hidden procedure, and not one in
    ``unsettled`` (unsettled_record_types: its schema is not the one in force)."""
    return {
        t: rt
        for t, rt in record_types.items()
        if t not in unsettled and record_type_publishable(rt, ids)
    }


def hidden_schema_paths(
    record_types: Mapping[str, RecordType], shown: Collection[str]
) -> frozenset[str]:
    """The schema paths (schemas/records/<type>.schema.json) of the record types not in
    ``shown`` (publishable_record_types): published output never names them (visible_events),
    since the path names the type, and the type its hidden procedure's process."""
    return frozenset(rt.path for t, rt in record_types.items() if t not in shown)


def unnamed_schema_paths(
    root: Path,
    history: History,
    record_types: Mapping[str, RecordType],
    ids: DocumentIds,
    unsettled: Set[str],
) -> frozenset[str]:
    """The record schemas published output never names (visible_events): those of a hidden
    procedure's types, judged by the work tree's schema and, for an unsettled type (a change
    nobody approved), by main's tip's and by the one in force (its last approved version on
    main) too, so neither an edit nor a commit pushed straight to main that repoints a hidden
    type at a public procedure names it. Any other unsettled type's schema stays named: its
    change is the evidence of that commit."""
    from doccontrol.history.gitread import run_git
    from doccontrol.history.rules import controlled_accepted  # history imports this module

    unnamed = set(hidden_schema_paths(record_types, publishable_record_types(record_types, ids)))
    approved: dict[str, str] = {}  # path → the commit of its last approved change on main
    for event in history.events:
        for path in event.controlled:
            if controlled_accepted(event, path):
                approved[path] = event.commit
    for t in sorted(unsettled & record_types.keys()):
        path = record_types[t].path
        held = [history.head, *([approved[path]] if path in approved else [])]
        for commit in held:
            found = run_git(root, ["cat-file", "blob", f"{commit}:./{path}"])
            try:
                schema = json.loads(found.stdout) if found.returncode == 0 else {}
                procedure = schema["x-doccontrol"]["procedure"]
            except (ValueError, KeyError, TypeError):
                continue  # no readable schema there: nothing hidden to name
            if isinstance(procedure, str) and not ids.may_name(procedure):
                unnamed.add(path)
    return frozenset(unnamed)


def unnamed_for(
    root: Path, history: History | None, record_types: Mapping[str, RecordType], hidden: Set[str]
) -> frozenset[str]:
    """The schema paths output never names when the documents in ``hidden`` are hidden
    (unnamed_schema_paths; without history, the hidden procedures' types): a few git
    processes, so asked once per build, not per page or copy."""
    ids = DocumentIds.of(hidden)
    if history is None:
        return frozenset(
            hidden_schema_paths(record_types, publishable_record_types(record_types, ids))
        )
    unsettled = unsettled_record_types(root, history, record_types)
    return frozenset(unnamed_schema_paths(root, history, record_types, ids, unsettled))


def output_names(
    root: Path,
    history: History | None,
    documents: Iterable[Document],
    record_types: Mapping[str, RecordType],
    hidden: Set[str],
    shown_titles: Iterable[str],
    unnamed: Set[str] | None = None,
) -> frozenset[str]:
    """hidden_names as the site, the audit pack and a PDF copy take it (one answer for all
    three): the ids and titles of the documents in ``hidden``, and the names of the record
    types whose schema published output never names (``unnamed``, else unnamed_schema_paths
    judged here), sparing ``shown_titles`` (the titles the output itself gives)."""
    if unnamed is None:
        unnamed = unnamed_for(root, history, record_types, hidden)
    documents = list(documents)
    names = hidden_names(
        hidden,
        documents,
        history.documents if history is not None else {},
        shown_titles,
        [rt for rt in record_types.values() if rt.path in unnamed],
    )
    return names | hidden_paths(hidden, documents, history)


def hidden_paths(
    hidden: Set[str], documents: Sequence[Document], history: History | None
) -> frozenset[str]:
    """The file names author-typed text may not give either (round 98): every path a hidden
    document had (the work tree's and each one main held), and the images its work-tree text
    names or a merge that approved only hidden documents brought; each as the repository path,
    the path under docs/, the page's URL path for a document, and the bare file name (not an
    ``index.md`` or ``README.md``, whose name says nothing). A path a shown document has now
    is spared, and so is a bare name a shown file has too (a public ``flow.png`` beside a
    secret one: the trail's evidence keeps its paths)."""
    if not hidden:
        return frozenset()
    from doccontrol import page_links  # it imports this module

    files = {d.path for d in documents if d.id in hidden}
    images = set(page_links.images_named([(d.path, d.body) for d in documents if d.id in hidden]))
    if history is not None:
        for doc_id in hidden:
            known = history.documents.get(doc_id)
            if known is not None:
                files |= {known.path, *(r.path for r in known.revisions if r.path)}
        for event in history.events:
            if event.documents and all(d.id in hidden for d in event.documents):
                images |= {p for p in event.controlled if is_asset_path(p)}
    spared = {d.path for d in documents if d.id not in hidden}
    public = {posixpath.basename(p) for p in spared}
    if history is not None:
        for event in history.events:
            if not all(d.id in hidden for d in event.documents):
                public |= {posixpath.basename(p) for p in event.controlled}
    found: set[str] = set()
    for path in (files | images) - spared:
        under = path.removeprefix("docs/")
        name = posixpath.basename(path)
        stem = page_stem(name)
        found.add(path)
        if under != name or (stem not in ("index", "README") and name not in public):
            found.add(under)
        if path in files and stem != name and stem not in ("index", "README"):
            found.add(posixpath.join(posixpath.dirname(under), stem).lstrip("/"))
        if stem not in ("index", "README") and name not in public:
            found.add(name)
    return frozenset(p for p in found if p)


def unsettled_record_types(
    root: Path, history: History, record_types: Mapping[str, RecordType]
) -> frozenset[str]:
    """The record types whose schema in the work tree may not be the one in force on the main
    branch: its latest change on main was not approved (rules.pending_controlled: a direct
    commit, DC516), or the work tree's file is not main's tip's (an edit, a branch, a file
    main does not hold). A schema decides a type's procedure (whether it is hidden:
    record_type_publishable) and its records' level when they give none (record_level), so
    whoever could push one commit could free a hidden procedure's records. Published output
    leaves such a type out, fail closed, until the change is approved (or undone).

    Why not read the approved schema from Git instead: a record type is more than its
    ``x-doccontrol`` block (validation, field titles, numbering), and the records on main are
    written to the tip's schema; judging them by another version would mix two schemas in
    one output. Leaving the type out is the one answer that is sound whatever the change."""
    from doccontrol.history.gitread import run_git
    from doccontrol.history.rules import pending_controlled  # history imports this module
    from doccontrol.load.repository import RECORD_SCHEMAS_DIR as folder  # and so does it

    pending = set(pending_controlled(history.events))
    # paths relative to the repository's own folder (--relative, ls-tree's default), as the
    # history and the loader give them, wherever Git's top is
    changed = run_git(
        root,
        ["diff", "--name-only", "-z", "--no-renames", "--relative", history.head, "--", folder],
    )
    held = run_git(root, ["ls-tree", "-r", "-z", "--name-only", history.head, "--", folder])
    if changed.returncode != 0 or held.returncode != 0:
        return frozenset(record_types)  # nothing can say which are in force: none is

    def paths(out: bytes) -> set[str]:
        return {p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p}

    differ, at_tip = paths(changed.stdout), paths(held.stdout)
    return frozenset(
        t
        for t, rt in record_types.items()
        if rt.path in pending or rt.path in differ or rt.path not in at_tip
    )


def work_tree_differs(root: Path, history: History, paths: Sequence[str]) -> tuple[str, ...]:
    """Those of ``paths`` (files or folders, relative to the repository's own folder) where
    the work tree is not what the main branch's tip holds: a file changed, removed or added.
    History judges main's commits only; a build from a branch, or with an edit nobody
    committed, would otherwise trust what no approval saw (the publishing level, the theme's
    templates, the build's own options). All of them when git cannot tell: fail closed.

    Each file is hashed here as the work tree holds it, never taken from git's word for it:
    the index's flags (``--assume-unchanged``, ``--skip-worktree``) would hide an edit from
    ``git diff``, and a clean filter the reader configured would make any file hash as main's
    (rounds 63 and 64). Line ends are forgiven (a CRLF checkout of an LF file), and so is
    what git's own checkout writes by the attributes (``ident``, ``working-tree-encoding``;
    round 65), asked in the checkout direction; a filter driver never. An untracked file
    counts, ignored or not (a theme loads every file of its folder), but
    Python's own caches (``__pycache__``, which importing a hook writes)."""
    import hashlib

    from doccontrol.history.gitread import run_git

    if not paths:
        return ()
    spec = ["--", *paths]
    literal = "--literal-pathspecs"  # paths taken as written (no glob)
    at_tip = run_git(root, [literal, "ls-tree", "-r", "-z", history.head, *spec])
    listed = run_git(root, [literal, "ls-files", "-z", "--cached", "--others", *spec])
    if at_tip.returncode != 0 or listed.returncode != 0:
        return tuple(paths)
    held: dict[str, str] = {}
    for entry in at_tip.stdout.split(b"\0"):
        meta, tab, listed_name = entry.partition(b"\t")
        if tab:
            held[listed_name.decode("utf-8", "surrogateescape")] = meta.split()[-1].decode("ascii")
    digest = hashlib.sha256 if len(history.head) == 64 else hashlib.sha1

    def blob_id(data: bytes) -> str:
        return digest(b"blob %d\0" % len(data) + data).hexdigest()

    now: dict[str, set[str]] = {}
    for raw in set(listed.stdout.split(b"\0")) - {b""}:
        name = raw.decode("utf-8", "surrogateescape")
        if "__pycache__" in name.split("/"):
            continue
        try:
            data = (root / name).read_bytes()
        except OSError:  # gone, a folder (a submodule), unreadable: not main's
            continue
        now[name] = {blob_id(data), blob_id(data.replace(b"\r\n", b"\n"))}
    # (a cache main holds is left out the same way: history controls a hook's __pycache__)
    held = {p: blob for p, blob in held.items() if "__pycache__" not in p.split("/")}
    differ = {p for p in set(held) | set(now) if held.get(p) not in now.get(p, set())}
    for path in _checked_out_as_held(root, sorted(differ & set(held) & set(now)), held):
        differ.discard(path)
    return tuple(
        sorted(
            path
            for path in paths
            if any(d == path or d.startswith(path.rstrip("/") + "/") for d in differ)
        )
    )


# the attributes under which git's own checkout writes a file otherwise than its blob; a
# `filter` runs a driver the reader's configuration names (which could print anything), so a
# file it touches is never taken as main's (LFS included: fail closed)
_CHECKOUT_ATTRIBUTES = ("ident", "working-tree-encoding", "eol", "text", "crlf", "filter")


def _checked_out_as_held(root: Path, paths: Sequence[str], held: Mapping[str, str]) -> list[str]:
    """Those of ``paths`` whose work-tree bytes are exactly what git's checkout makes of main's
    blob under the work tree's attributes (``ident``, ``working-tree-encoding``, ``eol``):
    main's own file, as a fresh clone writes it. Asked in the checkout direction only (the
    blob through git's built-in conversions), which nothing a reader configures can make
    print an edited file; only for files such an attribute touches (one ``check-attr``)."""
    from doccontrol.history.gitread import run_git

    if not paths:
        return []
    listed = run_git(
        root,
        ["check-attr", "-z", "--stdin", *_CHECKOUT_ATTRIBUTES],
        input=b"".join(p.encode("utf-8", "surrogateescape") + b"\0" for p in paths),
    )
    if listed.returncode != 0:
        return []
    fields = listed.stdout.split(b"\0")
    touched: set[str] = set()
    driven: set[str] = set()
    for i in range(0, len(fields) - 2, 3):
        raw, attribute, value = fields[i : i + 3]
        if value in (b"unspecified", b"unset"):
            continue
        name = raw.decode("utf-8", "surrogateescape")
        (driven if attribute == b"filter" else touched).add(name)
    same = []
    for path in sorted(touched - driven):
        made = run_git(root, ["cat-file", "--filters", f"--path={path}", held[path]])
        try:
            if made.returncode == 0 and made.stdout == (root / path).read_bytes():
                same.append(path)
        except OSError:
            continue
    return same


def record_id_valid(record: Record, record_type: RecordType) -> bool:
    """Whether a record's id may name its page: it matches the whole numbering pattern and
    is a safe file name (so it cannot climb out of the generated pages)."""
    record_id = record.id
    return (
        record_id is not None
        and safe_name(record_id)
        and safe_name(record.type)
        and record_type.id_pattern.fullmatch(record_id) is not None
    )


def publishable_documents(
    config: Config,
    limit: str,
    documents: Iterable[Document],
    histories: Mapping[str, DocumentHistory] | None,
) -> list[Document]:
    """The documents with an id that may be published, with their history considered."""
    known = histories or {}
    documents = list(documents)
    vanished = _vanished(known, documents)
    return [
        d
        for d in documents
        if d.id
        and document_publishable(
            config, limit, d, known.get(d.id), vanished if _unknown(known, d) else ()
        )
    ]


def held_before(
    histories: Mapping[str, DocumentHistory],
    documents: Iterable[Document],
    current: Document | None,
) -> tuple[DocumentHistory, ...]:
    """What a work-tree file may have been on main, when main does not know its id as a live
    document: every document main holds that the work tree no longer holds under its id. A
    branch that moves a secret, gives it a new number and labels it internal is still showing
    the secret, so its title must not be published; a new file beside a secret that merely
    moved (its id still in the work tree) is not held back. A new document on a branch that
    also deletes a secret is held back too, until its merge: history then knows (derive)."""
    if current is None or not _unknown(histories, current):
        return ()
    return _vanished(histories, documents)


def _unknown(histories: Mapping[str, DocumentHistory], current: Document) -> bool:
    known = histories.get(current.id or "")
    return known is None or known.withdrawn


def _vanished(
    histories: Mapping[str, DocumentHistory], documents: Iterable[Document]
) -> tuple[DocumentHistory, ...]:
    present = {d.id for d in documents if d.id}
    return tuple(h for h in histories.values() if not h.withdrawn and h.id not in present)


def names_docs_files(events: Iterable[ApprovalEvent], hidden: Set[str]) -> bool:
    """Whether visible_events needs to know which images the pages use: only an event that
    changed a file under docs/ (besides documents), once anything is hidden. Reading every
    published text for its links is then spared where no such event is."""
    return bool(hidden) and any(p.startswith("docs/") for e in events for p in e.controlled)


def visible_events(
    events: Iterable[ApprovalEvent],
    visible: Set[str],
    hidden: Set[str] = frozenset(),
    placeholder: str = "",
    images: Set[str] | None = None,
    withheld: Set[str] = frozenset(),
    *,
    unnamed: Set[str] = frozenset(),
    schemas: Set[str] | None = None,
) -> list[ApprovalEvent]:
    """Approval events as they may be published: documents not in ``visible`` are dropped
    from each event (with the problems about them), and an event left with none is dropped
    (unless it changed controlled configuration); the names in ``hidden`` are redacted from
    each event's title and controlled paths (redact_names).

    With ``images`` (page_links.images_used: what the published pages show) and something
    hidden, a controlled path under docs/ is named only when no hidden document names it
    (``withheld``: page_links.images_named of their texts, which keeps the name back even
    where a public page shows the picture, round 98; whether the picture itself is published
    is approved_images.brought_by_hidden's answer) and it is one of ``images``, or an image
    approved by an event
    whose documents are all visible (the figure went out with public text: an earlier
    version's, since replaced). Nothing else under docs/ is: a secret document's
    figure, PDF or drawing beside it carries its name and, often, its id, and an event that
    approved a secret document names none of its files. An event left with nothing to name is
    dropped.
    A merge that changed a public and a secret document then shows only the public one.
    The controlled paths in ``unnamed`` (unnamed_schema_paths) are not named at all, and with
    ``schemas`` (the work tree's record types' schemas less those) and something hidden, no
    other path under schemas/records/ is either: a hidden type's former or deleted schema. An
    approval of one is dropped with it; a change nobody approved (DC516) stays, the path given
    as ``placeholder`` in it and its problems: that commit is evidence the trail must keep."""
    out = []
    for event in events:
        gone = (
            {p for p in event.controlled if p.startswith(_RECORD_SCHEMAS) and p not in schemas}
            if schemas is not None and hidden
            else set()
        )
        event = _without_paths(event, {*unnamed, *gone} if gone else unnamed, placeholder)
        documents = tuple(d for d in event.documents if d.id in visible)
        public_text = bool(documents) and len(documents) == len(event.documents)
        kept = [
            path
            for path in event.controlled
            if images is None
            or not hidden  # nothing to keep back: every approved file stays evidence
            or not path.startswith("docs/")
            or (path not in withheld and (path in images or (public_text and is_asset_path(path))))
        ]
        controlled = tuple(redact_names(path, hidden, placeholder) for path in kept)
        accepted = tuple(
            redact_names(path, hidden, placeholder) for path in event.accepted if path in kept
        )
        if not documents and not controlled:
            continue  # a change to controlled configuration stays, with no document named
        summary = redact_names(event.summary, hidden, placeholder)
        if (
            len(documents) == len(event.documents)
            and summary == event.summary
            and controlled == event.controlled
            and accepted == event.accepted
        ):
            out.append(event)
            continue
        # a problem about a document shown, or about a controlled path named as it is
        named = {p for p in kept if redact_names(p, hidden, placeholder) == p}
        problems = tuple(
            p
            for p in event.problems
            if not p.document or p.document in visible or p.document in named
        )
        out.append(
            replace(
                event,
                documents=documents,
                problems=problems,
                summary=summary,
                controlled=controlled,
                accepted=accepted,
            )
        )
    return out


_RECORD_SCHEMAS = "schemas/records/"


def _without_paths(event: ApprovalEvent, unnamed: Set[str], placeholder: str) -> ApprovalEvent:
    """``event`` without the controlled paths in ``unnamed``, changed or accepted; one it
    changed without an approval is given as ``placeholder`` (once), here and in the problems
    about it, so the commit stays listed with its problem and names nothing."""
    if not unnamed or unnamed.isdisjoint((*event.controlled, *event.accepted)):
        return event
    masked = {p for p in event.controlled if p in unnamed and p not in event.accepted}
    controlled = tuple(p for p in event.controlled if p not in unnamed)
    if masked and placeholder:
        controlled += (placeholder,)
    return replace(
        event,
        controlled=controlled,
        accepted=tuple(p for p in event.accepted if p not in unnamed),
        problems=tuple(_masked(p, masked, placeholder) for p in event.problems),
    )


def _masked(problem: HistoryProblem, masked: Set[str], placeholder: str) -> HistoryProblem:
    """A problem about a controlled path in ``masked`` (its ``document`` and the arguments
    naming it) with the path given as ``placeholder``."""
    if problem.document not in masked:
        return problem
    args = tuple((k, placeholder if v in masked else v) for k, v in problem.args)
    return replace(problem, document=placeholder, args=args)


def hidden_names(
    hidden: Set[str],
    documents: Iterable[Document],
    histories: Mapping[str, DocumentHistory],
    shown_titles: Iterable[str] = (),
    hidden_types: Iterable[RecordType] = (),
) -> frozenset[str]:
    """What author-typed text may not say of the documents in ``hidden``: their ids and every
    title they had (the work tree's and each one main held), since a merge titled 《并购尽调程序》
    names a secret as surely as its number does; and the ids and names of ``hidden_types``
    (a hidden procedure's record types) and their schemas' ``title``. Each title also in its
    NFKC form (typed with ASCII brackets). Left: titles shorter than TITLE_MIN (too many ordinary words would go with
    them) and ``shown_titles``, the titles the published pages give (a published document's own
    change history keeps its name; never a title an edit nobody approved gave it)."""
    titles = {d.title for d in documents if d.id in hidden}
    for doc_id in hidden:
        if doc_id in histories:
            titles |= {histories[doc_id].title, *histories[doc_id].titles}
    ids = set(hidden)
    for record_type in hidden_types:
        ids.add(record_type.id)
        # the schema's own title too: the form page's heading, often not the same words
        title = record_type.schema.get("title")
        titles |= {record_type.name, record_type.name_en, title if isinstance(title, str) else ""}
    shown = {_name_key(t) for t in shown_titles}
    kept = {t.strip() for t in titles if t and len(t.strip()) >= TITLE_MIN}
    kept = {t for t in kept if _name_key(t) not in shown}
    return frozenset(ids) | kept | {unicodedata.normalize("NFKC", t) for t in kept}


TITLE_MIN = 4


def _name_key(title: str) -> str:
    return unicodedata.normalize("NFKC", title).strip().casefold()


def redact_names(text: str, hidden: Set[str], placeholder: str) -> str:
    """Author-typed text (a merge's title, a revision's change note) with each id or title in
    ``hidden`` (hidden_names) replaced by ``placeholder``: a merge of a public and a secret
    document titled after both would otherwise name the secret one on the public one's pages.
    A name is matched in any letter case, and whole (SM-P-07 is not in SM-P-070); where one
    is found only in the text's NFKC form (full-width letters, ASCII brackets), that form is
    given, redacted. Text typed to evade this (a name spelt otherwise) is not caught."""
    if not hidden or not text:
        return text
    pattern = _id_pattern(frozenset(hidden))
    redacted = pattern.sub(lambda _: placeholder, text)
    normal = unicodedata.normalize("NFKC", redacted)
    if normal != redacted and pattern.search(normal):
        return pattern.sub(lambda _: placeholder, normal)
    return redacted


@cache  # one pattern per set of hidden ids: a site or a pack asks with the same set each time
def _id_pattern(hidden: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(i) for i in sorted(hidden, key=len, reverse=True))
    return re.compile(f"(?<![0-9A-Za-z])(?:{alternatives})(?![0-9A-Za-z])", re.IGNORECASE)
