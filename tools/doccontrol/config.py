"""doccontrol.yml as typed, immutable data."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from doccontrol import days
from doccontrol.person_names import name_key, name_keys
from doccontrol.validate.ids import same_key

CONFIG_FILE = "doccontrol.yml"
# the record type that holds nonconformities and their corrective actions (ISO/IEC 20000-1 10.1):
# what approval.dispositions names
NONCONFORMITY = "nonconformity"
# How every id pattern is compiled: '\d' is 0-9 and '\w' is ASCII, so full-width or Arabic
# digits (INC-２０２６-０００１, which prints like INC-2026-0001) never pass as a number.
# Patterns are matched with fullmatch, since '$' also matches before a final newline.
ID_FLAGS = re.ASCII
MAILMAP_FILE = ".mailmap"
# The rules, identities, schemas and publishing set-up, what runs the checks (CI, pre-commit)
# and what changes how Git writes files out (.gitattributes, in any folder; .gitmodules):
# changed only through approval. Every local file the approved mkdocs.yml (or mkdocs.yaml)
# names (hooks, INHERIT, custom_dir…) is controlled too: history.rules_paths reads them.
CONTROLLED_PATHS = (
    CONFIG_FILE,
    MAILMAP_FILE,
    "schemas/",
    "mkdocs.yml",
    "mkdocs.yaml",  # MkDocs' other name for it, read when there is no mkdocs.yml
    ".gitattributes",
    ".gitmodules",
    ".pre-commit-config.yaml",
    ".github/workflows/",
    ".gitlab-ci.yml",
)
# a .gitattributes in any folder changes how the files under it are checked out
_ANYWHERE = (".gitattributes",)


@dataclass(frozen=True)
class DocumentType:
    id: str
    label: str
    id_pattern: re.Pattern[str]
    id_format: str
    version_scheme: str
    folder: str
    defaults: Mapping[str, tuple[str, ...]]
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Named:
    id: str
    name: str
    name_en: str


def email_key(address: str) -> str:
    """The form two email addresses are compared in, as ids are (validate/ids.py): NFKC and
    case folding, without format characters (zero-width spaces and joiners, bidi marks), so
    an address that prints as a person's (``liu.jing@example.com`` followed by U+200B, a
    full-width letter, another case) is that person's, never a stranger's."""
    kept = "".join(c for c in address if unicodedata.category(c) != "Cf")
    return same_key(kept).strip()


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    rank: int


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    emails: tuple[str, ...]  # lower-cased
    department: str | None
    roles: tuple[str, ...]
    signing_keys: tuple[str, ...]
    # (forge, login) pairs, lower-cased (GitHub logins are case-insensitive): how reviews the
    # forge recorded (refs/notes/doccontrol) are matched to the person
    forge_accounts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ApprovalRules:
    approve_trailers: tuple[str, ...] = ("Approved-by",)
    review_trailers: tuple[str, ...] = ("Reviewed-by",)
    require_review: bool = True
    merger_is_approver: bool = False
    require_signed: bool = False
    allow_self_approval: bool = False
    trusted_forge_keys: tuple[str, ...] = ()
    # forge keys taken out of service without being compromised: they sign no new note, and
    # the notes they signed while trusted keep their strength (a key left out of both lists
    # is revoked: none of its notes counts)
    retired_forge_keys: tuple[str, ...] = ()
    # a forge's unsigned squash merge counts (as the weakest evidence) only when this says the
    # forge's branch protection is trusted
    trust_unsigned_squash: bool = False
    # who approves and reviews a change to the controlled configuration (CONTROLLED_PATHS)
    config_approvers: tuple[str, ...] = ()
    config_reviewers: tuple[str, ...] = ()
    controlled_paths: tuple[str, ...] = ()
    # past problems of the trail handled as nonconformities: (commit, nonconformity record id)
    # each; which of them count is history/dispositions.py's to judge
    dispositions: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    def controls(self, path: str) -> bool:
        """Whether a change to ``path`` changes the rules, identities or publishing: such a
        change needs an approval like a document's."""
        # the entry that stands where a controlled folder or file is, or holds one (a
        # submodule or a link named `tools`, no slash), changes every file under it, and a
        # folder named like a controlled file (`mkdocs.yml/x`) stands in its place: judged
        # like them (round 70)
        entry = path + "/"
        return path.rpartition("/")[2] in _ANYWHERE or any(
            path == p or path.startswith(p.rstrip("/") + "/") or p.startswith(entry)
            for p in (*CONTROLLED_PATHS, *self.controlled_paths)
        )


@dataclass(frozen=True)
class PublishSettings:
    site_name: str = "服务管理体系文件"
    max_confidentiality: str = "internal"
    repo_url: str | None = None
    # build an uncontrolled PDF of every published document with the site (doccontrol[pdf])
    pdf: bool = False


@dataclass(frozen=True)
class AckSettings:
    """Read-and-understood (阅知确认): who must acknowledge a version in force, and by when."""

    days: int = 14  # allowed after the version takes effect, unless its type says otherwise
    days_by_type: Mapping[str, int] = field(default_factory=dict)
    # revisions that need no new acknowledgement: "front-matter" (the body did not change),
    # "editorial" (the approving commit carries the trailer Change-type: editorial)
    exempt: tuple[str, ...] = ("front-matter", "editorial")
    # versions that took effect before this day are owed by nobody (adopting the feature)
    since: str = ""

    def days_for(self, doc_type: str) -> int:
        return self.days_by_type.get(doc_type, self.days)


@dataclass(frozen=True)
class Config:
    main_branch: str
    control_since: str | None
    organization: Mapping[str, str]
    document_types: Mapping[str, DocumentType]
    confidentiality: tuple[Level, ...]
    departments: Mapping[str, Named]
    roles: Mapping[str, Named]
    people: tuple[Person, ...]
    approval: ApprovalRules
    publish: PublishSettings
    # zh or en; None: the CLI follows the locale, the site speaks Chinese (catalogue.language_for)
    language: str | None = None
    # None: no acknowledgements are asked for (the section is absent from doccontrol.yml)
    acknowledgement: AckSettings | None = None
    # the organisation's time zone (an IANA name or a UTC offset), whose days history counts
    # (doccontrol.days); None: each day is the committer's own, today the machine's
    timezone: str | None = None

    @property
    def zone(self) -> datetime.tzinfo | None:
        return days.zone(self.timezone)

    def today(self) -> datetime.date:
        """Today in the organisation's time zone."""
        return days.today(self.zone)

    def person_by_email(self, email: str) -> Person | None:
        wanted = email_key(email)
        for person in self.people:
            if any(email_key(e) == wanted for e in person.emails):
                return person
        return None

    def bears_a_listed_name(self, name: str) -> bool:
        """Whether ``name`` is, by ``name_keys``, the name or id of someone listed."""
        return not self._listed_names.isdisjoint(name_keys(name))

    @cached_property
    def _listed_names(self) -> frozenset[str]:
        # asked for each commit whose committer no address names: worked out once
        return frozenset(name_key(n) for p in self.people for n in (p.name, p.id)) - {""}

    def person_by_forge_login(self, forge: str, login: str) -> Person | None:
        """The one person whose ``forge_accounts`` name this login; None when nobody does, or
        when two people claim it (an ambiguous account proves nobody's review)."""
        wanted = (forge, login.strip().lower())
        found = [p for p in self.people if wanted in p.forge_accounts]
        return found[0] if len(found) == 1 else None

    def uses_forge(self, forge: str) -> bool:
        """Whether anyone's reviews on ``forge`` are meant to count (some forge_accounts)."""
        return any(f == forge for p in self.people for f, _ in p.forge_accounts)

    def person_by_id(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def level(self, level_id: str) -> Level | None:
        return next((lvl for lvl in self.confidentiality if lvl.id == level_id), None)


def _tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return ()


def from_data(data: Mapping[str, Any]) -> Config:
    """Build the config from data that has passed the config schema."""
    types = {}
    for type_id, spec in data["document_types"].items():
        types[type_id] = DocumentType(
            id=type_id,
            label=spec["label"],
            id_pattern=re.compile(spec["id_pattern"], ID_FLAGS),
            id_format=spec["id_format"],
            version_scheme=spec["version_scheme"],
            folder=spec.get("folder", f"docs/{type_id}"),
            defaults={k: _tuple(v) for k, v in spec.get("defaults", {}).items()},
            sections=tuple(spec.get("sections", ())),
        )
    approval = data.get("approval", {})
    publish = data.get("publish", {})
    defaults = ApprovalRules()
    # the configuration is approved like the manual unless the config names other roles
    manual = types.get("manual")
    manual_roles = manual.defaults if manual else {}
    return Config(
        main_branch=data["main_branch"],
        control_since=data.get("control_since"),
        organization=dict(data["organization"]),
        document_types=types,
        confidentiality=tuple(
            Level(item["id"], item["label"], rank)
            for rank, item in enumerate(data["confidentiality"])
        ),
        departments={
            k: Named(k, v["name"], v.get("name_en", "")) for k, v in data["departments"].items()
        },
        roles={k: Named(k, v["name"], v.get("name_en", "")) for k, v in data["roles"].items()},
        people=tuple(
            Person(
                id=p["id"],
                name=p["name"],
                emails=tuple(e.lower() for e in p["emails"]),
                department=p.get("department"),
                roles=tuple(p.get("roles", ())),
                signing_keys=tuple(p.get("signing_keys", ())),
                forge_accounts=tuple(
                    (forge, login.strip().lower())
                    for forge, logins in (p.get("forge_accounts") or {}).items()
                    for login in _tuple(logins)
                ),
            )
            for p in data["people"]
        ),
        approval=ApprovalRules(
            approve_trailers=tuple(approval.get("approve_trailers", defaults.approve_trailers)),
            review_trailers=tuple(approval.get("review_trailers", defaults.review_trailers)),
            require_review=approval.get("require_review", defaults.require_review),
            merger_is_approver=approval.get("merger_is_approver", defaults.merger_is_approver),
            require_signed=approval.get("require_signed", defaults.require_signed),
            allow_self_approval=approval.get("allow_self_approval", defaults.allow_self_approval),
            trusted_forge_keys=tuple(approval.get("trusted_forge_keys", ())),
            retired_forge_keys=tuple(approval.get("retired_forge_keys", ())),
            trust_unsigned_squash=approval.get("trust_unsigned_squash", False),
            config_approvers=_tuple(
                approval.get("config_approvers", manual_roles.get("approver", ()))
            ),
            config_reviewers=_tuple(
                approval.get("config_reviewers", manual_roles.get("reviewer", ()))
            ),
            controlled_paths=_tuple(approval.get("controlled_paths", ())),
            dispositions=_dispositions(approval.get("dispositions")),
        ),
        publish=PublishSettings(
            site_name=publish.get("site_name", PublishSettings.site_name),
            max_confidentiality=publish.get("max_confidentiality", "internal"),
            repo_url=publish.get("repo_url"),
            pdf=publish.get("pdf", False) is True,
        ),
        language=data.get("language"),
        acknowledgement=_ack_settings(data.get("acknowledgement")),
        timezone=data.get("timezone") or None,
    )


def _dispositions(data: Any) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    if not isinstance(data, list):
        return ()
    return tuple(
        (
            str(entry.get("commit", "")).lower(),
            str(entry.get("record", "")),
            tuple(sorted({str(c).upper() for c in _listed(entry.get("problems"))})),
        )
        for entry in data
        if isinstance(entry, dict)
    )


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _ack_settings(data: Any) -> AckSettings | None:
    if not isinstance(data, dict):
        return None
    defaults = AckSettings()
    return AckSettings(
        days=int(data.get("days", defaults.days)),
        days_by_type={str(k): int(v) for k, v in (data.get("types") or {}).items()},
        exempt=_tuple(data.get("exempt", defaults.exempt)),
        since=str(data.get("since") or ""),
    )


def signing_required(config: Config) -> Config:
    """``config`` with ``approval.require_signed`` on: the rules in force when a signed change
    turned it on whose doccontrol.yml could not come into force (History.signing_forced)."""
    return replace(config, approval=replace(config.approval, require_signed=True))
