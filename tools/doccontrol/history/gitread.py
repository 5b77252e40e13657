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
import datetime
import itertools
import os
import posixpath
import re
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doccontrol.errors import KeyedError
from doccontrol.history import trailer_block

if TYPE_CHECKING:
    pass

if sys.platform == "linux":
    import fcntl

NULL_SHA = "0" * 40
_REGULAR = ("100644", "100755")  # file modes of a regular file
_OBJECT_ID = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
_START = "\x1e"
# Fixed header fields after the start marker; the last is the raw message, which cannot
# contain a NUL (its trailers are read from it by trailer_block, not by a reader's git). Identities are read raw (%an, not
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
    "%B",
)
_GRAPH_FIELDS = (
    "%H",
    "%P",
    "%an",
    "%ae",
    "%aI",
    "%B",
    "%cn",
    "%ce",
)
# A commit's id and what git reports of its signature: a notes commit's (who vouches for the
# notes it wrote), and any commit's where someone has a key to sign with (signatures; the
# graph's, which carries the last four after its own)
_SIGNATURE_FIELDS = ("%H", "%G?", "%GK", "%GF", "%GS")
# The reviews a forge recorded, one note per merge commit (doccontrol forge capture-github).
NOTES_REF = "refs/notes/doccontrol"
# what git reports of a signature (%G?, %GK, %GF, %GS); shared by every unsigned commit
Report = tuple[str, str, str, str]
_UNSIGNED: Report = ("N", "", "", "")


class GitError(KeyedError):
    """Git history cannot be read as asked (not a repository, no such branch, shallow…).
    Raised with a catalogue key (``git.…``) and its arguments, said in the reader's language
    by the shell that reports it (git's own words go in as arguments)."""


@dataclass(frozen=True)
class FileChange:
    status: str  # A M D R C T
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None
    new_mode: str = "100644"

    @property
    def regular(self) -> bool:
        """A regular file (not a symbolic link 120000, nor a submodule 160000): only such a
        file's content is a document or a rule."""
        return self.new_mode in _REGULAR


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
    # who made the commit: an acknowledgement counts only when nobody else made (amended,
    # rebased, cherry-picked) the person's commit
    committer_name: str = ""
    committer_email: str = ""
    # what git reports of its signature, where the graph was read with them (someone has a
    # key to sign with); None: not asked
    signature: Report | None = None


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


def _read_tokens(handle: Any, what: str) -> Iterator[list[str]]:
    """The tokens of a git process's output; ``what``: its subcommand, for the messages."""
    read_to_the_end = False
    try:
        yield from _token_chunks(handle.stdout)
        read_to_the_end = True
    finally:
        handle.stdout.close()
        # stderr is small (git's error message) and read only once stdout is done
        stderr = handle.stderr.read().decode("utf-8", "replace").strip()
        handle.stderr.close()
        code = handle.wait()
        if code != 0 and stderr:
            raise GitError("git.failed", command=what, detail=stderr)
        if code != 0 and read_to_the_end:
            # git stopped without a word (killed: a signature program that exits unread
            # takes git down with SIGPIPE): what it wrote is a part of the history, never
            # to be read as all of it. (A reader that stops early ends git itself: no error.)
            raise GitError("git.ended", command=what, code=code)


def _widen_pipe(stream: Any) -> None:
    """Let git run up to 1 MiB ahead of the reader (Linux; elsewhere the default stays), so it
    is not put to sleep every 64 KiB while Python works through what it wrote."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, ValueError):
            fcntl.fcntl(stream.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


_DIFF_PINNED = (
    *("-c", "log.showRoot=true"),
    *("-c", "log.diffMerges=separate"),
    *("-c", "diff.relative=false"),
    *("-c", "diff.renameLimit=1000"),
    *("-c", "diff.ignoreSubmodules=none"),
    # (trailers are read from %B by trailer_block, never by the reader's git)
)
# a committed .gitmodules (ignore = all) outranks the configuration: said on the command line
_SUBMODULES_SHOWN = "--ignore-submodules=none"


def _git_env() -> dict[str, str]:
    # git's own messages in English (they are parsed), never a pager or a prompt; and no
    # refs/replace/*, which would let anyone who can push a ref swap a commit for a forgery
    return {
        **os.environ,
        "LC_ALL": "C",
        "GIT_PAGER": "cat",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_NO_REPLACE_OBJECTS": "1",
    }


# links followed in a row before a path counts as a loop (Linux's MAXSYMLINKS)
_MAX_LINKS = 40


def run_git(
    root: Path,
    args: Sequence[str],
    input: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """One git command in ``root``, its output as bytes; never raises for git's exit code.
    Every git call of doccontrol goes through here (or GitReader): refs/replace/* is off.
    ``env``: variables added for this command (a temporary index, say)."""
    try:
        return subprocess.run(
            ["git", *args],
            cwd=root,
            input=input,
            capture_output=True,
            env={**_git_env(), **(env or {})},
            check=False,
        )
    except OSError as exc:  # git itself is missing
        raise GitError("git.cannot-run", reason=str(exc)) from None


@dataclass(frozen=True)
class GitMerge:
    """What ``merge_tree`` made of two commits."""

    tree: str | None  # the merged tree's id: git merged them cleanly
    conflicts: bool = False  # git merged them, with conflicts
    failure: str = ""  # why git could not merge them in this clone ("" when it could)


@dataclass(frozen=True)
class MergedFiles:
    """Controlled files as git's merge leaves them (``GitReader.merged_files``)."""

    files: dict[str, bytes | None] | None  # None: the merge conflicts, or cannot be made
    failure: str = ""  # why git could not merge here (a shallow clone's boundary…)


def _isolated_env(extra: Mapping[str, str]) -> dict[str, str]:
    # nothing of the caller's git set-up: GIT_DIR, GIT_COMMON_DIR (a configuration and
    # attributes of its own), GIT_GRAFT_FILE and GIT_SHALLOW_FILE (another commit graph),
    # GIT_CONFIG_* (configuration), GIT_ATTR_SOURCE (attributes), GIT_OBJECT_DIRECTORY…
    kept = {k: v for k, v in _git_env().items() if not k.startswith("GIT_")}
    return {
        **kept,
        "GIT_PAGER": "cat",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_NO_REPLACE_OBJECTS": "1",
        "GIT_ATTR_NOSYSTEM": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        **extra,
    }


# what reaching a partial clone's promisor remote takes (its address, how the clone rewrites or
# authenticates it), copied into the merge's own Git directory; nothing that shapes a merge
_PROMISOR = (
    r"^(extensions\.partialclone|remote\..*\.(url|promisor|partialclonefilter)"
    r"|url\..*\.insteadof|http\..*|core\.sshcommand|credential\..*)$"
)
# the own Git directory has no refs while its objects are the repository's: git must never
# collect garbage there (a fetch of a missing blob starts gc --auto), which would prune every
# loose object of the repository as unreachable
_NO_GC = "[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n[fetch]\n\twriteCommitGraph = false\n"
_OBJECT_ID = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped + '"'


def merge_tree(git_dir: Path, ours: str, theirs: str, scratch: Path | None = None) -> GitMerge:
    """Git's own merge of two commits (``git merge-tree --write-tree``: the merge ``git merge``
    makes, with its rename handling and its virtual merge base), as ``approve`` makes it and
    history judges it, the same on every machine. Git runs in an empty Git directory of its
    own that reads the repository's objects (and its list of shallow commits, and its promisor
    remote in a partial clone, to fetch what is missing): no attributes (work tree, index,
    ``info/attributes``, system, user), no configuration of the repository, the system or the
    user (a merge driver, a strategy option, ``merge.renames``), no ``GIT_*`` variable (another
    configuration, commit graph or attributes) plays a part. The merge's objects go into the
    repository, or into ``scratch``, reading the repository's through it, so that a command
    that only reads history never writes into the repository."""
    import shutil
    import tempfile

    git_dir = git_dir if git_dir.is_absolute() else Path.cwd() / git_dir
    base = ["git", "--git-dir", str(git_dir)]

    def ask(args: list[str]) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                [*base, *args], capture_output=True, env=_isolated_env({}), check=False
            )
        except OSError as exc:
            raise GitError("git.cannot-run", reason=str(exc)) from None

    # where the repository keeps its objects, the two commits' ids (the own Git directory
    # has no refs), in one process
    asked = ["--git-path", "objects", "--git-path", "shallow", "--show-object-format"]
    revs = [f"{rev}^{{commit}}" for rev in (ours, theirs) if not rev.startswith("-")]
    where = ask(["rev-parse", *asked, *revs])
    lines = where.stdout.decode("utf-8", "surrogateescape").splitlines()
    if where.returncode != 0 or len(revs) != 2 or len(lines) != 5:
        return GitMerge(None, failure=where.stderr.decode("utf-8", "replace").strip())
    real, shallow = (Path(p) if Path(p).is_absolute() else git_dir / p for p in lines[:2])
    ours, theirs = lines[3:]
    config = ""
    if lines[2] != "sha1":  # the repository's object format
        config += f"[extensions]\n\tobjectformat = {lines[2]}\n"
    # a partial clone's promisor remote: the blobs the merge needs may have to be fetched
    # (read at every level, the user's too: credentials and rewrites live there)
    try:
        promisor = subprocess.run(
            [*base, "config", "--null", "--get-regexp", _PROMISOR],
            capture_output=True,
            env=_git_env(),
            check=False,
        )
    except OSError as exc:
        raise GitError("git.cannot-run", reason=str(exc)) from None
    for entry in promisor.stdout.decode("utf-8", "surrogateescape").split("\0"):
        key, _, value = entry.partition("\n")
        section, _, name = key.partition(".")
        if section == "extensions":
            config += f"[extensions]\n\tpartialclone = {_quoted(value)}\n"
        elif section in ("remote", "url", "http", "credential") and "." in name:
            sub, _, option = name.rpartition(".")
            config += f"[{section} {_quoted(sub)}]\n\t{option} = {_quoted(value)}\n"
        elif section in ("http", "credential", "core") and name:
            config += f"[{section}]\n\t{name} = {_quoted(value)}\n"
    with tempfile.TemporaryDirectory(prefix="doccontrol-merge-") as folder:
        own, empty = Path(folder) / "git", Path(folder) / "work"
        for made in (own / "refs", own / "objects", empty):
            made.mkdir(parents=True)
        (own / "HEAD").write_text("ref: refs/heads/doccontrol\n")
        (own / "config").write_text(
            "[core]\n\trepositoryformatversion = 1\n" + _NO_GC + config, encoding="utf-8"
        )
        is_shallow = shallow.is_file()
        if is_shallow:  # the merge base is searched as far as the repository reaches
            shutil.copyfile(shallow, own / "shallow")
        env = {
            "GIT_INDEX_FILE": str(Path(folder) / "index"),
            "GIT_OBJECT_DIRECTORY": str(scratch if scratch is not None else real),
        }
        if scratch is not None:
            env["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = str(real)
        args = ["--git-dir", str(own), "--work-tree", str(empty)]
        try:
            done = subprocess.run(
                [
                    "git",
                    *args,
                    "-c",
                    "core.attributesFile=/dev/null",
                    "merge-tree",
                    "--write-tree",
                    "--no-messages",
                    ours,
                    theirs,
                ],
                cwd=empty,
                env=_isolated_env(env),
                capture_output=True,
                check=False,
            )
        except OSError as exc:
            raise GitError("git.cannot-run", reason=str(exc)) from None
    tree = done.stdout.decode("ascii", "replace").split("\n", 1)[0].strip()
    if done.returncode == 0 and _OBJECT_ID.fullmatch(tree):
        return GitMerge(tree)
    if done.returncode == 1 and not is_shallow:
        return GitMerge(None, conflicts=True)
    # a shallow clone's boundary hides the merge base: a conflict there proves nothing
    reason = done.stderr.decode("utf-8", "replace").strip() or "shallow"
    return GitMerge(None, failure=reason)


def run_git_text(root: Path, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """run_git with its output decoded (UTF-8; undecodable bytes replaced)."""
    done = run_git(root, args)
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


@dataclass(frozen=True)
class Probe:
    """What a cached run needs to know of the repository, from one ``git rev-parse``."""

    ref: str
    tip: str
    shallow: bool
    cache: Path
    config_blob: str
    head: str  # the checked-out commit


def probe(root: Path, branch: str, config_file: str) -> Probe | None:
    """The main branch's tip, whether the clone is shallow, where the cache lives, the id of
    the tip's config and the checked-out commit, in one process; None when anything is
    unusual (no local branch, no config at the tip, no commit checked out, not the top of a
    repository): the full reader then says what."""
    ref = f"refs/heads/{branch}"
    # no --end-of-options: rev-parse echoes it back as a line of its own (git 2.30 on), and
    # every name here starts with refs/ or HEAD, never with a dash. --revs-only: a name that is
    # no revision but a file of the work tree is left out, not echoed (see exact_commit)
    result = run_git(
        root,
        [
            *_UNAMBIGUOUS,
            "rev-parse",
            "--revs-only",
            "--show-toplevel",
            "--is-shallow-repository",
            "--git-path",
            "doccontrol",
            f"{ref}^{{commit}}",
            f"{ref}:{config_file}",
            "HEAD^{commit}",
            "--symbolic-full-name",
            ref,
            "HEAD",
        ],
    )
    lines = result.stdout.decode("utf-8", "surrogateescape").splitlines()
    if result.returncode != 0 or len(lines) != 8:
        return None
    top, shallow, cache, tip, config_blob, head, full_name, head_name = lines
    if full_name != ref or not all(_OBJECT_ID.fullmatch(x) for x in (tip, config_blob, head)):
        return None  # no such branch: git's lookup found another ref by that name (a tag)
    if not _is_head(head_name):
        return None  # HEAD names no commit: git's lookup found a ref named HEAD instead
    if Path(top).resolve() != root.resolve():
        return None
    path = Path(cache)
    return Probe(
        ref,
        tip,
        shallow == "true",
        path if path.is_absolute() else root / path,
        config_blob,
        head,
    )


def remote_urls(root: Path) -> list[str]:
    """The URLs of the repository's remotes (none known when the config cannot be read)."""
    result = run_git(root, ["config", "--get-regexp", r"^remote\..*\.url$"])
    out = result.stdout.decode("utf-8", "replace") if result.returncode == 0 else ""
    return [line.split(" ", 1)[1] for line in out.splitlines() if " " in line]


_OBJECT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def exact_commit(root: Path, ref: str) -> str | None:
    """The commit the ref named exactly ``ref`` (refs/…) points at, or None when there is no
    such ref. Where it is missing, git's lookup goes on to refs/<ref>, refs/tags/<ref>…: a
    tag named refs/heads/main would stand for the main branch in a clone without one."""
    # --revs-only: a name that is no revision but a file of the work tree (a commit can put
    # one there) is left out rather than echoed back as if it were an answer
    result = run_git(
        root,
        [
            *_UNAMBIGUOUS,
            "rev-parse",
            "--revs-only",
            f"{ref}^{{commit}}",
            "--symbolic-full-name",
            ref,
        ],
    )
    lines = result.stdout.decode("utf-8", "surrogateescape").splitlines()
    if result.returncode != 0 or len(lines) != 2 or lines[1] != ref:
        return None
    return lines[0] if _OBJECT_ID.fullmatch(lines[0]) else None


# A tag pushed under the ref's own name (refs/tags/refs/heads/main) makes the name ambiguous:
# git then still takes the ref itself, but --symbolic-full-name prints nothing, and a branch
# that is there would look missing (approve, the trail and the forge's notes stopped by a tag)
_UNAMBIGUOUS = ("-c", "core.warnAmbiguousRefs=false")


def _is_head(name: str) -> bool:
    """Whether ``--symbolic-full-name HEAD`` named the checked-out commit: HEAD itself
    (detached) or the branch it is on, never another ref git's lookup found for a HEAD that
    points at no commit (a branch not yet made, beside a tag named HEAD). refs/heads/HEAD may
    be either, which one rev-parse cannot tell: the full reader decides (head_commit)."""
    return name == "HEAD" or (name.startswith("refs/heads/") and name != "refs/heads/HEAD")


def _batch_contents(asked: Sequence[str], out: bytes) -> dict[str, bytes | None]:
    """``git cat-file --batch``'s answers to ``asked``, in order: each blob's content, or None
    for a name that is missing or no blob."""
    found: dict[str, bytes | None] = {}
    at = 0
    for name in asked:
        end = out.find(b"\n", at)
        if end < 0:
            found[name] = None
            continue
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            found[name] = out[at : at + size] if header[1] == b"blob" else None
            at += size + 1
        else:
            found[name] = None  # "<name> missing" (or ambiguous): nothing follows
    return found


class GitReader:
    """A repository opened for reading history: plain git processes, each started once.
    Use as a context manager."""

    def __init__(self, path: Path, signing_config: Sequence[str] = ()) -> None:
        self.root = Path(path)
        self.signing_config = tuple(signing_config)
        if not self.root.is_dir():
            raise GitError("git.not-a-repository", path=str(path))
        top = run_git(self.root, ["rev-parse", "--show-toplevel", "--absolute-git-dir"])
        lines = top.stdout.decode("utf-8", "surrogateescape").splitlines()
        if top.returncode != 0 or not lines:
            raise GitError("git.not-a-repository", path=str(path))
        # a bare repository has a git dir but no work tree
        self.git_dir = Path(lines[-1])
        self.tree = Path(lines[0]) if len(lines) > 1 else None
        if self.tree is not None and self.tree.resolve() != self.root.resolve():
            raise GitError("git.inside-another", path=str(path), top=str(self.tree))
        self._objects: BlobPipe | None = None
        self._lines: dict[str, list[str]] = {}  # first-parent lines by tip (first_parent_line)

    def __enter__(self) -> GitReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._objects is not None:
            self._objects.close()
            self._objects = None

    def _try(self, args: Sequence[str]) -> str | None:
        result = run_git(self.root, args)
        if result.returncode != 0:
            return None
        return result.stdout.decode("utf-8", "surrogateescape")

    def tree_files(self, rev: str) -> dict[str, tuple[str, str]]:
        """Every file in the tree of ``rev``: path → (mode, object id). One ``ls-tree``,
        asked only where a change of the rules brings files under control."""
        return self.tree_listing(rev)[0]

    def tree_listing(self, rev: str) -> tuple[dict[str, tuple[str, str]], list[str]]:
        """``tree_files`` of ``rev``, and the paths its trees cannot be read by: listed more
        than once, files or folders (``git fsck``: duplicateEntries), or out of Git's order
        (treeNotSorted). Of a repeated path the first entry is kept, the one ``rev:path``
        reads (history, the register, the site); a checkout writes the last. A lookup by path
        in a folder out of order stops early and finds nothing, while a checkout writes the
        file. No check of a work tree can vouch for such a tree."""
        listed = self._try(["ls-tree", "-r", "-t", "-z", "--full-tree", rev]) or ""
        found: dict[str, tuple[str, str]] = {}
        seen: set[str] = set()
        repeated: list[str] = []
        last: dict[str, bytes] = {}  # per folder, the greatest sort key listed so far
        for entry in listed.split("\0"):
            meta, _, path = entry.partition("\t")
            parts = meta.split(" ")
            if not path or len(parts) != 3:
                continue
            folder, _, name = path.rpartition("/")
            # git orders a folder's entries by the bytes of their names, a folder's name read
            # as if it ended in /
            key = (name + "/" if parts[1] == "tree" else name).encode("utf-8", "surrogateescape")
            if path in seen:
                repeated.append(path)
                continue
            if folder in last and key < last[folder]:
                repeated.append(path)  # a lookup by path stops before it
            else:
                last[folder] = key
            seen.add(path)
            if parts[1] != "tree":
                found[path] = (parts[0], parts[2])
        return found, sorted(set(repeated))

    def _run(self, args: Sequence[str]) -> str:
        result = run_git(self.root, args)
        if result.returncode != 0:
            stderr = result.stderr.decode("utf-8", "replace").strip()
            raise GitError("git.failed", command=" ".join(args), detail=stderr)
        return result.stdout.decode("utf-8", "surrogateescape")

    def is_shallow(self) -> bool:
        return self._run(["rev-parse", "--is-shallow-repository"]).strip() == "true"

    def resolve_branch(self, branch: str) -> tuple[str, str]:
        """(ref name, commit sha) of the main branch, local or as fetched from origin."""
        # branch names only: a commit id or a tag in main_branch would let a direct commit point
        # the history at whatever it likes
        for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}"):
            sha = self.exact_commit(ref)
            if sha:
                return ref, sha
        if self._try(["rev-parse", "--verify", "--quiet", "HEAD"]) is None:
            raise GitError("git.no-commits")
        raise GitError("git.no-branch", branch=branch, config="doccontrol.yml")

    def exact_commit(self, ref: str) -> str | None:
        """See the module's exact_commit."""
        return exact_commit(self.root, ref)

    def head_commit(self) -> str | None:
        """The checked-out commit: the commit of the branch HEAD names (exactly that ref), or
        a detached HEAD's own; None where HEAD names a branch not yet made (never another ref
        git's lookup would find for it: a tag or a branch named HEAD) or no branch."""
        target = self._try(["symbolic-ref", "-q", "HEAD"])
        if target is not None:
            name = target.strip()
            return self.exact_commit(name) if name.startswith("refs/heads/") else None
        # detached: HEAD holds a commit id, which git's lookup reads before any ref
        found = self._try([*_UNAMBIGUOUS, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        found = (found or "").strip()
        return found if _OBJECT_ID.fullmatch(found) else None

    def resolve_object(self, name: str) -> str | None:
        sha = self._try(["rev-parse", "--verify", "--quiet", "--end-of-options", name])
        return sha.strip() if sha and sha.strip() else None

    def resolve_commit(self, name: str) -> str | None:
        sha = self._try(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"]
        )
        return sha.strip() if sha and sha.strip() else None

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
            # the diffs as git's defaults shape them, whatever the reader's own configuration
            # says: log.showRoot=false would hide the root commit's files (its doccontrol.yml,
            # the first rules, unseen), log.diffMerges=combined every clean merge's changes
            *_DIFF_PINNED,
            *self.signing_config,
            *args,
        ]
        handle = subprocess.Popen(
            command,
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_git_env(),
        )
        _widen_pipe(handle.stdout)
        return itertools.chain.from_iterable(_read_tokens(handle, args[0] if args else ""))

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
            _SUBMODULES_SHOWN,
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
                    meta[1],
                )
            )
        if header is not None:
            yield _commit(header, changes)

    def promisor_remotes(self) -> list[str]:
        """The remotes a partial clone fetches its missing objects from; none in a full clone."""
        listed = self._try(
            ["config", "-z", "--get-regexp", r"^(extensions\.partialclone|remote\..*\.promisor)$"]
        )
        names: list[str] = []
        for entry in (listed or "").split("\0"):
            key, _, value = entry.partition("\n")
            if key.lower() == "extensions.partialclone" and value:
                names.append(value)
            elif key.endswith(".promisor") and value.strip().lower() in ("true", "yes", "on", "1"):
                names.append(key[len("remote.") : -len(".promisor")])
        return list(dict.fromkeys(names))

    def prefetch(self, tip: str, since: str | None, wanted: Callable[[str], bool]) -> None:
        """In a partial clone, fetch in one go the versions of ``wanted`` files the first-parent
        line changed (``since``..``tip``): cat-file would fetch each missing one on its own,
        one round trip to the remote apiece. Nothing in a full clone. Best effort: what is
        not fetched here is fetched when read, as before."""
        remotes = self.promisor_remotes()
        if not remotes:
            return
        revs = [f"{since}..{tip}"] if since else [tip]
        log = ["log", "-z", "--first-parent", "--raw", _SUBMODULES_SHOWN, "--no-abbrev"]
        log += ["--no-ext-diff"]
        # rename detection would fetch the blobs one by one itself
        log += ["--no-renames", "--format="]
        ids: dict[str, None] = {}
        # the line's own diffs (a merge's against its first parent); then each merge's
        # combined diff, which names the merged sides' versions of a file whose result is
        # none of theirs (a conflict resolved, the merger's own wording): the history reads
        # them to tell which side held what (DC522) — by blob ids alone, nothing fetched
        for diff in (["-m"], ["--merges", "--diff-merges=combined"]):
            tokens = self._stream([*log, *diff, *revs, "--"])
            for token in tokens:
                entry = token.lstrip("\n")
                if not entry.startswith(":"):
                    continue
                colons = len(entry) - len(entry.lstrip(":"))
                meta = entry[colons:].split(" ")
                path = next(tokens, "")
                # (colons + 1) modes, then as many blob ids, then the status
                count = colons + 1
                if len(meta) < 2 * count or not wanted(path):
                    continue
                for mode, sha in zip(meta[:count], meta[count : 2 * count], strict=True):
                    if mode in _REGULAR and sha.strip("0"):
                        ids[sha] = None
        self.fetch_objects(remotes, ids)

    def missing_objects(self, tip: str, since: str) -> list[str]:
        """In a partial clone, the objects ``tip`` brings that ``since`` does not hold and this
        clone lacks, listed without fetching any (``rev-list --missing=print``); nothing in a
        full clone."""
        if not self.promisor_remotes():
            return []
        args = ["rev-list", "--objects", "--missing=print", tip, f"^{since}"]
        listed = self._try(args) or ""
        return [line[1:].split(" ")[0] for line in listed.splitlines() if line.startswith("?")]

    def fetch_objects(self, remotes: Sequence[str], ids: Iterable[str]) -> None:
        """Fetch the objects ``ids`` from the first of ``remotes`` that gives them, in one go
        (best effort: what is not fetched is fetched when read, one at a time)."""
        wants = "".join(f"{sha}\n" for sha in ids).encode("ascii")
        if not wants:
            return
        for remote in remotes:
            # what git's own lazy fetch runs, for all the ids at once; no gc started by it
            done = run_git(
                self.root,
                [
                    "-c",
                    "fetch.negotiationAlgorithm=noop",
                    "-c",
                    "gc.auto=0",
                    "-c",
                    "maintenance.auto=false",
                    "fetch",
                    "--quiet",
                    "--no-tags",
                    "--no-write-fetch-head",
                    "--recurse-submodules=no",
                    "--filter=blob:none",
                    "--stdin",
                    remote,
                ],
                input=wants,
            )
            if done.returncode == 0:
                return

    def ancestors(
        self, tip: str, since: str | None = None, signed: bool = False
    ) -> Iterator[tuple[str, Ancestor]]:
        """Every commit reachable from ``tip`` (not from ``since``), without diffs, parents
        before children: once a commit has come, everything it descends from has too. git
        starts at once. ``signed``: with what git reports of each commit's signature, checked
        as the first-parent line's are (``signing_config``): asked only where someone has a
        key to sign with, since git verifies every signed commit it reports on."""
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
        return _parse_ancestors(self._stream([*args, _graph_format(signed), *revs, "--"]), signed)

    def holding(self, heads: Sequence[str], base: str) -> list[tuple[str, Ancestor]]:
        """The commits the ``heads`` (full ids) hold that ``base`` does not, in one ``git
        log``."""
        named = [sha for sha in heads if _OBJECT_ID.fullmatch(sha)]
        if not named or not _OBJECT_ID.fullmatch(base):
            return []
        args = ["log", "-z", "--no-color", "--encoding=UTF-8", "--no-use-mailmap"]
        tokens = self._stream([*args, _graph_format(False), *named, f"^{base}", "--"])
        return list(_parse_ancestors(tokens))

    def path_writers(self, rev: str, path: str) -> list[tuple[str, Ancestor]]:
        """Every commit in ``rev``'s history that changed ``path`` (following its renames),
        in one ``git log``: who wrote the file ``rev`` holds there, wherever they are in the
        graph."""
        if not _OBJECT_ID.fullmatch(rev):
            return []
        args = ["--literal-pathspecs", "log", "-z", "--no-color", "--encoding=UTF-8"]
        args += ["--no-use-mailmap", "--follow", _graph_format(False), rev, "--", path]
        return list(_parse_ancestors(self._stream(args)))

    def side_changes(self, head: str, base: str) -> list[tuple[str, list[FileChange]]]:
        """The commits ``head`` holds that ``base`` does not, merges left out, each with the
        files it changed (against its parent, no renames), in one ``git log``."""
        if not _OBJECT_ID.fullmatch(head) or not _OBJECT_ID.fullmatch(base):
            return []
        args = ["log", "-z", "--no-merges", "--raw", "--no-renames", "--no-abbrev"]
        args += [_SUBMODULES_SHOWN, "--no-color", "--no-ext-diff", f"--format={_START}%H%x00"]
        found: list[tuple[str, list[FileChange]]] = []
        tokens = self._stream([*args, head, f"^{base}", "--"])
        for token in tokens:
            if token.startswith(_START):
                found.append((token[1:].strip(), []))
                continue
            entry = token.lstrip("\n")
            meta = entry[1:].split(" ")
            if not entry.startswith(":") or len(meta) < 5 or not found:
                continue
            path = next(tokens, "")
            status = meta[4][:1]
            new_blob = None if meta[3] == NULL_SHA or status == "D" else meta[3]
            new_path = path if status != "D" else None
            found[-1][1].append(FileChange(status, path, new_path, None, new_blob, meta[1]))
        return found

    def changed_on_side(self, line: str, side: str) -> list[str] | None:
        """The paths ``side`` changed since it left ``line`` (from their merge base), in one
        ``git diff``; renames as a deletion and an addition. None when git cannot say (no
        merge base)."""
        done = run_git(
            self.root,
            ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", f"{line}...{side}"],
        )
        if done.returncode != 0:
            return None
        return [p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p]

    def commits(self, shas: Sequence[str]) -> list[tuple[str, Ancestor]]:
        """The named commits (full ids) as the graph stream reads them, in one ``git log
        --no-walk``."""
        named = [sha for sha in shas if _OBJECT_ID.fullmatch(sha)]
        if not named:
            return []
        args = ["log", "-z", "--no-walk=unsorted", "--no-color", "--encoding=UTF-8"]
        tokens = self._stream([*args, "--no-use-mailmap", _graph_format(False), *named, "--"])
        return list(_parse_ancestors(tokens))

    def blamed(self, rev: str, path: str) -> list[tuple[str, str]]:
        """Each line of ``path`` at ``rev`` with the commit git blame gives it (following the
        file's renames, and lines copied from any file of the commit that created the file,
        round 123): [(commit, line)]. No ignored revisions (a reader's ``blame.ignoreRevsFile`` could hide a
        writer); [] where git cannot say (no such file)."""
        done = run_git(
            self.root,
            ["blame", "--porcelain", "-C", "-C", "--ignore-revs-file=", rev, "--", path],
        )
        if done.returncode != 0:
            return []
        lines: list[tuple[str, str]] = []
        commit = ""
        for raw in done.stdout.decode("utf-8", "surrogateescape").split("\n"):
            if raw.startswith("\t"):
                lines.append((commit, raw[1:]))
                continue
            head = raw.split(" ", 1)[0]
            if _OBJECT_ID.fullmatch(head):
                commit = head
        return lines

    def signatures(self, shas: Sequence[str]) -> dict[str, Report]:
        """What git reports of each named commit's signature (%G?, %GK, %GF, %GS), checked as
        the first-parent line's are (``signing_config``), in one ``git log``. An unsigned
        commit costs git nothing to report; only signed ones are verified. (The history reads
        them from its graph stream instead: ``ancestors(signed=True)``.)"""
        if not shas:
            return {}
        fmt = _START + "%x00".join(_SIGNATURE_FIELDS)
        result = run_git(
            self.root,
            [
                "-c",
                "log.showSignature=false",
                *self.signing_config,
                "log",
                "-z",
                "--no-walk=unsorted",
                "--stdin",
                f"--format={fmt}",
            ],
            input="".join(f"{sha}\n" for sha in shas).encode("ascii"),
        )
        stderr = result.stderr.decode("utf-8", "replace").strip()
        if result.returncode != 0 and stderr:
            raise GitError("git.failed", command="log", detail=stderr)
        tokens = result.stdout.decode("utf-8", "surrogateescape").split("\0")
        found: dict[str, Report] = {}
        size = len(_SIGNATURE_FIELDS)
        for at in range(0, len(tokens) - size + 1, size):
            sha, status, key, fingerprint, signer = tokens[at : at + size]
            sha = sha.lstrip("\n")
            if sha.startswith(_START):
                found[sha[1:]] = _report(status, key, fingerprint, signer)
        if result.returncode != 0 or not set(shas) <= set(found):
            # cut short (a signature program that takes git down): a commit left out would
            # read as unsigned, and an approver's own signed commit as someone else's
            raise GitError("git.ended", command="log", code=result.returncode)
        return found

    def branch_commits(
        self, head: str, base: str, signed: bool = False
    ) -> list[tuple[str, Ancestor]] | None:
        """The commits ``head`` holds that ``base`` does not: a pull request's own, squashed
        onto ``base``, in one ``git log`` (``signed``: with their signature reports, as
        ``ancestors``). None when ``head`` is no commit id or is not in this clone (GitHub
        keeps a pull request's head as refs/pull/N/head, which a clone does not fetch by
        default)."""
        if not _OBJECT_ID.fullmatch(head) or not _OBJECT_ID.fullmatch(base):
            return None  # from a note: never an option or a revision expression
        for sha in (head, base):  # a shallow clone may lack either; asked of the open cat-file
            found = self._object(f"{sha}^{{commit}}")
            if found is None or found[0] != "commit":
                return None
        args = ["log", "-z", "--no-color", "--encoding=UTF-8", "--no-use-mailmap"]
        tokens = self._stream([*args, _graph_format(signed), head, f"^{base}", "--"])
        try:
            return list(_parse_ancestors(tokens, signed))
        except GitError as exc:
            # history beyond a shallow boundary is not read; any other failure, and a git
            # that ended early (its signature check killed, say), is an error, never a pull
            # request without commits (whose writers would then go unseen)
            if exc.key == "git.ended" or not self.is_shallow():
                raise
            return None

    def notes_tip(self) -> str | None:
        """The commit refs/notes/doccontrol points at, or None when there are no notes."""
        return self.exact_commit(NOTES_REF)

    def notes(self, tip: str) -> dict[str, Note]:
        """Every note under refs/notes/doccontrol, read in one ``git log`` over the notes
        history (newest first, each notes commit with its raw diff and signature): a note is
        the blob its annotated commit's path last received, vouched for by the notes commit
        that wrote it there. Moving a note within the tree (git's fan-out as notes grow) is
        not a new writing."""
        fmt = _START + "%x00".join(_SIGNATURE_FIELDS) + "%x00"
        args = [
            "log",
            "-z",
            "--first-parent",
            "-m",
            "--raw",
            _SUBMODULES_SHOWN,
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
                h = header + [""] * (len(_SIGNATURE_FIELDS) - len(header))
                found[sha] = Note(sha, blob, h[0].strip(), h[1] or "N", h[2], h[3], h[4])

        tokens = self._stream(args)
        header: list[str] | None = None
        written: dict[str, str] = {}
        removed: dict[str, str] = {}
        for token in tokens:
            if token.startswith(_START):
                if header is not None:
                    settle(header, written, removed)
                header = [token[1:], *itertools.islice(tokens, len(_SIGNATURE_FIELDS) - 1)]
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

    def blob_pipe(self, ids_only: bool = False) -> BlobPipe:
        """A ``cat-file --batch`` that starts working as soon as blob ids are put in (close it);
        with ``ids_only``, a ``--batch-check`` that answers each name with its object id."""
        handle = subprocess.Popen(
            ["git", "cat-file", "--batch-check" if ids_only else "--batch"],
            cwd=self.root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_git_env(),
        )
        return BlobPipe(handle)

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

    def files_at(self, specs: Sequence[str]) -> Iterator[bytes | None]:
        """The contents of many ``rev:path`` names, in order, through one ``cat-file --batch``
        fed ahead of what is read (None for a name that is no file): a question answered one
        at a time waits for git every time. Names must not hold a newline."""
        if not specs:
            return
        pipe = self.blob_pipe()
        try:
            for spec in specs:
                pipe.put(spec)
            for _ in specs:
                yield pipe.get_file()
        finally:
            pipe.close()

    def files_of(self, specs: Sequence[str]) -> list[bytes | None]:
        """``files_at`` through the reader's one long-lived ``cat-file --batch``, for the few
        names a question asked of many merges names (a process each would cost more than its
        answers): answered whole, so nothing is left in flight for the next lookup."""
        if not specs:
            return []
        if self._objects is None:
            self._objects = self.blob_pipe()
        pipe = self._objects
        try:
            for spec in specs:
                pipe.put(spec)
            return [pipe.get_file() for _ in specs]
        except BaseException:
            # answers may be left in the pipe: the next lookup starts a fresh one
            pipe.close()
            self._objects = None
            raise

    def file_ids(self, specs: Sequence[str]) -> list[str | None]:
        """The object id of each ``rev:path`` name's file, in order, through one
        ``cat-file --batch-check`` (None: no such file, or a folder or a submodule there). A
        name holding a newline, which cat-file's lines cannot carry, is asked on its own."""
        plain = [spec for spec in specs if "\n" not in spec]
        found: dict[str, str | None] = {}
        if plain:
            pipe = self.blob_pipe(ids_only=True)
            try:
                for spec in plain:
                    pipe.put(spec)
                for spec in plain:
                    found[spec] = pipe.get_file_id()
            finally:
                pipe.close()
        for spec in specs:
            if "\n" in spec and spec not in found:
                kind = self._try(["cat-file", "-t", "--end-of-options", spec])
                found[spec] = self.resolve_object(spec) if (kind or "").strip() == "blob" else None
        return [found[spec] for spec in specs]

    def _object(self, spec: str) -> tuple[str, bytes] | None:
        """(type, content) of one object through the one long-lived ``cat-file --batch``;
        None when there is no such object."""
        if "\n" in spec:  # a name cat-file's line protocol cannot carry
            kind = self._try(["cat-file", "-t", spec])
            result = run_git(self.root, ["cat-file", "-p", spec]) if kind else None
            if not kind or result is None or result.returncode != 0:
                return None
            return kind.strip(), result.stdout
        if self._objects is None:
            self._objects = self.blob_pipe()
        return self._objects.lookup(spec)

    def blob(self, sha: str) -> bytes:
        found = self._object(sha)
        if found is None or found[0] != "blob":
            raise GitError("git.blob-unreadable", sha=sha)
        return found[1]

    def has_commit(self, sha: str) -> bool:
        """Whether ``sha`` (a full commit id, as a note gives it) is a commit in this clone."""
        if not _OBJECT_ID.fullmatch(sha):
            return False
        found = self._object(f"{sha}^{{commit}}")
        return found is not None and found[0] == "commit"

    def read_file_at(self, rev: str, path: str) -> bytes | None:
        found = self._object(f"{rev}:{path}")
        return found[1] if found is not None and found[0] == "blob" else None

    def regular_file_at(self, rev: str, path: str) -> tuple[str, str | None, tuple[str, ...]]:
        """(the path, the blob id, the links followed) of the file the file system would open
        at ``path`` in a checkout of ``rev``: a symbolic link on the way, or at the end, is
        followed inside the tree as the file system follows it; no blob id when there is no
        such file (none, a folder, a submodule, a link out of the tree or in a loop). One
        ``ls-tree`` a step."""
        links: list[str] = []
        for _ in range(_MAX_LINKS):
            parts = path.split("/")
            prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
            listed = run_git(
                self.root, ["--literal-pathspecs", "ls-tree", "-t", "-z", rev, "--", *prefixes]
            )
            if listed.returncode != 0:
                break
            entries: dict[str, tuple[str, str]] = {}
            for entry in listed.stdout.split(b"\0"):
                meta, tab, name = entry.partition(b"\t")
                fields = meta.split()
                if tab and len(fields) == 3:
                    entries[name.decode("utf-8", "surrogateescape")] = (
                        fields[0].decode("ascii"),
                        fields[2].decode("ascii"),
                    )
            for depth, prefix in enumerate(prefixes):
                mode, oid = entries.get(prefix, ("", ""))
                last = depth == len(prefixes) - 1
                if mode == "120000":
                    links.append(prefix)
                    target = self.blob(oid).decode("utf-8", "surrogateescape")
                    rest = parts[depth + 1 :]
                    joined = posixpath.normpath(
                        posixpath.join(posixpath.dirname(prefix), target, *rest)
                    )
                    if target.startswith("/") or joined == ".." or joined.startswith("../"):
                        return path, None, tuple(links)
                    path = joined
                    break
                if last and mode.startswith("100"):
                    return prefix, oid, tuple(links)
                if last or mode != "040000":
                    return path, None, tuple(links)
            else:
                break
        return path, None, tuple(links)

    def exists_at(self, rev: str, path: str) -> bool:
        """Whether ``path`` (file or folder) is in the tree of ``rev``."""
        return self._object(f"{rev}:{path}") is not None

    def git_path(self, name: str) -> Path:
        """A path inside the Git directory (``git rev-parse --git-path``): out of reach of
        anything a commit can put in the work tree."""
        path = Path(self._run(["rev-parse", "--git-path", name]).strip())
        return path if path.is_absolute() else self.root / path

    def line_meets(self, tip: str, head: str) -> str | None:
        """Where ``head``'s first-parent line meets ``tip``'s: the newest commit on both
        first-parent lines, or None when none is. (Reached through any parent is not enough:
        a branch that merged the commit naming it in from the side would pass.)"""
        if head == tip:  # the usual case (CI, main checked out): nothing to walk
            return head
        # an author's branch: where it left the line, found by walking its own commits and
        # the line's since then only
        ahead = (self._try(["rev-list", "--first-parent", f"{tip}..{head}"]) or "").split()
        left = self.resolve_commit(f"{ahead[-1]}^") if ahead else head
        if left is not None:
            since = (self._try(["rev-list", "--first-parent", f"{left}..{tip}"]) or "").split()
            if left == tip or (since and self.resolve_commit(f"{since[-1]}^") == left):
                return left
        # else the two lines meet further back, if at all: both walked whole
        line = set((self._try(["rev-list", "--first-parent", tip]) or "").split())
        ours = (self._try(["rev-list", "--first-parent", head]) or "").split()
        return next((sha for sha in ours if sha in line), None)

    def commits_by_id(self, prefix: str) -> list[str]:
        """The commits whose ids start with ``prefix`` (lower-case hex, 7 to 40 digits),
        looked up among objects only: a tag or branch spelt like the id cannot stand in."""
        if len(prefix) == 40:
            kind = self._try(["cat-file", "-t", prefix])
            return [prefix] if kind and kind.strip() == "commit" else []
        found = (self._try(["rev-parse", f"--disambiguate={prefix}"]) or "").split()
        return [
            sha for sha in found if (self._try(["cat-file", "-t", sha]) or "").strip() == "commit"
        ]

    def first_parent_line(self, tip: str) -> list[str]:
        """The first-parent line up to ``tip``, oldest first (read once per reader: the walk
        and the judgement of control_since after it both ask)."""
        if tip not in self._lines:
            self._lines[tip] = self._run(["rev-list", "--first-parent", "--reverse", tip]).split()
        return self._lines[tip]

    def blobs_held(self, tip: str, paths: Sequence[str]) -> set[str]:
        """Every object id any of ``paths`` held in a commit ``tip`` reaches (each change's
        new version, a merge's against each parent): what those names ever held there. One
        ``git log``; a tree read, no file's contents."""
        listed = self._run(
            ["--literal-pathspecs", "log", "-m", "--raw", "-z", "--no-abbrev", "--no-renames",
             "--format=", tip, "--", *paths]
        )  # fmt: skip
        found = set()
        for token in listed.split("\0"):
            fields = token.split()
            # ":old-mode new-mode old-id new-id status": the path is the next token
            if token.startswith(":") and len(fields) >= 5 and fields[3].strip("0"):
                found.add(fields[3])
        return found

    def is_ancestor(self, older: str, newer: str) -> bool:
        return run_git(self.root, ["merge-base", "--is-ancestor", older, newer]).returncode == 0

    def merged_files(self, ours: str, theirs: str, paths: Sequence[str]) -> MergedFiles:
        """Each of ``paths`` as git's own merge of two commits leaves it (None: no file there);
        no files when that merge conflicts, and why when it cannot be made in this clone.
        Nothing is written into the repository (``merge_tree``)."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="doccontrol-objects-") as scratch:
            done = merge_tree(self.git_dir, ours, theirs, Path(scratch))
            if done.tree is None:
                return MergedFiles(None, done.failure)
            env = {
                **_git_env(),
                "GIT_OBJECT_DIRECTORY": scratch,
                "GIT_ALTERNATE_OBJECT_DIRECTORIES": str(self.git_path("objects")),
            }
            # every path through one cat-file (paths with a newline cannot be asked: no file)
            asked = [path for path in paths if "\n" not in path]
            read = subprocess.run(
                ["git", "--git-dir", str(self.git_dir), "cat-file", "--batch"],
                input="".join(f"{done.tree}:{path}\n" for path in asked).encode("utf-8"),
                cwd=scratch,
                env=env,
                capture_output=True,
                check=False,
            )
            found = _batch_contents(asked, read.stdout)
            return MergedFiles(found | {p: None for p in paths if p not in asked})

    def merge_bases(self, one: str, other: str) -> list[str]:
        """The best common ancestors of two commits (``git merge-base --all``)."""
        return (self._try(["merge-base", "--all", one, other]) or "").split()

    def rename_sources(self, one: str, other: str, olds: Sequence[str], new: str) -> set[str]:
        """Which of the files ``olds`` git's diff from ``one`` to ``other`` (the one a review
        shows) moves to ``new``: its rename detection, with its default threshold."""
        listed = self._try(
            ["diff", "-z", "--name-status", "-M", "--no-ext-diff", one, other, "--", *olds, new]
        )
        tokens = (listed or "").split("\0")
        return {
            tokens[i + 1]
            for i, token in enumerate(tokens)
            if token.startswith("R") and i + 2 < len(tokens) and tokens[i + 2] == new
        } & set(olds)

    def merge_file(self, ours: bytes, base: bytes, theirs: bytes) -> bytes | None:
        """Git's own three-way merge of one file's contents (``git merge-file``, the content
        merge ``git merge`` makes), or None when it conflicts or cannot merge (binary). The
        three versions are written to a private temporary folder, never into the repository."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="doccontrol-merge-") as folder:
            names = []
            for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
                path = Path(folder) / name
                path.write_bytes(data)
                names.append(str(path))
            done = run_git(self.root, ["merge-file", "-p", "-q", *names])
        return done.stdout if done.returncode == 0 else None

    def remote_urls(self) -> list[str]:
        return remote_urls(self.root)

    def working_tree(self) -> Path | None:
        return self.tree


@contextlib.contextmanager
def signature_reader(root: Path) -> Iterator[GitReader]:
    """A GitReader whose git checks every signature against an empty allowed-signers file: a
    sound SSH signature comes back as U with its key, and whose key that is doccontrol decides
    by the configuration that stood before it (signatures.interpret), never by a principal a
    signers file or the signer chose. History and ``approve`` read signatures this one way."""
    with tempfile.TemporaryDirectory(prefix="doccontrol-") as tmp:
        empty = Path(tmp) / "allowed_signers"
        empty.write_text("", encoding="utf-8")
        with GitReader(root, ["-c", f"gpg.ssh.allowedSignersFile={empty}"]) as reader:
            yield reader


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
            names = "".join(f"{sha}\n" for sha in batch)
            self.handle.stdin.write(names.encode("utf-8", "surrogateescape"))
            self.handle.stdin.flush()
        except (BrokenPipeError, ValueError, OSError) as exc:
            raise GitError("git.cat-file-failed", reason=str(exc)) from None

    def _fill(self) -> None:
        """Read what the pipe has (up to 1 MiB) onto what is left of the buffer."""
        try:
            chunk = os.read(self.fd, 1 << 20)
        except OSError as exc:
            raise GitError("git.cat-file-failed", reason=str(exc)) from None
        if not chunk:
            raise GitError("git.cat-file-ended")
        # only the unread tail is copied: the buffer is one pipe read, blobs are sliced off it
        self.buffer = self.buffer[self.pos :] + chunk if self.pos < len(self.buffer) else chunk
        self.pos = 0

    def get(self) -> bytes:
        """The content of the oldest blob put in and not yet taken."""
        data = self._next()
        if data is None:
            raise GitError("git.blob-unreadable", sha="")
        return data

    def get_optional(self) -> bytes | None:
        """Like get(), for a ``rev:path`` that may name nothing (None then)."""
        return self._next(optional=True)

    def get_file(self) -> bytes | None:
        """Like get(), for a ``rev:path``: None when it names nothing, or something other than
        a file (a folder, a submodule)."""
        return self._next(optional=True, files_only=True)

    def get_id(self) -> str | None:
        """For a ``--batch-check`` pipe: the blob id a ``rev:path`` names (None: nothing)."""
        found = self._next(optional=True, content=False)
        return None if found is None else found.decode("ascii", "replace")

    def get_file_id(self) -> str | None:
        """Like get_id(), and None too where the name is no file (a folder, a submodule)."""
        found = self._next(optional=True, content=False, files_only=True)
        return None if found is None else found.decode("ascii", "replace")

    def _next(
        self, optional: bool = False, content: bool = True, files_only: bool = False
    ) -> bytes | None:
        if len(self.sent) < self.LOW:  # git is about to run dry: send what there is
            self._send(self.AHEAD)
        elif len(self.unsent) >= self.BATCH and len(self.sent) <= self.AHEAD - self.BATCH:
            self._send(self.BATCH)
        if not self.sent:
            raise GitError("git.cat-file-order")
        sha = self.sent.popleft()
        while (end := self.buffer.find(b"\n", self.pos)) < 0:
            self._fill()
        header = self.buffer[self.pos : end].split()
        if optional and header[-1:] == [b"missing"]:
            self.pos = end + 1
            return None
        other = files_only and len(header) == 3 and header[1] != b"blob"
        if len(header) != 3 or (header[1] != b"blob" and not other) or not header[2].isdigit():
            raise GitError("git.blob-unreadable", sha=sha)
        size = int(header[2])
        self.pos = end + 1
        if other and not content:  # a --batch-check pipe: nothing follows the header
            return None
        if other:  # a tree or a commit where a file was asked for: passed over
            while len(self.buffer) - self.pos < size + 1:
                self._fill()
            self.pos += size + 1
            return None
        if not content:
            return header[0]  # the id alone (a --batch-check pipe sends nothing more)
        while len(self.buffer) - self.pos < size + 1:  # the content and its newline
            self._fill()
        data = self.buffer[self.pos : self.pos + size]
        self.pos += size + 1
        return data

    def lookup(self, spec: str) -> tuple[str, bytes] | None:
        """One object by name (``rev:path`` too), asked and answered at once; None when git
        says it is missing. Only between whole batches: nothing else may be in flight."""
        if self.sent or self.unsent:
            raise GitError("git.cat-file-order")
        try:
            self.handle.stdin.write(spec.encode("utf-8", "surrogateescape") + b"\n")
            self.handle.stdin.flush()
        except (BrokenPipeError, ValueError, OSError) as exc:
            raise GitError("git.cat-file-failed", reason=str(exc)) from None
        while (end := self.buffer.find(b"\n", self.pos)) < 0:
            self._fill()
        header = self.buffer[self.pos : end].split()
        self.pos = end + 1
        if len(header) != 3 or not header[2].isdigit():
            return None  # "<spec> missing" or "ambiguous"
        size = int(header[2])
        while len(self.buffer) - self.pos < size + 1:
            self._fill()
        data = self.buffer[self.pos : self.pos + size]
        self.pos += size + 1
        return header[1].decode(), data

    def close(self) -> None:
        # a failure was already reported by get(); closing early may end cat-file with SIGPIPE
        with contextlib.suppress(OSError, ValueError):
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
    written and are decoded here, by a code page that reads ASCII as ASCII only: an escape
    codec (unicode_escape) would turn a typed backslash-n into a line break git never shows;
    bytes that fit no encoding are replaced, never fatal."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape")
        name = encoding.strip() or "utf-8"
        if _keeps_ascii(name):
            with contextlib.suppress(LookupError, UnicodeError):
                return raw.decode(name, "replace")
        # an encoding Python does not know, one that rewrites ASCII, or a codec that raises
        # even with "replace" (undefined, idna, punycode): the header is the committer's
        return raw.decode("utf-8", "replace")
    return value


# every ASCII byte, an escape's backslashes, a punycode label: a code page gives them back
# unchanged
_ASCII_PROBE = bytes(b for b in range(128) if b != 0x5C) + b"\\n\\u0041\\x41 a.xn--ls8h.b"


def _keeps_ascii(encoding: str) -> bool:
    try:
        return _ASCII_PROBE.decode(encoding) == _ASCII_PROBE.decode("ascii")
    except (LookupError, UnicodeError, TypeError, ValueError):
        return False


# what a commit's date is when git cannot read it: a missing or unparsable author or committer
# line makes ``git log`` print the placeholder itself (``%aI``), and a negative date or an
# offset beyond ±23:59 gives something no ISO 8601 reader takes. Nothing is shown for it
# (tables, CSV, JSON alike); the history reports the commit (DC524.unreadable).
UNREADABLE_DATE = ""


def readable_date(value: str) -> str:
    """A date as git printed it (``%aI``, ``%cI``), or ``UNREADABLE_DATE`` when it is no ISO
    8601 moment: the placeholder, a date git could not parse, an impossible offset."""
    value = value.strip()
    if not value or "%" in value:
        return UNREADABLE_DATE
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return UNREADABLE_DATE
    return value if moment.tzinfo is not None else UNREADABLE_DATE


def _graph_format(signed: bool) -> str:
    """The ``--format`` of a graph stream; ``signed``: with each commit's signature report."""
    fields = _GRAPH_FIELDS + (_SIGNATURE_FIELDS[1:] if signed else ())
    return "--format=" + _START + "%x00".join(fields) + "%x00"


def _report(status: str, key: str, fingerprint: str, signer: str) -> Report:
    if status in ("", "N") and not (key or fingerprint or signer):
        return _UNSIGNED  # one tuple for every unsigned commit of a large graph
    return (status or "N", key, fingerprint, display_text(signer))


def _parse_ancestors(tokens: Iterator[str], signed: bool = False) -> Iterator[tuple[str, Ancestor]]:
    size = len(_GRAPH_FIELDS) + (len(_SIGNATURE_FIELDS) - 1 if signed else 0)
    for token in tokens:
        token = token.lstrip("\n")
        if not token.startswith(_START):
            continue
        fields = [token[1:], *itertools.islice(tokens, size - 1)]
        if len(fields) < size:
            fields += [""] * (size - len(fields))
        co_authors = tuple(value for value in trailer_block.co_authors(fields[5]) if value.strip())
        yield (
            fields[0],
            Ancestor(
                tuple(fields[1].split()),
                display_text(fields[2]),
                display_text(fields[3]),
                readable_date(fields[4]),
                tuple(map(display_text, co_authors)),
                display_text(fields[6]),
                display_text(fields[7]),
                _report(*fields[8:12]) if signed else None,
            ),
        )


def _commit(header: list[str], changes: list[FileChange]) -> Commit:
    h = header + [""] * (len(_LOG_FIELDS) - len(header))
    message = message_text(h[13], h[12])
    # the trailer block is found in the text git printed, as git's own tools find it; only
    # what it holds is decoded by the message's encoding (round 61)
    found = [
        (message_text(token, h[12]), message_text(value, h[12]))
        for token, value in trailer_block.trailers(h[13])
    ]
    return Commit(
        sha=h[0].strip(),
        parents=tuple(h[1].split()),
        author_name=display_text(h[2]),
        author_email=display_text(h[3]),
        author_date=readable_date(h[4]),
        committer_name=display_text(h[5]),
        committer_email=display_text(h[6]),
        committer_date=readable_date(h[7]),
        signature_status=h[8] or "N",
        signature_key=h[9],
        signature_fingerprint=h[10],
        signer=display_text(h[11]),
        trailers=trailer_block.as_text(found),
        message=message,
        changes=tuple(changes),
    )
