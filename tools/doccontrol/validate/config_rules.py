"""Rules across the parts of doccontrol.yml that its schema cannot express."""

from __future__ import annotations

import re

from doccontrol.config import CONFIG_FILE, Config
from doccontrol.load.yaml_source import Locator
from doccontrol.problems import Problem


def check_config(config: Config, positions: Locator) -> list[Problem]:
    problems: list[Problem] = []
    seen_emails: dict[str, str] = {}
    seen_ids: set[str] = set()
    for index, person in enumerate(config.people):
        here = ("people", index)
        if person.id in seen_ids:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    *positions.of_value((*here, "id")),
                    "DC402",
                    f"person id '{person.id}' is used twice",
                )
            )
        seen_ids.add(person.id)
        for role in person.roles:
            if role not in config.roles:
                problems.append(
                    Problem(
                        CONFIG_FILE,
                        *positions.of_value((*here, "roles")),
                        "DC402",
                        f"{person.name}: unknown role '{role}'",
                    )
                )
        if person.department and person.department not in config.departments:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    *positions.of_value((*here, "department")),
                    "DC402",
                    f"{person.name}: unknown department '{person.department}'",
                )
            )
        for email in person.emails:
            if email in seen_emails:
                problems.append(
                    Problem(
                        CONFIG_FILE,
                        *positions.of_value((*here, "emails")),
                        "DC402",
                        f"email {email} belongs to both {seen_emails[email]} and {person.name}",
                    )
                )
            seen_emails[email] = person.name
    for type_id, doc_type in config.document_types.items():
        for key, roles in doc_type.defaults.items():
            for role in roles:
                if role not in config.roles:
                    problems.append(
                        Problem(
                            CONFIG_FILE,
                            *positions.of_value(("document_types", type_id, "defaults", key)),
                            "DC402",
                            f"document type {type_id}: unknown default {key} role '{role}'",
                        )
                    )
    for key in ("config_approvers", "config_reviewers"):
        for role in getattr(config.approval, key):
            if role not in config.roles:
                problems.append(
                    Problem(
                        CONFIG_FILE,
                        *positions.of_value(("approval", key)),
                        "DC402",
                        f"approval.{key}: unknown role '{role}'",
                    )
                )
    if not config.approval.config_approvers:
        problems.append(
            Problem(
                CONFIG_FILE,
                *positions.of_value(("approval",)),
                "DC402",
                "nobody can approve a change to the controlled configuration: set approval.config_approvers (or a manual document type with default approver roles)",
            )
        )
    levels = [level.id for level in config.confidentiality]
    if len(set(levels)) != len(levels):
        problems.append(
            Problem(
                CONFIG_FILE,
                *positions.of_value(("confidentiality",)),
                "DC402",
                "a confidentiality level is listed twice",
            )
        )
    if config.publish.max_confidentiality not in levels:
        problems.append(
            Problem(
                CONFIG_FILE,
                *positions.of_value(("publish", "max_confidentiality")),
                "DC402",
                f"publish.max_confidentiality '{config.publish.max_confidentiality}' is not a listed confidentiality level",
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
                re.compile(pattern)
            except re.error as exc:
                where = positions.of_value(("document_types", type_id, "id_pattern"))
                problems.append(
                    Problem(
                        CONFIG_FILE,
                        *where,
                        "DC404",
                        f"document type {type_id}: id_pattern is not a valid regular expression: {exc}",
                    )
                )
    return problems
