"""One issue on the forge listing the documents due for periodic review, opened or updated by a
scheduled CI job (``doccontrol review-due --issue github|gitlab``). Always the same title (in
the repository's language), so the job updates the one open issue instead of opening another.

The issue is published output: whoever reads the project's issues reads it, so it names only
the documents the site may name (publishing.document_publishable at the approved level) and
says how many others are due without naming them. It speaks doccontrol.yml's language, else
Chinese (never the CI runner's locale), as the site does.
"""

from __future__ import annotations

import json
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doccontrol import catalogue, markdown_text, publishing
from doccontrol.catalogue import Catalogue
from doccontrol.config import Config
from doccontrol.errors import KeyedError
from doccontrol.history.model import History
from doccontrol.labels import Labels
from doccontrol.load.repository import Repository
from doccontrol.registers import DocumentRow

COLUMNS = ("id", "title", "version", "owner", "last-approval", "next-review", "state")


class IssueError(KeyedError):
    """The forge refused, or is not reachable: one clear line (a catalogue key and its
    arguments; the forge's or the system's own words go in as ``detail``)."""


@dataclass(frozen=True)
class Listed:
    """What the issue may show: the due documents it may name, how many others it leaves out,
    the level it judged at, and whether that level was lowered because doccontrol.yml has
    changes on the main branch nobody approved."""

    shown: tuple[DocumentRow, ...]
    hidden: int
    level: str
    lowered: bool


def listed(
    due: Sequence[DocumentRow], repo: Repository, history: History | None, config: Config
) -> Listed:
    """The due documents the issue may name: publishable now and in every version on main at
    the approved publishing level (publishing.approved_limit: the lowest level while
    doccontrol.yml has a change on main nobody approved, or without a history to tell).
    ``config``: the configuration in force (config_in_force; the work tree's without a
    history), which gives the level and ranks the levels: never the work tree's, where one
    direct commit could list `secret` first."""
    if history is None:  # not a Git repository (the CLI said so): nothing is known approved
        level, lowered = config.confidentiality[0].id, False
    else:
        level, lowered = publishing.approved_limit(config, history.events)
    histories = history.documents if history is not None else {}
    shown = tuple(
        r
        for r in due
        if publishing.document_publishable(
            config,
            level,
            repo.document(r.id),
            histories.get(r.id),
            publishing.held_before(histories, repo.documents, repo.document(r.id)),
        )
    )
    return Listed(shown, len(due) - len(shown), level, lowered)


def language(config: Config | None) -> Catalogue:
    """The issue's words: doccontrol.yml's language, else Chinese (not the runner's locale)."""
    return catalogue.load(catalogue.language_for(config.language if config else None, {}))


def title(t: Catalogue) -> str:
    return t.text("review_issue.title")


def body(listing: Listed, today: object, limit: str, labels: Labels) -> str:
    """The issue's text, in the language of ``labels`` (names as the site gives them)."""
    t = labels.catalogue
    lines = [
        t.text("review_issue.intro", today=today, limit=limit),
        "",
        "| " + " | ".join(t.text(f"review_issue.column.{c}") for c in COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for r in listing.shown:
        cells = [
            markdown_text.plain(r.id),
            markdown_text.code(r.title),
            markdown_text.plain(r.version),
            markdown_text.code(labels.department(r.owner)),
            markdown_text.plain(r.last_approval_text(t) or "—"),
            markdown_text.plain(r.next_review),
            markdown_text.plain(
                t.text("review_issue.overdue" if r.overdue else "review_issue.due")
            ),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if not listing.shown and not listing.hidden:
        lines.append("| — | " + markdown_text.plain(t.text("review_issue.none")) + " |" + " |" * 5)
    if listing.hidden:
        # a count, never an id or a title: the readers of the issue may not know what they are
        lines += ["", t.count("review_issue.hidden", listing.hidden)]
    return "\n".join(lines) + "\n"


def dry_run(
    forge: str, name: str, text: str, env: Mapping[str, str], t: Catalogue, due: bool = True
) -> str:
    """What would be posted, and where, without any request (said in ``t``'s language)."""

    def variable(key: str) -> str:
        return env.get(key) or t.text("review_issue.unset", name=key)

    if forge == "github":
        where = t.text("review_issue.where.github", repo=variable("GITHUB_REPOSITORY"))
    else:
        where = t.text(
            "review_issue.where.gitlab",
            project=variable("CI_PROJECT_ID"),
            api=variable("CI_API_V4_URL"),
        )
    said = "review_issue.dry-run" if due else "review_issue.dry-run.close"
    return t.text(said, name=name, where=where) + "\n\n" + text


def post(
    forge: str,
    name: str,
    text: str,
    env: Mapping[str, str],
    root: Path,
    t: Catalogue,
    due: bool = True,
) -> str:
    """Open or update the issue while documents are due; when none are, update the open
    issue to say so and close it (nothing is opened). What was done, in ``t``'s language."""
    try:
        done, which = (
            _github(name, text, root, close=not due)
            if forge == "github"
            else _gitlab(name, text, env, close=not due)
        )
    except FileNotFoundError:
        # GitHub is reached through its CLI, which this machine does not have
        raise IssueError("review_issue.error.no-gh") from None
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        raise IssueError("review_issue.error.post", detail=str(exc)) from None
    return t.text(f"review_issue.{done}", issue=which)


def _gh(root: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["gh", *args], cwd=root, input=stdin, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise ValueError(f"gh {args[0]} {args[1]}: {done.stderr.strip()}")  # gh's own words
    return done.stdout


def _github(name: str, text: str, root: Path, close: bool) -> tuple[str, str]:
    found = json.loads(
        _gh(
            root,
            "issue",
            "list",
            "--state",
            "open",
            "--search",
            f"{name} in:title",
            "--json",
            "number,title",
        )
    )
    existing = next((i["number"] for i in found if i.get("title") == name), None)
    if existing is not None:
        _gh(root, "issue", "edit", str(existing), "--body-file", "-", stdin=text)
        if close:
            _gh(root, "issue", "close", str(existing))
            return "closed", f"#{existing}"
        return "updated", f"#{existing}"
    if close:
        return "none-open", ""
    out = _gh(root, "issue", "create", "--title", name, "--body-file", "-", stdin=text)
    return "opened", out.strip()


def _gitlab(name: str, text: str, env: Mapping[str, str], close: bool) -> tuple[str, str]:
    api, project = env.get("CI_API_V4_URL"), env.get("CI_PROJECT_ID")
    if not api or not project:
        raise IssueError("review_issue.error.gitlab-env")
    token = env.get("DOCCONTROL_ISSUE_TOKEN")
    headers = {"PRIVATE-TOKEN": token} if token else {"JOB-TOKEN": env.get("CI_JOB_TOKEN", "")}
    base = f"{api.rstrip('/')}/projects/{urllib.parse.quote(project, safe='')}/issues"
    query = urllib.parse.urlencode({"state": "opened", "search": name, "in": "title"})
    found = _request("GET", f"{base}?{query}", headers, None)
    existing = next((i["iid"] for i in found if i.get("title") == name), None)
    if existing is not None:
        change = {"description": text, **({"state_event": "close"} if close else {})}
        _request("PUT", f"{base}/{existing}", headers, change)
        return ("closed" if close else "updated"), f"#{existing}"
    if close:
        return "none-open", ""
    made = _request("POST", base, headers, {"title": name, "description": text})
    return "opened", f"#{made.get('iid')}"


def _request(method: str, url: str, headers: dict[str, str], data: dict[str, str] | None) -> Any:
    payload = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(
        url, data=payload, method=method, headers={**headers, "Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))
