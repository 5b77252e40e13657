"""The capture command against a GitHub-shaped REST API served on 127.0.0.1 (GitHub's documented
payloads, paginated as GitHub paginates), pushing notes to a real remote; the workflow that runs
it; and what log/trail say about a GitHub repository without review records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from builders import PROJECT
from doccontrol import catalogue
from forge_helpers import (
    REPOSITORY,
    change,
    github_scenario,
    merge,
    pull_request,
    review,
)
from history_helpers import make_scenario

TOKEN = "ghs_test-token-0123456789"
ZH = catalogue.load("zh")  # what the command says under the tests' locale


def recorded(number: int, reviews: int) -> str:
    """The line that says a pull request's reviews were recorded, up to the commit."""
    counted = ZH.count("forge.count.reviews", reviews)
    ref = "refs/notes/doccontrol"
    return ZH.text("forge.recorded", number=number, reviews=counted, commit="\0", ref=ref).split(
        "\0"
    )[0]


class FakeGitHub:
    """Answers the three GET endpoints the capture uses, from GitHub's documented payloads."""

    def __init__(self) -> None:
        self.pulls: dict[int, dict[str, Any]] = {}
        self.reviews: dict[int, list[dict[str, Any]]] = {}
        self.listing: list[dict[str, Any]] = []
        self.seen: list[tuple[str, str | None]] = []
        self.base = ""

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any, str | None]:
        prefix = f"/repos/{REPOSITORY}/pulls"
        if path == prefix:
            return 200, self.listing, None
        rest = path[len(prefix) + 1 :].split("/")
        if not path.startswith(prefix + "/") or not rest[0].isdigit():
            return 404, {"message": "Not Found"}, None
        number = int(rest[0])
        if len(rest) == 1 and number in self.pulls:
            return 200, self.pulls[number], None
        if rest[1:] == ["reviews"] and number in self.reviews:
            items = self.reviews[number]
            page = int(query.get("page", ["1"])[0])
            if page == 1 and len(items) > 1:  # GitHub pages with a Link header
                link = f'<{self.base}{path}?per_page=100&page=2>; rel="next", <{self.base}{path}?per_page=100&page=2>; rel="last"'
                return 200, items[:1], link
            return 200, items[1:] if page == 2 else items, None
        return 404, {"message": "Not Found"}, None


@pytest.fixture
def api() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            fake.seen.append((self.path, self.headers.get("Authorization")))
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                status, data, link = 401, {"message": "Bad credentials"}, None
            else:
                status, data, link = fake.answer(url.path, parse_qs(url.query))
            body = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            if link:
                self.send_header("Link", link)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def doccontrol(root: Path, api: FakeGitHub, *args: str, token: str = TOKEN):
    env = {**os.environ, "GITHUB_API_URL": api.base, "GITHUB_TOKEN": token}
    env["GITHUB_REPOSITORY"] = REPOSITORY
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", "--repo", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def merged_pull(s, api: FakeGitHub, number: int, version: str) -> str:
    head = change(s, number, version=version)
    commit = merge(s, number)
    api.pulls[number] = pull_request(number, f"变更 {number}", head, commit, "zhao-lei", "liu-jing")
    api.reviews[number] = [
        review(10 * number + 1, "liu-jing", "APPROVED", head, "2026-02-01T10:00:00Z"),
        review(10 * number + 2, "wang-fang", "APPROVED", head, "2026-02-02T10:00:00Z"),
    ]
    return commit


def test_capture_from_the_api_with_the_token_and_every_page(tmp_path, api):
    s = github_scenario(tmp_path)
    merged_pull(s, api, 7, "V1.1")
    result = doccontrol(s.root, api, "forge", "capture-github", "--pr", "7")
    assert result.returncode == 0, result.stderr
    assert recorded(7, 2) in result.stdout, result.stdout
    assert {auth for _, auth in api.seen} == {f"Bearer {TOKEN}"}
    assert any("page=2" in path for path, _ in api.seen)  # the second page of reviews was read
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, [a.person_id for a in rev.approvers]) == (True, ["liujing"])
    assert [r.person_id for r in rev.reviewers] == ["wangfang"]


def test_api_refusal_is_one_clear_line_and_writes_nothing(tmp_path, api):
    s = github_scenario(tmp_path)
    merged_pull(s, api, 7, "V1.1")
    result = doccontrol(s.root, api, "forge", "capture-github", "--pr", "7", token="wrong")
    assert result.returncode == 2
    said = ZH.text("forge.error.api-answered", url="", code=401, reason="Unauthorized")
    assert result.stderr.strip().endswith(said.removeprefix("GitHub API "))
    assert "Traceback" not in result.stderr and "wrong" not in result.stderr
    assert s.git.attempt("rev-parse", "--verify", "refs/notes/doccontrol").returncode != 0


def test_backfill_pushes_notes_that_a_clone_fetches(tmp_path, api):
    s = github_scenario(tmp_path)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    s.git.run("remote", "add", "origin", str(remote))
    first = merged_pull(s, api, 7, "V1.1")
    second = merged_pull(s, api, 8, "V1.2")
    s.git.run("push", "-q", "origin", "main")
    unmerged = dict(api.pulls[8], number=9, merged_at=None, merged=False)
    gone = dict(
        api.pulls[8], number=10, merge_commit_sha="e5bd3914e2e596debea16f433f57875b5b90bcd6"
    )
    api.listing = [api.pulls[8], unmerged, gone, api.pulls[7]]

    # another capture pushed the record of #7 first: the back-fill writes on top of it
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "-q", str(remote), str(other)], check=True)
    done = doccontrol(other, api, "forge", "capture-github", "--pr", "7", "--push")
    assert done.returncode == 0, done.stderr
    result = doccontrol(s.root, api, "forge", "capture-github", "--backfill", "--push", "origin")
    assert result.returncode == 0, result.stderr
    assert recorded(8, 2) in result.stdout, result.stdout
    assert "#9" not in result.stdout and "#10" not in result.stdout

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    subprocess.run(
        ["git", "fetch", "-q", "origin", "refs/notes/doccontrol:refs/notes/doccontrol"],
        cwd=clone,
        check=True,
    )
    notes = subprocess.run(
        ["git", "notes", "--ref=doccontrol", "list"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert {line.split()[1] for line in notes.splitlines()} == {first, second}
    log = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "SM-P-01", "--format", "json"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    )
    revisions = json.loads(log.stdout)["documents"][0]["revisions"]
    assert [(r["approved"], r["evidence"]) for r in revisions] == [
        (True, "forge-api"),
        (True, "forge-api"),
    ]
    table = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "SM-P-01"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert table.count("平台审批记录（未签名）") == 2 and "刘静" in table and "王芳" in table


def test_log_and_trail_say_when_github_review_records_are_missing(tmp_path):
    s = make_scenario(tmp_path)
    s.git.run("remote", "add", "origin", "git@github.com:it-sms/documents.git")
    change(s, 7)
    merge(s, 7)
    trail = subprocess.run(
        [sys.executable, "-m", "doccontrol", "trail"],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=False,
    )
    zh = catalogue.load()
    hint = zh.text(
        "label.hint.github-notes",
        where="git@github.com:it-sms/documents.git",
        ref="refs/notes/doccontrol",
        fetch="git fetch origin refs/notes/doccontrol:refs/notes/doccontrol",
    )
    assert zh.text("cli.note", text=hint) in trail.stdout
    assert "git fetch origin refs/notes/doccontrol:refs/notes/doccontrol" in trail.stdout

    # once doccontrol.yml maps GitHub logins, missing records are a problem
    mapped = github_scenario(tmp_path / "mapped")
    mapped.set_config("repo_url: null", "repo_url: https://github.com/it-sms/documents")
    mapped.git.commit("发布地址", date="2026-01-01T12:00:00+08:00")
    history = mapped.history()
    assert [p.code for p in history.notices] == ["DC535"]
    assert history.hints == ()


def test_the_capture_workflow_is_valid_and_runs_the_capture(tmp_path):
    path = PROJECT / ".github/workflows/doccontrol-reviews.yml"
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = path.read_text()
    assert "doccontrol forge capture-github --pr" in text and "--backfill" in text
    assert "github.event.pull_request.merged == true" in text and "workflow_dispatch" in text
    assert "fetch-depth: 0" in text and "refs/notes/doccontrol" in text
    # the signing key is an environment's secret (deployment branches: main), which a
    # workflow pushed on a branch never reads; a repository secret any run would get
    assert "\n    environment: doccontrol-forge\n" in text
    check = (PROJECT / ".github/workflows/doccontrol.yml").read_text()
    assert "refs/notes/doccontrol:refs/notes/doccontrol" in check
