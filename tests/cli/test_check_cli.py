"""`doccontrol check` as a user runs it: a real process, its output and exit code."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from builders import SECTIONS
from history_helpers import cli


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # pinned to English: these tests read the catalogue's English texts (the Chinese run is
    # tests/catalogue/test_problem_texts.py)
    return cli(cwd, *args, env={"LC_ALL": "en_US.UTF-8"})


def test_clean_repository_exit_0(repo):
    result = run(repo.root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("no problems")


def test_problems_exit_1_sorted_one_per_line(repo):
    repo.write(
        "records/incident/INC-2026-0002.yaml",
        "id: INC-2026-0002\ntitle: x\npriority: P7\nreported: 2026-02-30\n",
    )
    repo.doc("docs/procedures/b.md", doc_id="SM-P-02", status="efective")
    result = run(repo.root, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "docs/procedures/b.md:6:9: DC104 'status' (状态) must be one of draft, effective, obsolete; got 'efective' (did you mean 'effective'?)",
        "records/incident/INC-2026-0002.yaml:3:11: DC104 'priority' (优先级) must be one of P1, P2, P3, P4; got 'P7'",
        "records/incident/INC-2026-0002.yaml:4:11: DC106 'reported' (报告日期) is not a real date: '2026-02-30' (write YYYY-MM-DD)",
    ]
    assert lines[3].startswith("3 problems in 2 of ")


def test_an_empty_or_yes_no_value_is_named_as_yaml_names_it(repo):
    # a field new-record leaves empty is "empty", never Python's None (and None is not
    # "near" anything), and is found on its key's line; a boolean is true/false, as written
    repo.write(
        "records/incident/INC-2026-0002.yaml",
        "id: INC-2026-0002\ntitle: x\npriority:\nreported: 2026-03-09\n",
    )
    repo.write(
        "records/incident/INC-2026-0003.yaml",
        "id: INC-2026-0003\ntitle: x\npriority: true\nreported: 2026-03-09\n",
    )
    lines = run(repo.root, "check").stdout.splitlines()
    assert (
        "records/incident/INC-2026-0002.yaml:3:1: DC104 'priority' (优先级) must be one of"
        " P1, P2, P3, P4; got empty"
    ) in lines
    assert any(
        line.startswith("records/incident/INC-2026-0003.yaml:3:11: DC10")
        and line.endswith("got true")
        for line in lines
    ), lines
    assert not any("None" in line or "True" in line for line in lines), lines


def test_json_format(repo):
    repo.doc(status="efective")
    result = run(repo.root, "check", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data == [
        {
            "path": "docs/procedures/test.md",
            "line": 6,
            "col": 9,
            "code": "DC104",
            "name": "not-allowed-value",
            "key": "problem.DC104.near",
            "message": "'status' (状态) must be one of draft, effective, obsolete; got 'efective' (did you mean 'effective'?)",
            "args": {
                "allowed": "draft, effective, obsolete",
                "got": "'efective'",
                "label": "'status' (状态)",
                "near": "effective",
            },
        }
    ]


def test_given_paths_only(repo):
    repo.doc("docs/procedures/bad.md", doc_id="SM-P-02", status="efective")
    good = run(repo.root, "check", "docs/procedures/test.md")
    assert good.returncode == 0
    assert "all 1 file checked" in good.stdout
    bad = run(repo.root, "check", "docs/procedures/bad.md")
    assert bad.returncode == 1


def test_a_file_outside_what_is_checked_is_said_not_passed(repo):
    # `check README.md` used to answer "checked 0 files: no problems"
    (repo.root / "README.md").write_text("# 说明\n")
    done = cli(repo.root, "check", "README.md")
    assert done.returncode == 0  # nothing of doccontrol's to judge (pre-commit never asks)
    assert "README.md 不在检查范围内" in done.stderr
    inside = cli(repo.root, "check", "README.md", "docs/procedures/test.md")
    assert inside.returncode == 0 and not inside.stderr


def test_usage_errors_exit_2_without_traceback(repo, tmp_path):
    missing = run(repo.root, "check", "docs/nope.md")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "doccontrol: error: docs/nope.md: no such file"
    elsewhere = run(tmp_path, "check")
    assert elsewhere.returncode == 2
    assert "no doccontrol.yml found" in elsewhere.stderr
    assert "Traceback" not in elsewhere.stderr
    bad_option = run(repo.root, "check", "--format", "xml")
    assert bad_option.returncode == 2


def test_checker_never_modifies_files(repo):
    repo.write(
        "docs/crlf.md",
        (repo.root / "docs/procedures/test.md")
        .read_bytes()
        .replace(b"\n", b"\r\n")
        .replace(b"SM-P-01", b"SM-P-02"),
    )
    before = {p: p.read_bytes() for p in repo.root.rglob("*") if p.is_file()}
    run(repo.root, "check")
    after = {p: p.read_bytes() for p in repo.root.rglob("*") if p.is_file()}
    assert before == after


def test_hostile_strings_are_reported_not_executed(repo):
    repo.doc(
        extra='withdrawal_reason: "$(touch pwned) <script>alert(1)</script>"\n',
        status="draft",
        version="V0.1",
    )
    result = run(repo.root, "check")
    assert result.returncode == 0
    assert not (repo.root / "pwned").exists()


def test_the_text_format_shows_a_documents_escapes_never_obeys_them(repo):
    # what the pre-commit hook prints: a message quoting file content (a link's target, a
    # directive) has its escape sequences and bidi controls escaped, as printable() does
    hide, title = "\x1b[1A\x1b[2K", "\x1b]0;pwned\x07"
    repo.doc(
        body="\n".join(f"## {n} {s}\n\n{s}的内容。\n" for n, s in enumerate(SECTIONS, 1))
        + f"\n[x](doc:SM-P-99{hide}\u202e) 与 <!-- doccontrol:register type=x{title} -->\n"
    )
    result = run(repo.root, "check")
    assert result.returncode == 1, result.stdout
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in result.stdout, repr(result.stdout)
    assert "SM-P-99\\x1b[1A\\x1b[2K\\u202e" in result.stdout, result.stdout
    assert "\\x1b]0;pwned\\x07" in result.stdout, result.stdout


def test_a_repo_that_is_no_folder_is_a_usage_error(repo):
    # a typo is never searched upward from where it would be: that finds the current one
    (repo.root / "notes.txt").write_text("x\n")
    missing = run(repo.root, "--repo", "no-such-repo", "check")
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr == "doccontrol: error: --repo no-such-repo: no such folder\n"
    a_file = run(repo.root, "--repo", "notes.txt", "check")
    assert a_file.returncode == 2
    assert a_file.stderr == "doccontrol: error: --repo notes.txt: not a folder\n"
    assert run(repo.root, "--repo", ".", "check").returncode == 0
