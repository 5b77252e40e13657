"""atomic.write_atomic as every command that writes a file uses it: never half a file, and
never through a symbolic link an author committed in the repository's place of an output."""

from __future__ import annotations

import os

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
