"""Round 114's shared histories: trees control began with, built by pre-control commits."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from rt41_helpers import approve, body, png, procedure, secret_doc
from rt113_helpers import FIG, MARKS, PUBLIC, SECRET, SHOWS_FIG, TWIN

from builders import PROJECT, RepoBuilder
from history_helpers import Scenario

COPY = "docs/procedures/copy.png"
# a second file claiming SM-P-07 at a public level, with a title of its own (so a title found
# on the site is the secret's)
TWIN_TEXT = secret_doc(title="孪生公开标题", text="公开的孪生文本。", level="internal")
SECRET_TEXT = secret_doc(text=SHOWS_FIG)
PIXELS = png(b"SECRETPIXELSMARK")
ID_MARKS = [*MARKS, "SM-P-07", "SECRETTITLE"]

__all__ = [
    "COPY",
    "FIG",
    "ID_MARKS",
    "MARKS",
    "PIXELS",
    "PUBLIC",
    "SECRET",
    "SECRET_TEXT",
    "SHOWS_FIG",
    "TWIN",
    "TWIN_TEXT",
    "Precontrol",
    "page_shows",
    "shallow_clone",
    "since_commit_site",
]


class Precontrol:
    """Commits on the scenario's main before control began (2026-01-02), after its import
    (2026-01-01 10:00) and before ``site_repo``'s commit (11:00), a few minutes apart."""

    def __init__(self, scenario) -> None:
        self.s = scenario
        self.minute = 20

    def commit(self, files: dict[str, str | bytes | None], message: str = "导入") -> str:
        for rel, content in files.items():
            if content is None:
                self.s.git.run("rm", "-q", rel)
            else:
                self.s.files.write(rel, content)
        return self.s.git.commit(message, date=self.date())

    def move(self, old: str, new: str) -> str:
        (self.s.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.s.git.run("mv", old, new)
        return self.s.git.commit("改名", date=self.date())

    def date(self) -> str:
        self.minute += 3
        assert self.minute < 60
        return f"2026-01-01T10:{self.minute:02d}:00+08:00"


def page_shows(s, picture: str, number: int, version: str = "V1.1") -> str:
    """An approval of the public SM-P-01 showing ``picture`` (a name beside it)."""
    text = procedure(version=version, body=body(f"见下图。\n\n![图]({picture})"))
    return approve(s, f"cr-show-{number}", {PUBLIC: text}, "公开流程图", number)


def since_commit_site(tmp_path: Path, files: dict[str, str | bytes]):
    """A site repository whose import (SM-P-01 and ``files``) is the baseline by
    `control_since: <its commit id>`, set by an approval (the adoption)."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    for rel, content in files.items():
        builder.write(rel, content)
    builder.write("mkdocs.yml", (PROJECT / "mkdocs.yml").read_text("utf-8"))
    vendor = builder.root / ".cache/vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / ".cache/vendor/mermaid.min.js", vendor / "mermaid.min.js")
    s = Scenario(builder)
    base = s.git.commit("导入", who="wangfang")
    s.git.branch("since")
    s.set_config("control_since: null", f"control_since: {base}")
    s.git.commit("声明受控起点", who="liujing")
    s.git.merge("since", "声明受控起点", who="chenmy", approvers=("chenmy",), number=9)
    return s


def shallow_clone(s, dest: Path, depth: int):
    """``git clone --depth DEPTH`` of the scenario (as a CI checkout), with vendored Mermaid."""
    subprocess.run(
        ["git", "clone", "-q", "--depth", str(depth), f"file://{s.root}", str(dest)],
        check=True,
        capture_output=True,
    )
    shutil.copytree(s.root / ".cache/vendor", dest / ".cache/vendor", dirs_exist_ok=True)

    class Clone:
        root = dest

    return Clone()
