"""History engine and command speed and memory, side by side with git's own floor and the
per-file baseline.

    python benchmarks/bench_history.py [--quick] [--docs 1000] [--commits 20000] [--sample 40]
                                       [--shape both|procedures|synthetic]

Measured in one run on generated repositories (benchmarks/generate_repo.py), the realistic
``procedures`` shape first and the first benchmarks' ``synthetic`` shape as a second row:
- floor: one `git log --first-parent -m -z --name-status -M` over the whole history;
- baseline: what MkDocs git plugins do, `git log --follow` once per page (measured on a
  sample of pages and extrapolated to all of them);
- as the user runs it, whole `doccontrol` processes: `log --all --format json` cold (no cache)
  and warm (cache, no new commits), `log DOC` warm, each with the peak memory of the process
  (its rusage); like the floor, each the best of three runs;
- in-process `derive()` cold and warm (the first benchmarks' rows);
- `doccontrol --version` and `--help` (best of ten), and `doccontrol check RECORD` against
  `check-jsonschema --schemafile schemas/records/<type>.schema.json RECORD` on the same record
  of the procedures repository (best of five each).
Child processes run without PYTHONDONTWRITEBYTECODE, so they import from compiled bytecode as
an installed tool does.
--quick: 100 documents × 1,000 commits, a sanity run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
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


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
DOCCONTROL = [sys.executable, "-m", "doccontrol"]
CHECK_JSONSCHEMA = [str(Path(sys.executable).parent / "check-jsonschema")]


def timed(command: list[str], cwd: Path, repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
        runs.append(time.perf_counter() - start)
    return min(runs)


def history_cache(repo: Path) -> list[Path]:
    """Where the history cache lives: the Git directory (`git rev-parse --git-path
    doccontrol`), or .cache/doccontrol in earlier versions. The schema marks stay."""
    git_path = subprocess.run(
        ["git", "rev-parse", "--git-path", "doccontrol"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    folder = repo / git_path
    # everything a fresh clone lacks: the history cache and the remembered schema and config
    # verdicts
    inside = list(folder.iterdir()) if folder.is_dir() else []
    return [repo / ".cache/doccontrol", *inside]


def process(command: list[str], cwd: Path, cold: bool = False) -> tuple[float, float, float]:
    """Seconds, CPU seconds (user + system: what a shared, loaded machine disturbs least)
    and peak memory (MB) of one whole process; ``cold``: no history cache."""
    for path in history_cache(cwd) if cold else []:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the history has problems
        raise SystemExit(f"{' '.join(command)} failed in {cwd}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(
    command: list[str], cwd: Path, repeat: int, cold: bool = False
) -> tuple[float, float, float]:
    runs = [process(command, cwd, cold) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "cpu",
    )
    memory = next(
        (
            int(line.split()[1]) / 1024 / 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0.0,
    )
    git = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.split()[-1]
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}, "
        f"git {git}, load average {os.getloadavg()[0]:.2f}"
    )


def engine(repo: Path, mode: str) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", ENGINE, str(repo), mode], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    result["process_seconds"] = time.perf_counter() - start
    return result


def shape_rows(shape: str, docs: int, commits: int, sample_size: int) -> tuple[Path, list[str]]:
    from generate_repo import generate

    repo = ROOT / f"build/bench/{shape}-{docs}x{commits}"
    if not (repo / ".git").is_dir():
        print(f"generating {repo} …", file=sys.stderr)
        generate(repo, docs, commits, shape=shape)
    floor, floor_cpu, _ = best(
        ["git", "log", "--first-parent", "-m", "-z", "--name-status", "-M", "main"], repo, 3
    )
    paths = subprocess.run(
        ["git", "ls-files", "docs"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    sample = random.Random(1).sample(paths, min(sample_size, len(paths)))
    per_file = [
        timed(["git", "log", "--follow", "--format=%H %aI", "--", p], repo, repeat=1)
        for p in sample
    ]
    baseline = statistics.mean(per_file) * len(paths)
    log_all = [*DOCCONTROL, "log", "--all", "--format", "json"]
    process(log_all, repo, cold=True)  # warm-up: bytecode, the page cache
    cold, cold_cpu, cold_mb = best(log_all, repo, 3, cold=True)
    warm, warm_cpu, warm_mb = best(log_all, repo, 3)
    doc_id = "SM-P-18" if shape == "procedures" else "SM-P-0018"
    one, one_cpu, one_mb = best([*DOCCONTROL, "log", doc_id], repo, 3)
    derive_cold = min((engine(repo, "cold") for _ in range(3)), key=lambda r: r["seconds"])
    engine(repo, "warm")
    derive_warm = min((engine(repo, "warm") for _ in range(3)), key=lambda r: r["seconds"])
    events, revisions = derive_cold["events"], derive_cold["revisions"]
    rows = [
        f"| {shape}: git log one pass (floor) | {floor:.3f} | {floor_cpu:.3f} | | 1.00 | 1.00 | |",
        f"| {shape}: per-file `git log --follow` (baseline, {len(sample)} of {len(paths)} pages, extrapolated) | {baseline:.1f} | | | {baseline / floor:.0f} | | |",
        f"| {shape}: `doccontrol log --all --format json`, cold | {cold:.3f} | {cold_cpu:.3f} | {cold_mb:.0f} MB | {cold / floor:.2f} | {cold_cpu / floor_cpu:.2f} | ≤ 2× floor; {baseline / cold:.0f}× faster than the baseline (≥ 500×) |",
        f"| {shape}: `doccontrol log --all --format json`, warm | {warm:.3f} | {warm_cpu:.3f} | {warm_mb:.0f} MB | {warm / floor:.2f} | {warm_cpu / floor_cpu:.2f} | ≤ 1× floor |",
        f"| {shape}: `doccontrol log {doc_id}`, warm | {one:.3f} | {one_cpu:.3f} | {one_mb:.0f} MB | {one / floor:.2f} | {one_cpu / floor_cpu:.2f} | ≤ 0.3 s and ≤ 0.3× floor |",
        f"| {shape}: `derive()` in-process, cold | {derive_cold['seconds']:.3f} | | {derive_cold['rss_mb']:.0f} MB | {derive_cold['seconds'] / floor:.2f} | | |",
        f"| {shape}: `derive()` in-process, warm | {derive_warm['seconds']:.3f} | | {derive_warm['rss_mb']:.0f} MB | {derive_warm['seconds'] / floor:.2f} | | |",
    ]
    print(
        f"{shape}: {docs} documents, {commits} commits; {events} approval events, {revisions} revisions",
        file=sys.stderr,
    )
    return repo, rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="100 documents × 1,000 commits")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--shape", choices=("both", "procedures", "synthetic"), default="both")
    parser.add_argument(
        "--sample", type=int, default=40, help="pages measured for the per-file baseline"
    )
    args = parser.parse_args()
    if args.quick:
        args.docs, args.commits = 100, 1000
    print(f"machine: {machine()}")
    shapes = ("procedures", "synthetic") if args.shape == "both" else (args.shape,)
    rows: list[str] = []
    repos = {}
    for shape in shapes:
        repos[shape], shape_table = shape_rows(shape, args.docs, args.commits, args.sample)
        rows += shape_table
    version = best([*DOCCONTROL, "--version"], ROOT, 10)
    usage = best([*DOCCONTROL, "--help"], ROOT, 10)
    rows += [
        f"| `doccontrol --version` | {version[0]:.3f} | {version[1]:.3f} | {version[2]:.0f} MB | | | < 0.1 s |",
        f"| `doccontrol --help` | {usage[0]:.3f} | {usage[1]:.3f} | {usage[2]:.0f} MB | | | < 0.1 s |",
    ]
    where = repos.get("procedures", ROOT)
    record = "records/incident/INC-2026-0012.yaml"
    schema = "schemas/records/incident.schema.json"
    process([*DOCCONTROL, "check", record], where)  # warm-up: marks the schemas checked
    check = best([*DOCCONTROL, "check", record], where, 5)
    validator = best([*CHECK_JSONSCHEMA, "--schemafile", schema, record], where, 5)
    rows += [
        f"| `check-jsonschema --schemafile {schema} {record}` | {validator[0]:.3f} | {validator[1]:.3f} | {validator[2]:.0f} MB | | | |",
        f"| `doccontrol check {record}` (the pre-commit hook) | {check[0]:.3f} | {check[1]:.3f} | {check[2]:.0f} MB | {check[0] / validator[0]:.2f}× check-jsonschema | {check[1] / validator[1]:.2f}× | ≤ 1× check-jsonschema |",
    ]
    print(
        "| measurement | seconds | CPU seconds | peak memory | × floor | CPU × floor CPU | target |\n"
        "|---|---:|---:|---:|---:|---:|---|"
    )
    print("\n".join(rows))
    print(f"machine at the end: load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
