"""Generate a compliance repository with git fast-import.

DOCS documents and COMMITS commits in all: feature branches merged with --no-ff and
approval trailers (some resolving conflicts in the merge), forge squash merges, direct
commits, renames and Chinese file names; the shape a few years of a busy repository has.

Two shapes of document:
- ``procedures`` (the realistic one): every document is one of the 31 shipped procedures in
  docs/procedures used as a template (5,400-11,100 characters, 14-22 headings, a Mermaid fence,
  tables and lists, the full front matter), edited section by section: a paragraph, a table
  row or a node of the flowchart. The repository also holds this project's schemas/ and
  records/, so ``doccontrol check RECORD`` runs on it as in a real one. Reviewers and approvers
  hold the configured roles; a share of the approvals has a problem the engine must report:
  self-approval, no reviewer, no version bump.
- ``synthetic`` (the first benchmarks' shape): about 1 KB per document, short sections, no
  fences, one person reviewing and approving.

    python benchmarks/generate_repo.py [--shape procedures] --docs 1000 --commits 20000 OUT_DIR
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from doccontrol.load.repository import load_config

ROOT = Path(__file__).resolve().parents[1]


# The generated repository is an adopted one, as users run the tool: its first commit (the
# import, 2023-11-15 in +08:00) is the pre-control baseline, and control begins the next day,
# when the first change is made. (Without it the import's doccontrol.yml would be a change
# nobody approved, and the site would fail closed to public pages only.)
START = 1_700_000_000  # 2023-11-15 06:13 +08:00
CONTROL_SINCE = "2023-11-16"


def _project_config() -> bytes:
    """The project's doccontrol.yml with the generated repository's start of control in place
    of the project's own (a commit of the project, not of the generated repository)."""
    text = (ROOT / "doccontrol.yml").read_bytes()
    line = f"control_since: '{CONTROL_SINCE}'".encode()
    return re.sub(rb"(?m)^control_since: .*$", line, text, count=1)


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
        self.time = START

    def next_day(self) -> None:
        """The clock moved to the next day (after the import: control begins)."""
        self.time = START + 86_400

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


def generate(
    out_dir: Path,
    docs: int,
    commits: int,
    seed: int = 20,
    shape: str = "synthetic",
    records: float = 0.0,
) -> None:
    if shape == "procedures":
        generate_procedures(out_dir, docs, commits, seed, records)
        return
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
    config = _project_config().replace(rb"'^SM-P-\d{2}$'", rb"'^SM-P-\d{2,4}$'")
    files: list[tuple[str, str, bytes | str]] = [
        ("M", "doccontrol.yml", config),
        ("M", ".gitignore", b".cache/\n"),
    ]
    files += [("M", path_for(n, 0), document(n, 0, {})) for n in minors]
    main = s.commit("refs/heads/main", AUTHORS[0], "导入全部文件\n", [], files)
    s.next_day()
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


# ---- the realistic shape: the shipped procedures as templates ---------------------------------

OWNERS = [
    ("赵磊", "zhao.lei@example.com"),
    ("孙悦", "sun.yue@example.com"),
    ("周强", "zhou.qiang@example.com"),
    ("吴婷", "wu.ting@example.com"),
    ("黄丽", "huang.li@example.com"),
]
REVIEWER = ("王芳", "wang.fang@example.com")  # qa-manager: the procedures' reviewer role
# management-representative: the procedures' approver role (APPROVER above)
PROBLEM_SHARE = {"self_approval": 0.04, "no_reviewer": 0.04, "no_bump": 0.03}


@dataclass(frozen=True)
class Template:
    front: list[str]  # front matter lines; id, title and version are filled in per version
    title: str
    sections: list[tuple[str, str]]  # (heading line, text up to the next heading)


def load_templates() -> list[Template]:
    """The shipped procedures, in the order of their ids (SM-P-01 … SM-P-31)."""
    found: dict[int, Template] = {}
    for path in sorted((ROOT / "docs/procedures").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        number = int(re.search(r"^id: SM-P-(\d+)$", front, re.MULTILINE)[1])  # type: ignore[index]
        title = re.search(r"^title: (.*)$", front, re.MULTILINE)[1]  # type: ignore[index]
        kept = front.splitlines()
        parts = re.split(r"^(#{2,3} .*)$", body, flags=re.MULTILINE)
        sections = [("", parts[0])] + [
            (parts[i], parts[i + 1]) for i in range(1, len(parts) - 1, 2)
        ]
        found[number] = Template(kept, title, sections)
    return [found[n] for n in sorted(found)]


def doc_id(n: int) -> str:
    # the first 31 keep the shipped ids, so the templates' doc: links and the records resolve
    return f"SM-P-{n:02d}"


@dataclass
class DocState:
    n: int
    template: Template
    version: tuple[int, int] = (1, 0)
    edits: dict[int, int] = field(default_factory=dict)  # section index → times edited
    renamed: int = 0

    def path(self) -> str:
        stem = (
            f"程序 {self.n:04d} {self.template.title}"
            if self.n % 7 == 0
            else f"procedure-{self.n:04d}"
        )
        folder = "docs/程序文件" if self.renamed % 2 else "docs/procedures"
        return f"{folder}/{stem}.md"

    def text(self) -> bytes:
        major, minor = self.version
        filled = {
            "id:": f"id: {doc_id(self.n)}",
            "title:": f"title: {self.template.title}（{self.n}）",
            "version:": f"version: V{major}.{minor}",
        }
        front = [filled.get(line[: line.find(":") + 1], line) for line in self.template.front]
        out = ["---\n", "\n".join(front), "\n---\n"]
        for index, (heading, body) in enumerate(self.template.sections):
            count = self.edits.get(index, 0)
            if count and "```mermaid" in body and count % 2:
                # an edit inside the flowchart: one more node before the closing fence
                head, fence, tail = body.partition("```mermaid\n")
                inside, close, rest = tail.partition("\n```")
                body = f'{head}{fence}{inside}\n    R{count}["第 {count} 次修订的步骤"] --> A{close}{rest}'
            elif count and "\n|" in body and count % 3 == 0:
                # a table row changed: the last row of the first table gets a note
                lines = body.split("\n")
                last = max(i for i, line in enumerate(lines) if line.startswith("|"))
                lines[last] = lines[last].rstrip("|") + f" 第 {count} 次修订。|"
                body = "\n".join(lines)
            elif count:
                body = (
                    body.rstrip("\n")
                    + f"\n\n本节第 {count} 次修订（程序 {self.n}）：按评审意见补充职责和时限，"
                    "相关记录按 [SM-P-01](doc:SM-P-01) 保存三年。\n\n"
                )
            out.append(heading + body)
        return "".join(out).encode()


def generate_procedures(
    out_dir: Path, docs: int, commits: int, seed: int = 20, records: float = 0.0
) -> None:
    """``records``: the share of merge requests whose first commit also files a change record
    (records/change-request/), which no approval judges: what the writers' question asks of
    a fork from such an approval (untaken.carried_writers) is measured on it."""
    rng = random.Random(seed)
    record = (ROOT / "records/change-request/CR-2026-007.yaml").read_bytes()
    templates = load_templates()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(out_dir)], check=True)
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=out_dir, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    s = Stream(proc.stdin)
    state = {n: DocState(n, templates[(n - 1) % len(templates)]) for n in range(1, docs + 1)}
    config = _project_config().replace(rb"'^SM-P-\d{2}$'", rb"'^SM-P-\d{2,4}$'")
    files: list[tuple[str, str, bytes | str]] = [
        ("M", "doccontrol.yml", config),
        ("M", ".gitignore", b".cache/\n"),
    ]
    # this project's schemas, records and its documents other than procedures (the manual, work
    # instructions), which the records and procedures link to
    for folder in ("schemas", "records", "docs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.parent.name != "procedures":
                files.append(("M", path.relative_to(ROOT).as_posix(), path.read_bytes()))
    files += [("M", d.path(), d.text()) for d in state.values()]
    main = s.commit("refs/heads/main", OWNERS[0], "导入全部文件\n", [], files)
    s.next_day()
    made = 1
    request = 0

    def edit(d: DocState, bump: bool = True) -> tuple[str, str, bytes]:
        if bump:
            major, minor = d.version
            d.version = (major + 1, 0) if rng.random() < 0.05 else (major, minor + 1)
        section = rng.randrange(1, len(d.template.sections))
        d.edits[section] = d.edits.get(section, 0) + 1
        return ("M", d.path(), d.text())

    def trailers(problem: str) -> str:
        lines = [f"Approved-by: {APPROVER[0]} <{APPROVER[1]}>"]
        if problem != "no_reviewer":
            lines.append(f"Reviewed-by: {REVIEWER[0]} <{REVIEWER[1]}>")
        return "\n".join(lines) + "\n"

    def problem_roll() -> str:
        roll = rng.random()
        for name, share in PROBLEM_SHARE.items():
            if roll < share:
                return name
            roll -= share
        return ""

    while made < commits:
        roll = rng.random()
        d = state[rng.randint(1, docs)]
        request += 1
        problem = problem_roll()
        author = APPROVER if problem == "self_approval" else rng.choice(OWNERS)
        if roll < 0.6:  # merge request, 1-3 commits, merged with --no-ff
            tip = main
            start_path = d.path()
            filing: list[tuple[str, str, bytes | str]] = []  # the merge keeps what it brings
            for i in range(rng.randint(1, 3)):
                if made >= commits - 1:
                    break
                # one bump per merge request, in its first commit (as `doccontrol bump` is used)
                change = [edit(d, bump=i == 0 and problem != "no_bump")]
                if i == 0 and records and rng.random() < records:
                    filed = record.replace(b"CR-2026-007", f"CR-2024-{request:05d}".encode())
                    change.append(("M", f"records/change-request/CR-{request:05d}.yaml", filed))
                    filing.append(change[-1])
                if rng.random() < 0.03:  # a rename on the branch
                    old = d.path()
                    d.renamed += 1
                    change = [("R", old, d.path()), edit(d, bump=False)]
                tip = s.commit("refs/heads/feature", author, f"修订 {doc_id(d.n)}\n", [tip], change)
                made += 1
            if rng.random() < 0.05:  # a conflict resolved in the merge changes the text again
                edit(d, bump=False)
            merged: list[tuple[str, str, bytes | str]] = []
            if start_path != d.path():
                merged.append(("D", start_path, b""))
            merged.append(("M", d.path(), d.text()))
            merged += filing
            message = (
                f"Merge branch 'cr-{request}' into 'main'\n\n修订 {doc_id(d.n)} {d.template.title}\n\n"
                f"See merge request it/sms!{request}\n\n{trailers(problem)}"
            )
            main = s.commit("refs/heads/main", APPROVER, message, [main, tip], merged)
            made += 1
        elif roll < 0.85:  # squash merge by a forge
            main = s.commit(
                "refs/heads/main",
                author,
                f"修订 {doc_id(d.n)} {d.template.title} (#{request})\n\n{trailers(problem)}",
                [main],
                [edit(d, bump=problem != "no_bump")],
            )
            made += 1
        else:  # direct commit: an unapproved change
            main = s.commit(
                "refs/heads/main",
                rng.choice(OWNERS),
                f"直接修改 {doc_id(d.n)}\n",
                [main],
                [edit(d)],
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
    parser.add_argument("--shape", choices=("procedures", "synthetic"), default="procedures")
    parser.add_argument(
        "--records",
        type=float,
        default=0.0,
        help="share of merge requests that also file a change record (procedures shape)",
    )
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    generate(args.out, args.docs, args.commits, args.seed, args.shape, args.records)


if __name__ == "__main__":
    main()
