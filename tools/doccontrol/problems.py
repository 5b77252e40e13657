"""Problems: every finding knows the file, line and column it is about.

A problem carries a message key and its arguments, never words: it is rendered at output time
in the language of the run (``problem.text(catalogue, names)``). The texts live in
``catalogue/problems.toml`` under ``problem.<code>`` or ``problem.<code>.<variant>``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from doccontrol import catalogue as catalogues

if TYPE_CHECKING:
    from doccontrol.config import Config
    from doccontrol.model import RecordType

# Stable codes. The slug is what the code means; messages carry the specifics.
CODES: dict[str, str] = {
    # files and YAML
    "DC001": "not-utf8",
    "DC002": "byte-order-mark",
    "DC003": "crlf-line-ends",
    "DC004": "tab-indentation",
    "DC005": "empty-file",
    "DC006": "file-too-large",
    "DC007": "yaml-syntax",
    "DC008": "duplicate-key",
    "DC009": "yaml-alias",
    "DC010": "front-matter-missing",
    "DC011": "front-matter-unterminated",
    "DC012": "not-a-mapping",
    "DC013": "unreadable-file",
    "DC014": "non-text-key",
    "DC015": "json-syntax",
    "DC016": "nested-too-deep",
    "DC017": "yaml-tag",
    "DC018": "yaml-merge-key",
    "DC019": "lone-surrogate",
    "DC020": "not-a-regular-file",  # symlinks and the like under docs/, records/, schemas/
    "DC021": "control-character-in-path",
    "DC022": "not-publishable-file",  # under docs/: neither a document nor an image
    "DC023": "yaml-directive",
    "DC024": "yaml-1.1-line-break",
    "DC025": "never-published-path",  # Markdown MkDocs always leaves out (.hidden, templates/)
    "DC026": "same-page",  # a.md, a/index.md, a/README.md: one page of the site
    "DC027": "generated-page",  # where the site generates the trail, a register, a record
    # schema
    "DC101": "missing-key",
    "DC102": "unknown-key",
    "DC103": "wrong-type",
    "DC104": "not-allowed-value",
    "DC105": "bad-format",
    "DC106": "not-a-date",
    "DC107": "schema-violation",
    # documents
    "DC201": "duplicate-document-id",
    "DC202": "id-pattern",
    "DC203": "bad-version",
    "DC204": "unknown-role",
    "DC205": "unknown-document",
    "DC206": "unknown-clause",
    "DC207": "unknown-record-type",
    "DC208": "obsolete-without-successor",
    "DC209": "effective-without-date",
    "DC210": "effective-draft-version",
    "DC211": "unknown-distribution",
    "DC212": "unknown-type",
    "DC213": "unknown-department",
    "DC214": "unknown-placeholder",
    "DC215": "successor-but-not-obsolete",
    "DC216": "unresolved-link",
    "DC217": "missing-section",
    "DC218": "unknown-directive",  # a <!-- doccontrol:… --> comment that is no directive
    "DC219": "impossible-paper-approval",  # legacy_history dated ahead or above the version
    "DC220": "active-content",  # <script>, on…= handlers, javascript: URLs in a body
    "DC221": "future-review-date",  # review_date (最近评审日期) after today
    "DC222": "markdown-too-costly",  # brackets Python-Markdown reads in quadratic time
    "DC223": "markdown-nested-too-deep",  # lists, quotes, markdown HTML: Python-Markdown recurses
    # records
    "DC301": "duplicate-record-id",
    "DC302": "record-id-file-name",
    "DC303": "record-id-pattern",
    "DC304": "unresolved-record-link",
    "DC305": "unresolved-document-link",
    "DC306": "unknown-record-folder",
    "DC307": "unresolved-reference",
    "DC308": "record-outside-type-folder",
    # config and schemas
    "DC401": "config-missing",
    "DC402": "config-reference",
    "DC403": "bad-record-schema",
    "DC404": "bad-pattern",
    "DC405": "mailmap-control-character",  # or a line too long for git to read whole
    # history and approval
    "DC501": "unapproved-change",
    "DC502": "approver-lacks-role",
    "DC503": "self-approval",
    "DC504": "no-approver",
    "DC505": "no-reviewer",
    "DC506": "reviewer-lacks-role",
    "DC507": "unsigned-approval",
    "DC508": "bad-signature",
    "DC509": "untrusted-signature",
    "DC510": "version-not-increased",
    "DC511": "body-changed-without-bump",
    "DC512": "unknown-person",
    "DC513": "invalid-at-approval",
    "DC514": "history-incomplete",
    "DC515": "effective-outside-approval",
    "DC516": "unapproved-config-change",
    "DC517": "control-since-moved",
    "DC518": "history-rewritten",
    "DC519": "committed-cache",
    # reviews the forge recorded (refs/notes/doccontrol)
    "DC530": "forge-note-unreadable",
    "DC531": "forge-note-wrong-commit",
    "DC532": "forge-review-stale",
    "DC533": "forge-changes-requested",
    "DC534": "forge-login-unknown",
    "DC535": "forge-notes-missing",
    "DC536": "forge-note-unsigned",
    "DC537": "forge-pr-head-missing",
    "DC520": "stale-effective-date",
    "DC521": "disposition-not-counted",  # approval.dispositions (history/dispositions.py)
    "DC522": "stale-branch-version",
    "DC523": "path-listed-twice",
    "DC524": "commit-dated-ahead",
    # read-and-understood acknowledgements (acks.py)
    "DC540": "acknowledgement-not-by-person",
    "DC541": "acknowledgement-edited-by-other",
    "DC542": "acknowledgement-unknown-version",
    "DC543": "acknowledgement-backdated",
    # controlled copies (copies.py): distribution records judged by who wrote them
    "DC550": "distribution-changed-by-other",
    "DC551": "recall-by-other",
}


RefKind = Literal["role", "person", "record-type", "department", "document-type"]


@dataclass(frozen=True)
class Ref:
    """An argument that is an id of something with a name: shown as that name (a role's name
    from doccontrol.yml, a record type's label), never as the id, when the names are known."""

    kind: RefKind
    id: str


@dataclass(frozen=True)
class Msg:
    """A text inside a text (a reason shared by several messages): a key and its arguments."""

    key: str
    args: Args = ()


Arg: TypeAlias = str | int | Ref | Msg | tuple["Arg", ...]
Args: TypeAlias = tuple[tuple[str, Arg], ...]


def make_args(values: Mapping[str, Any]) -> Args:
    """Keyword arguments as a hashable, ordered tuple of pairs (lists become tuples)."""
    return tuple(sorted((name, _frozen(value)) for name, value in values.items()))


def _frozen(value: Any) -> Arg:
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return tuple(_frozen(v) for v in items)
    if isinstance(value, str | int | Ref | Msg):
        return value
    return str(value)


def msg(key: str, /, **args: Any) -> Msg:
    return Msg(key, make_args(args))


@dataclass(frozen=True)
class Names:
    """What ids are called, per kind and language: kind -> id -> (zh, en)."""

    table: Mapping[str, Mapping[str, tuple[str, str]]] = field(default_factory=dict)

    def name(self, ref: Ref, language: str) -> str:
        found = self.table.get(ref.kind, {}).get(ref.id)
        if found is None:
            return ref.id
        zh, en = found
        return (en or zh) if language == "en" else (zh or en)


def names_for(config: Config | None, record_types: Mapping[str, RecordType] | None = None) -> Names:
    """The names of roles, people, departments, document and record types of one repository."""
    table: dict[str, dict[str, tuple[str, str]]] = {}
    if config is not None:
        table["role"] = {k: (v.name, v.name_en) for k, v in config.roles.items()}
        table["department"] = {k: (v.name, v.name_en) for k, v in config.departments.items()}
        table["person"] = {p.id: (p.name, p.name) for p in config.people}
        table["document-type"] = {k: (v.label, v.label) for k, v in config.document_types.items()}
    if record_types:
        table["record-type"] = {k: (v.name, v.name_en) for k, v in record_types.items()}
    return Names(table)


NO_NAMES = Names()


def render(value: Arg, cat: catalogues.Catalogue, names: Names = NO_NAMES) -> str:
    """One argument as the reader sees it: names for ids, lists joined the language's way."""
    if isinstance(value, Ref):
        return names.name(value, cat.language)
    if isinstance(value, Msg):
        return render_text(value.key, value.args, cat, names)
    if isinstance(value, tuple):
        return cat.join(render(v, cat, names) for v in value)
    return str(value)


def render_text(key: str, args: Args, cat: catalogues.Catalogue, names: Names = NO_NAMES) -> str:
    return cat.text(key, **{name: render(value, cat, names) for name, value in args})


def args_to_json(args: Args) -> list[Any]:
    """Arguments as JSON (for the history cache): [[name, value], ...]."""
    return [[name, _arg_json(value)] for name, value in args]


def _arg_json(value: Arg) -> Any:
    if isinstance(value, Ref):
        return {"ref": value.kind, "id": value.id}
    if isinstance(value, Msg):
        return {"key": value.key, "args": args_to_json(value.args)}
    if isinstance(value, tuple):
        return [_arg_json(v) for v in value]
    return value


def args_from_json(data: Any) -> Args:
    return tuple((str(name), _arg_from_json(value)) for name, value in data)


def _arg_from_json(value: Any) -> Arg:
    if isinstance(value, dict) and "ref" in value:
        return Ref(value["ref"], str(value["id"]))
    if isinstance(value, dict):
        return Msg(str(value["key"]), args_from_json(value["args"]))
    if isinstance(value, list):
        return tuple(_arg_from_json(v) for v in value)
    return value if isinstance(value, int) else str(value)


def code_of(key: str) -> str:
    """``problem.DC101.variant`` -> ``DC101``."""
    return key.split(".")[1]


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    key: str
    args: Args = ()

    @classmethod
    def at(cls, path: str, line: int, col: int, key: str, /, **args: Any) -> Problem:
        """A problem whose text is the catalogue's ``key`` (``problem.<code>[.<variant>]``)."""
        return cls(path, line, col, code_of(key), key, make_args(args))

    def __lt__(self, other: Problem) -> bool:
        return self._order() < other._order()

    def _order(self) -> tuple[str, int, int, str, str, str]:
        return (self.path, self.line, self.col, self.code, self.key, repr(self.args))

    def text(self, cat: catalogues.Catalogue | None = None, names: Names = NO_NAMES) -> str:
        return render_text(self.key, self.args, cat or catalogues.load(), names)

    @property
    def message(self) -> str:
        """The text in Chinese without names: for callers that have no catalogue of the run."""
        return self.text()

    def format(self, cat: catalogues.Catalogue | None = None, names: Names = NO_NAMES) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.text(cat, names)}"

    def to_json(
        self, cat: catalogues.Catalogue | None = None, names: Names = NO_NAMES
    ) -> dict[str, Any]:
        chosen = cat or catalogues.load()
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "name": CODES.get(self.code, ""),
            "key": self.key,
            "message": self.text(chosen, names),
            "args": {name: render(value, chosen, names) for name, value in self.args},
        }


def sorted_unique(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems))
