"""The shipped CI templates report `check` problems where the forge shows them inline: GitHub
workflow annotations, a GitLab Code Quality report. The templates' own lines are run here as
written (test_adoption.py runs the whole pipelines on an adopted clone)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from builders import PROJECT

BIN = Path(sys.executable).parent


def github_check_steps() -> list[dict[str, object]]:
    workflow = YAML(typ="safe").load((PROJECT / ".github/workflows/doccontrol.yml").read_text())
    steps: list[dict[str, object]] = workflow["jobs"]["check"]["steps"]
    return steps


def gitlab_check_job() -> dict[str, object]:
    pipeline = YAML(typ="safe").load((PROJECT / ".gitlab-ci.yml").read_text())
    job: dict[str, object] = pipeline["check"]
    return job


def gitlab_script() -> list[str]:
    lines: list[str] = []
    for item in gitlab_check_job()["script"]:  # type: ignore[attr-defined]
        lines += item if isinstance(item, list) else [item]  # anchors are nested lists
    return lines


def sh(
    cwd: Path, command: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **(env or {})}
    return subprocess.run(
        ["bash", "-e", "-c", command], cwd=cwd, env=full, capture_output=True, text=True
    )


def test_github_workflow_annotates_and_does_not_check_twice():
    steps = github_check_steps()
    runs = [str(s.get("run", "")) for s in steps]
    annotated = [
        i for i, run in enumerate(runs) if run.strip() == "doccontrol check --format github"
    ]
    assert len(annotated) == 1
    hooks = next(i for i, run in enumerate(runs) if run.startswith("pre-commit run"))
    # the hook that would run the same check again is skipped; the version-bump hook still runs
    assert steps[hooks]["env"] == {"SKIP": "doccontrol-check"}


def test_gitlab_check_job_uploads_a_code_quality_report():
    job = gitlab_check_job()
    script = gitlab_script()
    line = next(line for line in script if "--format gitlab" in line)
    report = line.split(">", 1)[1].split("||", 1)[0].strip()
    assert job["artifacts"] == {"when": "always", "reports": {"codequality": report}}
    hooks = next(line for line in script if "pre-commit run" in line)
    assert hooks.startswith("SKIP=doccontrol-check ")


def test_github_step_as_written_annotates_a_bad_record(repo):
    repo.record(extra="assignee: nobody\n")
    repo.write("records/incident/INC-2026-0002.yaml", "id: INC-2026-0002\ntitle: x\n")
    step = next(s for s in github_check_steps() if "--format github" in str(s.get("run", "")))
    result = sh(repo.root, str(step["run"]))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::error file=records/incident/") for line in lines)


def test_gitlab_line_as_written_writes_the_report_and_lists_the_problems(repo):
    repo.write("records/incident/INC-2026-0002.yaml", "id: INC-2026-0002\ntitle: x\n")
    line = next(line for line in gitlab_script() if "--format gitlab" in line)
    result = sh(repo.root, line)
    assert result.returncode == 1  # the job fails
    report = json.loads((repo.root / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert report and {i["location"]["path"] for i in report} == {
        "records/incident/INC-2026-0002.yaml"
    }
    # and the job log lists them as people read them
    assert "records/incident/INC-2026-0002.yaml:1:1: DC101" in result.stdout
    # a clean repository: an empty report, the job passes
    (repo.root / "records/incident/INC-2026-0002.yaml").unlink()
    result = sh(repo.root, line)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((repo.root / "gl-code-quality-report.json").read_text()) == []


# a command a template runs, and the distribution that brings it
COMMANDS = {"mkdocs": "mkdocs", "pre-commit": "pre-commit", "doccontrol": "doccontrol"}


def _extras_of(spec: str) -> set[str]:
    """The distributions an install of ``spec`` ('.', '.[site]', "'.[ci]'") brings, by the
    extras in pyproject.toml (followed through doccontrol[...] references)."""
    import re
    import tomllib

    optional = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    brought = {"doccontrol"}
    wanted = re.findall(r"\[([^\]]*)\]", spec)
    todo = [e.strip() for group in wanted for e in group.split(",") if e.strip()]
    seen: set[str] = set()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for requirement in optional[extra]:
            name = re.match(r"[A-Za-z0-9._-]+", requirement)[0].lower()
            if name == "doccontrol":
                todo += re.findall(r"\[([^\]]*)\]", requirement)[0].split(",")
            brought.add(name)
    return brought


def _jobs() -> list[tuple[str, list[str]]]:
    """Every job of the shipped templates: its name and the shell lines it runs."""
    jobs: list[tuple[str, list[str]]] = []
    for workflow in sorted((PROJECT / ".github/workflows").glob("*.yml")):
        for name, job in YAML(typ="safe").load(workflow.read_text())["jobs"].items():
            lines = [str(s["run"]) for s in job.get("steps", []) if "run" in s]
            jobs.append((f"{workflow.name}:{name}", lines))
    pipeline = YAML(typ="safe").load((PROJECT / ".gitlab-ci.yml").read_text())
    for name, job in pipeline.items():
        if isinstance(job, dict) and "script" in job and not name.startswith("."):
            lines = []
            for item in job["script"]:
                lines += item if isinstance(item, list) else [item]
            jobs.append((f".gitlab-ci.yml:{name}", [str(line) for line in lines]))
    return jobs


def test_each_job_installs_what_its_commands_need():
    # a job that runs mkdocs or pre-commit after `pip install -e .` (the core alone) stops at
    # "command not found" on the forge; the adoption test cannot see it (its environment has
    # everything), so each job's install line is held to the commands it runs
    import re
    import shlex

    checked = 0
    for job, lines in _jobs():
        script = "\n".join(lines)
        install = re.search(r"pip install (?:-e )?(\S+)", script)
        used = {
            command
            for command in COMMANDS
            for line in script.splitlines()
            for word in shlex.split(line, comments=True)[:1] + re.findall(r"^\w+=\S+ (\S+)", line)
            if word == command
        }
        if not used:
            continue
        assert install is not None, (job, "runs", used, "without installing doccontrol")
        brought = _extras_of(install[1])
        missing = {COMMANDS[c] for c in used} - brought
        assert not missing, (job, install[0], "does not bring", missing)
        checked += 1
    assert checked >= 4  # GitHub's check and review jobs, GitLab's check and pages
