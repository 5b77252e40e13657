"""Round 45 on the CLI shell's standard output handling (round 43, hole 7's fix: main._run
flushes stdout to say a failed write)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rt43_helpers import approved_doc, crashed


@pytest.mark.parametrize("args", [["register"], ["check"], ["log", "SM-P-01"]])
def test_a_closed_standard_output_is_not_an_internal_error(tmp_path, args):
    # `doccontrol register >&-` (a cron line or a service started with fd 1 closed): Python
    # sets sys.stdout to None; _run's new `sys.stdout.flush()` raises AttributeError and the
    # user gets "内部错误 … 这是 doccontrol 的缺陷" and a traceback, exit 1
    s = approved_doc(tmp_path, "")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=s.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
        pass_fds=(),
        preexec_fn=lambda: os.close(1),
    )
    assert not crashed(result.stderr), result.stderr[-800:]
    assert "Traceback" not in result.stderr
