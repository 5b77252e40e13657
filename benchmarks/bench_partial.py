"""Reading history in a partial (blobless) clone, side by side in one run with a full clone of
the same repository, and optionally with another version of doccontrol.

    python benchmarks/bench_partial.py [--docs 1000] [--commits 4000] [--repo PATH]
                                       [--rounds 3] [--baseline-tools OTHER/tools]

Each round makes fresh clones of a generated repository (benchmarks/generate_repo.py, shape
``procedures``) over ``file://`` (``--no-local``, so git's transport runs as with a server) and
runs one whole ``doccontrol log --all --format json`` process in each, cold (a fresh clone has
no history cache):
- full: a whole clone (nothing to fetch: the floor for this run);
- partial: ``--filter=blob:none`` with this checkout's doccontrol;
- baseline (with ``--baseline-tools``): the same blobless clone with another version's
  ``tools/`` folder first on ``PYTHONPATH`` (a ``git worktree`` of an older commit, say).
For each: wall seconds, CPU seconds of the process and its children (git's too), and how many
fetches from the promisor remote the run made (each leaves a ``.promisor`` pack). The outputs
of all runs must be identical; the script stops if they are not.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _packs(clone: Path) -> int:
    return len(list((clone / ".git" / "objects" / "pack").glob("*.promisor")))


def _run(clone: Path, tools: Path) -> tuple[float, float, int, bytes]:
    """One cold ``log --all --format json`` in ``clone``: wall s, CPU s, fetches, output."""
    before_packs = _packs(clone)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "--all", "--format", "json"],
        cwd=clone,
        env={**os.environ, "PYTHONPATH": str(tools)},
        capture_output=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if not out.stdout:
        raise SystemExit(f"doccontrol failed in {clone}: {out.stderr.decode()[-800:]}")
    return wall, cpu, _packs(clone) - before_packs, out.stdout


def _clone(source: Path, target: Path, partial: bool) -> None:
    flags = ["--filter=blob:none"] if partial else []
    subprocess.run(
        ["git", "clone", "-q", "--no-local", *flags, f"file://{source}", str(target)], check=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=4000)
    parser.add_argument("--repo", type=Path, help="an existing repository to clone instead")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-tools", type=Path, help="another version's tools/ folder")
    args = parser.parse_args()
    repo = (args.repo or ROOT / f"build/bench/procedures-{args.docs}x{args.commits}").resolve()
    if not (repo / ".git").is_dir():
        from generate_repo import generate

        print(f"generating {repo} …", file=sys.stderr)
        generate(repo, args.docs, args.commits, shape="procedures")
    # a server lets a partial clone filter what it sends; this repository is the server here
    subprocess.run(["git", "config", "uploadpack.allowFilter", "true"], cwd=repo, check=True)
    kinds: dict[str, tuple[bool, Path]] = {
        "full": (False, ROOT / "tools"),
        "partial": (True, ROOT / "tools"),
    }
    if args.baseline_tools:
        kinds["baseline"] = (True, args.baseline_tools.resolve())
    results: dict[str, list[tuple[float, float, int]]] = {k: [] for k in kinds}
    outputs: set[bytes] = set()
    for number in range(1, args.rounds + 1):
        for kind, (partial, tools) in kinds.items():
            with tempfile.TemporaryDirectory(prefix="bench-partial-") as folder:
                clone = Path(folder) / "clone"
                _clone(repo, clone, partial)
                wall, cpu, fetches, output = _run(clone, tools)
                shutil.rmtree(clone)
            outputs.add(output)
            results[kind].append((wall, cpu, fetches))
            print(f"round {number} {kind}: {wall:.2f} s wall, {cpu:.2f} s CPU, {fetches} fetches")
    if len(outputs) != 1:
        raise SystemExit("the runs disagree: the partial clone read another history")
    floor = statistics.median(w for w, _, _ in results["full"])
    print(f"\n{repo.name}, {args.rounds} rounds, medians (cold log --all --format json):")
    print("| clone | wall s | CPU s | fetches | × full clone (wall) |")
    print("|---|---:|---:|---:|---:|")
    for kind, rows in results.items():
        wall = statistics.median(w for w, _, _ in rows)
        cpu = statistics.median(c for _, c, _ in rows)
        fetches = statistics.median(f for _, _, f in rows)
        print(f"| {kind} | {wall:.2f} | {cpu:.2f} | {fetches:.0f} | {wall / floor:.2f} |")


if __name__ == "__main__":
    main()
