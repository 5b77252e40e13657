"""``doccontrol check``: every rule over the loaded repository, as one sorted problem list."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection

from jsonschema import Draft202012Validator

from doccontrol import reserved_pages
from doccontrol.config import CONFIG_FILE, MAILMAP_FILE, NONCONFORMITY
from doccontrol.load.repository import RECORDS_DIR, Repository
from doccontrol.memo import ByObject
from doccontrol.model import Document, Record, RecordType
from doccontrol.problems import Problem, sorted_unique
from doccontrol.publishing import printable_path
from doccontrol.validate.config_rules import check_config
from doccontrol.validate.documents import (
    active_problems,
    check_document,
    headings,
    index_documents,
    render_problems,
)
from doccontrol.validate.mailmap import check_mailmap
from doccontrol.validate.records import check_record
from doccontrol.validate.schema import make_validator, validate


class Remembered:
    """What earlier checks found in each document that depends on that file alone (its front
    matter against the document schema, active content in its body, Markdown the renderers
    cannot take, its level-2 headings; a
    record against its type's schema), for a caller that checks a changing work tree again
    and again (``mkdocs serve``), by the documents and records themselves (``memo.ByObject``);
    a changed document schema forgets the findings (the headings and the renderers' verdict
    do not depend on it)."""

    def __init__(self) -> None:
        self._schema = ""
        self._own: ByObject[list[Problem]] = ByObject()
        self._headings: ByObject[list[str]] = ByObject()
        self._render: ByObject[list[Problem]] = ByObject()  # along with the path it names
        self._records: ByObject[list[Problem]] = ByObject()  # along with the record type
        self._validators: ByObject[Draft202012Validator] = ByObject()

    def own(
        self, document: Document, schema: str, find: Callable[[], list[Problem]]
    ) -> list[Problem]:
        if schema != self._schema:
            self._schema = schema
            self._own.clear()
        return self._own.get(document, find)

    def render_problems(self, document: Document, path: str | None = None) -> list[Problem]:
        """``documents.render_problems``, found once per text: ``check`` asks it of each
        document and the site of each text it renders, most often the very same object."""
        named = document.path if path is None else path
        return self._render.get(document, lambda: render_problems(document, named), along=named)

    def headings(self, document: Document) -> list[str]:
        """The level-2 headings of the document's body (what DC217 looks for)."""
        return self._headings.get(document, lambda: headings(document.body))

    def against_schema(
        self, record: Record, record_type: RecordType, find: Callable[[], list[Problem]]
    ) -> list[Problem]:
        """The record's problems against its type's schema, found again when either the
        record's file or the schema's changed."""
        return self._records.get(record, find, along=record_type)

    def validator(self, record_type: RecordType) -> Draft202012Validator:
        return self._validators.get(record_type, lambda: make_validator(record_type.schema))

    def keep_only(self, repo: Repository) -> None:
        """Forget the files this load no longer has."""
        self._own.keep_only(repo.documents)
        self._headings.keep_only(repo.documents)
        self._render.keep_only(repo.documents)
        self._records.keep_only(repo.records)
        self._validators.keep_only(repo.record_types.values())


def check(
    repo: Repository, only: Collection[str] | None = None, remembered: Remembered | None = None
) -> list[Problem]:
    """All problems, or only those in the files ``only`` (repo-relative POSIX paths).

    Problems of doccontrol.yml are always reported: when the config is wrong, nothing else
    can be judged. ``remembered``: what earlier checks of this work tree found (``Remembered``);
    a check without one finds everything afresh.
    """
    remembered = remembered if remembered is not None else Remembered()

    # a path with control characters is reported escaped (publishing.printable_path)
    shown = {printable_path(p) for p in only} if only is not None else set()

    def wanted(path: str) -> bool:
        return only is None or path in only or path in shown or path == CONFIG_FILE

    problems = [p for p in repo.problems if wanted(p.path)]
    config = repo.config
    if config is None:
        return sorted_unique(problems)
    if wanted(CONFIG_FILE):
        problems += check_config(config, repo.config_positions)
        problems += _disposition_records(repo)
    if wanted(MAILMAP_FILE):
        problems += check_mailmap(repo.root)
    index = index_documents(repo.documents)
    doc_validator = make_validator(repo.document_schema) if repo.document_schema else None
    schema_key = json.dumps(repo.document_schema, sort_keys=True)
    # the record types a document may name: those in use and those whose schema is broken
    known_types = frozenset(repo.record_types) | repo.unusable_record_types
    forms = reserved_pages.form_pages(repo.record_types)
    for document in repo.documents:
        if not wanted(document.path):
            continue
        # where the site generates a page or the build writes a file: a document there would
        # stand in for it (the approval trail, a register, a record) or break the build
        taken = reserved_pages.taken(document.path, forms)
        if taken is not None:
            problems.append(Problem.at(document.path, 1, 1, "problem.DC027", page=taken))

        def own(document: Document = document) -> list[Problem]:
            found = []
            if doc_validator is not None:
                found = validate(
                    doc_validator, dict(document.meta), document.path, document.positions
                )
            return found + active_problems(document)

        problems += remembered.own(document, schema_key, own)
        problems += remembered.render_problems(document)
        problems += check_document(
            document, config, index, repo.clauses, known_types, remembered.headings
        )
    for record_type in repo.record_types.values():
        if not wanted(record_type.path):
            continue
        if record_type.procedure not in index.by_id:
            problems.append(
                Problem.at(
                    record_type.path,
                    *record_type.key_positions.get("procedure", (1, 1)),
                    "problem.DC403.procedure",
                    procedure=record_type.procedure,
                )
            )
        for clause in record_type.clauses:
            if clause not in repo.clauses:
                problems.append(
                    Problem.at(
                        record_type.path,
                        *record_type.key_positions.get("clauses", (1, 1)),
                        "problem.DC403.clause",
                        clause=clause,
                    )
                )
    for type_id, files in repo.record_files.items():
        if type_id in repo.record_types:
            continue
        # a schema that is there but broken is reported in its own file: its records are
        # said to be unchecked, not to have no schema
        unusable = type_id in repo.unusable_record_types
        for path in files.values():
            if wanted(path):
                problems.append(
                    Problem.at(
                        path,
                        1,
                        1,
                        "problem.DC306.unusable" if unusable else "problem.DC306",
                        folder=f"{RECORDS_DIR}/{type_id}/",
                        schema=f"schemas/records/{type_id}.schema.json",
                    )
                )
    for record in repo.records:
        if not wanted(record.path):
            continue
        record_type = repo.record_types[record.type]

        def against_schema(
            record: Record = record, of_type: RecordType = record_type
        ) -> list[Problem]:
            validator = remembered.validator(of_type)
            return validate(validator, dict(record.data), record.path, record.positions)

        problems += remembered.against_schema(record, record_type, against_schema)
        problems += check_record(
            record, record_type, config, index, repo.clauses, repo.record_files
        )
    remembered.keep_only(repo)
    return sorted_unique(problems)


def _disposition_records(repo: Repository) -> list[Problem]:
    """Each past problem doccontrol.yml says was handled names a nonconformity record that
    exists (whether the disposition counts is the history's to judge)."""
    assert repo.config is not None
    known = repo.record_files.get(NONCONFORMITY, {})
    return [
        Problem.at(
            CONFIG_FILE,
            *repo.config_positions.of_value(("approval", "dispositions", index, "record")),
            "problem.DC402.disposition-record",
            record=record,
            folder=f"{RECORDS_DIR}/{NONCONFORMITY}/",
        )
        for index, (_, record, _) in enumerate(repo.config.approval.dispositions)
        if record not in known
    ]
