"""The history child (history/ahead.py) is started with ``cwd=ROOT`` and the caller's
environment, PYTHONPATH included. ``-P`` keeps the repository's own folder off ``sys.path``,
but a *relative* PYTHONPATH entry (``PYTHONPATH=vendor``, ``PYTHONPATH=.``) is made absolute
by the child's ``site`` against the child's working directory, the repository, while the
``mkdocs`` that started it (run from elsewhere with ``-f``, as a CI job with a workspace
folder does) read it against its own. PYTHONPATH entries come before the standard library
and site-packages: a ``yaml.py`` (or ``hashlib.py``...) a commit placed in that folder of the
repository is imported by the child and runs, though the parent never imports it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rt41_helpers import approve, procedure

from site_helpers import site_repo

NAMES = ("yaml.py", "hashlib.py", "ruamel/__init__.py")


def planted_repo(scenario, marker: Path, folder: str = "vendor/"):
    s = site_repo(scenario)
    payload = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\nraise ImportError('x')\n"
    files: dict[str, str | bytes] = {f"{folder}{n}": payload for n in NAMES}
    files["docs/procedures/test.md"] = procedure(version="V1.1")
    approve(s, "cr-vendor", files, "修订", 1)
    return s


def build_from(ci: Path, root: Path, out: Path, pythonpath: str) -> subprocess.CompletedProcess:
    ci.mkdir(exist_ok=True)
    (ci / "vendor").mkdir(exist_ok=True)  # the job's own (empty) vendor folder
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DOCCONTROL_STRICT": "false",
        "DOCCONTROL_PREVIEW": "false",
        "PYTHONPATH": pythonpath,
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(out)],
        cwd=ci,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def existing_pythonpath() -> str:
    return os.pathsep.join(p for p in sys.path if p and os.path.isabs(p) and "site-packages" not in p
                           and "python3" not in p)  # fmt: skip


# "vendor": a CI job's PYTHONPATH=vendor; "": `export PYTHONPATH=$PYTHONPATH:/opt/lib` with
# PYTHONPATH unset gives a leading empty entry, which Python reads as the working directory
@pytest.mark.parametrize(("entry", "folder"), [("vendor", "vendor/"), ("", "")])
def test_a_relative_pythonpath_entry_runs_no_module_of_the_repository(
    scenario, tmp_path, entry, folder
):
    marker = tmp_path / "planted-ran"
    s = planted_repo(scenario, marker, folder)
    result = build_from(tmp_path / "ci", s.root, tmp_path / "site",
                        os.pathsep.join([entry, existing_pythonpath()]))  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists(), marker.read_text()


def test_control_an_absolute_pythonpath_entry_runs_nothing_of_the_repository(scenario, tmp_path):
    marker = tmp_path / "planted-ran"
    s = planted_repo(scenario, marker)
    ci = tmp_path / "ci"
    result = build_from(ci, s.root, tmp_path / "site",
                        os.pathsep.join([str(ci / "vendor"), existing_pythonpath()]))  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
