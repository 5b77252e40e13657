"""GitHub pull requests merged in a real repository, their reviews recorded as GitHub documents
them (tests/forge/fixtures/github), captured into real notes by the real capture code."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from history_helpers import Scenario, body, make_scenario

FIXTURES = Path(__file__).parent / "forge" / "fixtures" / "github"
REPOSITORY = "it-sms/documents"

# GitHub logins of the people in doccontrol.yml (刘静 approves procedures, 王芳 reviews them,
# 赵磊 writes them); "octocat" is nobody's.
LOGINS = {"liujing": "liu-jing", "wangfang": "Wang-Fang", "zhaolei": "zhao-lei"}
FORGE_ACCOUNTS = (
    "roles: [management-representative, department-head]}",
    "roles: [management-representative, department-head], forge_accounts: {github: [liu-jing]}}",
    "roles: [qa-manager, document-controller, internal-auditor]}",
    "roles: [qa-manager, document-controller, internal-auditor], forge_accounts: {github: [wang-fang]}}",
    "roles: [service-manager, process-owner, service-level-manager, department-head]}",
    "roles: [service-manager, process-owner, service-level-manager, department-head], forge_accounts: {github: [zhao-lei]}}",
)


def github_scenario(tmp_path: Path, *edits: str) -> Scenario:
    """The baseline scenario with the people's GitHub logins in doccontrol.yml from the start."""
    return make_scenario(tmp_path, *FORGE_ACCOUNTS, *edits)


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def review(
    review_id: int, login: str, state: str, commit_id: str, submitted_at: str
) -> dict[str, Any]:
    """GitHub's documented review, with this reviewer, state and commit."""
    item: dict[str, Any] = copy.deepcopy(fixture("reviews.json")[0])
    item["id"] = review_id
    item["user"]["login"] = login
    item["state"] = state
    item["commit_id"] = commit_id
    item["submitted_at"] = submitted_at
    item["html_url"] = f"https://github.com/{REPOSITORY}/pull/7#pullrequestreview-{review_id}"
    return item


def pull_request(
    number: int, title: str, head: str, merge_commit: str, author: str, merged_by: str
) -> dict[str, Any]:
    """GitHub's documented pull request, merged, with these values."""
    pull: dict[str, Any] = copy.deepcopy(fixture("pull-request.json"))
    pull.update(
        number=number,
        title=title,
        state="closed",
        merged=True,
        merge_commit_sha=merge_commit,
        html_url=f"https://github.com/{REPOSITORY}/pull/{number}",
    )
    pull["head"]["sha"] = head
    pull["head"]["ref"] = f"cr-{number}"
    pull["base"]["ref"] = "main"
    pull["user"]["login"] = author
    pull["merged_by"]["login"] = merged_by
    return pull


def record(folder: Path, pull: dict[str, Any], reviews: list[dict[str, Any]]) -> Path:
    """Write the API answers as the capture reads them (--from-json)."""
    folder.mkdir(parents=True, exist_ok=True)
    number = pull["number"]
    (folder / f"pull-{number}.json").write_text(json.dumps(pull), encoding="utf-8")
    (folder / f"reviews-{number}.json").write_text(json.dumps(reviews), encoding="utf-8")
    return folder


def change(s: Scenario, number: int, who: str = "zhaolei", version: str = "V1.1") -> str:
    """An author's branch cr-N changing SM-P-01; returns its head."""
    s.git.branch(f"cr-{number}")
    s.files.doc(version=version, body=body(f"第 {number} 号变更。"))
    return s.git.commit(f"变更 {number}", who=who)


def merge(s: Scenario, number: int, who: str = "liujing", sign_key: Path | None = None) -> str:
    """GitHub's merge commit: the merger, the pull request, no trailers."""
    s.git.checkout("main")
    message = f"Merge pull request #{number} from team/cr-{number}\n\n变更 {number}"
    config = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={sign_key}"] if sign_key else []
    sign = ["-S"] if sign_key else []
    s.git.run(
        *config,
        "merge",
        "--no-ff",
        "-q",
        *sign,
        "-m",
        message,
        f"cr-{number}",
        who=who,
        date=s.git.next_date(),
    )
    return s.git.head()


def keypair(folder: Path, name: str) -> tuple[Path, str]:
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


def capture(
    s: Scenario,
    folder: Path,
    number: int,
    *extra: str,
    expect: int = 0,
    env: dict[str, str] | None = None,
) -> tuple[int, str, str]:
    """Run the real command: doccontrol forge capture-github --pr N --from-json DIR."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "doccontrol",
            "--repo",
            str(s.root),
            "forge",
            "capture-github",
            "--pr",
            str(number),
            "--from-json",
            str(folder),
            "--repository",
            REPOSITORY,
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == expect, result.stderr + result.stdout
    return result.returncode, result.stdout, result.stderr


def liu_signs(public_key: str) -> tuple[str, str]:
    """The scenario edit that gives 刘静 (a config approver) this SSH signing key."""
    return (
        "roles: [management-representative, department-head], forge_accounts",
        f'roles: [management-representative, department-head], signing_keys: ["{public_key}"], '
        "forge_accounts",
    )


def signed_merge(s: Scenario, number: int, key: Path) -> str:
    """cr-N merged by 刘静 with her own signature (``key``), her approval and 王芳's review
    typed: evidence no note decides."""
    return s.git.merge(
        f"cr-{number}",
        f"变更 {number}",
        approvers=("liujing",),
        reviewers=("wangfang",),
        sign_key=key,
        platform="github",
        number=number,
    )


def reviewed_merge(s: Scenario, folder: Path, number: int, head: str, key: Path | None) -> str:
    """cr-N merged into main by 刘静 (no signature of hers), approved on GitHub by 刘静 and
    王芳; its note captured into ``folder``/apiN and signed with ``key`` (None: unsigned)."""
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m",
        f"Merge pull request #{number} from team/cr-{number}\n\n变更 {number}", f"cr-{number}",
        who="liujing", date=s.git.next_date(),
    )  # fmt: skip
    merged = s.git.head()
    items = [
        review(number * 10 + 1, "liu-jing", "APPROVED", head, "2026-02-01T10:00:00Z"),
        review(number * 10 + 2, "wang-fang", "APPROVED", head, "2026-02-01T10:00:00Z"),
    ]
    pull = pull_request(number, f"变更 {number}", head, merged, "zhao-lei", "liu-jing")
    extra = ("--sign-key", str(key)) if key is not None else ()
    capture(s, record(folder / f"api{number}", pull, items), number, *extra)
    return merged
