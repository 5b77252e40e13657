"""What a commit message says: merge request references, squash merges, the change summary."""

from __future__ import annotations

import re

from doccontrol.history.model import MergeRequest

_GITHUB_MERGE = re.compile(r"^Merge pull request #(\d+) from \S+")
_BITBUCKET_MERGE = re.compile(r"^Merged in \S+ \(pull request #(\d+)\)")
_GITLAB_REF = re.compile(
    r"^See merge request (\S+?)!(\d+)(?:\s+\(?(https?://[^\s)]+)\)?)?\s*$", re.MULTILINE
)
_SQUASH_SUFFIX = re.compile(r"\(#(\d+)\)\s*$")
_GITEA_PULL = re.compile(r"/pulls?/(\d+)\b")
_GENERIC_MERGE = re.compile(r"^Merge (branch|remote-tracking branch|pull request|tag|commit) ")


def merge_request(message: str, trailer_pairs: list[tuple[str, str]]) -> MergeRequest | None:
    subject = message.split("\n", 1)[0]
    match = _GITHUB_MERGE.match(subject)
    if match:
        return MergeRequest("github", match[1])
    match = _BITBUCKET_MERGE.match(subject)
    if match:
        return MergeRequest("bitbucket", match[1])
    match = _GITLAB_REF.search(message) if "See merge request" in message else None
    if match:
        return MergeRequest("gitlab", match[2], match[3])
    for key, value in trailer_pairs:
        if key.lower() == "reviewed-on":
            pull = _GITEA_PULL.search(value)
            if pull:
                return MergeRequest("gitea", pull[1], value if value.startswith("http") else None)
            return MergeRequest(
                "gerrit",
                value.rstrip("/").rsplit("/", 1)[-1],
                value if value.startswith("http") else None,
            )
    match = _SQUASH_SUFFIX.search(subject)
    if match:
        return MergeRequest("github", match[1])
    return None


def may_name_request(message: str) -> bool:
    """Whether ``message`` may name a merge request (``merge_request`` finds one only then):
    a cheap test, asked of every commit before its trailers are read."""
    subject = message.split("\n", 1)[0]
    return bool(
        _GITHUB_MERGE.match(subject)
        or _BITBUCKET_MERGE.match(subject)
        or "See merge request" in message
        or "reviewed-on" in message.lower()
        or _SQUASH_SUFFIX.search(subject)
    )


def summary(message: str) -> str:
    """The change as people named it: the request title for forge merges, else the subject."""
    text = message.strip()
    subject = text.split("\n", 1)[0].strip()
    if _GENERIC_MERGE.match(subject) or _BITBUCKET_MERGE.match(subject):
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        for paragraph in paragraphs[1:]:
            first = paragraph.split("\n", 1)[0].strip()
            if first and not _GITLAB_REF.match(first) and not re.match(r"^[A-Za-z-]+: ", first):
                return first
    return _SQUASH_SUFFIX.sub("", subject).strip() or subject
