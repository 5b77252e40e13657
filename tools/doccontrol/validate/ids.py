"""What makes two ids the same, and the characters no id may hold.

An id is what a reader sees: in the register, the trail and on the site. Two ids that print
alike are one id to that reader, so duplicates are found after NFKC normalisation and case
folding (full-width ２０２６ is 2026; INC and inc name one file on a case-insensitive disk),
and characters that print as nothing or move the line (controls, zero-width and bidi marks)
are refused outright: ``"SM-P-01\\n"`` and ``SM-P-01`` followed by U+200B print as SM-P-01."""

from __future__ import annotations

import unicodedata

# Cc controls (newline, NUL…), Cf formats (zero-width space and joiners, bidi marks, BOM),
# Cs surrogates, Co private use, Cn unassigned, Zl/Zp line and paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def same_key(identifier: str) -> str:
    """The form two ids are compared in: equal keys print alike."""
    return unicodedata.normalize("NFKC", identifier).casefold()


def _escaped(char: str) -> str:
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def refused_character(identifier: str) -> str | None:
    """The first character no id may hold, escaped for a message (U+200B as \\u200b), or
    None."""
    for char in identifier:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            return _escaped(char)
    return None


def shown(identifier: str) -> str:
    """An id as a message may quote it: every refused character escaped, so a newline in an
    id cannot break the message's line and a zero-width space shows."""
    return "".join(
        _escaped(char) if unicodedata.category(char) in _REFUSED_CATEGORIES else char
        for char in identifier
    )
