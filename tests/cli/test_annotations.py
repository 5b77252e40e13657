"""`doccontrol check --format github|gitlab`: problems as forge annotations, read back the way
the GitHub runner and GitLab read them."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from doccontrol.cli import annotations
from doccontrol.problems import Problem
from history_helpers import cli

COMMAND = re.compile(r"^::(?P<name>[a-z]+) (?P<props>[^:]*)::(?P<message>.*)$")


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli(cwd, *args)


def _unescape(value: str, tokens: tuple[str, ...]) -> str:
    # the runner's order (ActionCommand.Unescape): %25 last
    table = {"\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C", "%": "%25"}
    for token in (*tokens, "%"):
        value = value.replace(table[token], token)
    return value


def parse_github(output: str) -> list[dict[str, str]]:
    """Each line a workflow command, as the runner splits and unescapes it."""
    commands = []
    assert output == "" or output.endswith("\n")
    for line in output.split("\n")[:-1]:  # the runner splits at \n only
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        props: dict[str, str] = {"command": match["name"]}
        for pair in match["props"].split(","):
            key, _, value = pair.partition("=")
            props[key] = _unescape(value, ("\r", "\n", ":", ","))
        props["message"] = _unescape(match["message"], ("\r", "\n"))
        commands.append(props)
    return commands


def test_github_annotations_carry_file_line_col_code_and_message(repo):
    repo.write(
        "records/incident/INC-2026-0002.yaml",
        "id: INC-2026-0002\ntitle: x\npriority: P7\nreported: 2026-02-30\n",
    )
    repo.doc("docs/procedures/b.md", doc_id="SM-P-02", status="efective")
    result = run(repo.root, "check", "--format", "github")
    assert result.returncode == 1, result.stderr
    expected = json.loads(run(repo.root, "check", "--format", "json").stdout)
    got = parse_github(result.stdout)
    assert len(got) == len(expected) == 3
    for annotation, problem in zip(got, expected, strict=True):
        assert annotation == {
            "command": "error",
            "file": problem["path"],
            "line": str(problem["line"]),
            "col": str(problem["col"]),
            "title": problem["code"],
            "message": problem["message"],
        }


def test_clean_repository_prints_nothing_and_exits_0(repo):
    for fmt in ("github", "gitlab"):
        result = run(repo.root, "check", "--format", fmt)
        assert result.returncode == 0, result.stdout + result.stderr
    assert run(repo.root, "check", "--format", "github").stdout == ""
    assert json.loads(run(repo.root, "check", "--format", "gitlab").stdout) == []


def test_hostile_file_names_cannot_forge_commands_or_properties(repo):
    # a file name with a newline, a comma, a colon and a percent sign: reported (DC021), and
    # its annotation stays one command whose file property reads back exactly
    hostile = "docs/procedures/x,line=1::warning title=ok%0A::pwned\n::error::y.md"
    repo.write(hostile, "not a document")
    result = run(repo.root, "check", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.split("\n")[:-1]
    assert all(line.startswith("::error file=") for line in lines)
    # the path as `check` names it (its control characters already made visible), read back
    # exactly: the comma, colons and percent signs did not end the property or the command
    expected = [p["path"] for p in json.loads(run(repo.root, "check", "--format", "json").stdout)]
    assert any(
        path.startswith("docs/procedures/x,line=1::warning title=ok%0A") for path in expected
    )
    assert [a["file"] for a in parse_github(result.stdout)] == expected
    gitlab = json.loads(run(repo.root, "check", "--format", "gitlab").stdout)
    assert [issue["location"]["path"] for issue in gitlab] == expected


def test_hostile_messages_are_escaped_and_read_back_exactly():
    message = "50% done,\r\nline=2::error file=evil.md::forged, too: %0A %25"
    problems = [
        Problem("docs/a,b:c.md", 3, 4, "DC104", message),
        Problem("docs/new\nline.md", 1, 1, "DC021", "x\n::warning::y"),
        Problem("records/z.yaml", 2, 1, "DC007", "escape \x1b[31mred\x1b[0m"),
    ]
    output = annotations.github(problems)
    assert output.count("\n") == 3  # one line per problem, whatever they contain
    got = parse_github(output)
    assert [(a["file"], a["line"], a["col"], a["title"]) for a in got] == [
        ("docs/a,b:c.md", "3", "4", "DC104"),
        ("docs/new\nline.md", "1", "1", "DC021"),
        ("records/z.yaml", "2", "1", "DC007"),
    ]
    assert got[0]["message"] == message
    assert got[1]["message"] == "x\n::warning::y"
    # a terminal escape never reaches the log as one
    assert "\x1b" not in output and "%1B[31mred" in got[2]["message"]


def test_a_problem_without_a_position_names_no_line():
    output = annotations.github([Problem("doccontrol.yml", 0, 0, "DC401", "missing")])
    assert output == "::error file=doccontrol.yml,title=DC401::missing\n"
    report = json.loads(annotations.gitlab([Problem("doccontrol.yml", 0, 0, "DC401", "missing")]))
    assert report[0]["location"] == {"path": "doccontrol.yml", "lines": {"begin": 1}}


def test_gitlab_code_quality_report(repo):
    repo.write(
        "records/incident/INC-2026-0002.yaml",
        "id: INC-2026-0002\ntitle: x\npriority: P7\nreported: 2026-02-30\n",
    )
    repo.doc("docs/procedures/b.md", doc_id="SM-P-02", status="efective")
    result = run(repo.root, "check", "--format", "gitlab")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    expected = json.loads(run(repo.root, "check", "--format", "json").stdout)
    assert len(report) == len(expected) == 3
    for issue, problem in zip(report, expected, strict=True):
        assert set(issue) == {
            "type",
            "description",
            "check_name",
            "fingerprint",
            "severity",
            "location",
        }
        assert issue["description"] == f"{problem['code']} {problem['message']}"
        assert issue["check_name"] == problem["code"]
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"] == {"path": problem["path"], "lines": {"begin": problem["line"]}}
    # the same findings give the same fingerprints on the next run, each one different
    again = json.loads(run(repo.root, "check", "--format", "gitlab").stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in report]
    assert len({i["fingerprint"] for i in report}) == len(report)


def test_fingerprints_survive_moved_lines_and_tell_identical_findings_apart():
    first = [
        Problem("records/a.yaml", 3, 1, "DC101", "'title' is missing"),
        Problem("records/a.yaml", 9, 1, "DC101", "'title' is missing"),
        Problem("records/b.yaml", 3, 1, "DC101", "'title' is missing"),
    ]
    moved = [Problem(p.path, p.line + 2, p.col, p.code, p.message) for p in first]
    prints = [i["fingerprint"] for i in json.loads(annotations.gitlab(first))]
    assert len(set(prints)) == 3
    assert [i["fingerprint"] for i in json.loads(annotations.gitlab(moved))] == prints
    # another message is another finding
    other = [Problem("records/b.yaml", 3, 1, "DC101", "'date' is missing")]
    assert json.loads(annotations.gitlab(other))[0]["fingerprint"] not in prints


def test_paths_are_named_from_the_top_of_the_git_work_tree(tmp_path):
    from builders import RepoBuilder

    top = tmp_path / "forge-checkout"
    subprocess.run(["git", "init", "-q", str(top)], check=True)
    sub = RepoBuilder(top / "compliance")
    sub.doc(status="efective")
    github = parse_github(run(sub.root, "check", "--format", "github").stdout)
    assert [a["file"] for a in github] == ["compliance/docs/procedures/test.md"]
    gitlab = json.loads(run(sub.root, "check", "--format", "gitlab").stdout)
    assert [i["location"]["path"] for i in gitlab] == ["compliance/docs/procedures/test.md"]
    # at the top of its own work tree, paths are as `check` prints them
    subprocess.run(["git", "init", "-q", str(sub.root)], check=True)
    github = parse_github(run(sub.root, "check", "--format", "github").stdout)
    assert [a["file"] for a in github] == ["docs/procedures/test.md"]
