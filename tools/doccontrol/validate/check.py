"""``doccontrol check``: every rule over the loaded repository, as one sorted problem list."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection

from jsonschema import Draft202012Validator

from doccontrol.config import CONFIG_FILE
from doccontrol.load.repository import RECORDS_DIR, Repository
from doccontrol.model import Document, Record, RecordType
from doccontrol.problems import Problem, sorted_unique
from doccontrol.publishing import printable_path
from doccontrol.validate.config_rules import check_config
from doccontrol.validate.documents import (
    active_problems,
    check_document,
    headings,
    index_documents,
)
from doccontrol.validate.records import check_record
from doccontrol.validate.schema import make_validator, validate


class Remembered:
    """What earlier checks found in each document that depends on that file alone (its front
    matter against the document schema, active content in its body, its level-2 headings; a
    record against its type's schema), for a caller that checks a changing work tree again
    and again (``mkdocs serve``). The
    repository loader hands back the very object for a file it did not read again, so an
    object seen before is a file unchanged since; a changed document schema forgets the
    findings (the headings do not depend on it)."""

    def __init__(self) -> None:
        self._schema = ""
        self._own: dict[int, tuple[Document, list[Problem]]] = {}
        self._headings: dict[int, tuple[Document, list[str]]] = {}
        # a record against its type's schema, by the record and the type (both objects)
        self._records: dict[int, tuple[Record, RecordType, list[Problem]]] = {}
        self._validators: dict[int, tuple[RecordType, Draft202012Validator]] = {}

    def own(
        self, document: Document, schema: str, find: Callable[[], list[Problem]]
    ) -> list[Problem]:
        if schema != self._schema:
            self._schema, self._own = schema, {}
        seen = self._own.get(id(document))
        if seen is not None and seen[0] is document:  # the object itself, not a reused id
            return seen[1]
        found = find()
        self._own[id(document)] = (document, found)
        return found

    def headings(self, document: Document) -> list[str]:
        """The level-2 headings of the document's body (what DC217 looks for)."""
        seen = self._headings.get(id(document))
        if seen is not None and seen[0] is document:
            return seen[1]
        found = headings(document.body)
        self._headings[id(document)] = (document, found)
        return found

    def against_schema(
        self, record: Record, record_type: RecordType, find: Callable[[], list[Problem]]
    ) -> list[Problem]:
        """The record's problems against its type's schema, found again when either the
        record's file or the schema's changed."""
        seen = self._records.get(id(record))
        if seen is not None and seen[0] is record and seen[1] is record_type:
            return seen[2]
        found = find()
        self._records[id(record)] = (record, record_type, found)
        return found

    def validator(self, record_type: RecordType) -> Draft202012Validator:
        seen = self._validators.get(id(record_type))
        if seen is not None and seen[0] is record_type:
            return seen[1]
        made = make_validator(record_type.schema)
        self._validators[id(record_type)] = (record_type, made)
        return made

    def keep_only(self, documents: Collection[Document]) -> None:
        present = {id(d) for d in documents}
        self._own = {key: seen for key, seen in self._own.items() if key in present}
        self._headings = {key: seen for key, seen in self._headings.items() if key in present}

    def keep_only_records(
        self, records: Collection[Record], record_types: Collection[RecordType]
    ) -> None:
        present = {id(r) for r in records}
        self._records = {key: seen for key, seen in self._records.items() if key in present}
        types = {id(t) for t in record_types}
        self._validators = {key: seen for key, seen in self._validators.items() if key in types}


def check(
    repo: Repository, only: Collection[str] | None = None, remembered: Remembered | None = None
) -> list[Problem]:
    """All problems, or only those in the files ``only`` (repo-relative POSIX paths).

    Problems of doccontrol.yml are always reported: when the config is wrong, nothing else
    can be judged. ``remembered``: what earlier checks of this work tree found (``Remembered``).
    """

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
    index = index_documents(repo.documents)
    doc_validator = make_validator(repo.document_schema) if repo.document_schema else None
    schema_key = json.dumps(repo.document_schema, sort_keys=True) if remembered else ""
    for document in repo.documents:
        if not wanted(document.path):
            continue

        def own(document: Document = document) -> list[Problem]:
            found = []
            if doc_validator is not None:
                found = validate(
                    doc_validator, dict(document.meta), document.path, document.positions
                )
            return found + active_problems(document)

        problems += remembered.own(document, schema_key, own) if remembered else own()
        problems += check_document(
            document,
            config,
            index,
            repo.clauses,
            repo.record_types,
            remembered.headings if remembered else None,
        )
    if remembered is not None:
        remembered.keep_only(repo.documents)
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
        for path in files.values():
            if wanted(path):
                problems.append(
                    Problem.at(
                        path,
                        1,
                        1,
                        "problem.DC306",
                        folder=f"{RECORDS_DIR}/{type_id}/",
                        schema=f"schemas/records/{type_id}.schema.json",
                    )
                )
    validators: dict[str, Draft202012Validator] = {}
    for record in repo.records:
        if not wanted(record.path):
            continue
        record_type = repo.record_types[record.type]
        if record.type not in validators:
            validators[record.type] = (
                remembered.validator(record_type)
                if remembered
                else make_validator(record_type.schema)
            )

        def against_schema(
            record: Record = record, validator: Draft202012Validator = validators[record.type]
        ) -> list[Problem]:
            return validate(validator, dict(record.data), record.path, record.positions)

        problems += (
            remembered.against_schema(record, record_type, against_schema)
            if remembered
            else against_schema()
        )
        problems += check_record(
            record, record_type, config, index, repo.clauses, repo.record_files
        )
    if remembered is not None:
        remembered.keep_only_records(repo.records, repo.record_types.values())
    return sorted_unique(problems)
