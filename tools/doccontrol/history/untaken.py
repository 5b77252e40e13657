"""Writers of a change who are not new to the main line: a side that forks from a commit no
approval judged (one an earlier merge brought, its draft taken back on its branch before that
merge; one the line held before control began, reverted since) may bring that commit's text
now, so whoever wrote the text a change approves counts, however it reached the line first
(rounds 120, 121).
History (each merge and squash) and `approve` ask the same question here, so the trail and the
refusal agree."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from doccontrol.history.gitread import Ancestor, GitReader

# whether no approval judged a commit's text where it stands (an earlier merge brought it off
# the line, or the line held it before control began)
Unvouched = Callable[[str], bool]


def forks(side: Iterable[str], parents: Callable[[str], Sequence[str]]) -> set[str]:
    """The commits outside ``side`` (commits new to the line) that its commits have as
    parents: where the side left what the line already held."""
    inside = set(side)
    return {p for sha in inside for p in parents(sha) if p not in inside}


def new_text_writers(
    reader: GitReader,
    fork_commits: Iterable[str],
    unvouched: Unvouched,
    tip: str,
    before: str,
    paths: Sequence[str],
    result: str | None = None,
) -> list[tuple[str, Ancestor]]:
    """The commits that wrote the lines ``tip`` holds in ``paths`` and the line before it
    (``before``) did not, where the change forks from a commit no approval judged: such a
    side can carry text an earlier merge brought without taking it, or that the line held
    before control began and gave up, under any name (git blame follows renames and copies).
    ``result``: the tree or commit holding the change as it lands (a squash, a merge not yet
    made), when that is not ``tip``: only lines it holds count. Sides that fork from the line
    under control (nearly all) cost nothing here; for the others, one ``git blame`` per
    changed path and one ``log`` for the commits found."""
    if not any(unvouched(fork) for fork in set(fork_commits)) or not paths:
        return []
    found: set[str] = set()
    for path in paths:
        if "\n" in path:
            continue
        lines = reader.blamed(tip, path)
        if not lines:
            continue
        # what the line held there before is not this change's text; what the change does
        # not land (a squash's, a merge's own resolution) is not either
        held = _lines(reader, before, path)
        kept = _lines(reader, result, path) if result else None
        found |= {
            commit for commit, line in lines if line not in held and (kept is None or line in kept)
        }
    return reader.commits(sorted(found)) if found else []


def _lines(reader: GitReader, rev: str, path: str) -> set[str]:
    (text,) = reader.files_at([f"{rev}:{path}"])
    return set((text or b"").decode("utf-8", "surrogateescape").split("\n"))
