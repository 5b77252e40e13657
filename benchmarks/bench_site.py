"""Site build overhead of the doccontrol plugin, side by side in one run with a plain Material
build of the same pages and with the usual Git plugins.

    python benchmarks/bench_site.py [--docs 1000] [--commits 4000] [--shape procedures]
                                    [--no-git-plugins] [--baseline-tools OTHER/tools]

On a generated repository (benchmarks/generate_repo.py), each build in a fresh process:
- plain: Material and its search plugin only;
- doccontrol, cold (no history cache, no generated pages) and warm (both from a previous build);
- in ``--rounds`` rounds (default 3) of plain, cold, warm, after one plain build that is not
  counted (it fills the file cache and jieba's): the overhead is of the medians, and every
  build is listed (one build of 70 s can be 10 % off another of the same kind here);
- with ``--baseline-tools OTHER/tools`` (another version's ``tools/``, e.g. a ``git worktree``
  of an older commit, put first on ``PYTHONPATH``), each round also builds cold and warm with
  that version, the two versions in alternating order: what a change to the code costs a build;
- git plugins: mkdocs-git-revision-date-localized-plugin + mkdocs-git-authors-plugin (installed
  from PyPI into the virtual environment when missing), which show much less;
- with ``--paired``, each round instead starts a plain build and a doccontrol build at the same
  moment, one on each core, so that both meet the same machine: on a shared host the speed of
  the cores drifts by more than the plugin costs (plain builds of one evening took 64 to 84 s),
  and a pair's ratio cancels that drift out (a cold build's git processes also take the plain
  build's core at times, which counts against the plugin);
- one page rebuilt, as `mkdocs serve --dirty` does after an edit: in one process (the plugins
  kept, as serve keeps them), a build, then three dirty builds, each after an edit to the
  wording of one page; the median is reported.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from doccontrol.history.cache import CACHE_NAME

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

BASE = """site_name: bench
docs_dir: docs
theme:
  name: material
  language: zh
  font: false
markdown_extensions: [tables, attr_list, admonition]
plugins:
  - search:
      lang: [zh, en]
"""
VARIANTS = {
    "plain": BASE,
    "doccontrol": BASE + "  - doccontrol\n",
    "gitplugins": BASE + "  - git-revision-date-localized\n  - git-authors\n",
}
DIRTY = """
import sys, time, os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.commands.build import build
config_file, page = sys.argv[1], Path(sys.argv[2])
config = load_config(config_file, site_dir=sys.argv[3])
config.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty` does
build(config)
original = page.read_bytes()
try:
    for n in range(3):  # an author's edit to the wording, saved three times
        page.write_bytes(original + f"\\n编辑后新增的第 {n + 1} 句话。\\n".encode())
        start = time.perf_counter()
        build(load_config(config_file, site_dir=sys.argv[3]), dirty=True)
        print(time.perf_counter() - start)
finally:
    page.write_bytes(original)
"""


@dataclass(frozen=True)
class Timed:
    wall: float
    cpu: float  # user + system of the build process and its children (git)

    def __str__(self) -> str:
        return f"{self.wall:.1f} | {self.cpu:.1f}"


def build(repo: Path, variant: str, out: Path, tools: Path | None = None) -> Timed:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if tools is not None:  # another version of the package, found before the installed one
        env["PYTHONPATH"] = str(tools)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            f"mkdocs-{variant}.yml",
            "-d",
            str(out),
        ],
        cwd=repo,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(wall, cpu)


def started(repo: Path, variant: str, out: Path) -> tuple[subprocess.Popen[bytes], float]:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"mkdocs-{variant}.yml"]
    handle = subprocess.Popen(
        [*command, "-d", str(out)],
        cwd=repo,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return handle, time.perf_counter()


def pair(repo: Path, out: Path, cold: bool) -> tuple[Timed, Timed]:
    """A plain and a doccontrol build started together; each one's wall time and CPU time
    (its own and its children's, from ``os.wait4``)."""
    if cold:
        shutil.rmtree(repo / ".git" / CACHE_NAME, ignore_errors=True)
    handles = {
        "plain": started(repo, "plain", out.with_name(out.name + "-plain")),
        "doccontrol": started(repo, "doccontrol", out),
    }
    done: dict[str, Timed] = {}
    pids = {handle.pid: name for name, (handle, _) in handles.items()}
    while pids:
        pid, status, usage = os.wait4(-1, 0)
        name = pids.pop(pid, None)
        if name is None:
            continue
        handle, start = handles[name]
        handle.returncode = os.waitstatus_to_exitcode(status)
        if handle.returncode:
            raise SystemExit(f"{name} build failed ({handle.returncode})")
        done[name] = Timed(time.perf_counter() - start, usage.ru_utime + usage.ru_stime)
    return done["plain"], done["doccontrol"]


def paired(repo: Path, out: Path, rounds: int) -> None:
    print(
        "| round | plain wall s | plain CPU s | doccontrol wall s | doccontrol CPU s "
        "| overhead (wall, CPU) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    ratios: dict[str, list[float]] = {"cold": [], "warm": []}
    walls: dict[str, list[float]] = {"cold": [], "warm": []}
    for n in range(rounds):
        for kind in ("cold", "warm"):
            plain, ours = pair(repo, out, cold=kind == "cold")
            ratios[kind].append(ours.cpu / plain.cpu)
            walls[kind].append(ours.wall / plain.wall)
            print(
                f"| {n + 1} {kind} | {plain} | {ours} | "
                f"{100 * (ours.wall / plain.wall - 1):+.1f} %, {100 * (ours.cpu / plain.cpu - 1):+.1f} % |",
                flush=True,
            )
    for kind, found in ratios.items():
        wall = walls[kind]
        print(
            f"| median, {kind} | | | | | wall {100 * (statistics.median(wall) - 1):+.1f} % "
            f"(from {100 * (min(wall) - 1):+.1f} to {100 * (max(wall) - 1):+.1f} %), "
            f"CPU {100 * (statistics.median(found) - 1):+.1f} % "
            f"(from {100 * (min(found) - 1):+.1f} to {100 * (max(found) - 1):+.1f} %) |"
        )


def dirty(repo: Path, variant: str, page: Path, out: Path) -> float:
    """The median of three one-page rebuilds (``DIRTY``), in seconds."""
    runs = subprocess.run(
        [sys.executable, "-c", DIRTY, str(repo / f"mkdocs-{variant}.yml"), str(page), str(out)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    ).stdout.split()
    return statistics.median(float(r) for r in runs[-3:])


def median(runs: list[Timed]) -> Timed:
    return Timed(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=4000)
    parser.add_argument("--shape", choices=("procedures", "synthetic"), default="procedures")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--paired",
        action="store_true",
        help="each round, a plain and a doccontrol build at the same moment (see above)",
    )
    parser.add_argument(
        "--no-git-plugins", action="store_true", help="leave out the (slow) Git plugins' build"
    )
    parser.add_argument(
        "--baseline-tools",
        type=Path,
        help="another version's tools/ folder, built cold and warm beside this checkout's",
    )
    args = parser.parse_args()
    if args.baseline_tools is not None and args.paired:
        parser.error("--baseline-tools runs interleaved rounds, not --paired")
    for module, package in (
        ("mkdocs_git_revision_date_localized_plugin", "mkdocs-git-revision-date-localized-plugin"),
        ("mkdocs_git_authors_plugin", "mkdocs-git-authors-plugin"),
    ):
        if not args.no_git_plugins and importlib.util.find_spec(module) is None:
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", package], check=True)
    from generate_repo import generate

    repo = ROOT / f"build/bench/site-{args.shape}-{args.docs}x{args.commits}"
    if not (repo / ".git").is_dir():
        generate(repo, args.docs, args.commits, shape=args.shape)
    if not (repo / "schemas").exists():
        shutil.copytree(ROOT / "schemas", repo / "schemas")
    for name, text in VARIANTS.items():
        (repo / f"mkdocs-{name}.yml").write_text(text, encoding="utf-8")
    out = ROOT / "build/bench/site-out"
    shutil.rmtree(repo / ".cache", ignore_errors=True)
    build(repo, "plain", out)  # not counted: the first build fills the caches
    if args.paired:
        build(repo, "doccontrol", out)  # not counted either
        print(f"repository: {args.docs} documents, {args.commits} commits; paired builds")
        paired(repo, out, args.rounds)
        return
    # interleaved rounds: one build can be 10 % off another of the same kind
    versions: dict[str, Path | None] = {"": None}
    if args.baseline_tools is not None:
        versions = {" (this checkout)": None, " (baseline)": args.baseline_tools.resolve()}
    plains: list[Timed] = []
    colds: dict[str, list[Timed]] = {name: [] for name in versions}
    warms: dict[str, list[Timed]] = {name: [] for name in versions}
    for round_ in range(args.rounds):
        plains.append(build(repo, "plain", out))
        # neither version always goes first
        for name in list(versions) if round_ % 2 == 0 else list(reversed(versions)):
            # cold: no history cache either (it lives in the Git directory, history/cache.py)
            shutil.rmtree(repo / ".git" / CACHE_NAME, ignore_errors=True)
            colds[name].append(build(repo, "doccontrol", out, versions[name]))
            warms[name].append(build(repo, "doccontrol", out, versions[name]))
    plain = median(plains)
    git = None if args.no_git_plugins else build(repo, "gitplugins", out)
    page = next((repo / "docs/procedures").rglob("*.md"))
    dirty_plain = dirty(repo, "plain", page, out)
    dirty_ours = dirty(repo, "doccontrol", page, out)
    print(f"repository: {args.docs} documents, {args.commits} commits")
    print("| build | wall s | CPU s | overhead over plain (wall, CPU) |\n|---|---:|---:|---:|")
    print(
        f"| plain Material, each run | {', '.join(f'{p.wall:.1f}' for p in plains)} | "
        f"{', '.join(f'{p.cpu:.1f}' for p in plains)} | |"
    )
    each = [(f"doccontrol {kind}{name}", found[name]) for kind, found in
            (("cold", colds), ("warm", warms)) for name in versions]  # fmt: skip
    for name, runs in each:
        print(
            f"| {name}, each run | {', '.join(f'{r.wall:.1f}' for r in runs)} | "
            f"{', '.join(f'{r.cpu:.1f}' for r in runs)} | "
            f"{', '.join(f'{100 * (r.wall / p.wall - 1):+.0f} %' for r, p in zip(runs, plains, strict=True))}"
            " (each against its round's plain) |"
        )
    rows = [("plain Material (median)", plain)]
    for name in versions:
        rows.append((f"doccontrol{name}, cold (no history cache; median)", median(colds[name])))
        rows.append((f"doccontrol{name}, warm (median)", median(warms[name])))
    if git is not None:
        rows.append(("git-revision-date-localized + git-authors", git))
    for name, timed in rows:
        print(
            f"| {name} | {timed} | {100 * (timed.wall / plain.wall - 1):+.0f} %, "
            f"{100 * (timed.cpu / plain.cpu - 1):+.0f} % |"
        )
    if args.baseline_tools is not None:
        for kind, found in (("cold", colds), ("warm", warms)):
            ours, base = median(found[" (this checkout)"]), median(found[" (baseline)"])
            print(
                f"| {kind}: this checkout against the baseline | {ours.wall / base.wall:.3f}× | "
                f"{ours.cpu / base.cpu:.3f}× | |"
            )
    print(f"| one page rebuilt (dirty), plain | {dirty_plain:.2f} | | |")
    print(f"| one page rebuilt (dirty), doccontrol | {dirty_ours:.2f} | | |")


if __name__ == "__main__":
    main()
