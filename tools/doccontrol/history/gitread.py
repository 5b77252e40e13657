"""Read Git: the first-parent change stream, the ancestry graph and blobs.

Three long-lived processes serve any size of history: ``git log -z`` over the first-parent
line (with each commit's raw diff against its first parent), ``git log -z`` over the ancestry
graph without diffs (who wrote what a merge brought in), and one ``git cat-file --batch`` for
the front matter and text of each changed document. Nothing runs per document or per commit.
All three are read by the caller's one thread, each as far as it needs, while the git
processes work ahead of it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import subprocess
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

if sys.platform == "linux":
    import fcntl

NULL_SHA = "0" * 40
_OBJECT_ID = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
_START = "\x1e"
# Fixed header fields after the start marker; the last two are trailers (as git parses them)
# and the raw message, neither of which can contain a NUL. Identities are read raw (%an, not
# %aN): git would apply the work tree's .mailmap, which a commit can plant; doccontrol applies
# the .mailmap that stood before each commit itself.
_LOG_FIELDS = (
    "%H",
    "%P",
    "%an",
    "%ae",
    "%aI",
    "%cn",
    "%ce",
    "%cI",
    "%G?",
    "%GK",
    "%GF",
    "%GS",
    "%e",
    "%(trailers:only,unfold)",
    "%B",
)
_GRAPH_FIELDS = ("%H", "%P", "%an", "%ae", "%aI", "%(trailers:key=Co-authored-by,valueonly,unfold)")
# The reviews a forge recorded, one note per merge commit (doccontrol forge capture-github).
NOTES_REF = "refs/notes/doccontrol"
_NOTES_FIELDS = ("%H", "%G?", "%GK", "%GF", "%GS")


class GitError(Exception):
    """Git history cannot be read as asked (not a repository, no such branch, shallow…)."""


@dataclass(frozen=True)
class FileChange:
    status: str  # A M D R C T
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    author_date: str
    committer_name: str
    committer_email: str
    committer_date: str
    signature_status: str
    signature_key: str
    signature_fingerprint: str
    signer: str
    trailers: str
    message: str
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class Note:
    """The note attached to one commit, with the notes commit that last wrote it (whose
    signature says who vouches for it)."""

    commit: str  # the annotated commit
    blob: str
    notes_commit: str
    signature_status: str
    signature_key: str
    signature_fingerprint: str
    signer: str


@dataclass(frozen=True)
class Ancestor:
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    author_date: str
    co_authors: tuple[str, ...]


def _token_chunks(stream: Any, chunk_size: int = 1 << 16) -> Iterator[list[str]]:
    """NUL-separated tokens of a byte stream, decoded as UTF-8 (paths byte-exact via surrogates),
    a list per chunk read.

    Each chunk is decoded at once, cut at its last NUL: a NUL is never part of a multi-byte
    UTF-8 sequence, so this decodes exactly as token by token would, without a call per token."""
    pending = b""
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        pending += chunk
        cut = pending.rfind(b"\0")
        if cut < 0:
            continue
        yield pending[:cut].decode("utf-8", "surrogateescape").split("\0")
        pending = pending[cut + 1 :]
    if pending:
        yield [pending.decode("utf-8", "surrogateescape")]


def _read_tokens(handle: Any) -> Iterator[list[str]]:
    try:
        yield from _token_chunks(handle.stdout)
    finally:
        try:
            handle.wait()
        except GitCommandError as exc:
            raise GitError(f"git log failed: {str(exc.stderr).strip()}") from None


def _widen_pipe(stream: Any) -> None:
    """Let git run up to 1 MiB ahead of the reader (Linux; elsewhere the default stays), so it
    is not put to sleep every 64 KiB while Python works through what it wrote."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, ValueError):
            fcntl.fcntl(stream.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


class GitReader:
    """A repository opened for reading history. Use as a context manager."""

    def __init__(self, path: Path, signing_config: Sequence[str] = ()) -> None:
        try:
            self.repo = git.Repo(path, search_parent_directories=False)
        except (InvalidGitRepositoryError, NoSuchPathError):
            raise GitError(
                f"{path} is not a Git repository (history needs one: git init, or clone it)"
            ) from None
        self.signing_config = tuple(signing_config)

    def __enter__(self) -> GitReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.repo.close()

    def _run(self, args: Sequence[str]) -> str:
        try:
            out: str = self.repo.git.execute(["git", *args])
            return out
        except GitCommandError as exc:
            raise GitError(f"git {' '.join(args)} failed: {str(exc.stderr).strip()}") from None

    def is_shallow(self) -> bool:
        return self._run(["rev-parse", "--is-shallow-repository"]).strip() == "true"

    def resolve_branch(self, branch: str) -> tuple[str, str]:
        """(ref name, commit sha) of the main branch, local or as fetched from origin."""
        for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}", branch):
            try:
                sha = self.repo.git.execute(
                    ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"]
                )
            except GitCommandError:
                continue
            if sha:
                return ref, str(sha).strip()
        try:
            self.repo.git.execute(["git", "rev-parse", "--verify", "--quiet", "HEAD"])
        except GitCommandError:
            raise GitError("the repository has no commits yet") from None
        raise GitError(
            f"main branch '{branch}' not found (set main_branch in doccontrol.yml, or fetch it: git fetch origin {branch})"
        )

    def _stream(self, args: Sequence[str]) -> Iterator[str]:
        """The NUL-separated tokens git writes. git starts at once and works ahead; the tokens
        are chained in C, with no Python step per token."""
        command = [
            "git",
            "-c",
            "log.showSignature=false",
            "-c",
            "core.quotePath=false",
            "-c",
            "log.mailmap=false",
            *self.signing_config,
            *args,
        ]
        handle = self.repo.git.execute(command, as_process=True)
        _widen_pipe(handle.stdout)
        return itertools.chain.from_iterable(_read_tokens(handle))

    def first_parent_commits(self, tip: str, since: str | None = None) -> Iterator[Commit]:
        """First-parent commits oldest first, each with its raw diff against its first parent."""
        fmt = _START + "%x00".join(_LOG_FIELDS) + "%x00"
        revs = [f"{since}..{tip}"] if since else [tip]
        args = [
            "log",
            "-z",
            "--first-parent",
            "-m",
            "--raw",
            "--no-abbrev",
            "-M",
            "--reverse",
            "--no-color",
            "--no-ext-diff",
            "--encoding=UTF-8",
            "--no-use-mailmap",
            f"--format={fmt}",
            *revs,
            "--",
        ]
        tokens = self._stream(args)
        header: list[str] | None = None
        changes: list[FileChange] = []
        for token in tokens:
            if token.startswith(_START):
                if header is not None:
                    yield _commit(header, changes)
                header, changes = [token[1:], *itertools.islice(tokens, len(_LOG_FIELDS) - 1)], []
                continue
            entry = token.lstrip("\n")
            if not entry.startswith(":"):
                continue
            meta = entry[1:].split(" ")
            if len(meta) < 5:
                continue
            status = meta[4][:1]
            old_blob, new_blob = meta[2], meta[3]
            first = next(tokens, "")
            second = next(tokens, "") if status in ("R", "C") else None
            old_path = first if status != "A" else None
            new_path = (second if second is not None else first) if status != "D" else None
            changes.append(
                FileChange(
                    status,
                    old_path,
                    new_path,
                    None if old_blob == NULL_SHA else old_blob,
                    None if new_blob == NULL_SHA else new_blob,
                )
            )
        if header is not None:
            yield _commit(header, changes)

    def ancestors(self, tip: str, since: str | None = None) -> Iterator[tuple[str, Ancestor]]:
        """Every commit reachable from ``tip`` (not from ``since``), without diffs, parents
        before children: once a commit has come, everything it descends from has too. git
        starts at once."""
        fmt = _START + "%x00".join(_GRAPH_FIELDS) + "%x00"
        revs = [tip, f"^{since}"] if since else [tip]
        args = [
            "log",
            "-z",
            "--topo-order",
            "--reverse",
            "--no-color",
            "--encoding=UTF-8",
            "--no-use-mailmap",
        ]
        return _parse_ancestors(self._stream([*args, f"--format={fmt}", *revs, "--"]))

    def notes_tip(self) -> str | None:
        """The commit refs/notes/doccontrol points at, or None when there are no notes."""
        try:
            out = self.repo.git.execute(
                ["git", "rev-parse", "--verify", "--quiet", f"{NOTES_REF}^{{commit}}"]
            )
        except GitCommandError:
            return None
        return str(out).strip() or None

    def notes(self, tip: str) -> dict[str, Note]:
        """Every note under refs/notes/doccontrol, read in one ``git log`` over the notes
        history (newest first, each notes commit with its raw diff and signature): a note is
        the blob its annotated commit's path last received, vouched for by the notes commit
        that wrote it there. Moving a note within the tree (git's fan-out as notes grow) is
        not a new writing."""
        fmt = _START + "%x00".join(_NOTES_FIELDS) + "%x00"
        args = [
            "log",
            "-z",
            "--first-parent",
            "-m",
            "--raw",
            "--no-abbrev",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            f"--format={fmt}",
            tip,
            "--",
        ]
        found: dict[str, Note] = {}
        decided: set[str] = set()

        def settle(header: list[str], written: dict[str, str], removed: dict[str, str]) -> None:
            for sha in removed.keys() - written.keys():
                decided.add(sha)  # deleted here: whatever came before is not the note now
            for sha, blob in written.items():
                if sha in decided or removed.get(sha) == blob:
                    continue
                decided.add(sha)
                h = header + [""] * (len(_NOTES_FIELDS) - len(header))
                found[sha] = Note(sha, blob, h[0].strip(), h[1] or "N", h[2], h[3], h[4])

        tokens = self._stream(args)
        header: list[str] | None = None
        written: dict[str, str] = {}
        removed: dict[str, str] = {}
        for token in tokens:
            if token.startswith(_START):
                if header is not None:
                    settle(header, written, removed)
                header = [token[1:], *itertools.islice(tokens, len(_NOTES_FIELDS) - 1)]
                written, removed = {}, {}
                continue
            entry = token.lstrip("\n")
            if not entry.startswith(":"):
                continue
            meta = entry[1:].split(" ")
            path = next(tokens, "")
            if len(meta) < 5:
                continue
            sha = path.replace("/", "").lower()
            if not _OBJECT_ID.match(sha):
                continue  # not a note (git notes keeps only object ids in its tree)
            if meta[4].startswith("D"):
                removed[sha] = meta[2]
            else:
                written[sha] = meta[3]
        if header is not None:
            settle(header, written, removed)
        return found

    def blob_pipe(self) -> BlobPipe:
        """A ``cat-file --batch`` that starts working as soon as blob ids are put in (close it)."""
        return BlobPipe(
            self.repo.git.execute(
                ["git", "cat-file", "--batch"], as_process=True, istream=subprocess.PIPE
            )
        )

    def blobs(self, shas: Sequence[str]) -> Iterator[bytes]:
        """Contents of many blobs, in order, through one ``git cat-file --batch``."""
        if not shas:
            return
        pipe = self.blob_pipe()
        try:
            for sha in shas:
                pipe.put(sha)  # sends only as far ahead as is safe; get() sends the rest
            for _ in shas:
                yield pipe.get()
        finally:
            pipe.close()

    def blob(self, sha: str) -> bytes:
        """Content of a blob through the one long-lived ``git cat-file --batch``."""
        _, _, _, data = self.repo.git.get_object_data(sha)
        content: bytes = data
        return content

    def read_file_at(self, rev: str, path: str) -> bytes | None:
        try:
            _, kind, _, data = self.repo.git.get_object_data(f"{rev}:{path}")
        except ValueError:
            return None
        return data if kind in (b"blob", "blob") else None

    def exists_at(self, rev: str, path: str) -> bool:
        """Whether ``path`` (file or folder) is in the tree of ``rev``."""
        try:
            self.repo.git.execute(["git", "cat-file", "-e", f"{rev}:{path}"])
        except GitCommandError:
            return False
        return True

    def git_path(self, name: str) -> Path:
        """A path inside the Git directory (``git rev-parse --git-path``): out of reach of
        anything a commit can put in the work tree."""
        out = self._run(["rev-parse", "--git-path", name]).strip()
        path = Path(out)
        if not path.is_absolute():
            path = Path(self.repo.working_tree_dir or self.repo.git_dir) / path
        return path

    def is_ancestor(self, older: str, newer: str) -> bool:
        try:
            self.repo.git.execute(["git", "merge-base", "--is-ancestor", older, newer])
        except GitCommandError:
            return False
        return True

    def remote_urls(self) -> list[str]:
        """The URLs of the repository's remotes, read from its config without running git."""
        try:
            config = self.repo.config_reader("repository")
            return [
                str(config.get_value(section, "url", ""))
                for section in config.sections()
                if section.startswith("remote ")
            ]
        except Exception:  # an unreadable config: no remote known
            return []

    def working_tree(self) -> Path | None:
        return Path(self.repo.working_tree_dir) if self.repo.working_tree_dir else None


class BlobPipe:
    """One ``git cat-file --batch``, fed and read by the caller's own thread.

    Ids are written in batches as they become known, but never more than ``AHEAD`` beyond what
    has been read back: that keeps what is written far below any pipe's capacity, so neither
    side can block the other, while git decompresses the next blobs as the caller works.
    Contents are read straight from the pipe in large chunks. (Helper threads would need a
    lock handoff per blob, which costs more than the blob.)
    """

    AHEAD = 384  # 384 ids of 41 bytes: below the smallest pipe buffer (16 KiB on macOS)
    BATCH = 128  # ids written together, so git is not woken for every single one
    LOW = 32  # fewer ids than this in flight: send what is waiting, even a short batch

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.fd = handle.stdout.fileno()
        _widen_pipe(handle.stdout)
        self.unsent: deque[str] = deque()
        self.sent: deque[str] = deque()
        self.buffer = b""
        self.pos = 0

    def put(self, sha: str) -> None:
        self.unsent.append(sha)
        if len(self.unsent) >= self.BATCH and len(self.sent) <= self.AHEAD - self.BATCH:
            self._send(self.BATCH)

    def _send(self, most: int) -> None:
        count = min(most, self.AHEAD - len(self.sent), len(self.unsent))
        if count <= 0:
            return
        batch = [self.unsent.popleft() for _ in range(count)]
        self.sent.extend(batch)
        try:
            self.handle.stdin.write("".join(f"{sha}\n" for sha in batch).encode())
            self.handle.stdin.flush()
        except (BrokenPipeError, ValueError, OSError) as exc:
            raise GitError(f"git cat-file failed: {exc}") from None

    def _fill(self) -> None:
        """Read what the pipe has (up to 1 MiB) onto what is left of the buffer."""
        try:
            chunk = os.read(self.fd, 1 << 20)
        except OSError as exc:
            raise GitError(f"git cat-file failed: {exc}") from None
        if not chunk:
            raise GitError("git cat-file ended before returning every blob")
        # only the unread tail is copied: the buffer is one pipe read, blobs are sliced off it
        self.buffer = self.buffer[self.pos :] + chunk if self.pos < len(self.buffer) else chunk
        self.pos = 0

    def get(self) -> bytes:
        """The content of the oldest blob put in and not yet taken."""
        if len(self.sent) < self.LOW:  # git is about to run dry: send what there is
            self._send(self.AHEAD)
        elif len(self.unsent) >= self.BATCH and len(self.sent) <= self.AHEAD - self.BATCH:
            self._send(self.BATCH)
        if not self.sent:
            raise GitError("git cat-file: no blob was asked for")
        sha = self.sent.popleft()
        while (end := self.buffer.find(b"\n", self.pos)) < 0:
            self._fill()
        header = self.buffer[self.pos : end].split()
        if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
            raise GitError(f"git cat-file could not read blob {sha}")
        size = int(header[2])
        self.pos = end + 1
        while len(self.buffer) - self.pos < size + 1:  # the content and its newline
            self._fill()
        data = self.buffer[self.pos : self.pos + size]
        self.pos += size + 1
        return data

    def close(self) -> None:
        # a failure was already reported by get(); closing early may end cat-file with SIGPIPE
        with contextlib.suppress(OSError, GitCommandError):
            self.handle.stdin.close()
            self.handle.stdout.close()
            self.handle.wait()


def display_text(value: str) -> str:
    """Text git wrote that is not valid UTF-8 (a message whose encoding header lies, a name in
    a legacy code page) with the bad bytes replaced: shown and stored, never a crash."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return value


def message_text(value: str, encoding: str) -> str:
    """A commit message by its encoding header. git re-encodes to UTF-8 where its iconv can;
    where it cannot (a build without that code page), the bytes come through as they were
    written and are decoded here; bytes that fit no encoding are replaced, never fatal."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape")
        try:
            return raw.decode(encoding.strip() or "utf-8", "replace")
        except LookupError:  # an encoding Python does not know
            return raw.decode("utf-8", "replace")
    return value


def _parse_ancestors(tokens: Iterator[str]) -> Iterator[tuple[str, Ancestor]]:
    for token in tokens:
        token = token.lstrip("\n")
        if not token.startswith(_START):
            continue
        fields = [token[1:], *itertools.islice(tokens, len(_GRAPH_FIELDS) - 1)]
        if len(fields) < len(_GRAPH_FIELDS):
            fields += [""] * (len(_GRAPH_FIELDS) - len(fields))
        trailer = fields[5]
        co_authors = (
            tuple(line.strip() for line in trailer.splitlines() if line.strip()) if trailer else ()
        )
        yield (
            fields[0],
            Ancestor(
                tuple(fields[1].split()),
                display_text(fields[2]),
                display_text(fields[3]),
                fields[4],
                tuple(map(display_text, co_authors)),
            ),
        )


def _commit(header: list[str], changes: list[FileChange]) -> Commit:
    h = header + [""] * (len(_LOG_FIELDS) - len(header))
    return Commit(
        sha=h[0].strip(),
        parents=tuple(h[1].split()),
        author_name=display_text(h[2]),
        author_email=display_text(h[3]),
        author_date=h[4],
        committer_name=display_text(h[5]),
        committer_email=display_text(h[6]),
        committer_date=h[7],
        signature_status=h[8] or "N",
        signature_key=h[9],
        signature_fingerprint=h[10],
        signer=display_text(h[11]),
        trailers=message_text(h[13], h[12]),
        message=message_text(h[14], h[12]),
        changes=tuple(changes),
    )
