"""This checkout's doccontrol against another version of it, side by side in one run, on the
same repository: what a change to the code costs the user.

    python benchmarks/bench_tools.py --baseline-tools OTHER/tools [--repo PATH] [--rounds 5]
                                     [--docs 1000] [--commits 20000] [--records SHARE]

``OTHER/tools`` is another version's ``tools/`` folder (``git worktree add /tmp/old REV``),
put first on ``PYTHONPATH``. The repository is ``--repo``, else the ``procedures`` shape that
``bench_history.py`` generates (``build/bench/procedures-DOCSxCOMMITS``, made when missing;
with ``--records``, that share of merge requests also files a change record:
``…-records-SHARE``).
Each round runs, in alternating order so neither version always goes first: one whole cold
``doccontrol log --all --format json`` process per version (no history cache), then one warm
one (the cache that version just wrote). Reported: the median wall and CPU seconds (the
process and its children, git's included) and the peak memory, and this checkout's ratio to
the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_history import ENV, machine, process  # noqa: E402

LOG_ALL = [sys.executable, "-m", "doccontrol", "log", "--all", "--format", "json"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-tools", type=Path, required=True)
    parser.add_argument("--repo", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--records", type=float, default=0.0)
    args = parser.parse_args()
    name = f"procedures-{args.docs}x{args.commits}"
    name += f"-records-{args.records}" if args.records else ""
    repo = args.repo or ROOT / "build/bench" / name
    if not (repo / ".git").exists():
        from generate_repo import generate

        print(f"generating {repo} …", file=sys.stderr)
        generate(repo, args.docs, args.commits, shape="procedures", records=args.records)
    tools = {"this checkout": ROOT / "tools", "baseline": args.baseline_tools.resolve()}
    figures: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    print(f"machine: {machine()}")
    for round_ in range(args.rounds):
        order = list(tools) if round_ % 2 == 0 else list(reversed(tools))
        for name in order:
            ENV["PYTHONPATH"] = str(tools[name])  # what process() starts the child with
            for kind, cold in (("cold", True), ("warm", False)):
                figures.setdefault((name, kind), []).append(process(LOG_ALL, repo, cold=cold))
    ENV.pop("PYTHONPATH", None)
    print(
        "| run | version | seconds | CPU seconds | peak memory | × baseline | CPU × baseline |\n"
        "|---|---|---:|---:|---:|---:|---:|"
    )
    for kind in ("cold", "warm"):
        base = figures[("baseline", kind)]
        base_wall = statistics.median(r[0] for r in base)
        base_cpu = statistics.median(r[1] for r in base)
        for name in tools:
            runs = figures[(name, kind)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            print(
                f"| `log --all --format json`, {kind} | {name} | {wall:.3f} | {cpu:.3f} "
                f"| {peak:.0f} MB | {wall / base_wall:.3f} | {cpu / base_cpu:.3f} |"
            )
    print(f"machine at the end: load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
