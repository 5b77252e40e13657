"""Problems: every finding knows the file, line and column it is about."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

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
    "DC020": "not-a-regular-file",  # symlinks and the like under docs/, records/, schemas/
    "DC021": "control-character-in-path",
    "DC022": "not-publishable-file",  # under docs/: neither a document nor an image
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
    "DC220": "active-content",  # <script>, on…= handlers, javascript: URLs in a body
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
    "DC520": "stale-effective-date",
    # read-and-understood acknowledgements (acks.py)
    "DC540": "acknowledgement-not-by-person",
    "DC541": "acknowledgement-edited-by-other",
    "DC542": "acknowledgement-unknown-version",
}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "name": CODES.get(self.code, ""),
            "message": self.message,
        }


def sorted_unique(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems))
