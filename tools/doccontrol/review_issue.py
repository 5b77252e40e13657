"""One issue on the forge listing the documents due for periodic review, opened or updated by a
scheduled CI job (``doccontrol review-due --issue github|gitlab``). Always the same title, so
the job updates the one open issue instead of opening another each run."""

from __future__ import annotations

import json
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from doccontrol.registers import DocumentRow

TITLE = "待评审文件 (doccontrol review-due)"


class IssueError(Exception):
    """The forge refused, or is not reachable: one clear line."""


def body(due: Sequence[DocumentRow], today: object, limit: str) -> str:
    lines = [
        f"截至 {today}，以下文件的定期评审已逾期或将于 {limit} 前到期（由 `doccontrol review-due` 生成，每次运行更新本议题）。",
        "",
        "| 文件编号 | 文件名称 | 版本 | 归口部门 | 最近批准 | 下次评审 | 状态 |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in due:
        cells = [r.id, r.title, r.version, r.owner_name, r.last_approval or "—", r.next_review]
        cells.append("逾期" if r.overdue else "到期")
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    if not due:
        lines.append("| — | 没有需要评审的文件 | | | | | |")
    return "\n".join(lines) + "\n"


def dry_run(forge: str, text: str, env: Mapping[str, str]) -> str:
    """What would be posted, and where, without any request."""
    if forge == "github":
        where = f"GitHub {env.get('GITHUB_REPOSITORY', '(GITHUB_REPOSITORY)')} via gh"
    else:
        project = env.get("CI_PROJECT_ID", "(CI_PROJECT_ID)")
        where = f"GitLab project {project} via {env.get('CI_API_V4_URL', '(CI_API_V4_URL)')}"
    return f"dry run: would open or update the issue '{TITLE}' on {where}:\n\n{text}"


def post(forge: str, text: str, env: Mapping[str, str], root: Path) -> str:
    try:
        return _github(text, root) if forge == "github" else _gitlab(text, env)
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        raise IssueError(f"could not post the review issue: {exc}") from None


def _gh(root: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["gh", *args], cwd=root, input=stdin, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise ValueError(f"gh {args[0]} {args[1]}: {done.stderr.strip()}")
    return done.stdout


def _github(text: str, root: Path) -> str:
    found = json.loads(
        _gh(
            root,
            "issue",
            "list",
            "--state",
            "open",
            "--search",
            f"{TITLE} in:title",
            "--json",
            "number,title",
        )
    )
    existing = next((i["number"] for i in found if i.get("title") == TITLE), None)
    if existing is not None:
        _gh(root, "issue", "edit", str(existing), "--body-file", "-", stdin=text)
        return f"updated issue #{existing}"
    out = _gh(root, "issue", "create", "--title", TITLE, "--body-file", "-", stdin=text)
    return f"opened {out.strip()}"


def _gitlab(text: str, env: Mapping[str, str]) -> str:
    api, project = env.get("CI_API_V4_URL"), env.get("CI_PROJECT_ID")
    if not api or not project:
        raise ValueError("CI_API_V4_URL and CI_PROJECT_ID are not set (run it in GitLab CI)")
    token = env.get("DOCCONTROL_ISSUE_TOKEN")
    headers = {"PRIVATE-TOKEN": token} if token else {"JOB-TOKEN": env.get("CI_JOB_TOKEN", "")}
    base = f"{api.rstrip('/')}/projects/{urllib.parse.quote(project, safe='')}/issues"
    query = urllib.parse.urlencode({"state": "opened", "search": TITLE, "in": "title"})
    found = _request("GET", f"{base}?{query}", headers, None)
    existing = next((i["iid"] for i in found if i.get("title") == TITLE), None)
    if existing is not None:
        _request("PUT", f"{base}/{existing}", headers, {"description": text})
        return f"updated issue #{existing}"
    made = _request("POST", base, headers, {"title": TITLE, "description": text})
    return f"opened issue #{made.get('iid')}"


def _request(method: str, url: str, headers: dict[str, str], data: dict[str, str] | None) -> Any:
    payload = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(
        url, data=payload, method=method, headers={**headers, "Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))
