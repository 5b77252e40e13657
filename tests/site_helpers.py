"""Reading built HTML in tests: table rows as text, elements by class; building a site with
the real `mkdocs build` and searching every file it wrote."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from builders import PROJECT, RepoBuilder
from history_helpers import Scenario


class _Tables(HTMLParser):
    def __init__(self, css: str) -> None:
        super().__init__()
        self.css = css
        self.depth = 0
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self.depth or self.css in classes):
            self.depth += 1
        elif self.depth == 1 and tag == "tr":
            self.row = []
        elif self.depth == 1 and tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "table" and self.depth:
            self.depth -= 1
        elif (
            self.depth == 1
            and tag in ("td", "th")
            and self.cell is not None
            and self.row is not None
        ):
            self.row.append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif self.depth == 1 and tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, css: str) -> list[list[str]]:
    """Rows (header included) of every table with class ``css``, cells as plain text."""
    parser = _Tables(css)
    parser.feed(html)
    return parser.rows


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


ENV_SECRET = "doccontrol-ci-token-5f1e2d3c4b5a"
PASSWD = "root:x:0:0"


def site_repo(scenario, as_of: str | None = None):
    """The scenario repository with the project's mkdocs.yml (building as of ``as_of`` when
    given) and vendored Mermaid."""
    shutil.copy(PROJECT / "mkdocs.yml", scenario.root / "mkdocs.yml")
    if as_of is not None:
        path = scenario.root / "mkdocs.yml"
        anchor = "strict: !ENV [DOCCONTROL_STRICT, false]"
        text = path.read_text(encoding="utf-8")
        assert anchor in text
        path.write_text(text.replace(anchor, f'{anchor}\n      as_of: "{as_of}"'), "utf-8")
    mermaid = PROJECT / ".cache/vendor/mermaid.min.js"
    (scenario.root / ".cache/vendor").mkdir(parents=True, exist_ok=True)
    shutil.copy(mermaid, scenario.root / ".cache/vendor/mermaid.min.js")
    scenario.git.commit("站点配置", date="2026-01-01T11:00:00+08:00")
    return scenario


def adopted_site(
    builder: RepoBuilder, mkdocs_yml: str | None = None, name: str = "mkdocs.yml"
) -> Scenario:
    """The builder's files with ``mkdocs_yml`` (default: the project's) as ``name`` and
    vendored Mermaid, imported before control began (2026-01-01): a repository the real plugin
    builds. Later commits are dated from 2026-01-10 on, under control."""
    builder.write(name, mkdocs_yml or (PROJECT / "mkdocs.yml").read_text("utf-8"))
    vendor = builder.root / ".cache/vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / ".cache/vendor/mermaid.min.js", vendor / "mermaid.min.js")
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T09:00:00+08:00")
    s.git.day = 9  # the next commit is dated 2026-01-10, after control began
    return s


def mkdocs(
    root: Path, out: Path, strict: bool = False, *extra: str, preview: bool = False
) -> subprocess.CompletedProcess[str]:
    """The real `mkdocs build` of ``root`` into ``out`` (``extra``: more arguments, such as
    ``-f FILE``), strict (DOCCONTROL_STRICT) when asked, a preview of the work tree's text
    (DOCCONTROL_PREVIEW) when asked. It never ends in a traceback."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DOCCONTROL_STRICT": "true" if strict else "false",
        "DOCCONTROL_PREVIEW": "true" if preview else "false",
        "CI_JOB_TOKEN": ENV_SECRET,  # what /proc/self/environ would give away
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out), *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    # MkDocs logs to either stream: the tests read both as one
    result.stderr = result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result


def built(root: Path, out: Path, *extra: str, preview: bool = False) -> Path:
    """A lenient build that succeeds: the folder of the site."""
    result = mkdocs(root, out, False, *extra, preview=preview)
    assert result.returncode == 0, result.stderr
    return out


def sources(root: Path) -> dict[str, str]:
    """Hash of every file of the work tree outside .git and .cache (symlinks as their target)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] in (".git", ".cache"):
            continue
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def leaks(site: Path, markers: list[str]) -> list[tuple[str, str]]:
    """(file, marker) for every marker found in any file of the built site, in any of the
    forms a page, the search index (JSON) or the sitemap could hold it."""
    forms = []
    for marker in markers:
        forms += {
            marker,
            json.dumps(marker)[1:-1],  # \\uXXXX in JSON
            marker.replace("&", "&amp;").replace("<", "&lt;"),
        }
    found = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for form in forms:
            if form.encode("utf-8") in data:
                found.append((path.relative_to(site).as_posix(), form))
    return found


def all_site_text(site: Path) -> str:
    return "\n".join(
        p.read_text("utf-8", "replace") for p in site.rglob("*") if p.suffix in (".html", ".json")
    )
