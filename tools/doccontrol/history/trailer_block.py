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
_CUT_LINE = _COMMENT + " ------------------------ >8 ------------------------"
# a token (ASCII letters, digits, dashes), perhaps spaces, the separator (find_separator)
_TOKEN = re.compile("[A-Za-z0-9-]+[ \t]*:")
_FOLD = re.compile("\n[" + _SPACE + "]*")
_CO_AUTHORED = re.compile("co-authored-by", re.IGNORECASE)


def trailers(message: str) -> list[tuple[str, str]]:
    """(token, value) pairs of the trailer block of ``message`` (``%B``), values unfolded."""
    if ":" not in message:  # every trailer has its separator
        return []
    # git works on offsets into the message; here on its lines (without their newline).
    # ``ended``: how many of them a newline ends (all, or all but the last)
    lines = message.split("\n")
    if lines[-1]:
        ended = len(lines) - 1
    else:
        lines.pop()
        ended = len(lines)
    first = 0  # %(trailers) starts at the subject, after any blank lines
    while first < len(lines) and _blank(lines[first]):
        first += 1
    end = _end(lines, first, ended)
    start = _block_start(lines, first, end)
    entries: list[list[str]] = []  # each trailer's lines, its continuations after the first
    last_is_trailer = False
    for i in range(start, end):
        line = lines[i]
        # a line that starts with a space (an empty one: its newline) continues the trailer
        # before it, if that was one
        if entries and last_is_trailer and (line[:1] or "\n") in _SPACE:
            entries[-1].append(line)
            continue
        entries.append([line])
        last_is_trailer = _separator(line) >= 1
    found: list[tuple[str, str]] = []
    for parts in entries:
        at = _separator(parts[0])
        if at >= 1:
            value = "\n".join([parts[0][at + 1 :], *parts[1:]])
            found.append((parts[0][:at].strip(_SPACE), _FOLD.sub(" ", value).strip(_SPACE)))
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


def _blank(line: str) -> bool:
    return not line.strip(_SPACE)


def _end(lines: list[str], first: int, ended: int) -> int:
    """Where the part git reads for trailers ends: before the cut line, then before trailing
    comments, blank lines and an old ``Conflicts:`` block (``ignore_non_trailer``; a run
    starting at the subject counts as none, exactly as there)."""
    cutoff = len(lines)
    for i in range(first, ended):
        if lines[i] == _CUT_LINE:
            cutoff = i
            break
    boc = 0  # where the run to ignore starts, from the subject: 0 (the subject) is none
    in_conflicts = False
    for i in range(first, cutoff):
        line = lines[i]
        if not line or line[0] == _COMMENT:
            if not boc:
                boc = i - first
        elif line == "Conflicts:" and i < ended:
            in_conflicts = True
            if not boc:
                boc = i - first
        elif in_conflicts and line[0] == "\t":
            pass
        elif boc:
            boc = 0
            in_conflicts = False
    return first + boc if boc else cutoff


def _block_start(lines: list[str], first: int, end: int) -> int:
    """Where the trailer block starts, or ``end`` for none: the last paragraph after the
    title, when it is all trailers, or a quarter trailers with a line git generates."""
    end_of_title = first
    while end_of_title < end:
        line = lines[end_of_title]
        if line[:1] != _COMMENT and _blank(line):
            break
        end_of_title += 1
    only_spaces = True
    recognized = False
    trailer_lines = non_trailer_lines = continuation_lines = 0
    for i in range(end - 1, end_of_title - 1, -1):
        line = lines[i]
        if line[:1] == _COMMENT:
            non_trailer_lines += continuation_lines
            continuation_lines = 0
        elif _blank(line):
            if not only_spaces:
                non_trailer_lines += continuation_lines
                if recognized and trailer_lines * 3 >= non_trailer_lines:
                    return i + 1
                if trailer_lines and not non_trailer_lines:
                    return i + 1
                return end
        else:
            only_spaces = False
            if line.startswith(_GENERATED):
                trailer_lines += 1
                continuation_lines = 0
                recognized = True
            elif _separator(line) >= 1:
                trailer_lines += 1
                continuation_lines = 0
            elif line[0] in _SPACE:
                continuation_lines += 1
            else:
                non_trailer_lines += 1 + continuation_lines
                continuation_lines = 0
    return end


def _separator(line: str) -> int:
    """Offset of the ``:`` after a token at the start of ``line``, or -1."""
    match = _TOKEN.match(line)
    return match.end() - 1 if match else -1
