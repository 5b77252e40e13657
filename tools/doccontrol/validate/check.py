"""``doccontrol check``: every rule over the loaded repository, as one sorted problem list."""

from __future__ import annotations

from collections.abc import Collection

from doccontrol.config import CONFIG_FILE
from doccontrol.load.repository import RECORDS_DIR, Repository
from doccontrol.problems import Problem, sorted_unique
from doccontrol.publishing import printable_path
from doccontrol.validate.config_rules import check_config
from doccontrol.validate.documents import check_document, index_documents
from doccontrol.validate.records import check_record
from doccontrol.validate.schema import make_validator, validate


def check(repo: Repository, only: Collection[str] | None = None) -> list[Problem]:
    """All problems, or only those in the files ``only`` (repo-relative POSIX paths).

    Problems of doccontrol.yml are always reported: when the config is wrong, nothing else
    can be judged.
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
    for document in repo.documents:
        if not wanted(document.path):
            continue
        if doc_validator is not None:
            problems += validate(
                doc_validator, dict(document.meta), document.path, document.positions
            )
        problems += check_document(document, config, index, repo.clauses, repo.record_types)
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
    validators = {t: make_validator(rt.schema) for t, rt in repo.record_types.items()}
    for record in repo.records:
        if not wanted(record.path):
            continue
        record_type = repo.record_types[record.type]
        problems += validate(
            validators[record.type], dict(record.data), record.path, record.positions
        )
        problems += check_record(
            record, record_type, config, index, repo.clauses, repo.record_files
        )
    return sorted_unique(problems)
