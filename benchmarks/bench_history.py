"""History engine speed and memory, side by side with git's own floor and the per-file baseline.

    python benchmarks/bench_history.py [--docs 1000] [--commits 20000] [--sample 40]

Measured in one run on a generated repository (benchmarks/generate_repo.py):
- floor: one `git log --first-parent -m -z --name-status -M` over the whole history;
- baseline: what MkDocs git plugins do, `git log --follow` once per page (measured on a
  sample of pages and extrapolated to all of them);
- engine cold (no cache) and warm (cache, no new commits), each in a fresh process, with its
  peak memory; like the floor, each the best of three runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

ENGINE = """
import json, resource, sys, time
from pathlib import Path
from doccontrol.load.repository import load_config
from doccontrol.history.derive import derive
root = Path(sys.argv[1])
config, _, _ = load_config((root / "doccontrol.yml").read_bytes())
start = time.perf_counter()
history = derive(root, config, use_cache=sys.argv[2] == "warm")
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "revisions": sum(len(d.revisions) for d in history.documents.values()), "events": len(history.events)}))
"""


def timed(command: list[str], cwd: Path, repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
        runs.append(time.perf_counter() - start)
    return min(runs)


def engine(repo: Path, mode: str) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", ENGINE, str(repo), mode], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    result["process_seconds"] = time.perf_counter() - start
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument(
        "--sample", type=int, default=40, help="pages measured for the per-file baseline"
    )
    args = parser.parse_args()
    from generate_repo import generate

    repo = ROOT / f"build/bench/repo-{args.docs}x{args.commits}"
    if not (repo / ".git").is_dir():
        print(f"generating {repo} …", file=sys.stderr)
        generate(repo, args.docs, args.commits)
    floor = timed(["git", "log", "--first-parent", "-m", "-z", "--name-status", "-M", "main"], repo)
    paths = subprocess.run(
        ["git", "ls-files", "docs"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    sample = random.Random(1).sample(paths, min(args.sample, len(paths)))
    per_file = [
        timed(["git", "log", "--follow", "--format=%H %aI", "--", p], repo, repeat=1)
        for p in sample
    ]
    baseline = statistics.mean(per_file) * len(paths)
    # like the floor, the best of three runs, each in a fresh process without a cache
    cold = min((engine(repo, "cold") for _ in range(3)), key=lambda r: r["seconds"])
    engine(repo, "warm")  # writes the cache
    warm = min((engine(repo, "warm") for _ in range(3)), key=lambda r: r["seconds"])
    rows = [
        ("git log one pass (floor)", floor, "", 1.0),
        (
            f"per-file git log --follow (baseline, {len(sample)} of {len(paths)} pages, extrapolated)",
            baseline,
            "",
            baseline / floor,
        ),
        (
            "engine cold, derive()",
            cold["seconds"],
            f"{cold['rss_mb']:.0f} MB",
            cold["seconds"] / floor,
        ),
        (
            "engine cold, whole process",
            cold["process_seconds"],
            "",
            cold["process_seconds"] / floor,
        ),
        (
            "engine warm (cache, no new commits), derive()",
            warm["seconds"],
            f"{warm['rss_mb']:.0f} MB",
            warm["seconds"] / floor,
        ),
    ]
    print(
        f"repository: {args.docs} documents, {args.commits} commits; {cold['events']} approval events, {cold['revisions']} revisions"
    )
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, git {subprocess.run(['git', '--version'], capture_output=True, text=True).stdout.split()[-1]}"
    )
    print("| measurement | seconds | peak memory | × floor |\n|---|---:|---:|---:|")
    for name, seconds, memory, ratio in rows:
        print(f"| {name} | {seconds:.3f} | {memory} | {ratio:.2f} |")
    print(f"\nengine cold vs baseline: {baseline / cold['seconds']:.0f}× faster")


if __name__ == "__main__":
    main()
