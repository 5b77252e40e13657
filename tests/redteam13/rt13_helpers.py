"""What the round 13 tests share: a free-form controlled file (a stylesheet in a folder
`approval.controlled_paths` names), approved changes, hand-made merges with trailers."""

from __future__ import annotations

from disposition_helpers import approved, git, scenario, strict  # noqa: F401
from rules_attacks import approve, blob, history, keys, last_event  # noqa: F401

CSS = "overrides/extra.css"  # approval.controlled_paths: [overrides/]
CONTROLLED = (
    "  trusted_forge_keys: []\n",
    "  trusted_forge_keys: []\n  controlled_paths: [overrides/]\n",
)
TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)
LINES = [f".c{n} {{ color: #{n:06d}; }}" for n in range(14)]


def css(lines) -> str:
    return "".join(line + "\n" for line in lines)


def with_line(lines, n, text):
    out = list(lines)
    out[n] = text
    return out


def css_scenario(tmp_path, text=None):
    """The baseline scenario with a stylesheet in the pre-control import."""
    s = scenario(tmp_path, *CONTROLLED)
    s.files.write(CSS, text if text is not None else css(LINES))
    s.git.run("add", "-A")  # part of the pre-control import
    s.git.run("commit", "-q", "--amend", "--no-edit", date="2026-01-01T10:00:00+08:00")
    return s


def write(s, path, text):
    def edit():
        s.files.write(path, text)

    return edit


def branch_commit(s, name, start, path, text, who="zhaolei"):
    s.git.branch(name, start)
    s.files.write(path, text)
    s.git.commit(f"{name}: 修改", who=who)
    s.git.checkout("main")


def hand_merge(s, branch, path, data: bytes, who="chenmy"):
    """``who`` merges ``branch`` by hand, writes ``data`` to ``path`` and commits with trailers."""
    s.git.run("merge", "--no-ff", "--no-commit", branch, who=who, check=False)
    (s.root / path).write_bytes(data)
    s.git.run("add", "-A")
    s.git.run(
        "commit", "-q", "-m", f"Merge branch '{branch}'\n\n{branch}\n\n" + TRAILERS,
        who=who, date=s.git.next_date(),
    )  # fmt: skip
    return s.git.head()


def merge_keys(s):
    return keys(last_event(s))


SCHEMA_PATH = "schemas/records/incident.schema.json"
