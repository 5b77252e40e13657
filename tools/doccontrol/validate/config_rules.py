"""Rules across the parts of doccontrol.yml that its schema cannot express."""

from __future__ import annotations

import re

from doccontrol.config import CONFIG_FILE, ID_FLAGS, Config, email_key
from doccontrol.load.positions import Locator
from doccontrol.problems import Problem


def check_config(config: Config, positions: Locator) -> list[Problem]:
    problems: list[Problem] = []
    if config.timezone and config.zone is None:
        problems.append(
            Problem.at(
                CONFIG_FILE,
                *positions.of_value(("timezone",)),
                "problem.DC402.timezone",
                zone=config.timezone,
            )
        )
    seen_emails: dict[str, str] = {}
    seen_logins: dict[tuple[str, str], str] = {}
    seen_ids: set[str] = set()
    for index, person in enumerate(config.people):
        here = ("people", index)
        if person.id in seen_ids:
            problems.append(
                Problem.at(
                    CONFIG_FILE,
                    *positions.of_value((*here, "id")),
                    "problem.DC402.person-twice",
                    id=person.id,
                )
            )
        seen_ids.add(person.id)
        for role in person.roles:
            if role not in config.roles:
                problems.append(
                    Problem.at(
                        CONFIG_FILE,
                        *positions.of_value((*here, "roles")),
                        "problem.DC402.person-role",
                        person=person.name,
                        role=role,
                    )
                )
        if person.department and person.department not in config.departments:
            problems.append(
                Problem.at(
                    CONFIG_FILE,
                    *positions.of_value((*here, "department")),
                    "problem.DC402.person-department",
                    person=person.name,
                    department=person.department,
                )
            )
        for email in person.emails:
            key = email_key(email)  # as history matches commits to people
            if key in seen_emails:
                problems.append(
                    Problem.at(
                        CONFIG_FILE,
                        *positions.of_value((*here, "emails")),
                        "problem.DC402.email-twice",
                        email=email,
                        first=seen_emails[key],
                        second=person.name,
                    )
                )
            seen_emails[key] = person.name
        for forge, login in person.forge_accounts:
            # an account two people claim proves neither's review: history counts it for nobody
            if (forge, login) in seen_logins:
                problems.append(
                    Problem.at(
                        CONFIG_FILE,
                        *positions.of_value((*here, "forge_accounts")),
                        "problem.DC402.login-twice",
                        forge=forge,
                        login=login,
                        first=seen_logins[(forge, login)],
                        second=person.name,
                    )
                )
            seen_logins[(forge, login)] = person.name
    for type_id, doc_type in config.document_types.items():
        for key, roles in doc_type.defaults.items():
            for role in roles:
                if role not in config.roles:
                    problems.append(
                        Problem.at(
                            CONFIG_FILE,
                            *positions.of_value(("document_types", type_id, "defaults", key)),
                            "problem.DC402.default-role",
                            type=type_id,
                            key=key,
                            role=role,
                        )
                    )
    for key in ("config_approvers", "config_reviewers"):
        for role in getattr(config.approval, key):
            if role not in config.roles:
                problems.append(
                    Problem.at(
                        CONFIG_FILE,
                        *positions.of_value(("approval", key)),
                        "problem.DC402.approval-role",
                        key=f"approval.{key}",
                        role=role,
                    )
                )
    if not config.approval.config_approvers:
        problems.append(
            Problem.at(
                CONFIG_FILE,
                *positions.of_value(("approval",)),
                "problem.DC402.no-config-approver",
            )
        )
    levels = [level.id for level in config.confidentiality]
    if len(set(levels)) != len(levels):
        problems.append(
            Problem.at(
                CONFIG_FILE,
                *positions.of_value(("confidentiality",)),
                "problem.DC402.level-twice",
            )
        )
    if config.publish.max_confidentiality not in levels:
        problems.append(
            Problem.at(
                CONFIG_FILE,
                *positions.of_value(("publish", "max_confidentiality")),
                "problem.DC402.max-level",
                level=config.publish.max_confidentiality,
            )
        )
    return problems


def check_patterns(raw_patterns: dict[str, object], positions: Locator) -> list[Problem]:
    """Patterns must compile before the config can be built; checked on the raw data."""
    problems = []
    for type_id, spec in raw_patterns.items():
        pattern = spec.get("id_pattern") if isinstance(spec, dict) else None
        if isinstance(pattern, str):
            try:
                re.compile(pattern, ID_FLAGS)
            except re.error as exc:
                where = positions.of_value(("document_types", type_id, "id_pattern"))
                problems.append(
                    Problem.at(
                        CONFIG_FILE,
                        *where,
                        "problem.DC404.document-type",
                        type=type_id,
                        detail=str(exc),
                    )
                )
    return problems
