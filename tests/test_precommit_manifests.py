"""The hook manifest and this repository's hook config are valid for pre-commit itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builders import PROJECT

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def test_hook_manifest_validates():
    result = subprocess.run(
        [str(PRE_COMMIT), "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_config_validates():
    result = subprocess.run(
        [str(PRE_COMMIT), "validate-config", ".pre-commit-config.yaml"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
