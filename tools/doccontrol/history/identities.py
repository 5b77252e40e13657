"""People in Git: .mailmap, trailer values, and matching to doccontrol.yml by email."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doccontrol.config import Config
from doccontrol.history.model import Person

_IDENT = re.compile(r"^\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+)>\s*$")
_MAILMAP_PART = re.compile(r"\s*([^<>]*?)\s*<([^<>]*)>")


@dataclass(frozen=True)
class Mailmap:
    """Git's .mailmap rules: (commit email, optional commit name) → (proper name, proper email)."""

    rules: dict[tuple[str, str | None], tuple[str | None, str | None]]

    def canonical(self, name: str, email: str) -> tuple[str, str]:
        key = email.lower()
        proper = self.rules.get((key, name)) or self.rules.get((key, None))
        if proper is None:
            return name, email
        return proper[0] or name, proper[1] or email


def parse_mailmap(text: str) -> Mailmap:
    rules: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = _MAILMAP_PART.findall(line)
        if len(parts) == 1:
            name, email = parts[0]
            rules[(email.lower(), None)] = (name or None, None)
        elif len(parts) >= 2:
            (proper_name, proper_email), (commit_name, commit_email) = parts[0], parts[1]
            rules[(commit_email.lower(), commit_name or None)] = (
                proper_name or None,
                proper_email or None,
            )
    return Mailmap(rules)


def parse_ident(value: str) -> tuple[str, str]:
    """``Name <email>`` → (name, email); a bare value is taken as a name with no email."""
    match = _IDENT.match(value)
    if match:
        return match["name"], match["email"]
    text = value.strip()
    return (text, text) if "@" in text and " " not in text else (text, "")


def trailers(text: str) -> list[tuple[str, str]]:
    """(key, value) pairs from git's own ``%(trailers:only,unfold)`` output."""
    out = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and " " not in key.strip():
            out.append((key.strip(), value.strip()))
    return out


def person(config: Config, mailmap: Mailmap, name: str, email: str) -> Person:
    name, email = mailmap.canonical(name, email)
    known = config.person_by_email(email) if email else None
    if known is None:
        return Person(name=name, email=email)
    return Person(name=known.name, email=email, person_id=known.id, roles=known.roles)


def same_person(a: Person, b: Person) -> bool:
    if a.person_id and b.person_id:
        return a.person_id == b.person_id
    return bool(a.email) and a.email.lower() == b.email.lower()
