"""Problems as forge annotations, so they show on the changed lines of a pull/merge request.

- ``github``: GitHub Actions workflow commands, one per line
  (``::error file=…,line=…,col=…,title=DCnnn::message``).
- ``gitlab``: a GitLab Code Quality report (a JSON array, CodeClimate's issue format).

Messages, paths and codes are passed through as the problems carry them; only the encoding is
added. A message quotes file content, so it is treated as hostile: nothing in it can end the
command, start another or set a property.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from doccontrol.problems import Problem

FORMATS = ("github", "gitlab")

# Every problem fails `check`, so each is as severe as the next: one level for all.
GITLAB_SEVERITY = "major"

# C0/C1 controls other than \r and \n (escaped by the runner's own rules below): shown as
# %XX, which the runner prints as written, so an escape sequence is never obeyed in the log.
_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _escape_data(text: str) -> str:
    """A workflow command's message (the runner unescapes %25, %0D and %0A)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(lambda m: f"%{ord(m[0]):02X}", text)


def _escape_property(text: str) -> str:
    """A property value: also ``:`` and ``,``, which would end the value or the properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repository_prefix(root: Path) -> str:
    """Where the doccontrol repository sits inside its Git work tree ("" at the top): forges
    name files from the top of the Git work tree, problems from doccontrol.yml's folder."""
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            relative = root.relative_to(folder).as_posix()
            return "" if relative == "." else relative + "/"
    return ""


def _message(problem: Problem) -> str:
    return problem.message


def github(
    problems: Sequence[Problem], prefix: str = "", text: Callable[[Problem], str] = _message
) -> str:
    lines = []
    for problem in sorted(problems):
        properties = []
        if problem.path:
            properties.append(f"file={_escape_property(prefix + problem.path)}")
            if problem.line > 0:
                properties.append(f"line={problem.line}")
                if problem.col > 0:
                    properties.append(f"col={problem.col}")
        properties.append(f"title={_escape_property(problem.code)}")
        lines.append(f"::error {','.join(properties)}::{_escape_data(text(problem))}")
    return "".join(line + "\n" for line in lines)


def _fingerprints(problems: Sequence[Problem], prefix: str) -> list[str]:
    """One per problem, the same on every run over the same findings. The line is left out so
    an edit above a problem does not make it look new; identical findings in one file are told
    apart by their order. The finding is named by its catalogue key and arguments, not its text,
    so a run in another language keeps the fingerprints."""
    seen: dict[tuple[str, str, str, str], int] = {}
    prints = []
    for problem in problems:
        key = (prefix + problem.path, problem.code, problem.key, repr(problem.args))
        index = seen.get(key, 0)
        seen[key] = index + 1
        digest = hashlib.sha256(
            json.dumps([*key, index], ensure_ascii=False).encode("utf-8")
        ).hexdigest()
        prints.append(digest)
    return prints


def gitlab(
    problems: Sequence[Problem], prefix: str = "", text: Callable[[Problem], str] = _message
) -> str:
    ordered = sorted(problems)
    report = [
        {
            "type": "issue",
            "description": f"{problem.code} {text(problem)}",
            "check_name": problem.code,
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITY,
            "location": {
                "path": prefix + problem.path,
                "lines": {"begin": max(problem.line, 1)},
            },
        }
        for problem, fingerprint in zip(ordered, _fingerprints(ordered, prefix), strict=True)
    ]
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def render(
    problems: Sequence[Problem],
    fmt: str,
    root: Path,
    text: Callable[[Problem], str] = _message,
) -> str:
    """The problems in a forge's format, each message as ``text`` gives it (the run's
    language and names)."""
    prefix = repository_prefix(root)
    return github(problems, prefix, text) if fmt == "github" else gitlab(problems, prefix, text)
