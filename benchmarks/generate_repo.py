"""Generate a synthetic compliance repository with git fast-import.

DOCS documents and COMMITS commits in all: feature branches merged with --no-ff and
approval trailers (some resolving conflicts in the merge), forge squash merges, direct
commits, renames and Chinese file names; the shape a few years of a busy repository has.

    python benchmarks/generate_repo.py --docs 1000 --commits 20000 OUT_DIR
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
from pathlib import Path

from doccontrol.load.repository import load_config

ROOT = Path(__file__).resolve().parents[1]
_CONFIG = load_config((ROOT / "doccontrol.yml").read_bytes())[0]
assert _CONFIG is not None, "doccontrol.yml has problems: run doccontrol check"
SECTIONS = list(_CONFIG.document_types["procedure"].sections)
AUTHORS = [
    ("赵磊", "zhao.lei@example.com"),
    ("孙悦", "sun.yue@example.com"),
    ("周强", "zhou.qiang@example.com"),
    ("吴婷", "wu.ting@example.com"),
    ("郑浩", "zheng.hao@example.com"),
]
APPROVER = ("刘静", "liu.jing@example.com")


def document(n: int, minor: int, edits: dict[str, int]) -> bytes:
    front = (
        f"---\nid: SM-P-{n:04d}\ntitle: 合成程序 {n}\ntype: procedure\nversion: V1.{minor}\nstatus: effective\n"
        "control: controlled\nconfidentiality: internal\nowner: qa\nauthor: [process-owner]\nreviewer: [qa-manager]\n"
        "approver: [management-representative]\neffective_date: 2026-01-05\nreview_interval_months: 12\n"
        "clauses: ['8.1']\ndistribution: [qa]\n---\n"
    )
    body = "".join(
        f"## {i} {title}\n\n本节说明程序 {n} 的{title}，第 {edits.get(title, 0)} 次修订。\n"
        + "相关要求按服务管理体系执行，记录保存三年。\n" * 3
        + "\n"
        for i, title in enumerate(SECTIONS, 1)
    )
    return (front + body).encode()


def path_for(n: int, renamed: int) -> str:
    name = f"程序 {n:04d} 说明" if n % 7 == 0 else f"procedure-{n:04d}"
    folder = "docs/程序文件" if renamed % 2 else "docs/procedures"
    return f"{folder}/{name}.md"


class Stream:
    def __init__(self, out) -> None:  # type: ignore[no-untyped-def]
        self.out = out
        self.mark = 0
        self.time = 1_700_000_000

    def data(self, payload: bytes) -> None:
        self.out.write(f"data {len(payload)}\n".encode() + payload + b"\n")

    def commit(
        self,
        ref: str,
        who: tuple[str, str],
        message: str,
        parents: list[int],
        files: list[tuple[str, str, bytes | str]],
    ) -> int:
        self.mark += 1
        self.time += 600
        self.out.write(f"commit {ref}\nmark :{self.mark}\n".encode())
        self.out.write(
            f"author {who[0]} <{who[1]}> {self.time} +0800\ncommitter {who[0]} <{who[1]}> {self.time} +0800\n".encode()
        )
        self.data(message.encode())
        if parents:
            self.out.write(f"from :{parents[0]}\n".encode())
            for p in parents[1:]:
                self.out.write(f"merge :{p}\n".encode())
        for op, path, content in files:
            if op == "M":
                self.out.write(f'M 100644 inline "{path}"\n'.encode())
                self.data(content if isinstance(content, bytes) else content.encode())
            elif op == "D":
                self.out.write(f'D "{path}"\n'.encode())
            elif op == "R":
                self.out.write(f'R "{path}" "{content}"\n'.encode())
        self.out.write(b"\n")
        return self.mark


def generate(out_dir: Path, docs: int, commits: int, seed: int = 20) -> None:
    rng = random.Random(seed)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(out_dir)], check=True)
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=out_dir, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    s = Stream(proc.stdin)
    minors = {n: 0 for n in range(1, docs + 1)}
    edits: dict[int, dict[str, int]] = {n: {} for n in minors}
    renamed = {n: 0 for n in minors}
    # four-digit procedure numbers: the configured pattern must accept them, or every document
    # would be invalid and the measurements would time error reporting
    config = (
        (ROOT / "doccontrol.yml").read_bytes().replace(rb"'^SM-P-\d{2}$'", rb"'^SM-P-\d{2,4}$'")
    )
    files: list[tuple[str, str, bytes | str]] = [
        ("M", "doccontrol.yml", config),
        ("M", ".gitignore", b".cache/\n"),
    ]
    files += [("M", path_for(n, 0), document(n, 0, {})) for n in minors]
    main = s.commit("refs/heads/main", AUTHORS[0], "导入全部文件\n", [], files)
    made = 1
    request = 0

    def edit(n: int) -> tuple[str, str, bytes]:
        minors[n] += 1
        title = rng.choice(SECTIONS)
        edits[n][title] = edits[n].get(title, 0) + 1
        return ("M", path_for(n, renamed[n]), document(n, minors[n], edits[n]))

    trailers = (
        f"Approved-by: {APPROVER[0]} <{APPROVER[1]}>\nReviewed-by: {APPROVER[0]} <{APPROVER[1]}>\n"
    )
    while made < commits:
        roll = rng.random()
        n = rng.randint(1, docs)
        request += 1
        if roll < 0.6:  # feature branch, 1-3 commits, merged with --no-ff
            tip = main
            start_path = path_for(n, renamed[n])
            for _ in range(rng.randint(1, 3)):
                if made >= commits - 1:
                    break
                change = [edit(n)]
                if rng.random() < 0.03:  # a rename on the branch
                    old = path_for(n, renamed[n])
                    renamed[n] += 1
                    change = [("R", old, path_for(n, renamed[n])), edit(n)]
                tip = s.commit(
                    "refs/heads/feature", rng.choice(AUTHORS), f"修订程序 {n}\n", [tip], change
                )
                made += 1
            if rng.random() < 0.05:  # a conflict resolved in the merge changes the text again
                edit(n)
            # fast-import does not merge trees: the merge states the branch's result itself
            merged: list[tuple[str, str, bytes | str]] = []
            if start_path != path_for(n, renamed[n]):
                merged.append(("D", start_path, b""))
            merged.append(("M", path_for(n, renamed[n]), document(n, minors[n], edits[n])))
            message = f"Merge branch 'cr-{request}' into 'main'\n\n修订程序 {n}\n\nSee merge request it/sms!{request}\n\n{trailers}"
            main = s.commit("refs/heads/main", APPROVER, message, [main, tip], merged)
            made += 1
        elif roll < 0.85:  # squash merge by a forge
            main = s.commit(
                "refs/heads/main",
                rng.choice(AUTHORS),
                f"修订程序 {n} (#{request})\n\n{trailers}",
                [main],
                [edit(n)],
            )
            made += 1
        else:  # direct commit
            main = s.commit(
                "refs/heads/main", rng.choice(AUTHORS), f"直接修改程序 {n}\n", [main], [edit(n)]
            )
            made += 1
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=out_dir, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    generate(args.out, args.docs, args.commits, args.seed)


if __name__ == "__main__":
    main()
