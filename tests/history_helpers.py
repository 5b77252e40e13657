from __future__ import annotations

import os
import subprocess
import sys

from builders import RepoBuilder
from gitrepo import GitRepo

# the columns of a change history (变更履历) as the CLI and the site show them in Chinese
CHANGE_HISTORY_HEADERS = [
    "序号",
    "版本",
    "更改处",
    "更改内容",
    "更改人",
    "日期",
    "审核人",
    "日期",
    "批准人",
    "日期",
    "批准证据",
]


class Scenario:
    """A compliance repository under Git, with helpers to change its config and documents."""

    def __init__(self, builder: RepoBuilder) -> None:
        self.files = builder
        self.git = GitRepo(builder.root)
        self.root = builder.root

    def set_config(self, old: str, new: str) -> None:
        path = self.root / "doccontrol.yml"
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new, 1))

    def history(self):
        from doccontrol.history.derive import derive
        from doccontrol.load import repository

        repo = repository.load(self.root, only=set())
        assert repo.config is not None
        return derive(self.root, repo.config)

    def summary(self, doc_id: str = "SM-P-01") -> list[tuple[str, str, bool, list[str]]]:
        doc = self.history().documents[doc_id]
        return [
            (r.kind, r.version, r.approved, [p.code for p in r.problems]) for r in doc.revisions
        ]


def make_scenario(tmp_path, *config_edits: str) -> Scenario:
    """The baseline scenario; ``config_edits`` are (old, new) pairs applied to doccontrol.yml
    before the initial import, so they are the rules from the start."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    for old, new in zip(config_edits[::2], config_edits[1::2], strict=True):
        s.set_config(old, new)
    s.git.commit("初始导入", who="wangfang")  # 2026-01-01: the pre-control baseline
    return s


def body(purpose: str = "目的的内容。") -> str:
    from builders import SECTIONS

    return "\n".join(
        f"## {n} {s}\n\n{purpose if s == '目的' else s + '的内容。'}\n"
        for n, s in enumerate(SECTIONS, 1)
    )


def cli(root, *args, env=None):
    """The doccontrol command as users run it: a whole process in ``root`` (``env``: variables
    to set, e.g. LC_ALL for the language)."""
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
