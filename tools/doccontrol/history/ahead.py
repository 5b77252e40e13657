"""The history derived in a second process while the caller does other work.

A site build loads and checks the repository before it needs the history, and a cold
derivation is mostly Python too: one process does them one after the other on one core. A child
process that derives meanwhile (and so writes the cache, in the Git directory, as any run does)
lets the caller's own ``load_history`` find the cache warm. The child is only ever a way to
fill the cache early: whatever it did or failed to do, the caller derives as it would have
(the cache's key and checks decide what is reused), and reports any problem itself.

The child runs ``run([ROOT, "--allow-shallow"?])`` (``start`` says how).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import doccontrol

_SHALLOW = "--allow-shallow"
_BOOTSTRAP = (
    "import sys; sys.path.append(sys.argv[1]); "
    "from doccontrol.history.ahead import run; sys.exit(run(sys.argv[2:]))"
)


def start(root: Path, *, allow_shallow: bool) -> subprocess.Popen[bytes] | None:
    """A child deriving ``root``'s history into the cache; None when the cache already holds
    it (a child would only read it back) or when one cannot be started."""
    if not sys.executable:
        return None  # an embedding interpreter that cannot name itself
    if _cached(root, allow_shallow):
        return None
    package_parent = str(Path(doccontrol.__file__).resolve().parent.parent)
    # -P: the working directory is not put first on the path; the folder this code was
    # imported from goes last, after the standard library and the installed packages, so a
    # file planted beside the package (a tools/hashlib.py) takes the place of nothing
    args = [sys.executable, "-P", "-c", _BOOTSTRAP, package_parent, str(root.resolve())]
    if allow_shallow:
        args.append(_SHALLOW)
    try:
        # run from the caller's own folder, not the repository's: a relative or empty
        # PYTHONPATH entry then means for the child what it meant for the caller, never a
        # folder of the repository (round 110)
        return subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None


def _cached(root: Path, allow_shallow: bool) -> bool:
    # imported here: the child imports this module for run() alone
    from doccontrol.history.derive import is_cached
    from doccontrol.load.repository import read_config

    try:
        config = read_config(root)
        return config is not None and is_cached(root, config, allow_shallow=allow_shallow)
    except Exception:  # whatever it is, the caller's own derivation meets it and reports it
        return False


def finish(child: subprocess.Popen[bytes] | None) -> None:
    """Wait for the child: two writers of the cache at once would each derive in full."""
    if child is None:
        return
    try:
        child.wait()
    finally:
        stop(child)


def stop(child: subprocess.Popen[bytes] | None) -> None:
    """End the child now (the caller failed, or was interrupted): its work is not wanted."""
    if child is not None and child.poll() is None:
        child.kill()
        child.wait()


def run(argv: list[str]) -> int:
    """The child: derive the history of ``argv[0]`` into the cache; 0 when it did. Quiet:
    whatever goes wrong, the caller derives again and reports it."""
    try:
        return _derive(argv)
    except BaseException:
        return 1


def _derive(argv: list[str]) -> int:
    # imported here: the parent imports this module for start() alone
    from doccontrol.history.derive import derive
    from doccontrol.load.repository import read_config

    root = Path(argv[0])
    config = read_config(root)
    if config is None:
        return 1  # the caller reports the configuration's problems
    derive(root, config, allow_shallow=_SHALLOW in argv[1:])
    return 0
