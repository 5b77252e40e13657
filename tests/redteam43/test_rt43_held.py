"""Round 43: bad input that held (kept as guards)."""

from __future__ import annotations

import subprocess

from rt43_helpers import crashed, run

from history_helpers import make_scenario


def test_a_shallow_clone_and_odd_outputs_are_clear_errors(tmp_path):
    s = make_scenario(tmp_path)
    s.git.commit("其他", who="wangfang")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{s.root}", str(shallow)], check=True
    )
    for args in (("log", "SM-P-01"), ("trail",), ("show", "SM-P-01", "--as-of", "2026-02-01")):
        result = run(shallow, *args)
        assert result.returncode == 2 and "--allow-shallow" in result.stderr, result.stderr
    (tmp_path / "folder").mkdir()
    for out in ("/dev/full", str(tmp_path / "folder")):
        result = run(s.root, "register", "--format", "csv", "-o", out)
        assert result.returncode == 2 and not crashed(result.stderr), result.stderr
    for args in (("show", "SM-P-01", "--as-of", "2026-02-30"), ("trail", "--since", "x")):
        result = run(s.root, *args)
        assert result.returncode == 2 and not crashed(result.stderr), result.stderr
