"""Capture a merged pull request's reviews from GitHub's REST API as a Git note.

Run by a GitHub Actions job when a pull request is merged (and by a back-fill job for past
merges): it reads ``GET /repos/{owner}/{repo}/pulls/{n}`` and ``…/pulls/{n}/reviews`` with the
workflow's token and attaches GitHub's own fields to the merge commit under
refs/notes/doccontrol, optionally in a notes commit signed with the forge's SSH key, then
pushes the notes. History reads the notes later without any network access
(history/forge_notes.py judges them).

The API answers may also come from files (``--from-json DIR``: ``pull-N.json``,
``reviews-N.json`` and, for a back-fill, ``pulls.json``), recorded as GitHub returns them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from doccontrol.history.forge_notes import FORMAT, VERSION
from doccontrol.history.gitread import NOTES_REF, exact_commit, run_git

DEFAULT_API = "https://api.github.com"
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="next"')
_SHA = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
_TIMEOUT = 30  # seconds per API request


class CaptureError(Exception):
    """The pull request cannot be captured as asked (one clear line, never a traceback): a
    catalogue key and its arguments (the shell speaks the user's language)."""

    def __init__(self, key: str, /, **args: Any) -> None:
        from doccontrol.problems import msg

        super().__init__(key)
        self.message = msg(key, **args)


class Source(Protocol):
    def pull(self, number: int) -> dict[str, Any]: ...
    def reviews(self, number: int) -> list[dict[str, Any]]: ...
    def merged_pulls(self, base: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class ApiSource:
    """GitHub's REST API (or a GitHub Enterprise one), with a token."""

    base_url: str
    repository: str  # owner/name
    token: str | None

    def _get(self, url: str) -> tuple[Any, str | None]:
        headers = {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": "doccontrol",
        }
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
                body = response.read()
                link = response.headers.get("Link")
        except urllib.error.HTTPError as exc:
            raise CaptureError(
                "forge.error.api-answered", url=url, code=exc.code, reason=str(exc.reason)
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            raise CaptureError("forge.error.api-unreachable", url=url, reason=str(exc)) from None
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise CaptureError("forge.error.api-not-json", url=url) from None
        match = _NEXT.search(link or "")
        return data, match.group(1) if match else None

    def _url(self, path: str, query: dict[str, str] | None = None) -> str:
        url = f"{self.base_url.rstrip('/')}/repos/{self.repository}/{path}"
        return f"{url}?{urllib.parse.urlencode(query)}" if query else url

    def _pages(self, url: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        origin = urllib.parse.urlsplit(self.base_url).netloc
        next_url: str | None = url
        while next_url:
            # the token goes only to the API it was given for, whatever a Link header says
            if urllib.parse.urlsplit(next_url).netloc != origin:
                raise CaptureError("forge.error.api-other-host", url=next_url)
            data, next_url = self._get(next_url)
            if not isinstance(data, list):
                raise CaptureError("forge.error.api-not-list", url=url)
            out += data
        return out

    def pull(self, number: int) -> dict[str, Any]:
        data, _ = self._get(self._url(f"pulls/{number}"))
        if not isinstance(data, dict):
            raise CaptureError("forge.error.api-not-pull", number=number)
        return data

    def reviews(self, number: int) -> list[dict[str, Any]]:
        return self._pages(self._url(f"pulls/{number}/reviews", {"per_page": "100"}))

    def merged_pulls(self, base: str) -> list[dict[str, Any]]:
        query = {"state": "closed", "base": base, "per_page": "100"}
        return [p for p in self._pages(self._url("pulls", query)) if p.get("merged_at")]


@dataclass(frozen=True)
class JsonSource:
    """Recorded API answers in a folder: pull-N.json, reviews-N.json, pulls.json."""

    folder: Path

    def _read(self, name: str) -> Any:
        path = self.folder / name
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CaptureError("forge.error.no-file", path=str(path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CaptureError("forge.error.not-json", path=str(path), reason=str(exc)) from None

    def pull(self, number: int) -> dict[str, Any]:
        data = self._read(f"pull-{number}.json")
        if not isinstance(data, dict):
            raise CaptureError(
                "forge.error.not-pull", path=str(self.folder / f"pull-{number}.json")
            )
        return data

    def reviews(self, number: int) -> list[dict[str, Any]]:
        data = self._read(f"reviews-{number}.json")
        if not isinstance(data, list):
            raise CaptureError(
                "forge.error.not-reviews", path=str(self.folder / f"reviews-{number}.json")
            )
        return data

    def merged_pulls(self, base: str) -> list[dict[str, Any]]:
        data = self._read("pulls.json")
        if not isinstance(data, list):
            raise CaptureError("forge.error.not-pulls", path=str(self.folder / "pulls.json"))
        return [
            p
            for p in data
            if isinstance(p, dict)
            and p.get("merged_at")
            and isinstance(p.get("base"), dict)
            and p["base"].get("ref") == base
        ]


def _login(obj: Any) -> dict[str, Any] | None:
    return {"login": obj.get("login")} if isinstance(obj, dict) else None


def note_for(
    pull: dict[str, Any], reviews: list[dict[str, Any]], repository: str
) -> dict[str, Any]:
    """The note: GitHub's own fields, under GitHub's own names, nothing of ours but the
    envelope. Refuses a pull request that was not merged."""
    number = pull.get("number")
    if not isinstance(number, int) or isinstance(number, bool):
        raise CaptureError("forge.error.no-number")
    if pull.get("merged") is not True and not pull.get("merged_at"):
        raise CaptureError("forge.error.not-merged", number=number)
    merge_sha = pull.get("merge_commit_sha")
    head = pull.get("head")
    if not isinstance(merge_sha, str) or not _SHA.match(merge_sha):
        raise CaptureError("forge.error.no-field", number=number, field="merge_commit_sha")
    if not isinstance(head, dict) or not isinstance(head.get("sha"), str):
        raise CaptureError("forge.error.no-field", number=number, field="head.sha")
    base = pull.get("base")
    recorded = []
    for review in reviews:
        if not isinstance(review, dict) or not isinstance(review.get("id"), int):
            raise CaptureError("forge.error.review-without-id", number=number)
        recorded.append(
            {
                "id": review["id"],
                "user": _login(review.get("user")),
                "state": review.get("state"),
                "submitted_at": review.get("submitted_at"),
                "commit_id": review.get("commit_id"),
                "html_url": review.get("html_url"),
                "author_association": review.get("author_association"),
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "forge": "github",
        "repository": repository,
        "pull_request": {
            "number": number,
            "html_url": pull.get("html_url"),
            "title": pull.get("title"),
            "user": _login(pull.get("user")),
            "head": {"ref": head.get("ref"), "sha": head["sha"]},
            "base": {"ref": base.get("ref"), "sha": base.get("sha")}
            if isinstance(base, dict)
            else None,
            "merged": pull.get("merged"),
            "merged_at": pull.get("merged_at"),
            "merged_by": _login(pull.get("merged_by")),
            "merge_commit_sha": merge_sha,
        },
        "reviews": recorded,
    }


def note_bytes(note: dict[str, Any]) -> bytes:
    return (json.dumps(note, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


# --- writing the note -------------------------------------------------------------------


def _git(
    root: Path, *args: str, input: bytes | None = None, check: bool = True
) -> subprocess.CompletedProcess[bytes]:
    result = run_git(root, args, input=input)  # refs/replace/* off
    if check and result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise CaptureError("forge.error.git-failed", args=" ".join(args), reason=message)
    return result


def _out(root: Path, *args: str, input: bytes | None = None) -> str:
    return _git(root, *args, input=input).stdout.decode().strip()


def _identity(root: Path) -> list[str]:
    """A committer for the notes commit when git has none configured (a CI runner)."""
    if _git(root, "var", "GIT_COMMITTER_IDENT", check=False).returncode == 0:
        return []
    return ["-c", "user.name=doccontrol", "-c", "user.email=doccontrol@localhost"]


def notes_tip(root: Path) -> str | None:
    return exact_commit(root, NOTES_REF)  # never a tag named like the notes ref


def current_note(root: Path, commit: str) -> bytes | None:
    # from the notes ref itself: where it is missing, git notes would read a tag named like it
    return _note(root, commit) if notes_tip(root) is not None else None


def _note(root: Path, commit: str) -> bytes | None:
    """The note on ``commit``, the notes ref known to be there."""
    result = _git(
        root,
        *("-c", "core.warnAmbiguousRefs=false"),
        *("notes", f"--ref={NOTES_REF}", "show", commit),
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


def write_note(root: Path, commit: str, data: bytes, sign_key: Path | None = None) -> str | None:
    """Attach ``data`` to ``commit`` under refs/notes/doccontrol in one new notes commit,
    signed with the SSH key ``sign_key`` when given. The ref moves once, from the tip it was
    read at to the finished commit (compare-and-swap), so a failure leaves it as it was.
    Returns the new notes commit, or None when the note was already there as it is."""
    if _git(root, "cat-file", "-e", f"{commit}^{{commit}}", check=False).returncode != 0:
        raise CaptureError("forge.error.no-commit", commit=commit)
    old = notes_tip(root)
    if old is not None and _note(root, commit) == data:
        return None
    ident = _identity(root)
    scratch = f"{NOTES_REF}-capture-{os.getpid()}"
    try:
        if old:
            _git(root, "update-ref", scratch, old)
        # the blob is the note byte for byte (git notes -m/-F would reflow the text)
        blob = _out(root, "hash-object", "-w", "--stdin", input=data)
        _git(root, *ident, "notes", f"--ref={scratch}", "add", "-f", "-C", blob, commit)
        new = _out(root, "rev-parse", f"{scratch}^{{commit}}")
        if sign_key is not None:
            # git notes cannot sign: the same tree and parent, committed again with a signature
            tree = _out(root, "rev-parse", f"{new}^{{tree}}")
            message = f"doccontrol: review record for {commit}\n"
            parents = ["-p", old] if old else []
            new = _out(
                root,
                *ident,
                "-c",
                "gpg.format=ssh",
                "-c",
                f"user.signingkey={sign_key}",
                "commit-tree",
                "-S",
                *parents,
                "-F",
                "-",
                tree,
                input=message.encode(),
            )
        _git(root, "update-ref", NOTES_REF, new, old or "0" * len(new))
    finally:
        _git(root, "update-ref", "-d", scratch, check=False)
    return new


# the names git's push matches a destination refs/notes/doccontrol against besides the ref
# itself: "strong" ones take it even where the notes ref is there (then the push is ambiguous),
# "weak" ones only where it is not
_STRONG = tuple(r % NOTES_REF for r in ("refs/%s", "refs/tags/%s", "refs/heads/%s"))
_WEAK = tuple(r % NOTES_REF for r in ("refs/remotes/%s", "refs/remotes/%s/HEAD"))


def push_notes(root: Path, remote: str) -> bool:
    """Push the notes; False when the remote moved ahead (another capture pushed first)."""
    tip = notes_tip(root)
    if tip is None:
        return True  # nothing recorded here to push
    # git's push takes as its destination any ref git's lookup finds for the name (a tag
    # refs/tags/refs/notes/doccontrol, a refs/remotes/refs/notes/doccontrol/HEAD…) where the
    # notes ref is not there: refused, naming it, rather than updating another ref or failing
    # as if the remote had moved ahead
    listed = _git(root, "ls-remote", remote, NOTES_REF, f"{NOTES_REF}/*", check=False)
    names = {
        line.split(b"\t", 1)[-1].decode("utf-8", "replace").removesuffix("^{}")
        for line in listed.stdout.splitlines()
    }
    others = sorted(names & {*_STRONG, *(() if NOTES_REF in names else _WEAK)})
    if NOTES_REF not in names:
        # a ref below the name (refs/notes/doccontrol/x) leaves no room to make it
        others += sorted(n for n in names if n.startswith(f"{NOTES_REF}/"))
    if others:
        raise CaptureError(
            "forge.error.notes-named-twice", remote=remote, ref=NOTES_REF, names=", ".join(others)
        )
    # the source by its id: by name, git's lookup could push a tag named like the notes ref
    result = _git(root, "push", remote, f"{tip}:{NOTES_REF}", check=False)
    if result.returncode == 0:
        return True
    text = result.stderr.decode("utf-8", "replace")
    # only a remote that moved ahead is another capture's; one that refused the ref (a hook, a
    # ref in the way) says why
    if "remote rejected" not in text and (
        "fetch first" in text or "non-fast-forward" in text or "[rejected]" in text
    ):
        return False
    raise CaptureError(
        "forge.error.git-failed", args=f"push {remote} {NOTES_REF}", reason=text.strip()
    )


def fetch_notes(root: Path, remote: str) -> None:
    """Take the remote's notes as they are (a missing ref on the remote is no error)."""
    listed = _git(root, "ls-remote", remote, NOTES_REF, check=False)
    # ls-remote matches the name's tail too (refs/tags/refs/notes/doccontrol): only the ref
    # itself is fetched, never a tag named like it
    names = [line.split(b"\t", 1)[-1] for line in listed.stdout.splitlines()]
    if listed.returncode == 0 and NOTES_REF.encode() in names:
        _git(root, "fetch", "--quiet", remote, f"+{NOTES_REF}:{NOTES_REF}")


@dataclass(frozen=True)
class Captured:
    number: int
    commit: str
    reviews: int
    written: bool


def main_line(root: Path, branch: str) -> frozenset[str]:
    """The commits on the main branch's first-parent line, local or as fetched from origin
    (either may be the newer): where every merge into it, and nothing else, lands."""
    line: set[str] = set()
    for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}"):
        tip = exact_commit(root, ref)  # never a tag named like the branch
        if tip is not None:
            line.update(_out(root, "rev-list", "--first-parent", tip).split())
    return frozenset(line)


def _into_main(note: dict[str, Any], branch: str, line: frozenset[str]) -> None:
    """Refuse the record of a pull request that is not a merge into the main branch: a
    signed note is the forge's word on a merge into main, never on one into a branch nobody
    protects (which a fast-forward of main could bring in later)."""
    pr = note["pull_request"]
    base = pr["base"]["ref"] if isinstance(pr.get("base"), dict) else None
    if base != branch:
        raise CaptureError(
            "forge.error.other-base", number=pr["number"], base=str(base or "—"), branch=branch
        )
    sha = pr["merge_commit_sha"]
    if sha.lower() not in line:
        raise CaptureError(
            "forge.error.off-main", number=pr["number"], commit=sha[:10], branch=branch
        )


def capture(
    root: Path,
    source: Source,
    repository: str,
    numbers: Sequence[int],
    sign_key: Path | None = None,
    branch: str = "main",
) -> list[Captured]:
    """Fetch each pull request and its reviews and write its note (nothing is written until
    every answer is in and the commits are known). Only pull requests merged into ``branch``
    whose merge commit is on its first-parent line are recorded."""
    line = main_line(root, branch)
    notes = []
    for number in numbers:
        note = note_for(source.pull(number), source.reviews(number), repository)
        _into_main(note, branch, line)
        notes.append((number, note))
    out = []
    for number, note in notes:
        sha = note["pull_request"]["merge_commit_sha"]
        written = write_note(root, sha, note_bytes(note), sign_key)
        out.append(Captured(number, sha, len(note["reviews"]), written is not None))
    return out


def backfill_numbers(root: Path, source: Source, base: str, force: bool = False) -> list[int]:
    """Merged pull requests into ``base`` whose merge commit is on its first-parent line here
    and has no note yet."""
    out = []
    line = main_line(root, base)
    for pull in source.merged_pulls(base):
        sha = pull.get("merge_commit_sha")
        number = pull.get("number")
        if not isinstance(sha, str) or not isinstance(number, int) or not _SHA.match(sha):
            continue
        if sha.lower() not in line:
            continue  # not on main in this clone (history rewritten since, say)
        if not force and current_note(root, sha) is not None:
            continue
        out.append(number)
    return sorted(out)
