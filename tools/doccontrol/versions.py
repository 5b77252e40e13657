"""Version schemes: ``decimal`` (V1.0, V1.1, V2.0; below V1.0 a draft) and ``edition``
(A/0, A/1, B/0: a new edition bumps the letter, a revision the number)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

Scheme = Literal["decimal", "edition"]
BumpKind = Literal["minor", "major", "edition", "revision"]

_DECIMAL = re.compile(r"^V(\d{1,4})\.(\d{1,4})$")
_EDITION = re.compile(r"^([A-Z])/(\d{1,4})$")

FIRST_EFFECTIVE: dict[str, str] = {"decimal": "V1.0", "edition": "A/0"}
FIRST_DRAFT: dict[str, str] = {"decimal": "V0.1", "edition": "A/0"}
EXAMPLES: dict[str, str] = {"decimal": "V1.0, V1.1, V2.0", "edition": "A/0, A/1, B/0"}


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    scheme: str

    def __str__(self) -> str:
        if self.scheme == "edition":
            return f"{chr(ord('A') + self.major)}/{self.minor}"
        return f"V{self.major}.{self.minor}"

    @property
    def is_draft(self) -> bool:
        return self.scheme == "decimal" and self.major == 0


def parse(text: object, scheme: str) -> Version | None:
    """The version, or None when ``text`` is not well-formed for ``scheme``."""
    if not isinstance(text, str):
        return None
    return _parse(text, scheme)


# history parses the same few hundred versions thousands of times
@functools.lru_cache(maxsize=4096)
def _parse(text: str, scheme: str) -> Version | None:
    if scheme == "decimal":
        match = _DECIMAL.match(text)
        return Version(int(match[1]), int(match[2]), scheme) if match else None
    match = _EDITION.match(text)
    return Version(ord(match[1]) - ord("A"), int(match[2]), scheme) if match else None


def first_effective(scheme: str) -> Version:
    version = parse(FIRST_EFFECTIVE[scheme], scheme)
    assert version is not None
    return version


def bump(version: Version, kind: BumpKind) -> Version:
    """The next version. ``minor``/``major`` belong to decimal, ``revision``/``edition`` to edition."""
    if version.scheme == "decimal":
        if kind == "major":
            return Version(version.major + 1, 0, version.scheme)
        if kind == "minor":
            return Version(version.major, version.minor + 1, version.scheme)
    else:
        if kind == "edition":
            if version.major >= 25:
                raise ValueError("edition Z is the last edition letter")
            return Version(version.major + 1, 0, version.scheme)
        if kind == "revision":
            return Version(version.major, version.minor + 1, version.scheme)
    allowed = "--minor or --major" if version.scheme == "decimal" else "--revision or --edition"
    raise ValueError(f"a {version.scheme} version ({version}) is bumped with {allowed}")
