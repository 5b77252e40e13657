"""Standard output that cannot be written: a full disk (/dev/full) is an error said in one
line, exit 2, never "internal error"; a reader that has gone (`| head`) is no error at all."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _to_full(root, *args, env=None):
    with open("/dev/full", "w") as full:
        return subprocess.run(
            [sys.executable, "-m", "doccontrol", *args],
            cwd=root,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            env={**os.environ, **(env or {})},
        )


pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


@pytest.mark.parametrize("args", [("register",), ("log", "SM-P-01"), ("--version",), ("--help",)])
def test_a_full_standard_output_is_said_in_one_line(scenario, args):
    result = _to_full(scenario.root, *args)
    assert result.returncode == 2
    assert result.stderr == "doccontrol：错误：无法写入标准输出：No space left on device\n"


def test_a_full_standard_output_in_english(scenario):
    result = _to_full(scenario.root, "check", env={"LC_ALL": "en_US.UTF-8"})
    assert result.returncode == 2
    assert result.stderr == (
        "doccontrol: error: cannot write standard output: No space left on device\n"
    )


def test_a_reader_that_has_gone_is_no_error(scenario):
    # `doccontrol trail | head -1`: the rest is not wanted; exit 0, nothing on stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "doccontrol", "trail"],
        cwd=scenario.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before a line is read
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""
