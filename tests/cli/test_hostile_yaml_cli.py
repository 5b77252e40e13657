"""Hostile YAML through the real entry points a user and CI run: `doccontrol check` and `bump`
as processes, `mkdocs build`, and the history commands. Deep nesting at 1,000, 30,000 and
1,000,000 levels and `!!python` tags each end in one clear problem line with file, line and
column and a non-zero exit; never `internal error`, a traceback or a segfault (exit 139)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builders import PROJECT, RepoBuilder
from doccontrol.load.text import MAX_DEPTH
from site_helpers import mkdocs

LEVELS = [1_000, 30_000, 1_000_000]
RECORD = "records/incident/INC-2026-0001.yaml"
HEAD = "id: INC-2026-0001\ntitle: x\npriority: P2\nreported: 2026-03-09\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        # pinned to English: these tests read the catalogue's English texts
        env={**os.environ, "LC_ALL": "en_US.UTF-8"},
    )


def no_crash(result: subprocess.CompletedProcess[str]) -> str:
    output = result.stdout + result.stderr
    assert result.returncode not in (0, -11, 139), output
    assert "internal error" not in output
    assert "Traceback" not in output
    assert "RecursionError" not in output
    return output


def deep_flow(levels: int) -> str:
    # a million closed levels would be 2 MB, over the 1 MiB file limit (DC006, not parsed at
    # all); a million opening brackets alone fit under it and are what the parser must stop
    return "[" * levels + ("]" * levels if levels < 500_000 else "")


@pytest.mark.parametrize("levels", LEVELS)
def test_check_reports_a_deep_record(repo: RepoBuilder, levels: int) -> None:
    repo.write(RECORD, HEAD + "related: " + deep_flow(levels) + "\n")
    output = no_crash(run(repo.root, "check"))
    assert (
        f"{RECORD}:5:{9 + MAX_DEPTH}: DC016 lists and mappings are nested more than 64 levels "
        "deep here; a controlled file holds plain, shallow data"
    ) in output.splitlines()


@pytest.mark.parametrize("levels", LEVELS)
def test_check_reports_deep_block_sequences(repo: RepoBuilder, levels: int) -> None:
    # '- - - x': block nesting without indentation; a million levels are 2 MB
    body = "- " * min(levels, 500_000) + "x\n"
    repo.write(RECORD, HEAD + "related:\n" + body)
    output = no_crash(run(repo.root, "check"))
    assert f"{RECORD}:6:{2 * MAX_DEPTH - 1}: DC016" in output


@pytest.mark.parametrize("levels", LEVELS)
def test_check_reports_deep_front_matter_config_and_schema(repo: RepoBuilder, levels: int) -> None:
    text = (repo.root / "docs/procedures/test.md").read_text()
    repo.write(
        "docs/procedures/test.md",
        text.replace("clauses: ['7.5.3']", "clauses: " + deep_flow(levels), 1),
    )
    output = no_crash(run(repo.root, "check", "docs/procedures/test.md"))
    assert f"docs/procedures/test.md:15:{9 + MAX_DEPTH}: DC016" in output

    config = (repo.root / "doccontrol.yml").read_text()
    repo.write("doccontrol.yml", config + "extra: " + deep_flow(levels) + "\n")
    lines = config.count("\n") + 1
    output = no_crash(run(repo.root, "check"))
    assert f"doccontrol.yml:{lines}:{7 + MAX_DEPTH}: DC016" in output
    repo.write("doccontrol.yml", config)

    schema = "schemas/records/incident.schema.json"
    repo.write(schema, '{"title": "x",\n "a": ' + deep_flow(levels) + "}")
    output = no_crash(run(repo.root, "check"))
    assert f"{schema}:2:{6 + MAX_DEPTH}: DC016 arrays and objects are nested" in output


def test_check_refuses_tags(repo: RepoBuilder) -> None:
    repo.write(RECORD, HEAD + "assignee: !!python/object/apply:os.system ['touch pwned']\n")
    text = (repo.root / "docs/procedures/test.md").read_text()
    repo.write(
        "docs/procedures/test.md", text.replace("title: 测试程序", "title: !custom 测试程序")
    )
    output = no_crash(run(repo.root, "check"))
    assert (
        f"{RECORD}:5:11: DC017 YAML tag '!!python/object/apply:os.system' is not allowed: "
        "controlled files hold plain data only (remove the tag; quote the value if it is text)"
    ) in output.splitlines()
    assert "docs/procedures/test.md:3:8: DC017 YAML tag '!custom' is not allowed" in output
    assert not (repo.root / "pwned").exists()


def test_bump_refuses_deep_front_matter(repo: RepoBuilder) -> None:
    text = (repo.root / "docs/procedures/test.md").read_text()
    deep = text.replace("clauses: ['7.5.3']", "clauses: " + deep_flow(30_000), 1)
    repo.write("docs/procedures/test.md", deep)
    result = run(repo.root, "bump", "SM-P-01")
    output = no_crash(result)
    assert result.returncode == 2
    assert f"docs/procedures/test.md:15:{9 + MAX_DEPTH}: DC016" in output
    assert (repo.root / "docs/procedures/test.md").read_text() == deep  # nothing written


@pytest.mark.parametrize("levels", LEVELS)
def test_mkdocs_build_reports_deep_yaml(scenario, tmp_path: Path, levels: int) -> None:  # type: ignore[no-untyped-def]
    s = scenario
    shutil.copy(PROJECT / "mkdocs.yml", s.root / "mkdocs.yml")
    s.files.write(RECORD, HEAD + "related:\n" + "- " * min(levels, 500_000) + "x\n")
    s.git.commit("站点配置与记录", date="2026-01-01T11:00:00+08:00")
    # and a document edited in the work tree (history reads commits; the site reads this)
    text = (s.root / "docs/procedures/test.md").read_text()
    s.files.write(
        "docs/procedures/test.md",
        text.replace("clauses: ['7.5.3']", "clauses: " + deep_flow(levels), 1),
    )
    strict = mkdocs(s.root, tmp_path / "strict", strict=True)
    output = no_crash(strict)
    assert f"{RECORD}:6:{2 * MAX_DEPTH - 1}: DC016" in output
    assert f"docs/procedures/test.md:15:{9 + MAX_DEPTH}: DC016" in output
    if levels == 30_000:
        # a lenient build too; with the document as committed (an unloadable document in a
        # lenient build is the publishing side's to leave out: issue 11, attack 8)
        s.files.write("docs/procedures/test.md", text)
        lenient = mkdocs(s.root, tmp_path / "lenient")
        output = lenient.stderr
        assert lenient.returncode not in (-11, 139), output
        assert "internal error" not in output and "Traceback" not in output
        assert f"{RECORD}:6:{2 * MAX_DEPTH - 1}: DC016" in output


def test_history_reads_a_committed_deep_document(scenario) -> None:  # type: ignore[no-untyped-def]
    s = scenario
    text = (s.root / "docs/procedures/test.md").read_text()
    s.files.write(
        "docs/procedures/test.md",
        text.replace("approver: [management-representative]", "approver: " + deep_flow(30_000)),
    )
    s.git.commit("深层嵌套", date="2026-01-03T11:00:00+08:00")
    for args in (("trail",), ("log", "--all", "--format", "json")):
        result = run(s.root, *args)
        output = result.stdout + result.stderr
        assert result.returncode not in (-11, 139), output
        assert "internal error" not in output and "Traceback" not in output
