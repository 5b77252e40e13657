"""Reviews a forge recorded, read from the note on a merge commit (refs/notes/doccontrol).

The note is GitHub's own record, captured from its REST API when the pull request was merged
(``doccontrol forge capture-github``): the pull request's number, title, final head and merge
commit, and every review with its state and the commit it was made on. Here it is read and
judged, never trusted blindly: it must name the commit it is attached to; a review counts only
when it approves the pull request's final head and is the reviewer's last word; logins count
only when doccontrol.yml (as approved before the merge) maps them to a person; and the notes
commit's signature decides whether it is verified evidence (a trusted forge key) or not.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from doccontrol.config import CONFIG_FILE, Config
from doccontrol.config import Person as ConfigPerson
from doccontrol.errors import KeyedError
from doccontrol.history.model import HistoryProblem, MergeRequest, Person, Signature
from doccontrol.history.signatures import FORGE

FORMAT = "doccontrol-forge-note"
VERSION = 1
# Review states that change a reviewer's standing; COMMENTED and PENDING leave it as it was.
_DECISIVE = ("APPROVED", "CHANGES_REQUESTED", "DISMISSED")


class NoteError(KeyedError, ValueError):
    """A note that is not a forge note doccontrol can read: the DC530 variant (a catalogue
    key) that says why, with its arguments."""


@dataclass(frozen=True)
class Review:
    id: int
    login: str
    state: str
    submitted_at: str
    commit_id: str
    html_url: str


@dataclass(frozen=True)
class ForgeNote:
    forge: str
    number: int
    html_url: str
    title: str
    head_sha: str
    merge_commit_sha: str
    merged_by: str
    author: str
    reviews: tuple[Review, ...]

    @property
    def merge_request(self) -> MergeRequest:
        return MergeRequest(self.forge, str(self.number), self.html_url or None)


@dataclass(frozen=True)
class Verdict:
    """What one note proves about one commit."""

    note: ForgeNote | None
    verified: bool  # the notes commit is signed by a trusted forge key
    # people whose APPROVED review on the final head stands; each counts as approver or
    # reviewer per document by their roles
    approvals: tuple[Person, ...] = ()
    # the pull request's author, mapped: an approval by them is self-approval
    author: Person | None = None
    # people with a change request outstanding at merge (block the approval)
    objections: tuple[Person, ...] = ()
    problems: tuple[HistoryProblem, ...] = ()
    # who merged it, mapped: the forge's word on the merger (approval.merger_is_approver)
    merged_by: Person | None = None

    @property
    def strength(self) -> str:
        return "forge-api-signed" if self.verified else "forge-api"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _login(obj: Any) -> str:
    return _text(obj.get("login")) if isinstance(obj, dict) else ""


def parse(data: bytes) -> ForgeNote:
    """The note's JSON; NoteError says what is wrong with it."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise NoteError("problem.DC530.not-json", detail=str(exc)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise NoteError("problem.DC530.format", format=FORMAT)
    if raw.get("version") != VERSION:
        raise NoteError("problem.DC530.version", found=str(raw.get("version")), reads=VERSION)
    forge = _text(raw.get("forge"))
    pr = raw.get("pull_request")
    reviews = raw.get("reviews")
    if forge != "github" or not isinstance(pr, dict) or not isinstance(reviews, list):
        raise NoteError("problem.DC530.shape")
    head = pr.get("head")
    number = pr.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or not isinstance(head, dict):
        raise NoteError("problem.DC530.pull-request")
    out = []
    for item in reviews:
        if not isinstance(item, dict) or not isinstance(item.get("id"), int):
            raise NoteError("problem.DC530.review-id")
        out.append(
            Review(
                item["id"],
                _login(item.get("user")),
                _text(item.get("state")),
                _text(item.get("submitted_at")),
                _text(item.get("commit_id")).lower(),
                _text(item.get("html_url")),
            )
        )
    return ForgeNote(
        forge,
        number,
        _text(pr.get("html_url")),
        _text(pr.get("title")),
        _text(head.get("sha")).lower(),
        _text(pr.get("merge_commit_sha")).lower(),
        _login(pr.get("merged_by")),
        _login(pr.get("user")),
        tuple(out),
    )


def last_words(reviews: tuple[Review, ...]) -> dict[str, Review]:
    """Each reviewer's standing review, as GitHub reckons it: the latest that approved,
    requested changes or was dismissed (reviews come in the order they were submitted)."""
    latest: dict[str, Review] = {}
    for review in sorted(reviews, key=lambda r: (r.submitted_at, r.id)):
        if review.login and review.state in _DECISIVE:
            latest[review.login.lower()] = review
    return latest


def brings_only(parents: Sequence[str], head: str) -> bool:
    """Whether a commit with ``parents`` brings in the pull request head ``head`` and nothing
    else: a merge commit's second and only other parent is that head (a merge pushed by hand
    can bring in later commits, or an octopus another branch, that no review saw; round 99).
    A squash or rebase result sits on the branch it was merged into, never on the head itself
    (a commit on top of the head would be a change after the reviews)."""
    head = head.lower()
    if len(parents) > 1:
        return len(parents) == 2 and parents[1].lower() == head
    return not parents or parents[0].lower() != head


def judge(
    data: bytes,
    commit: str,
    config: Config,
    signature: Signature,
    person: Callable[[ConfigPerson], Person],
    withheld: str | None = None,
    parents: Sequence[str] = (),
) -> Verdict:
    """Judge the note attached to ``commit`` by ``config`` (the config approved before the
    commit) and the notes commit's ``signature`` (already interpreted by that config).
    ``parents``: the commit's; the reviews vouch only for a commit that brings in the head
    they approved and nothing else (``brings_only``).
    ``person(config_person) -> Person`` makes the history's Person for a mapped login.
    ``withheld``: why no signature of a note on this commit counts (a ``DC536`` key: it
    changes the forge keys, or the rules under ``require_signed``); the caller has judged the
    signature untrusted, and the problem says why."""
    sha = commit[:10]
    try:
        note = parse(data)
    except NoteError as exc:
        return Verdict(
            None,
            False,
            problems=(HistoryProblem.of(exc.key, commit, sha=sha, **exc.values),),
        )
    if note.merge_commit_sha != commit.lower():
        return Verdict(
            None,
            False,
            problems=(
                HistoryProblem.of(
                    "problem.DC531",
                    commit,
                    sha=sha,
                    pr=f"#{note.number}",
                    merged=note.merge_commit_sha[:10] or "—",
                ),
            ),
        )
    pr = f"#{note.number}"
    if not brings_only(parents, note.head_sha):
        return Verdict(
            None,
            False,
            problems=(
                HistoryProblem.of(
                    "problem.DC531.head" if len(parents) > 1 else "problem.DC531.on-head",
                    commit,
                    sha=sha,
                    pr=pr,
                    head=note.head_sha[:10] or "—",
                    parents=", ".join(p[:10] for p in parents[1:]),
                ),
            ),
        )
    verified = signature.status == "good" and signature.verified_for == FORGE
    problems: list[HistoryProblem] = []
    if config.approval.require_signed and not verified:
        problems.append(
            HistoryProblem.of(withheld, commit, sha=sha, pr=pr)
            if withheld
            else HistoryProblem.of("problem.DC536", commit, sha=sha, pr=pr, key=signature.key)
            if signature.key
            else HistoryProblem.of("problem.DC536.unsigned", commit, sha=sha, pr=pr)
        )
        return Verdict(note, False, problems=tuple(problems))

    def mapped(login: str) -> ConfigPerson | None:
        return config.person_by_forge_login(note.forge, login) if login else None

    approvals: list[Person] = []
    objections: list[Person] = []
    for login, review in last_words(note.reviews).items():
        known = mapped(review.login)
        shown = known.name if known else f"@{review.login}"
        if review.state == "CHANGES_REQUESTED":
            problems.append(
                HistoryProblem.of(
                    "problem.DC533",
                    commit,
                    "",
                    login,
                    person=shown,
                    pr=pr,
                    review=review.html_url or f"review {review.id}",
                    sha=sha,
                )
            )
            if known is not None:
                objections.append(person(known))
            continue
        if review.state != "APPROVED":
            continue  # dismissed
        if review.commit_id != note.head_sha:
            problems.append(
                HistoryProblem.of(
                    "problem.DC532",
                    commit,
                    "",
                    login,
                    person=shown,
                    pr=pr,
                    at=review.commit_id[:10] or "?",
                    head=note.head_sha[:10],
                )
            )
            continue
        if known is None:
            problems.append(
                HistoryProblem.of(
                    "problem.DC534",
                    commit,
                    "",
                    login,
                    login=f"@{review.login}",
                    pr=pr,
                    sha=sha,
                    config=CONFIG_FILE,
                )
            )
            continue
        approvals.append(person(known))
    author = mapped(note.author)
    merger = mapped(note.merged_by)
    return Verdict(
        note,
        verified,
        tuple(approvals),
        person(author) if author is not None else None,
        tuple(objections),
        tuple(problems),
        person(merger) if merger is not None else None,
    )
