"""People in Git: .mailmap, trailer values, and matching to doccontrol.yml by email."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doccontrol.config import Config, email_key
from doccontrol.history.model import Person
from doccontrol.history.signatures import FORGE
from doccontrol.person_names import name_key, name_keys

_IDENT = re.compile(r"^\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+)>\s*$")
# what git's isspace() takes (its own ctype table): space, tab, LF and CR, no more; Python's
# str.strip() and str.splitlines() know far more (VT, FF, NEL, U+2028…), which git reads as text
_GIT_SPACE = " \t\n\r"


@dataclass(frozen=True)
class Mailmap:
    """Git's .mailmap rules, as git's mailmap.c keeps them: per commit email (compared with
    ASCII case folding, as git's strcasecmp does) a simple entry (proper name, proper email),
    and entries for a commit name under that email."""

    simple: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    named: dict[tuple[str, str], tuple[str | None, str | None]] = field(default_factory=dict)

    def canonical(self, name: str, email: str) -> tuple[str, str]:
        key = _ascii_lower(email)
        if key not in self.simple:
            return name, email
        proper_name, proper_email = self.named.get((key, _ascii_lower(name)), self.simple[key])
        return proper_name or name, proper_email or email


def _ascii_lower(text: str) -> str:
    """Lower case as git's strcasecmp compares mailmap names and emails: ASCII letters only."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _name_and_email(
    text: str, allow_empty_email: bool
) -> tuple[str | None, str | None, str | None]:
    """git's parse_name_and_email: the name before ``<`` (git's spaces trimmed), the email up to
    the first ``>`` after it, and what follows (None when nothing does); no email when there
    is no ``<…>`` (or an empty one where none may be)."""
    left = text.find("<")
    right = text.find(">", left + 1) if left >= 0 else -1
    if right < 0 or (not allow_empty_email and right == left + 1):
        return None, None, None
    return text[:left].strip(_GIT_SPACE) or None, text[left + 1 : right], text[right + 1 :] or None


def parse_mailmap(text: str) -> Mailmap:
    """The rules git reads from this .mailmap text (mailmap.c, read_mailmap_line and
    add_mapping): lines end at LF only; a line starting with ``#`` is a comment, and whatever
    follows the second address is ignored; anything else (a ``#`` inside a name, a form feed,
    U+2028) is part of the text. Reading it any other way would apply rules git, and the
    reviewer who checks the file with ``git check-mailmap``, never sees."""
    simple: dict[str, tuple[str | None, str | None]] = {}
    named: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for raw in text.split("\n"):
        line = raw.split("\0", 1)[0]  # git reads each line as a C string
        if line.startswith("#"):
            continue
        proper_name, proper_email, rest = _name_and_email(line, False)
        if proper_email is None:
            continue
        commit_name, commit_email = None, None
        if rest is not None:
            commit_name, commit_email, _ = _name_and_email(rest, True)
        if commit_email is None:  # one address: the proper name (and email) for itself
            commit_email, proper_email = proper_email, None
        key = _ascii_lower(commit_email)
        known = simple.setdefault(key, (None, None))
        if commit_name is None:
            # a simple entry: each of its parts given replaces the one before
            simple[key] = (proper_name or known[0], proper_email or known[1])
        else:
            named[(key, _ascii_lower(commit_name))] = (proper_name, proper_email)
    return Mailmap(simple, named)


def parse_ident(value: str) -> tuple[str, str]:
    """``Name <email>`` → (name, email); a bare value is taken as a name with no email."""
    match = _IDENT.match(value)
    if match:
        return match["name"], match["email"]
    text = value.strip()
    return (text, text) if "@" in text and " " not in text else (text, "")


def trailers(text: str) -> list[tuple[str, str]]:
    """(key, value) pairs from trailer_block.as_text (``%(trailers:only,unfold)``'s form):
    one per line, and only a newline ends a line, as in git (a value may hold U+2028)."""
    out = []
    for line in text.split("\n"):
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


def writers(
    config: Config, author: Person, committer: Person, signed_by: str | None
) -> list[Person]:
    """Who wrote a commit, for segregation of duties: its author; its committer when
    doccontrol.yml knows them (who amends, rebases or cherry-picks another's commit keeps
    their authorship but could have changed the text, as acknowledgements already hold; a
    committer nobody knows, such as a forge's ``GitHub <noreply@github.com>``, is no one to
    hold to the rules, unless they bear a listed person's name: round 93); and the person
    whose key signed it (``signed_by``, a person id: the signature proves who made the
    commit, whatever author line was typed)."""
    people = [author]
    if committer.person_id or config.bears_a_listed_name(committer.name):
        people.append(committer)
    signer = config.person_by_id(signed_by) if signed_by and signed_by != FORGE else None
    if signer is not None:
        email = signer.emails[0] if signer.emails else ""
        people.append(Person(signer.name, email, signer.id, signer.roles))
    return people


def same_person(a: Person, b: Person) -> bool:
    if a.person_id and b.person_id:
        return a.person_id == b.person_id
    return bool(a.email) and email_key(a.email) == email_key(b.email)


@dataclass
class People:
    """A list of people by the keys same_person compares, each worked out once: whether
    someone is among them costs one look-up, not one comparison per person (a commit can
    type thousands of co-authors)."""

    ids: set[str] = field(default_factory=set)
    emails_without_id: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    names_without_id: dict[str, str] = field(default_factory=dict)  # name_key → email

    @classmethod
    def of(cls, people: tuple[Person, ...] | list[Person]) -> People:
        found = cls()
        for person in people:
            found.add(person)
        return found

    def add(self, person: Person) -> None:
        key = email_key(person.email)
        self.emails.add(key)
        if person.person_id:
            self.ids.add(person.person_id)
        else:
            self.emails_without_id.add(key)
            for name in name_keys(person.name):
                self.names_without_id.setdefault(name, person.email)

    def holds(self, person: Person) -> bool:
        """Whether ``same_person(person, p)`` for some ``p`` of the list."""
        if person.person_id and person.person_id in self.ids:
            return True
        if not person.email:
            return False
        key = email_key(person.email)
        return key in (self.emails_without_id if person.person_id else self.emails)

    def named(self, person: Person) -> str | None:
        """For a listed ``person``: the address of one of the list whom no listed address
        names but who bears that person's name or id (``name_keys``), None for none. Git lets
        anyone type any name and address, so such a writer may be that very person at a
        mailbox doccontrol.yml does not list (round 93): held to the rules as them."""
        if not person.person_id or not self.names_without_id:
            return None
        for key in (name_key(person.name), name_key(person.person_id)):
            if key and key in self.names_without_id:
                return self.names_without_id[key]
        return None
