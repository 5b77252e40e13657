"""A commit message's trailers as git finds them when nothing is configured.

git's own parser (``%(trailers)``) reads the reader's configuration: a ``trailer.<token>.key``
makes a paragraph that is only a quarter trailers count as the trailer block, and renames the
tokens it matches. No option turns that off for tokens nobody knows in advance, so two readers
could disagree about who approved a change. This is git's parser (``trailer.c``,
``find_trailer_start`` and ``trailer_info_get``; ``commit.c``, ``ignore_non_trailer``) with
its defaults fixed: comment character ``#``, separator ``:``, no configured token. A
differential test holds it to ``git log --format=%(trailers:only,unfold)`` run with no
configuration."""

from __future__ import annotations

import re

# git's isspace (ctype.c): not \v or \f, and nothing beyond ASCII
_SPACE = " \t\n\r"
_COMMENT = "#"
# lines git writes itself; one of them lets a paragraph a quarter trailers count
_GENERATED = ("Signed-off-by: ", "(cherry picked from commit ")
# where `git commit --verbose` cuts the message (wt_status_locate_end)
_CO_AUTHORED = re.compile("co-authored-by", re.IGNORECASE)
_CUT = "\n" + _COMMENT + " ------------------------ >8 ------------------------\n"


def trailers(message: str) -> list[tuple[str, str]]:
    """(token, value) pairs of the trailer block of ``message`` (``%B``), values unfolded."""
    text = message[_subject_start(message) :]
    end = len(text) - _ignored_tail(text, _cut_off(text))
    start = _block_start(text, end)
    found: list[tuple[str, str]] = []
    joined: list[str] = []
    last_is_trailer = False
    for line in _lines(text[start:end]):
        # a line that starts with a space continues the trailer before it, if it was one
        if joined and last_is_trailer and line[:1] in _SPACE:
            joined[-1] += line
            continue
        joined.append(line)
        last_is_trailer = _separator(line) >= 1
    for entry in joined:
        at = _separator(entry)
        if at >= 1:
            found.append((entry[:at].strip(_SPACE), _unfold(entry[at + 1 :])))
    return found


def co_authors(message: str) -> list[str]:
    """The values of a message's ``Co-authored-by`` trailers."""
    # most messages have none: skip the parse for them
    if not _CO_AUTHORED.search(message):
        return []
    return [value for token, value in trailers(message) if token.lower() == "co-authored-by"]


def as_text(pairs: list[tuple[str, str]]) -> str:
    """Trailers written as ``%(trailers:only,unfold)`` writes them, one per line."""
    return "".join(f"{token}: {value}\n" for token, value in pairs)


def _lines(text: str) -> list[str]:
    """Lines with their newline; only ``\\n`` ends a line, as in git."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _blank(line: str) -> bool:
    return not line.strip(_SPACE)


def _subject_start(text: str) -> int:
    """Where the subject starts: ``%(trailers)`` reads the message after any blank lines."""
    at = 0
    while at < len(text):
        newline = text.find("\n", at)
        stop = len(text) if newline < 0 else newline + 1
        if not _blank(text[at:stop]):
            break
        at = stop
    return at


def _cut_off(text: str) -> int:
    if text.startswith(_CUT[1:]):
        return 0
    at = text.find(_CUT)
    return len(text) if at < 0 else at + 1


def _ignored_tail(text: str, cutoff: int) -> int:
    """How much of the end git ignores: trailing comments, blank lines, an old ``Conflicts:``
    block, and everything after the cut line (``ignore_non_trailer``, ``boc`` 0 meaning none
    exactly as there)."""
    boc = 0
    bol = 0
    in_conflicts = False
    while bol < cutoff:
        newline = text.find("\n", bol, cutoff)
        following = cutoff if newline < 0 else newline + 1
        if text[bol] in (_COMMENT, "\n"):
            if not boc:
                boc = bol
        elif text.startswith("Conflicts:\n", bol):
            in_conflicts = True
            if not boc:
                boc = bol
        elif in_conflicts and text[bol] == "\t":
            pass
        elif boc:
            boc = 0
            in_conflicts = False
        bol = following
    return len(text) - boc if boc else len(text) - cutoff


def _next_line(text: str, at: int) -> int:
    newline = text.find("\n", at)
    return len(text) if newline < 0 else newline + 1


def _last_line(text: str, length: int) -> int:
    """Where the line before offset ``length`` starts; -1 when ``length`` is 0."""
    if length == 0:
        return -1
    if length == 1:
        return 0
    newline = text.rfind("\n", 0, length - 1)
    return newline + 1


def _line_blank(text: str, at: int) -> bool:
    newline = text.find("\n", at)
    return _blank(text[at:] if newline < 0 else text[at:newline])


def _block_start(text: str, length: int) -> int:
    """Where the trailer block starts, or ``length`` for none: the last paragraph after the
    title, when it is all trailers, or a quarter trailers with a line git generates."""
    at = 0
    while at < length:
        if text[at] != _COMMENT and _line_blank(text, at):
            break
        at = _next_line(text, at)
    end_of_title = at
    only_spaces = True
    recognized = False
    trailer_lines = non_trailer_lines = continuation_lines = 0
    line = _last_line(text, length)
    while line >= end_of_title:
        first = text[line : line + 1]
        if first == _COMMENT:
            non_trailer_lines += continuation_lines
            continuation_lines = 0
        elif _line_blank(text, line):
            if not only_spaces:
                non_trailer_lines += continuation_lines
                if recognized and trailer_lines * 3 >= non_trailer_lines:
                    return _next_line(text, line)
                if trailer_lines and not non_trailer_lines:
                    return _next_line(text, line)
                return length
        else:
            only_spaces = False
            if text.startswith(_GENERATED, line):
                trailer_lines += 1
                continuation_lines = 0
                recognized = True
            elif _separator(text[line : _next_line(text, line)]) >= 1 and first not in _SPACE:
                trailer_lines += 1
                continuation_lines = 0
            elif first in _SPACE:
                continuation_lines += 1
            else:
                non_trailer_lines += 1 + continuation_lines
                continuation_lines = 0
        line = _last_line(text, line)
    return length


def _separator(line: str) -> int:
    """Offset of the ``:`` after a token (letters, digits, ``-``, then perhaps spaces), or -1."""
    spaced = False
    for i, char in enumerate(line):
        if char == ":":
            return i
        if not spaced and char.isascii() and (char.isalnum() or char == "-"):
            continue
        if i and char in " \t":
            spaced = True
            continue
        break
    return -1


def _unfold(value: str) -> str:
    """A continued value on one line: each line break and the spaces after it become one
    space (git's ``unfold_value``)."""
    out: list[str] = []
    i = 0
    while i < len(value):
        char = value[i]
        i += 1
        if char == "\n":
            while i < len(value) and value[i] in _SPACE:
                i += 1
            out.append(" ")
        else:
            out.append(char)
    return "".join(out).strip(_SPACE)
