"""Writers of a change who are not new to the main line: a side that forks from a commit an
earlier merge brought into the line without its text (the draft taken back on its branch
before that merge) brings that text now, so whoever wrote the commits under the fork wrote
what is approved (round 120). History (each merge and squash) and `approve` ask the same
question here, so the trail and the refusal agree."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from doccontrol.history.gitread import Ancestor, GitError, GitReader

# (the merge that brought a commit into the line, that merge's first parent), or None for a
# commit on the line itself (or not reached by it)
BroughtBy = Callable[[str], tuple[str, str] | None]


def forks(side: Iterable[str], parents: Callable[[str], Sequence[str]]) -> set[str]:
    """The commits outside ``side`` (commits new to the line) that its commits have as
    parents: where the side left what the line already held."""
    inside = set(side)
    return {p for sha in inside for p in parents(sha) if p not in inside}


def untaken_commits(
    reader: GitReader, fork_commits: Iterable[str], brought_by: BroughtBy, paths: Sequence[str]
) -> list[tuple[str, Ancestor]]:
    """The commits under each fork off the line whose text of some path in ``paths`` (what
    the change changes) the merge that brought the fork did not take: neither held it as the
    fork did nor as git's own merge of the fork into the line before it leaves it. They are
    the commits the fork holds that the merge's first parent did not. Git is asked only for
    forks off the line (rare): the ids at both places in one ``cat-file --batch-check``; for
    a fork that differs, git's merge and one ``log``."""
    off_line = sorted(
        (fork, by) for fork in set(fork_commits) if (by := brought_by(fork)) is not None
    )
    if not off_line or not paths:
        return []
    found: dict[str, Ancestor] = {}
    pipe = reader.blob_pipe(ids_only=True)
    try:
        for fork, (merge, before) in off_line:
            for path in paths:
                pipe.put(_at(fork, path))
                pipe.put(_at(merge, path))
            ids = [pipe.get_file_id() for _ in range(2 * len(paths))]
            if ids[0::2] == ids[1::2]:
                continue  # that merge took the fork's text of every path changed here
            if _merged_as_git_merges(reader, merge, before, fork, paths):
                continue  # it took the fork's text, merged with what the line held then
            held = reader.branch_commits(fork, before)
            if held is None:  # beyond a shallow boundary: never a side without writers
                raise GitError("git.blob-unreadable", sha=fork)
            found.update(held)
    finally:
        pipe.close()
    return sorted(found.items())


def _merged_as_git_merges(
    reader: GitReader, merge: str, before: str, fork: str, paths: Sequence[str]
) -> bool:
    """Whether the merge holds each of ``paths`` as git's own merge of the fork into the line
    before it leaves it, cleanly (``merged_files``: no attributes or configuration of the
    repository take part): a side merged while the line had changed the same file (a fix
    merged into main first) took the fork's text though the ids differ. A merge that drops
    the fork's text (``-s ours``, a conflict resolved against it) holds something else."""
    asked = [path for path in paths if "\n" not in path]
    merged = reader.merged_files(before, fork, asked)
    if merged.files is None or len(asked) != len(paths):
        return False
    held = list(reader.files_at([f"{merge}:{path}" for path in asked]))
    return all(merged.files.get(path) == text for path, text in zip(asked, held, strict=True))


def _at(commit: str, path: str) -> str:
    # a path with a newline cannot travel on cat-file's line protocol: a name surely missing
    return f"{commit}:{path}" if "\n" not in path else "0" * 40
