"""Writers of a change who are not new to the main line. A side can fork from a commit whose
text no approval judged: one an earlier merge brought while its branch had taken the text back
(or dropped it), or one the line held before control began, or outside control, and gave up
since. The change may bring that text now, so whoever wrote it counts, however it reached the
line first (rounds 120 to 123). History (each merge and squash) and `approve` ask the same
questions here, so the trail and the refusal agree."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from doccontrol.history.gitread import Ancestor, GitReader
from doccontrol.paths import DOC_PATH

# the merge that brought a commit off the line and that merge's first parent; for a line commit
# no approval judged (before control began, or no approval): ("", "")
Brought = tuple[str, str]
PRECONTROL: Brought = ("", "")


def forks(side: Iterable[str], parents: Callable[[str], Sequence[str]]) -> set[str]:
    """The commits outside ``side`` (commits new to the line) that its commits have as
    parents: where the side left what the line already held."""
    inside = set(side)
    return {p for sha in inside for p in parents(sha) if p not in inside}


def writers_not_new(
    reader: GitReader,
    fork_commits: Iterable[str],
    unvouched: Mapping[str, Brought],
    approvals: Collection[str],
    tip: str,
    before: str,
    paths: Sequence[str],
    result: str | None = None,
    began: str | None = None,
) -> list[tuple[str, Ancestor]]:
    """The commits already in the line's graph whose text a change forking from them may bring
    (``tip``: the change's commit, or its pull request's head; ``before``: the line before it;
    ``paths``: what it changes; ``result``: what lands when not ``tip``; ``began``: the tree
    control began with). Forks from the line under control (nearly all) cost nothing here.

    A fork an earlier merge brought (off the line) owes, unless that merge was an approval
    (``approvals``: the events' commits) that took its text, every commit it holds that the
    merge's first parent did not (``untaken``): judged by commits, so no rewording, copy or
    deletion hides a writer. A fork on the line that no approval judged (before control
    began, or a commit of files nothing controls: ``PRECONTROL``) owes the writers of the lines
    that land and were held before nowhere that counts (``new_lines``: git blame; a line is
    not a branch, so its commits are judged by what they wrote)."""
    chosen = sorted({fork for fork in fork_commits if fork in unvouched})
    if not chosen:
        return []
    off_line = [fork for fork in chosen if unvouched[fork] != PRECONTROL]
    found = dict(untaken(reader, off_line, unvouched, approvals))
    if any(unvouched[f] == PRECONTROL for f in chosen):
        found.update(new_lines(reader, tip, before, paths, result, began))
    return sorted(found.items())


def untaken(
    reader: GitReader,
    fork_commits: Sequence[str],
    brought: Mapping[str, Brought],
    approvals: Collection[str],
) -> list[tuple[str, Ancestor]]:
    """The commits under each fork whose merge did not take its text, one ``log`` for the
    forks of each such merge (``GitReader.holding``). Only a fork the merge merged itself (a
    branch's tip) can have been taken: one inside a branch may hold text its tip gave up (a
    draft taken back), so it owes, with no more questions (a side forking from each of many
    draft commits costs one ``log``)."""
    groups: dict[Brought, list[str]] = {}
    for fork in fork_commits:
        groups.setdefault(brought[fork], []).append(fork)
    found: dict[str, Ancestor] = {}
    for (merge, before), forks_of_merge in sorted(groups.items()):
        # a merge that approved nothing judged no text (round 123): nothing of it was taken
        made = reader.commits([merge]) if merge in approvals else []
        tips = set(made[0][1].parents[1:]) if made else set()
        owing = [
            fork
            for fork in forks_of_merge
            if fork not in tips or not _taken(reader, merge, before, fork)
        ]
        if owing:
            found.update(reader.holding(owing, before))
    return sorted(found.items())


def _taken(reader: GitReader, merge: str, before: str, fork: str) -> bool:
    """Whether ``merge`` holds every path the fork's side changed (since it left the line) as
    the fork does, or as git's own isolated merge of the fork into the line before it leaves
    it (a fix merged into main first). A merge that dropped the fork's text (a draft taken back
    on its branch, ``-s ours``, a conflict resolved against it) does not."""
    paths = reader.changed_on_side(before, fork)
    if paths is None:
        return False  # no common history to tell: never taken
    if not paths:
        return True
    if any("\n" in path for path in paths):
        return False  # cat-file cannot be asked of it: never taken
    at_fork = list(reader.files_of([f"{fork}:{path}" for path in paths]))
    at_merge = list(reader.files_of([f"{merge}:{path}" for path in paths]))
    if at_fork == at_merge:
        return True
    merged = reader.merged_files(before, fork, paths)
    return merged.files is not None and [merged.files.get(p) for p in paths] == at_merge


def new_lines(
    reader: GitReader,
    tip: str,
    before: str,
    paths: Sequence[str],
    result: str | None = None,
    began: str | None = None,
) -> list[tuple[str, Ancestor]]:
    """The commits git blame gives the lines ``tip`` holds in the documents of ``paths`` that
    the line before held neither in them nor in any document, nor the tree control began with
    (``began``) in them (a text moved between the files a change touches is not new, nor a
    heading every procedure has, nor baseline text a change gives back: blame would name
    whoever first wrote it), and that land (``result``, when not ``tip``). One blame per
    changed document; the documents are read only when blame names a commit for a line the
    changed files did not hold. Text in files nothing controls is no document's: a draft kept
    there still counts as its writer's when it is copied into one."""
    # documents only: a schema or a configuration shares its lines ("type": "string") with
    # files beside it, which blame -C -C would credit to whoever wrote those first
    asked = [path for path in paths if "\n" not in path and DOC_PATH.match(path)]
    if not asked:
        return []
    places = [f"{before}:{path}" for path in asked]
    if began:
        places += [f"{began}:{path}" for path in asked]
    held: set[str] = set()
    for text in reader.files_of(places):
        held.update(_lines(text))
    kept: set[str] | None = None
    if result:
        kept = set()
        for text in reader.files_of([f"{result}:{path}" for path in asked]):
            kept.update(_lines(text))
    named: dict[str, set[str]] = {}
    for path in asked:
        for commit, line in reader.blamed(tip, path):
            if line not in held and (kept is None or line in kept):
                named.setdefault(commit, set()).add(line)
    if not named:
        return []
    documents = [p for p in reader.tree_files(before) if DOC_PATH.match(p) and "\n" not in p]
    elsewhere: set[str] = set()
    for text in reader.files_of([f"{before}:{p}" for p in sorted(documents)]):
        elsewhere.update(_lines(text))
    found = sorted(commit for commit, lines in named.items() if lines - elsewhere)
    return reader.commits(found) if found else []


def _lines(text: bytes | None) -> list[str]:
    return (text or b"").decode("utf-8", "surrogateescape").split("\n")
