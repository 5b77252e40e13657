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


def _in_shell(root, line, env=None):
    # a real shell redirection: `>&-` leaves the process no file descriptor 1 at all
    command = f"{sys.executable} -m doccontrol {line}"
    return subprocess.run(
        ["bash", "-c", command],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("line", ["--version", "register", "check", "log SM-P-01", "--help"])
def test_a_closed_standard_output_is_a_failed_write(scenario, line):
    # `doccontrol … >&-` (a cron line, a service started without fd 1): Python has no
    # sys.stdout; the first write fails like one to a bad descriptor, said in one line
    result = _in_shell(scenario.root, f"{line} >&-")
    assert result.returncode == 2, result.stderr
    assert result.stderr == "doccontrol：错误：无法写入标准输出：Bad file descriptor\n"


def test_a_closed_standard_output_in_english(scenario):
    result = _in_shell(scenario.root, "--version >&-", env={"LC_ALL": "en_US.UTF-8"})
    assert result.returncode == 2
    # (bash itself may warn first that the locale is missing: the last line is doccontrol's)
    said = result.stderr.splitlines()[-1]
    assert said == "doccontrol: error: cannot write standard output: Bad file descriptor"


@pytest.mark.parametrize("line", ["--version", "register"])
def test_a_standard_output_open_for_reading_is_a_failed_write(scenario, line):
    result = _in_shell(scenario.root, f"{line} 1</dev/null")
    assert result.returncode == 2, result.stderr
    assert result.stderr == "doccontrol：错误：无法写入标准输出：Bad file descriptor\n"


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="no /proc")
def test_a_closed_standard_output_leaves_no_file_on_descriptor_one():
    # with fd 1 closed the next file opened would take it: it is held on /dev/null instead,
    # so nothing the command opens becomes its standard output
    probe = (
        "import os, sys; from doccontrol.cli import main as m; "
        "m._hold_descriptor_one(); "
        "print(os.path.realpath('/proc/self/fd/1') == os.devnull, file=sys.stderr)"
    )
    result = subprocess.run(
        ["bash", "-c", f'{sys.executable} -c "{probe}" >&-'],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert result.stderr.strip() == "True", result.stderr


def test_a_reader_that_has_gone_after_the_version_is_no_error(scenario):
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {sys.executable} -m doccontrol --version | head -1"],
        cwd=scenario.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("doccontrol ")
    assert result.stderr == ""
