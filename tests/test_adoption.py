"""Adopting this repository: `doccontrol baseline` on a fresh clone, approved by merge, and then
the shipped GitHub workflow's and GitLab pipeline's own commands pass in fresh checkouts (full
depth, and GitLab's merge-request checkout that fetches only the merge request's refs)."""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from builders import PROJECT
from gitrepo import PEOPLE

BIN = Path(sys.executable).parent
MERMAID = PROJECT / ".cache/vendor/mermaid.min.js"
# what the CI images install: here the test's own environment has it all
SKIPPED = ("python -m pip install", "apt-get")


def sh(cwd: Path, command: str, who: str = "wangfang", env: dict[str, str] | None = None):
    name, email = PEOPLE[who]
    full = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "NO_MKDOCS_2_WARNING": "1",
        **(env or {}),
    }
    return subprocess.run(
        ["bash", "-e", "-c", command], cwd=cwd, env=full, capture_output=True, text=True
    )


def ok(cwd: Path, command: str, **kwargs) -> str:
    result = sh(cwd, command, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def as_person(cwd: Path, who: str) -> None:
    name, email = PEOPLE[who]
    ok(cwd, f"git config user.name '{name}' && git config user.email '{email}'")


def github_steps() -> list[tuple[str, dict[str, str]]]:
    workflow = YAML(typ="safe").load((PROJECT / ".github/workflows/doccontrol.yml").read_text())
    steps = workflow["jobs"]["check"]["steps"]
    return [
        (s["run"], {k: str(v) for k, v in (s.get("env") or {}).items()})
        for s in steps
        if "run" in s and not s["run"].startswith(SKIPPED)
    ]


def gitlab_script() -> list[str]:
    pipeline = YAML(typ="safe").load((PROJECT / ".gitlab-ci.yml").read_text())
    lines: list[str] = []
    for item in pipeline["check"]["script"]:
        lines += item if isinstance(item, list) else [item]  # anchors are nested lists
    return [line for line in lines if not line.startswith(SKIPPED)]


@pytest.fixture(scope="module")
def adopted(tmp_path_factory) -> Path:
    """A fresh clone of this repository, adopted through doccontrol baseline and approve."""
    if not MERMAID.is_file():
        pytest.skip("run 'make vendor' first: the strict site build needs Mermaid")
    root = tmp_path_factory.mktemp("adopt") / "sms"
    ok(
        PROJECT.parent,
        f"git clone -q '{PROJECT}' '{root}' && cd '{root}' && git checkout -q -B main",
    )
    config = YAML(typ="safe").load((root / "doccontrol.yml").read_text(encoding="utf-8"))
    if not config.get("control_since"):
        # not adopted yet: adopt it as tools/adopt/adopt_baseline.sh does
        as_person(root, "liujing")  # the management representative declares the baseline
        declared = ok(
            root, "doccontrol baseline --legacy tools/adopt/paper-approvals.yml", who="liujing"
        )
        branch = re.search(r"\bbaseline-[0-9a-f]{8}\b", declared)[0]  # either language
        as_person(root, "chenmy")  # the general manager approves it, the 体系经理 reviewed it
        ok(root, f"doccontrol approve {branch} --reviewer 王芳", who="chenmy")
    # (the shipped repository is adopted already: its own baseline is what is checked)
    return root


def test_baseline_is_an_approval_in_the_trail(adopted):
    trail = ok(adopted, "doccontrol trail --strict --format csv")
    event = next(line for line in reversed(trail.splitlines()) if "纳入文件控制：基线" in line)
    assert "SM-A " in event and "doccontrol.yml" in event
    assert "陈明远" in event and "王芳" in event and "已批准" in event
    baseline_day = next(csv.reader([event]))[0][:10]
    log = ok(adopted, "doccontrol log SM-A")
    assert "首次发布" in log and "受控前纸质记录" in log and "（纳入文件控制的基线）" in log
    assert "note: no approval" not in log
    rows = list(csv.reader(io.StringIO(ok(adopted, "doccontrol register --format csv"))))
    header = rows[0]
    last, due = header.index("最近批准"), header.index("下次评审")
    # every document approved by the baseline (or later); its next review one interval after
    # (12 months for most, 6 for the external documents' register)
    assert all(row[last] >= baseline_day and row[due] > row[last] for row in rows[1:])
    assert "尚无批准记录" not in ok(adopted, "doccontrol log --all --format json")


def test_github_workflow_passes_in_a_fresh_full_clone(adopted, tmp_path):
    clone = tmp_path / "github"
    ok(tmp_path, f"git clone -q --no-local '{adopted}' '{clone}'")  # fetch-depth: 0
    (clone / ".cache/vendor").mkdir(parents=True)
    shutil.copy(MERMAID, clone / ".cache/vendor/mermaid.min.js")
    for command, env in github_steps():
        ok(clone, command, env=env)
    assert (clone / "site/index.html").is_file()


def test_gitlab_merge_request_pipeline_passes(adopted, tmp_path):
    forge = tmp_path / "forge.git"
    ok(tmp_path, f"git clone -q --bare --no-local '{adopted}' '{forge}'")
    work = tmp_path / "author"
    ok(tmp_path, f"git clone -q '{forge}' '{work}'")
    effective = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
    ok(
        work,
        "git checkout -q -b cr-1 && "
        f"doccontrol bump SM-P-21 --effective {effective} && "
        "printf '\\n重大事件每 30 分钟通报一次进展。\\n' >> docs/procedures/incident-management.md && "
        "git commit -qam '事件管理：通报频率' && "
        "git push -q origin cr-1:refs/merge-requests/1/head",
        who="sunyue",
    )
    # the runner: only the merge request's ref, a detached checkout
    runner = tmp_path / "runner"
    ok(
        tmp_path,
        f"git init -q '{runner}' && cd '{runner}' && git remote add origin '{forge}' && "
        "git fetch -q origin +refs/merge-requests/1/head:refs/merge-requests/1/head && "
        "git checkout -q --detach refs/merge-requests/1/head",
    )
    (runner / ".cache/vendor").mkdir(parents=True)
    shutil.copy(MERMAID, runner / ".cache/vendor/mermaid.min.js")
    # without the default branch nothing can be compared: the hook fails, never passes
    unfetched = sh(runner, "doccontrol check-versions")
    assert unfetched.returncode == 2 and "git fetch origin main" in unfetched.stderr
    env = {
        "CI_DEFAULT_BRANCH": "main",
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_MERGE_REQUEST_IID": "1",
    }
    printed = [ok(runner, command, env=env) for command in gitlab_script()]
    assert (runner / "public/index.html").is_file()
    # the change impact step: SM-P-21's dependents, before the merge request is approved
    assert any("SM-P-21（修改）" in out and "SM-P-06" in out for out in printed)


def test_a_copy_names_the_approval_the_log_names(adopted, tmp_path):
    # an adopted document is in force from before Git knew it, and approved by the baseline:
    # its copy names that approval, as `log` and the site's control block do (one answer:
    # standing.vouched_by), and its change history holds it
    import json

    from pypdf import PdfReader

    out = tmp_path / "SM-P-18.pdf"
    ok(adopted, f"doccontrol pdf SM-P-18 -o '{out}'")
    pages = PdfReader(out).pages
    cover = " ".join(pages[0].extract_text().split())
    history = "".join(pages[1].extract_text().split())  # narrow columns wrap words
    (document,) = json.loads(ok(adopted, "doccontrol log SM-P-18 --format json"))["documents"]
    revision = document["revisions"][-1]
    day = revision["date"][:10]
    assert f"审核 王芳 {day}" in cover and f"批准 陈明远 {day}" in cover, cover
    assert f"批准提交 {revision['commit']}" in cover
    assert "尚无变更履历" not in history and "纳入文件控制的基线" in history
