"""What the command line loads before it answers, and how it stops when interrupted."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from interrupts import interruptible

PROJECT = Path(__file__).resolve().parents[2]
HEAVY = ("git", "jsonschema", "ruamel", "openpyxl", "mkdocs", "material", "jieba", "yaml")

LOADED = """
import json, sys
from doccontrol.cli.main import main
for argv in ({argvs}):
    try:
        main(argv)
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def loaded_after(*argvs: list[str]) -> list[str]:
    script = LOADED.format(argvs="".join(f"{a!r}, " for a in argvs))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=PROJECT
    )
    modules: list[str] = json.loads(result.stdout.splitlines()[-1])
    return modules


def test_version_and_help_load_no_engine_and_no_third_party_library():
    modules = loaded_after(["--version"], ["--help"], ["log", "--help"], ["check", "--help"])
    assert [m for m in modules if m.split(".")[0] in HEAVY] == []
    ours = [m for m in modules if m.startswith("doccontrol.")]
    assert all(
        m.startswith(("doccontrol.cli", "doccontrol.catalogue")) or m == "doccontrol.errors"
        for m in ours
    ), ours


def test_version_is_answered_before_argparse_and_the_catalogue():
    modules = loaded_after(["--version"])
    assert "argparse" not in modules and "doccontrol.catalogue" not in modules
    assert "typing" not in modules and "pathlib" not in modules


def test_the_top_level_help_imports_no_command_module():
    # the command list shows names and summaries from the catalogue; each command's module is
    # imported only when that command is named
    # the compiled catalogue is written by any process that may write bytecode
    warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-m", "doccontrol", "--help"], env=warm, check=True, capture_output=True
    )
    modules = loaded_after(["--help"])
    commands = {m for m in modules if m.startswith("doccontrol.cli.")}
    assert commands == {"doccontrol.cli.main", "doccontrol.cli.output", "doccontrol.cli.parser"}
    assert "tomllib" not in modules  # the catalogue comes from its compiled cache
    assert "doccontrol.cli.history" in loaded_after(["log", "--help"])


def test_a_command_loads_only_what_it_runs():
    # checking a record needs the validator, not Git, the site or the Excel writer
    modules = loaded_after(["check", "records/incident/INC-2026-0012.yaml"])
    assert "jsonschema" in modules
    assert not [
        m for m in modules if m.split(".")[0] in ("git", "openpyxl", "mkdocs", "material", "jieba")
    ]
    # (the history's data model is shared with publishing; the engine is not loaded)
    engine = ("gitread", "derive", "cache", "signatures", "load")
    assert not [m for m in modules if m.startswith("doccontrol.site")]
    assert not [m for m in modules if m.startswith("doccontrol.history.") and m[19:] in engine]


def test_ctrl_c_exits_130_without_a_traceback():
    process = subprocess.Popen(
        [sys.executable, "-m", "doccontrol", "coverage", "--format", "json"],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=interruptible,
    )
    assert process.stdout is not None and process.stderr is not None
    # a one-page pipe that nobody drains: the command blocks writing its ~14 KB of output, so
    # the interrupt surely arrives while it is still running
    fcntl.fcntl(process.stdout.fileno(), 1031, 4096)  # F_SETPIPE_SZ
    assert os.read(process.stdout.fileno(), 1) == b"["
    process.send_signal(signal.SIGINT)
    _, err = process.communicate()
    stderr = err.decode()
    assert process.returncode == 130
    assert "doccontrol：已中断" in stderr  # the catalogue's words, Chinese under C.UTF-8
    assert "Traceback" not in stderr


def test_the_forge_command_names_the_notes_ref_history_reads():
    from doccontrol.cli import forge
    from doccontrol.history import gitread

    assert forge.NOTES_REF == gitread.NOTES_REF
