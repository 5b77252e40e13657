"""The audit pack: one deterministic zip of the evidence for a period, with a manifest.

Same inputs, same bytes: entries are sorted, timestamps and permissions fixed, spreadsheets
carry fixed properties, JSON is written with sorted keys. ``PACK.json`` records the commit and
branch the pack was made from; ``MANIFEST.sha256`` lists every other entry's SHA-256, and
``MANIFEST.sha256.sig``, when the pack is signed, is an SSH signature of the manifest
(``ssh-keygen -Y sign``, namespace ``doccontrol-audit-pack``; Ed25519 signatures are
deterministic, so a signed pack is byte-identical too).

A manifest alone proves nothing: whoever edits a file can recompute it. What proves a pack
is the signature, checked against keys the auditor trusts, and, inside the repository, that
the recorded head is still on the main branch. ``verify`` reads a pack from anyone, so it
trusts nothing in it: names, sizes and modes are checked before any byte is inflated, every
entry is hashed as a stream under a size cap (a zip bomb stops at the cap, in constant
memory), and each thing wrong is one line.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import re
import stat
import struct
import subprocess
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from doccontrol import (
    __version__,
    acks,
    catalogue,
    copies,
    page_links,
    publishing,
    registers,
    spreadsheets,
    standing,
)
from doccontrol.catalogue import Catalogue
from doccontrol.config import Config
from doccontrol.history import content, signatures
from doccontrol.history.gitread import GitReader, exact_commit, run_git_text
from doccontrol.history.model import ApprovalEvent, History
from doccontrol.history.stored import StoredVersions
from doccontrol.labels import Labels
from doccontrol.load.documents import load_document
from doccontrol.load.repository import Repository
from doccontrol.model import Document
from doccontrol.problems import Msg, Names, Ref, msg, names_for
from doccontrol.site import stamp as site_stamp
from doccontrol.trail import dispositions, record_problems, revision_rows, trail_rows

MANIFEST = "MANIFEST.sha256"
SIGNATURE = "MANIFEST.sha256.sig"
PACK_INFO = "PACK.json"
NAMESPACE = "doccontrol-audit-pack"  # an SSH signature for a pack is never valid for git
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# What a real pack holds: documents (≤ 1 MiB each), their HTML pages, CSV and xlsx registers,
# records. The caps are far above that and far below what would hurt the machine verifying.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_ENTRIES = 100_000
MAX_SMALL_BYTES = 64 * 1024  # PACK.json and the signature
CHUNK = 64 * 1024
Xlsx = Callable[[tuple[str, ...], list[list[str]], str], bytes]


def _whose(verified_for: str | None, cat: Catalogue, names: Names) -> str:
    """Whom a good signature's key belongs to, by name: a person, or the forge. Only a key
    the configuration holds gets a name; any other signer is shown as git reported it (the
    signature's claim, proved by nothing)."""
    if not verified_for:
        return ""
    if verified_for == signatures.FORGE:
        return cat.text("label.signer.forge")
    return names.name(Ref("person", verified_for), cat.language)


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _in_period(iso: str, start: datetime.date, end: datetime.date) -> bool:
    # up to the end by the rule every output as of a day uses (standing.dated_by)
    return start.isoformat() <= iso[:10] and standing.dated_by(iso, end)


def _nameable(
    config: Config, max_level: str, repo: Repository, history: History, doc_id: str
) -> bool:
    """Whether the pack may name a document: readable in the tree and publishable, or deleted
    on main with every level it had publishable (never one that is there but unreadable)."""
    document = repo.document(doc_id)
    doc_history = history.documents.get(doc_id)
    if document is None and (doc_history is None or not doc_history.withdrawn):
        return False
    before = publishing.held_before(history.documents, repo.documents, document)
    return publishing.document_publishable(config, max_level, document, doc_history, before)


def site_pages(
    repo: Repository,
    config: Config,
    history: History,
    max_level: str,
    site_dir: Path | None,
    day: str,
) -> site_stamp.Verdict:
    """Whether the pack may take each document's HTML page from the built site in
    ``site_dir``: only from a site whose build stamp (site/stamp.py) names the pack's head and
    its last day ``day`` (a page gives the text in force on the day it was built for), a
    level at or below the pack's, and no document the pack may not name. Any other site
    (stale, built at a higher level, planted) would carry navigation naming what the pack
    leaves out."""
    nameable = _nameable_ids(config, max_level, repo, history)
    return site_stamp.judge(site_dir, config, max_level, history.head, nameable, day)


def _nameable_ids(
    config: Config, max_level: str, repo: Repository, history: History
) -> frozenset[str]:
    ids = set(history.documents) | {d.id for d in repo.documents if d.id}
    return frozenset(i for i in ids if _nameable(config, max_level, repo, history, i))


def build(
    repo: Repository,
    config: Config,
    history: History,
    reader: GitReader,
    start: datetime.date,
    end: datetime.date,
    max_level: str,
    xlsx: Xlsx,
    site: site_stamp.Verdict | None = None,
    progress: Callable[[str], None] | None = None,
    cat: Catalogue | None = None,
    *,
    unsettled: frozenset[str],
) -> dict[str, bytes]:
    """name → bytes of every content entry of the pack; ``seal`` adds the rest. ``site``:
    ``site_pages``'s answer (no HTML pages without it). ``unsettled``: the record types whose
    schema is not the one in force (publishing.unsettled_record_types), left out whatever
    ``max_level``: a level chosen on the command line vouches for no schema."""
    say = progress or (lambda _: None)
    # the pack speaks the run's language (the CLI's); ids are shown by their names
    cat = cat or catalogue.load()
    files: dict[str, bytes] = {}
    # what may be named at all: every level now and in any version at or below max_level
    # (publishing.py); a withdrawn or deleted document by the levels its history records
    present = {d.id for d in repo.documents if d.id}
    shown = {
        doc_id
        for doc_id, doc_history in history.documents.items()
        if publishing.document_publishable(
            config,
            max_level,
            repo.document(doc_id),
            doc_history,
            publishing.held_before(history.documents, repo.documents, repo.document(doc_id)),
        )
    }

    say(cat.text("pack.progress.documents"))
    # one computation for the register, the site and the CLI: where each document stood
    stands = registers.standings(repo, history, end)
    in_force: list[tuple[Document, str]] = []
    document_copies: dict[str, str] = {}
    for doc_id in sorted(stands, key=registers._id_key):
        revision = stands[doc_id].in_force
        if revision is None:
            continue
        text = content.text_at(reader, revision)
        if text is None:
            continue
        loaded = load_document(revision.path, text.encode("utf-8"))
        document = loaded.item
        if (
            document is None
            or doc_id not in shown
            or not publishing.document_publishable(
                config, max_level, document, history.documents.get(doc_id)
            )
        ):
            continue
        in_force.append((document, revision.date))
        # redacted below, once what may not be named is known
        document_copies[f"documents/{doc_id} {revision.version.replace('/', '-')}.md"] = text
        # the page the site made for this id (its stamp says where), never the one at the
        # path of the version in force: a move or a swap keeps the version and gives the path
        # to another document
        page = site.page(doc_id) if site is not None else None
        if page is not None:
            files[f"documents/html/{doc_id}.html"] = page
    published = {d.id for d, _ in in_force if d.id}
    # the trail and the change history name these: in force at the end, or no longer present
    visible = published | (shown - present)

    say(cat.text("pack.progress.register"))
    every_row = registers.document_rows(repo, history, end, stands)
    nameable = [row for row in every_row if _nameable(config, max_level, repo, history, row.id)]
    withheld = len(every_row) - len(nameable)  # said in the README: the count, never the ids
    labels = Labels(config, cat)
    rows = [registers.register_cells(row, labels) for row in nameable]
    names = names_for(config, repo.record_types)
    yes_no = {True: cat.text("label.yes"), False: cat.text("label.no")}
    separator = cat.text("label.separator")
    headers = registers.register_headers(cat)
    files["register/register.csv"] = spreadsheets.csv_file(headers, rows)
    files["register/register.xlsx"] = xlsx(headers, rows, cat.text("label.register.title"))
    say(cat.text("pack.progress.copies"))
    with StoredVersions(repo.root) as stored:
        files.update(
            copies.pack_files(
                copies.ledger(history, config),  # the records on main, never the work tree's
                config,
                stands,
                end,
                lambda doc_id: _nameable(config, max_level, repo, history, doc_id),
                max_level,
                history,
                stored,
                cat.language,
                names,
            )
        )

    say(cat.text("pack.progress.history-trail"))
    chosen = sorted(
        (
            (d, r)
            for d in history.documents.values()
            if d.id in visible
            for r in d.revisions
            if r.commit and _in_period(r.date, start, end)
        ),
        key=lambda pair: (pair[1].date, pair[0].id),
    )
    # author-typed titles and change notes name no document the pack may not name
    # what a record may name, and the record types the pack shows: not one of a procedure
    # hidden by its level, nor one whose schema is not the one in force
    may_name = _nameable_ids(config, max_level, repo, history)
    known = set(history.documents) | {d.id for d in repo.documents if d.id}
    document_ids = publishing.DocumentIds.of(known - may_name, may_name)
    record_types = publishing.publishable_record_types(
        repo.record_types, publishing.DocumentIds.of(known - may_name), unsettled
    )
    # the schemas of a hidden procedure's types, never named (nor, once anything is hidden, a
    # schema no type of the work tree has: a hidden type's former or deleted one)
    unnamed = publishing.unnamed_schema_paths(
        repo.root,
        history,
        repo.record_types,
        publishing.DocumentIds.of(known - may_name),
        unsettled,
    )
    hidden_ids = (set(history.documents) | present) - visible
    hidden = publishing.output_names(
        repo.root,
        history,
        repo.documents,
        repo.record_types,
        hidden_ids,
        [d.title for d, _ in in_force],
        unnamed,
    )
    placeholder = cat.text("site.not_published")
    # a public document's copy names no document left out (a `related:` entry, a doc: link,
    # a file name), as its page and PDF copy do not (round 98): its bytes, with those redacted
    redacted = 0
    for name, text in document_copies.items():
        given = publishing.redact_names(text, hidden, placeholder)
        redacted += given != text
        files[name] = given.encode("utf-8")
    revisions = [
        {
            "document": d.id,
            "title": d.title,
            **r.to_json(),
            "change": publishing.redact_names(r.change, hidden, placeholder),
        }
        for d, r in chosen
    ]
    files["history/revisions.json"] = _json(revisions)
    files["history/revisions.csv"] = spreadsheets.csv_file(
        *revision_rows(
            chosen,
            cat,
            names,
            lambda revision: publishing.redact_names(revision.change, hidden, placeholder),
        )
    )
    period = [e for e in history.events if _in_period(e.date, start, end)]
    needed = publishing.names_docs_files(period, hidden)
    events = publishing.visible_events(
        period,
        visible,
        hidden,
        placeholder,
        page_links.images_used((d.path, d.body) for d, _ in in_force if needed),
        page_links.images_named(
            [(d.path, d.body) for d in repo.documents if needed and d.id not in published]
            # and what a hidden document showed in any version: a figure it no longer shows
            + (content.every_text(reader, history.documents, hidden_ids) if needed else [])
        ),
        unnamed=unnamed,
        schemas={rt.path for rt in repo.record_types.values()} - unnamed,
    )
    # the past problems the approved rules say were handled, judged against all of them
    handled = dispositions(repo.root, history, record_problems(history, config))

    def disposition_json(event: ApprovalEvent) -> dict[str, Any] | None:
        found = handled.handling(event.problems)
        return found.to_json(cat, names) if found else None

    files["history/trail.json"] = _json(
        [{**e.to_json(), "disposition": disposition_json(e)} for e in events]
    )
    shown_dispositions = []
    for d in handled.entries:
        entry = d.to_json(cat, names)
        if entry["refusal"] is not None:  # its text may name a document the pack may not
            entry["refusal"]["message"] = publishing.redact_names(
                entry["refusal"]["message"], hidden, placeholder
            )
        shown_dispositions.append(entry)
    files["history/dispositions.json"] = _json(shown_dispositions)
    trail_headers, trail_cells = trail_rows(events, cat=cat, names=names, dispositions=handled)
    files["history/trail.csv"] = spreadsheets.csv_file(trail_headers, trail_cells)
    files["history/signatures.csv"] = spreadsheets.csv_file(
        cat.headers(
            "label.signature", ("commit", "date", "status", "key", "signer", "verified-for")
        ),
        [
            [
                e.commit,
                e.date,
                cat.label("site.signature", e.signature.status),
                e.signature.key,
                _whose(e.signature.verified_for, cat, names) or e.signature.signer,
                _whose(e.signature.verified_for, cat, names),
            ]
            for e in events
        ],
    )

    say(cat.text("pack.progress.records"))
    count = unnamable = 0
    # a record may name only a document the pack may name, in any spelling (publishing.id_key)
    # (document_ids); a record type left out (record_types) is left out with its records
    for record in sorted(repo.records, key=lambda r: r.path):
        record_type = record_types.get(record.type)
        if record_type is None or not publishing.record_publishable(
            config, max_level, record, record_type
        ):
            continue
        if publishing.record_names_hidden(record_type.schema, record.data, document_ids):
            continue  # a record naming a document the pack may not name tells what it is
        day = str(record.data.get(record_type.date_field, ""))
        if day and _in_period(day, start, end):
            if name_problem(record.path) is not None:
                # a name no unzip tool extracts alike (a backslash, a tab) cannot be an entry;
                # left out and counted, rather than no pack at all
                unnamable += 1
                continue
            files[record.path] = (repo.root / record.path).read_bytes()
            count += 1

    say(cat.text("pack.progress.coverage"))
    cover = registers.coverage([d for d, _ in in_force], record_types, repo.clauses)
    files["coverage.csv"] = spreadsheets.csv_file(
        cat.headers("label.coverage", (*registers.COVERAGE_COLUMNS, "covered")),
        [
            [
                r.clause.id,
                r.clause.en if cat.language == "en" and r.clause.en else r.clause.zh,
                separator.join(r.documents),
                separator.join(
                    names.name(Ref("record-type", t), cat.language) for t in r.record_types
                ),
                yes_no[r.covered],
            ]
            for r in cover
        ],
    )

    say(cat.text("pack.progress.acks"))
    files.update(
        acks.pack_files(
            config,
            history,
            stands,
            start,
            end,
            lambda doc_id: _nameable(config, max_level, repo, history, doc_id),
            spreadsheets.csv_file,
        )
    )
    say(cat.text("pack.progress.suspect"))
    suspect, suspect_line = _suspect_entries(repo, config, history, end, max_level, record_types)
    files.update(suspect)

    problems = sorted(
        {(p.code, p.commit, p.document, p.key, p.args) for e in events for p in e.problems}
        | {(p.code, p.commit, p.document, p.key, p.args) for p in history.notices}
    )
    files["history/notices.json"] = _json([p.to_json(cat, names) for p in history.notices])
    lines = [
        cat.text("pack.readme.title"),
        cat.text("pack.readme.period", start=start, end=end),
        cat.text("pack.readme.branch", branch=history.branch, head=history.head),
        cat.text("pack.readme.level", level=max_level, withheld=withheld),
        cat.text("pack.readme.documents", n=len(in_force)),
        *([cat.text("pack.readme.documents-redacted", n=redacted)] if redacted else []),
        cat.text("pack.readme.events", events=len(events), problems=len(problems)),
        *(
            [cat.text("pack.readme.disposed", n=disposed)]
            if (disposed := sum(1 for e in events if handled.handling(e.problems)))
            else []
        ),
        cat.text("pack.readme.records", n=count),
        *([cat.text("pack.readme.records-unnamable", n=unnamable)] if unnamable else []),
        *(  # the count, never the names: a type left out may be a hidden procedure's
            [cat.text("pack.readme.types-unsettled", n=held)]
            if (held := len(unsettled & repo.record_types.keys()))
            else []
        ),
        suspect_line,
        html_line(site or site_stamp.Verdict("no-site", {}), cat),
        *([cat.text("pack.readme.shallow")] if history.incomplete else []),
        "",
        cat.text("pack.readme.legend"),
        *(
            cat.text(
                "pack.readme.evidence",
                label=cat.label("label.evidence", evidence),
                means=cat.text(f"pack.readme.evidence.{evidence}"),
            )
            for evidence in EVIDENCE_ORDER
        ),
        cat.text("pack.readme.no-approval"),
        # whose day a date is: the organisation's zone when doccontrol.yml names one (history
        # dates every commit there, days.in_zone), else the committer's own
        cat.text("pack.readme.dates-zone", zone=config.timezone)
        if config.zone is not None
        else cat.text("pack.readme.dates"),
        "",
        cat.text("pack.readme.made-by", version=__version__),
    ]
    files["README.txt"] = ("\n".join(lines) + "\n").encode()
    return files  # sealed (PACK.json, manifest, signature) by ``seal``


# the evidence strengths, strongest first, as the README's legend lists them
EVIDENCE_ORDER = (
    "approver-signed",
    "forge-signed",
    "forge-api-signed",
    "unsigned",
    "forge-api",
    "legacy",
    "none",
)


def html_line(site: site_stamp.Verdict, cat: Catalogue) -> str:
    """Whether the pack holds the documents' HTML pages, and why (README, PACK.json, CLI)."""
    return cat.text(f"pack.html.{site.reason}", **site.args)


def _suspect_entries(
    repo: Repository,
    config: Config,
    history: History,
    end: datetime.date,
    max_level: str,
    record_types: Mapping[str, object],
) -> tuple[dict[str, bytes], str]:
    """What was suspect at the end of the period (doccontrol.impact): the documents the pack
    may name, and the record types it shows (``record_types``); a source the pack may not name
    is described, not named."""
    from doccontrol import catalogue, impact

    t = catalogue.load(config.language or catalogue.DEFAULT_LANGUAGE)
    found = impact.suspects(repo, history, end)
    rows: list[dict[str, Any]] = []
    for item in found.items:
        if item.kind == "document" and not _nameable(config, max_level, repo, history, item.id):
            continue
        if item.kind == "record-type" and item.id not in record_types:
            continue  # a hidden procedure's type, or one whose schema is not in force
        causes = []
        for cause in item.causes:
            named = _nameable(config, max_level, repo, history, cause.source)
            causes.append(
                {
                    **cause.to_json(),
                    "source": cause.source if named else "",
                    "version": cause.version if named else "",
                    "commit": cause.commit if named else "",
                }
            )
        rows.append({"kind": item.kind, "id": item.id, "title": item.title, "causes": causes})
    hidden = t.text("site.suspect.hidden-source")
    entries = {
        "impact/suspect.json": _json(rows),
        "impact/suspect.csv": spreadsheets.csv_file(
            impact.suspect_headers(t),
            [
                [
                    t.text(f"impact.kind.{r['kind']}"),
                    r["id"],
                    r["title"],
                    r["causes"][0]["source"] or hidden,
                    r["causes"][0]["version"],
                    r["causes"][0]["date"][:10],
                    r["causes"][0]["commit"],  # whole: a short id can read as a number
                    t.join(t.text(f"impact.via.{v}") for v in r["causes"][0]["via"]),
                    len(r["causes"]),
                ]
                for r in rows
            ],
        ),
    }
    return entries, t.text("pack.suspect.readme", n=len(rows))


class PackError(Exception):
    """A pack that cannot be made or checked as asked (signing failed, no ssh-keygen): one
    clear line, exit 2; a catalogue key and its arguments (the shell speaks the language)."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.message = msg(key, **args)


@dataclass(frozen=True)
class PackInfo:
    """What a pack was made from; ``PACK.json``, covered by the manifest and its signature."""

    head: str
    branch: str
    start: str
    end: str
    max_confidentiality: str
    # whether documents/html/ holds the site's pages: site_pages's reason, and its message
    site_html: str = ""
    site_html_note: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": 1,
            "head": self.head,
            "branch": self.branch,
            "from": self.start,
            "to": self.end,
            "max_confidentiality": self.max_confidentiality,
            "made_by": f"doccontrol {__version__}",
        }
        if self.site_html:
            data["site_html"] = {
                "included": self.site_html == "used",
                "reason": self.site_html,
                "note": self.site_html_note,
            }
        return data


def manifest_bytes(files: Mapping[str, bytes]) -> bytes:
    """``MANIFEST.sha256``: one ``sha256  name`` line per entry (itself and the signature
    excepted), sorted by name."""
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n"
        for name, data in sorted(files.items())
        if name not in (MANIFEST, SIGNATURE)
    ).encode("utf-8")


def seal(files: Mapping[str, bytes], info: PackInfo, key: Path | None = None) -> dict[str, bytes]:
    """The pack's entries with PACK.json, the manifest and, with ``key``, its signature."""
    out = {n: d for n, d in files.items() if n not in (MANIFEST, SIGNATURE, PACK_INFO)}
    out[PACK_INFO] = _json(info.to_json())
    for name in out:
        wrong = name_problem(name)
        if wrong:  # never write a pack that its own verifier would refuse
            raise PackError("pack.error.bad-entry", name=repr(name), why=wrong)
    out[MANIFEST] = manifest_bytes(out)
    if key is not None:
        out[SIGNATURE] = sign(out[MANIFEST], key)
    return out


def sign(manifest: bytes, key: Path) -> bytes:
    """An SSH signature of the manifest made with ``key`` (a private key, or a public key
    whose private half is in ssh-agent)."""
    result = _ssh_keygen(["-Y", "sign", "-n", NAMESPACE, "-f", str(key)], manifest)
    if result.returncode != 0 or not result.stdout.startswith(b"-----BEGIN SSH SIGNATURE-----"):
        reason: str | Msg = _last_line(result.stderr) or msg(
            "pack.error.sign-exit", code=result.returncode
        )
        raise PackError("pack.error.sign", key=str(key), reason=reason)
    return result.stdout


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, files[name])
    return buffer.getvalue()


def allowed_signers(config: Config) -> str:
    """An ssh allowed-signers file of everyone's ``signing_keys``, for packs only: the format
    of ``history.signatures.allowed_signers``, with this namespace (a key registered for pack
    signing is not thereby trusted for commits, and the other way round) and no forge keys
    (a forge signs merges, not packs)."""
    return "".join(
        f'{person.id} namespaces="{NAMESPACE}" {key}\n'
        for person in config.people
        for key in person.signing_keys
        if key.startswith(("ssh-", "ecdsa-", "sk-"))
    )


# --- verification -----------------------------------------------------------------------------

_DRIVE = re.compile(r"^[A-Za-z]:")
_MANIFEST_LINE = re.compile(r"([0-9a-f]{64})  ([^\n]+)")
_HEX = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_SIGNED_WITH = re.compile(r"with (\S+) key (SHA256:[A-Za-z0-9+/=]+)")


def name_problem(name: str) -> Msg | None:
    """Why ``name`` cannot be an entry of a pack: it must be a plain relative path that every
    unzip tool extracts to the same place inside the target folder."""
    if not name:
        return msg("pack.name.empty")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return msg("pack.name.control")
    if "\\" in name:
        return msg("pack.name.backslash")
    if name.startswith("/") or _DRIVE.match(name):
        return msg("pack.name.absolute")
    if any(part in ("", ".", "..") for part in name.split("/")):
        return msg("pack.name.parts")
    return None


@dataclass(frozen=True)
class SignatureCheck:
    status: str  # good · bad · unknown-key · not-checked · unsigned
    principal: str = ""  # who the allowed-signers file says the key belongs to
    key: str = ""  # the signing key's fingerprint
    detail: Msg | None = None


@dataclass(frozen=True)
class Verdict:
    problems: tuple[Msg, ...]  # each thing wrong, as a catalogue key and its arguments
    info: PackInfo | None = None
    manifest: bytes = b""
    signature: bytes | None = None  # the signature entry, when there is one


def verify(path: Path) -> Verdict:
    """Everything wrong with a pack, one line each; its description, manifest and signature
    for ``signed_by`` to judge."""
    try:
        with path.open("rb") as handle, zipfile.ZipFile(handle) as archive:
            return _verify(archive, handle)
    except FileNotFoundError:
        return Verdict((msg("pack.problem.no-file"),))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        return Verdict((msg("pack.problem.not-zip", reason=str(exc)),))


def signed_by(verdict: Verdict, signers: str | None) -> SignatureCheck:
    """Who signed the pack, judged against an allowed-signers file's text (None: the
    signature, if any, is not checked)."""
    if verdict.signature is None:
        return SignatureCheck("unsigned")
    if signers is None:
        return SignatureCheck("not-checked")
    return check_signature(verdict.manifest, verdict.signature, signers)


def _verify(archive: zipfile.ZipFile, handle: IO[bytes]) -> Verdict:
    infos = archive.infolist()
    problems = _structure_problems(infos) or _layout_problems(handle, infos)
    if problems:  # which bytes a name means is ambiguous: nothing is read
        return Verdict(tuple(problems))
    # folders, links and devices hold no file of the pack: each is said, and the files are
    # still compared (a pack unzipped and zipped again by hand has folder entries, and what
    # was changed in it must show too)
    odd = [info for info in infos if not _regular(info)]
    problems = [msg("pack.problem.not-regular", name=info.orig_filename) for info in odd]
    by_name = {info.orig_filename: info for info in infos if _regular(info)}
    if MANIFEST not in by_name:
        return Verdict((*problems, msg("pack.problem.no-manifest", manifest=MANIFEST)))
    manifest, problem = _read_capped(archive, by_name[MANIFEST], MAX_ENTRY_BYTES)
    if manifest is None:
        return Verdict((*problems, _in(MANIFEST, problem)))
    expected, wrong = _parse_manifest(manifest)
    if wrong:
        return Verdict((*problems, *wrong))
    present = set(by_name) - {MANIFEST, SIGNATURE}
    for name in sorted(expected):
        if name not in present:
            problems.append(msg("pack.problem.listed-missing", name=name))
            continue
        digest, problem = _sha256(archive, by_name[name])
        if problem:
            problems.append(_in(name, problem))
        elif digest != expected[name]:
            problems.append(msg("pack.problem.differs", name=name))
    for name in sorted(present - set(expected)):
        problems.append(msg("pack.problem.not-listed", name=name))
    info = None
    if PACK_INFO not in expected:
        problems.append(msg("pack.problem.no-info", info=PACK_INFO))
    elif PACK_INFO in present:
        data, problem = _read_capped(archive, by_name[PACK_INFO], MAX_SMALL_BYTES)
        info, problem = (None, problem) if data is None else _pack_info(data)
        if problem:
            problems.append(_in(PACK_INFO, problem))
    signature = None
    if SIGNATURE in by_name:
        signature, problem = _read_capped(archive, by_name[SIGNATURE], MAX_SMALL_BYTES)
        if signature is None:
            problems.append(_in(SIGNATURE, problem))
    return Verdict(tuple(problems), info, manifest, signature)


def _in(name: str, problem: Msg | None) -> Msg:
    """``problem`` of the entry ``name``: one line, the name first."""
    return msg("pack.problem.in", name=name, problem=problem or "?")


def _size(n: int) -> str:
    return f"{n:,}"


def _structure_problems(infos: list[zipfile.ZipInfo]) -> list[Msg]:
    """Names, kinds and declared sizes, judged from the central directory before reading."""
    if len(infos) > MAX_ENTRIES:
        return [msg("pack.problem.too-many", n=len(infos), max=MAX_ENTRIES)]
    problems: list[Msg] = []
    counts = Counter(info.orig_filename for info in infos)
    for name, count in sorted(counts.items()):
        if count > 1:
            problems.append(msg("pack.problem.duplicate", name=name, n=count))
    total = 0
    for info in infos:
        name = info.orig_filename
        if not _regular(info):
            continue  # said by _verify, never read
        wrong = name_problem(name)
        if wrong:
            problems.append(msg("pack.problem.bad-name", name=repr(name), why=wrong))
            continue
        if info.flag_bits & 0x1:
            problems.append(msg("pack.problem.encrypted", name=name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(msg("pack.problem.compression", name=name, method=info.compress_type))
        if info.file_size > MAX_ENTRY_BYTES:
            problems.append(
                msg(
                    "pack.problem.entry-too-large",
                    name=name,
                    size=_size(info.file_size),
                    max=_size(MAX_ENTRY_BYTES),
                )
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        problems.append(
            msg("pack.problem.total-too-large", size=_size(total), max=_size(MAX_TOTAL_BYTES))
        )
    return problems


# the records of a zip's layout (APPNOTE 4.3): what zip_bytes writes, and nothing else
_LOCAL = struct.Struct("<4s5H3I2H")  # local file header
_END = struct.Struct("<4s4H2IH")  # end of central directory record
_LOCATOR = struct.Struct("<4sIQI")  # zip64 end of central directory locator
_END64 = struct.Struct("<4sQ2H2I4Q")  # zip64 end of central directory record
_DESCRIBED = 0x08  # flag: crc and sizes follow the data, in a data descriptor
_DESCRIPTOR = b"PK\x07\x08"


def _layout_problems(handle: IO[bytes], infos: list[zipfile.ZipInfo]) -> list[Msg]:
    """Whether every byte of the archive is one of the pack's own entries, as ``zip_bytes``
    writes them: the first local header at offset 0, each entry right after the one before
    in the central directory's order with a local header saying what its central entry says,
    the central directory right after the last, no comment and nothing after the end record.
    The signature covers what a reader of the central directory sees (as this one is); a
    streaming unzipper reads the local entries from the start instead, so any other byte (a
    forged zip put in front, an entry slipped between) could be what an auditor unpacks."""
    wrong = _layout(handle, infos)
    return [msg("pack.problem.layout", reason=wrong)] if wrong else []


def _layout(handle: IO[bytes], infos: list[zipfile.ZipInfo]) -> Msg | None:
    size = handle.seek(0, io.SEEK_END)
    end_at = size - _END.size
    end = _read_at(handle, end_at, _END.size) if end_at >= 0 else b""
    if len(end) != _END.size or end[:4] != b"PK\x05\x06":
        return msg("pack.layout.end")
    _sig, _disk, _cd_disk, _here, count, cd_size, cd_offset, comment = _END.unpack(end)
    if comment:
        return msg("pack.layout.end")
    directory_end = end_at
    locator_at = end_at - _LOCATOR.size
    locator = _read_at(handle, locator_at, _LOCATOR.size) if locator_at >= 0 else b""
    if locator[:4] == b"PK\x06\x07":  # zip64: the counts and offsets are in its record
        record_at = _LOCATOR.unpack(locator)[2]
        record = _read_at(handle, record_at, _END64.size) if record_at < locator_at else b""
        if len(record) != _END64.size or record[:4] != b"PK\x06\x06":
            return msg("pack.layout.end")
        fields = _END64.unpack(record)
        if record_at + 12 + fields[1] != locator_at:  # its size counts from after that field
            return msg("pack.layout.end")
        count, cd_size, cd_offset = fields[7], fields[8], fields[9]
        directory_end = record_at
    if count != len(infos):
        return msg("pack.layout.count", n=count, m=len(infos))
    if cd_offset + cd_size != directory_end:
        # the directory says it starts elsewhere than where it is: bytes were put before it
        return msg("pack.layout.shifted", n=directory_end - cd_size - cd_offset)
    at = 0
    for info in infos:
        if info.header_offset != at:
            if at == 0:
                return msg("pack.layout.before", name=info.orig_filename, n=info.header_offset)
            return msg("pack.layout.gap", name=info.orig_filename)
        if info.comment or not _only_zip64(info.extra):
            return msg("pack.layout.extra", name=info.orig_filename)
        length = _entry_length(handle, info)
        if length is None:
            return msg("pack.layout.local", name=info.orig_filename)
        if info.compress_type == zipfile.ZIP_DEFLATED and not _deflate_fills(handle, info):
            return msg("pack.layout.deflate", name=info.orig_filename)
        at += length
    if at != cd_offset:
        return msg("pack.layout.after", n=cd_offset - at)
    return None


def _entry_length(handle: IO[bytes], info: zipfile.ZipInfo) -> int | None:
    """The bytes of ``info``'s entry (local header, name, extra field, data, any data
    descriptor) when its local header says what its central entry says; None otherwise."""
    header = _read_at(handle, info.header_offset, _LOCAL.size)
    if len(header) != _LOCAL.size:
        return None
    sig, _version, flags, method, _time, _date, crc, packed, size, name_length, extra_length = (
        _LOCAL.unpack(header)
    )
    try:
        name = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
    except UnicodeEncodeError:
        return None
    extra = _read_at(handle, info.header_offset + _LOCAL.size + name_length, extra_length)
    if (
        sig != b"PK\x03\x04"
        or not _only_zip64(extra)
        or flags != info.flag_bits
        or method != info.compress_type
        or _read_at(handle, info.header_offset + _LOCAL.size, name_length) != name
        or len(extra) != extra_length
    ):
        return None
    data_at = info.header_offset + _LOCAL.size + name_length + extra_length
    data_end = data_at + info.compress_size
    wide = _has_zip64(extra)
    if flags & _DESCRIBED:
        if method == zipfile.ZIP_STORED:
            return None  # a streaming reader cannot tell where stored data ends
        width = 8 if wide else 4
        tail = _read_at(handle, data_end, 4 + 4 + 2 * width)
        skip = 4 if tail[:4] == _DESCRIPTOR else 0
        layout = "<I" + ("QQ" if wide else "II")
        body = tail[skip : skip + struct.calcsize(layout)]
        if len(body) != struct.calcsize(layout):
            return None
        crc, packed, size = struct.unpack(layout, body)
        data_end += skip + len(body)
    elif wide and 0xFFFFFFFF in (packed, size):
        wide_sizes = _zip64_sizes(extra, size == 0xFFFFFFFF, packed == 0xFFFFFFFF)
        if wide_sizes is None:
            return None
        size, packed = wide_sizes[0] or size, wide_sizes[1] or packed
    if (crc, packed, size) != (info.CRC, info.compress_size, info.file_size):
        return None
    length: int = data_end - info.header_offset  # (zipfile's fields are untyped)
    return length


def _deflate_fills(handle: IO[bytes], info: zipfile.ZipInfo) -> bool:
    """Whether ``info``'s deflate stream ends exactly at its last compressed byte: bytes
    after its end are no part of the entry to a reader of the central directory, yet one
    that follows the stream (as every streaming unzipper does for an entry with a data
    descriptor) reads them next. Inflated in chunks, the output thrown away; a stream that
    cannot be inflated, or inflates past its declared size, is the hashing's to report."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    header = _read_at(handle, info.header_offset, _LOCAL.size)
    name_length, extra_length = struct.unpack_from("<2H", header, 26)
    handle.seek(info.header_offset + _LOCAL.size + name_length + extra_length)
    left, made = info.compress_size, 0
    try:
        while left and not inflater.eof:
            data = handle.read(min(CHUNK, left))
            if not data:
                return True  # cut short: the hashing says so
            left -= len(data)
            while data and not inflater.eof:
                made += len(inflater.decompress(data, CHUNK))
                if made > info.file_size:
                    return True
                data = inflater.unconsumed_tail
    except zlib.error:
        return True
    return inflater.eof and not left and not inflater.unused_data


def _extra_fields(extra: bytes) -> Iterator[tuple[int, bytes]]:
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, at)
        yield kind, extra[at + 4 : at + 4 + length]
        at += 4 + length


def _only_zip64(extra: bytes) -> bool:
    """Whether an extra field holds nothing but zip64 sizes, all a pack ever carries there.
    Other fields change what an unzipper does with an entry, the name above all: Info-ZIP's
    Unicode Path (0x7075) makes unzip, 7-Zip and libarchive write the entry under the name it
    gives, which no reader of the central directory (as ``verify``'s) ever sees."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, at)
        if kind != 0x0001:
            return False
        at += 4 + length
    return at == len(extra)  # every byte in a whole field, none cut short or left over


def _has_zip64(extra: bytes) -> bool:
    return any(kind == 0x0001 for kind, _ in _extra_fields(extra))


def _zip64_sizes(extra: bytes, size: bool, packed: bool) -> tuple[int, int] | None:
    """The sizes a local header's zip64 field holds (in that order, each only when its
    32-bit field is full), 0 for one it does not hold."""
    data = next((data for kind, data in _extra_fields(extra) if kind == 0x0001), b"")
    wanted = [flag for flag in (size, packed) if flag]
    if len(data) < 8 * len(wanted):
        return None
    values = iter(struct.unpack_from(f"<{len(wanted)}Q", data))
    return (next(values) if size else 0, next(values) if packed else 0)


def _read_at(handle: IO[bytes], at: int, length: int) -> bytes:
    handle.seek(at)
    return handle.read(length)


def _regular(info: zipfile.ZipInfo) -> bool:
    """Whether an entry is a plain file (not a folder, a symbolic link or a device)."""
    mode = info.external_attr >> 16
    return not (
        info.orig_filename.endswith("/")
        or info.external_attr & 0x10  # MS-DOS directory attribute
        or (stat.S_IFMT(mode) and not stat.S_ISREG(mode))
    )


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """An entry's bytes in chunks, stopped past its declared size or ``cap`` (raises
    ``_TooLarge``): never more than one chunk in memory, whatever the zip claims."""
    read = 0
    handle: IO[bytes]
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK):
            read += len(chunk)
            if read > min(cap, info.file_size):
                raise _TooLarge(read)
            yield chunk


class _TooLarge(Exception):
    pass


_CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


def _sha256(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, Msg | None]:
    digest = hashlib.sha256()
    try:
        for chunk in _chunks(archive, info, MAX_ENTRY_BYTES):
            digest.update(chunk)
    except _TooLarge:
        return "", msg("pack.read.inflates", size=_size(info.file_size))
    except _CORRUPT as exc:
        return "", msg("pack.read.corrupt", reason=str(exc))
    return digest.hexdigest(), None


def _read_capped(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int
) -> tuple[bytes | None, Msg | None]:
    if info.file_size > cap:
        return None, msg("pack.read.declares", size=_size(info.file_size), cap=_size(cap))
    try:
        return b"".join(_chunks(archive, info, cap)), None
    except _TooLarge:
        return None, msg("pack.read.inflates", size=_size(info.file_size))
    except _CORRUPT as exc:
        return None, msg("pack.read.corrupt", reason=str(exc))


def _parse_manifest(data: bytes) -> tuple[dict[str, str], list[Msg]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {}, [msg("pack.manifest.not-utf8", manifest=MANIFEST, at=exc.start)]
    expected: dict[str, str] = {}
    problems: list[Msg] = []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    else:
        problems.append(msg("pack.manifest.no-newline", manifest=MANIFEST))
    for number, line in enumerate(lines, 1):
        at = {"manifest": MANIFEST, "line": number}
        match = _MANIFEST_LINE.fullmatch(line)
        if not match:
            problems.append(msg("pack.manifest.bad-line", **at, text=repr(line[:80])))
            continue
        digest, name = match[1], match[2]
        wrong = name_problem(name)
        if wrong:
            problems.append(msg("pack.manifest.bad-name", **at, name=repr(name), why=wrong))
        elif name in (MANIFEST, SIGNATURE):
            problems.append(msg("pack.manifest.self", **at, name=name))
        elif name in expected:
            problems.append(msg("pack.manifest.twice", **at, name=name))
        else:
            expected[name] = digest
    return expected, problems


def _pack_info(data: bytes) -> tuple[PackInfo | None, Msg | None]:
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, msg("pack.info.not-json")
    if not isinstance(raw, dict) or raw.get("format") != 1:
        return None, msg("pack.info.format")
    fields = ("head", "branch", "from", "to", "max_confidentiality")
    if not all(isinstance(raw.get(k), str) and raw.get(k) for k in fields):
        return None, msg("pack.info.fields", fields=fields)
    if not _HEX.fullmatch(raw["head"]):
        return None, msg("pack.info.head", head=repr(raw["head"][:80]))
    info = PackInfo(raw["head"], raw["branch"], raw["from"], raw["to"], raw["max_confidentiality"])
    return info, None


def check_signature(manifest: bytes, signature: bytes, signers: str) -> SignatureCheck:
    """Whether ``signature`` is a good SSH signature of ``manifest`` in the pack namespace by a
    key in the allowed-signers text ``signers``, and whose."""
    with tempfile.TemporaryDirectory(prefix="doccontrol-pack-") as tmp:
        sig_file, allowed_file = Path(tmp) / "manifest.sig", Path(tmp) / "allowed_signers"
        sig_file.write_bytes(signature)
        allowed_file.write_text(signers, encoding="utf-8")
        # the signature itself: made over these bytes in this namespace, by some key
        novalidate = _ssh_keygen(
            ["-Y", "check-novalidate", "-n", NAMESPACE, "-s", str(sig_file)], manifest
        )
        if novalidate.returncode != 0:
            return SignatureCheck("bad", detail=msg("pack.signature.mismatch"))
        found = _SIGNED_WITH.search(novalidate.stdout.decode("utf-8", "replace"))
        key = found[2] if found else ""
        principals = _ssh_keygen(
            ["-Y", "find-principals", "-s", str(sig_file), "-f", str(allowed_file)], b""
        )
        names = [n for n in principals.stdout.decode("utf-8", "replace").splitlines() if n]
        if principals.returncode != 0 or not names:
            return SignatureCheck("unknown-key", key=key)
        for principal in names:
            verified = _ssh_keygen(
                [
                    "-Y",
                    "verify",
                    "-f",
                    str(allowed_file),
                    "-I",
                    principal,
                    "-n",
                    NAMESPACE,
                    "-s",
                    str(sig_file),
                ],
                manifest,
            )
            if verified.returncode == 0:
                return SignatureCheck("good", principal, key)
        return SignatureCheck(
            "unknown-key",
            key=key,
            detail=msg("pack.signature.not-allowed", names=tuple(names)),
        )


def _ssh_keygen(args: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["ssh-keygen", *args], input=data, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise PackError("pack.error.no-ssh-keygen") from None
    except subprocess.TimeoutExpired:
        raise PackError("pack.error.ssh-keygen-timeout") from None


def _last_line(data: bytes) -> str:
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()]
    return next((line for line in reversed(lines) if line), "")


# --- where the pack came from -----------------------------------------------------------------


@dataclass(frozen=True)
class Provenance:
    """What the repository says about a pack's recorded head."""

    on_main: bool
    message: Msg  # a catalogue key and its arguments


def provenance(root: Path, main_branch: str, info: PackInfo) -> Provenance:
    """Whether ``info.head`` is on the main branch's first-parent line, where every pack
    ``audit-pack`` makes comes from: if it is not an ancestor of the tip at all, the history
    the pack was made from has been rewritten since (or the pack comes from another branch or
    repository); an ancestor off that line is a merged branch's commit, whose own line holds
    configuration nobody approved (its keys sign nothing)."""
    ref = _resolve(root, main_branch)
    if ref is None:
        return Provenance(False, msg("pack.provenance.no-branch", branch=main_branch))
    at = {"head": info.head[:10], "branch": main_branch}
    if _git(root, "cat-file", "-e", f"{info.head}^{{commit}}").returncode != 0:
        return Provenance(False, msg("pack.provenance.not-in-repo", **at))
    ancestor = _git(root, "merge-base", "--is-ancestor", info.head, ref)
    if ancestor.returncode == 1:
        return Provenance(False, msg("pack.provenance.not-on-main", **at))
    if ancestor.returncode != 0:
        reason = _last_line(ancestor.stderr.encode())
        return Provenance(False, msg("pack.provenance.cannot-tell", **at, reason=reason))
    line = _first_parent_line(root, ref)
    if line is None:
        return Provenance(False, msg("pack.provenance.cannot-tell", **at, reason=ref))
    if info.head not in line:
        return Provenance(False, msg("pack.provenance.off-line", **at))
    return Provenance(True, msg("pack.provenance.on-main", **at))


def _first_parent_line(root: Path, tip: str) -> dict[str, int] | None:
    """Each commit of ``tip``'s first-parent line and its place, newest first (0: the tip)."""
    listed = _git(root, "rev-list", "--first-parent", tip)
    if listed.returncode != 0:
        return None
    return {sha: place for place, sha in enumerate(listed.stdout.split())}


def approved_config_at(root: Path, head: str, history: History) -> tuple[Config | None, str | None]:
    """The doccontrol.yml in force at ``head`` as history applies it: from the last commit on
    the main branch's first-parent line up to ``head`` that changed it and was approved, or
    that came before control began; never a version nobody approved. Also that commit.
    ``head`` off that line (a merged branch's commit) has no configuration in force: None.

    A change to doccontrol.yml under control is always an approval event (history judges
    every controlled change), so a change without one is from before control began, which
    history's events place before the first of them on the line; one after it (a commit
    history never judged, as a side branch's is) never counts."""
    from doccontrol.config import CONFIG_FILE
    from doccontrol.history.rules import controlled_accepted
    from doccontrol.load.repository import load_config

    line = _first_parent_line(root, history.head)
    if line is None or head not in line:
        return None, None
    placed = [line[e.commit] for e in history.events if e.commit in line]
    # the oldest event's place (no event at all: nothing was ever changed under control)
    control_began = max(placed) if placed else -1
    judged = {e.commit: e for e in history.events if CONFIG_FILE in e.controlled}
    listed = _git(root, "rev-list", "--first-parent", head, "--", CONFIG_FILE)
    if listed.returncode != 0:
        return None, None
    changes = listed.stdout.split()  # head is on the line: so is its first-parent past
    for sha in changes:
        event = judged.get(sha)
        if event is None and line[sha] <= control_began:
            continue  # under control, yet never judged: never applied
        if event is not None and not controlled_accepted(event, CONFIG_FILE):
            continue  # never applied
        shown = _git(root, "cat-file", "blob", f"{sha}:{CONFIG_FILE}")
        if shown.returncode != 0:
            continue  # deleted (a deletion cannot relax the rules), or not a file
        return load_config(shown.stdout.encode("utf-8"))[0], sha
    if changes:
        # nothing approved: the first config on the line stands, as history takes it
        shown = _git(root, "cat-file", "blob", f"{changes[-1]}:{CONFIG_FILE}")
        if shown.returncode == 0:
            return load_config(shown.stdout.encode("utf-8"))[0], changes[-1]
    return None, None


def _resolve(root: Path, branch: str) -> str | None:
    for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}"):
        if exact_commit(root, ref) is not None:  # never a tag named like the ref
            return ref
    return None


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_git_text(root, args)  # refs/replace/* off
