"""`doccontrol check` on a large repository, side by side with a bare parse-and-validate floor.

    python benchmarks/bench_check.py [--copies 40]

Builds a repository of this project's documents and records copied COPIES times (ids renumbered,
so everything stays valid), then measures in one run:
- floor: ruamel's C-accelerated safe loader plus jsonschema on every file, no positions and no
  cross-file rules (the least any validator must do);
- `doccontrol check` on the whole repository (a fresh process each time);
- `doccontrol check ONE-FILE`, as the pre-commit hook runs it for one changed record.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = """
import json, sys, time
from pathlib import Path
from ruamel.yaml import YAML
from jsonschema import Draft202012Validator
root = Path(sys.argv[1])
start = time.perf_counter()
yaml = YAML(typ="safe")
doc = Draft202012Validator(json.loads((root / "schemas/document.schema.json").read_text()))
schemas = {p.name.removesuffix(".schema.json"): Draft202012Validator(json.loads(p.read_text())) for p in (root / "schemas/records").glob("*.json")}
for path in (root / "docs").rglob("*.md"):
    front = path.read_text(encoding="utf-8").split("---", 2)[1]
    list(doc.iter_errors(json.loads(json.dumps(yaml.load(front), default=str))))
for path in (root / "records").rglob("*.yaml"):
    list(schemas[path.parent.name].iter_errors(json.loads(json.dumps(yaml.load(path.read_text(encoding="utf-8")), default=str))))
print(time.perf_counter() - start)
"""


def build(out: Path, copies: int) -> int:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for item in ("doccontrol.yml", "schemas"):
        (shutil.copytree if (ROOT / item).is_dir() else shutil.copy)(ROOT / item, out / item)
    files = 0
    doc_ids = {}
    for n in range(copies):
        for path in sorted((ROOT / "docs/procedures").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            old = re.search(r"^id: (SM-P-\d+)$", text, re.MULTILINE)[1]  # type: ignore[index]
            new = f"SM-P-{int(old[5:]) + 31 * n + 100:04d}" if n else old
            doc_ids.setdefault(n, {})[old] = new
        for path in sorted((ROOT / "docs").rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            if n:
                if "type: procedure" not in text:
                    continue
                renumber = doc_ids[n]
                text = re.sub(r"SM-P-\d{2}\b", lambda m, ids=renumber: ids.get(m[0], m[0]), text)
            target = out / "docs" / f"copy{n}" / path.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            files += 1
    for path in sorted((ROOT / "records").rglob("*.yaml")):
        target = out / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
        files += 1
    # the patterns allow 2-digit procedure ids only; widen them for the copies
    config = (
        (out / "doccontrol.yml")
        .read_text(encoding="utf-8")
        .replace(r"'^SM-P-\d{2}$'", r"'^SM-P-\d{2,4}$'")
    )
    (out / "doccontrol.yml").write_text(config, encoding="utf-8")
    return files


def timed(command: list[str], cwd: Path, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    repo = ROOT / f"build/bench/check-{args.copies}"
    files = build(repo, args.copies)
    floor = float(
        subprocess.run(
            [sys.executable, "-c", FLOOR, str(repo)], capture_output=True, text=True, check=True
        ).stdout
    )
    doccontrol = [sys.executable, "-m", "doccontrol"]
    whole = timed([*doccontrol, "check"], repo)
    one = timed([*doccontrol, "check", "records/incident/INC-2026-0012.yaml"], repo)
    startup = timed([sys.executable, "-c", "import doccontrol.cli.main"], repo)
    print(
        f"repository: {files} files ({args.copies} copies of the procedures, plus the manual, work instructions and records)"
    )
    print("| measurement | seconds | × floor |\n|---|---:|---:|")
    print(
        f"| floor: safe-load + jsonschema, no positions, no cross-file rules (in-process) | {floor:.2f} | 1.0 |"
    )
    print(f"| doccontrol check, whole repository (process) | {whole:.2f} | {whole / floor:.1f} |")
    print(f"| doccontrol check, one record (process) | {one:.2f} | {one / floor:.1f} |")
    print(f"| Python start-up and imports alone | {startup:.2f} | |")


if __name__ == "__main__":
    main()
