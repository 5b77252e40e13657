"""atomic.write_atomic as every command that writes a file uses it: never half a file, and
never through a symbolic link an author committed in the repository's place of an output."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from doccontrol.atomic import write_atomic
from history_helpers import cli


def test_a_file_is_replaced_whole_with_its_mode_kept(tmp_path):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and (target.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left


@pytest.mark.parametrize(
    ("output", "args"),
    [
        ("register.csv", ("register", "--format", "csv")),
        ("register.xlsx", ("register", "--format", "xlsx")),
        ("pack.zip", ("audit-pack", "--from", "2026-01-01", "--to", "2026-12-31")),
    ],
)
def test_an_output_never_goes_through_a_committed_link(scenario, tmp_path, output, args):
    """The author committed ``register.csv -> ~/.bashrc``; the auditor runs
    ``register --format csv -o register.csv`` in the checkout: the link is replaced by the
    register, and what it pointed at is untouched."""
    victim = tmp_path / "bashrc"
    victim.write_text("# the auditor's own file\n")
    os.symlink(victim, scenario.root / output)
    scenario.git.commit("链接")
    made = cli(scenario.root, *args, "-o", output)
    assert made.returncode == 0, made.stderr
    assert victim.read_text() == "# the auditor's own file\n"
    written = scenario.root / output
    assert not written.is_symlink() and written.stat().st_size > 0


def test_an_output_never_goes_through_a_committed_folder_link(scenario, tmp_path):
    """``reports -> ../victim`` and ``records/incident -> ../../victim`` committed: an export
    into reports/ and a new record refuse, and nothing lands outside the repository."""
    victim = tmp_path / "victim"
    victim.mkdir()
    os.symlink(victim, scenario.root / "reports")
    shutil.rmtree(scenario.root / "records/incident", ignore_errors=True)
    (scenario.root / "records").mkdir(exist_ok=True)
    os.symlink(victim, scenario.root / "records/incident")
    scenario.git.commit("链接")
    env = {"LC_ALL": "en_US.UTF-8"}
    export = cli(scenario.root, "register", "--format", "csv", "-o", "reports/r.csv", env=env)
    record = cli(scenario.root, "new-record", "incident", env=env)
    for result in (export, record):
        assert result.returncode == 2, result.stderr
        assert "goes through the symbolic link" in result.stderr
    assert list(victim.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "said"),
    [
        (".", "it is a folder"),
        ("-", "the output cannot be '-'"),
        ("fifo", "it is not a regular file"),
    ],
)
def test_an_output_that_is_no_file_is_refused_with_a_message(scenario, output, said):
    if output == "fifo":
        os.mkfifo(scenario.root / "fifo")
    result = cli(
        scenario.root, "register", "--format", "csv", "-o", output, env={"LC_ALL": "en_US.UTF-8"}
    )
    assert result.returncode == 2 and said in result.stderr, result.stderr
    assert "internal error" not in result.stderr
    if output == "fifo":
        assert stat.S_ISFIFO(os.lstat(scenario.root / "fifo").st_mode)  # still the pipe


def test_an_output_through_a_committed_link_is_refused_from_any_folder(scenario, tmp_path):
    """`reports -> ../outside` committed; the auditor writes to it from docs/ (`../reports/`)
    or from elsewhere (an absolute path into the repository): refused both ways."""
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, scenario.root / "reports")
    scenario.git.commit("链接")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"LC_ALL": "en_US.UTF-8"}
    for cwd, output in (
        (scenario.root / "docs", "../reports/r.csv"),
        (elsewhere, str(scenario.root / "reports/r.csv")),
    ):
        command = ["--repo", str(scenario.root), "register", "--format", "csv", "-o", output]
        result = cli(cwd, *command, env=env)  # run from cwd, on the repository --repo names
        assert result.returncode == 2, (output, result.stderr)
        assert "goes through the symbolic link" in result.stderr
    assert list(outside.iterdir()) == []
