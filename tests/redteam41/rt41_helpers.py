"""Round 41 (leaks): a real repository with an approved secret document beside a public one,
built by the real `mkdocs build` / CLI, and a search of every output for secret markers."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from builders import png, procedure
from history_helpers import body
from site_helpers import leaks, mkdocs, site_repo

SECRET_ID = "SM-P-07"
SECRET_TITLE = "并购尽调程序SECRETTITLE"
SECRET_BODY = "SECRETBODYMARK"


def secret_doc(
    doc_id: str = SECRET_ID,
    title: str = SECRET_TITLE,
    text: str = SECRET_BODY,
    level: str = "secret",
    **kwargs: str,
) -> str:
    return procedure(doc_id=doc_id, title=title, body=body(text), **kwargs).replace(
        "confidentiality: internal", f"confidentiality: {level}"
    )


def approve(s, branch: str, files: dict[str, str | bytes], title: str, number: int) -> str:
    """Write ``files`` on a branch and merge it into main with approvals (the approval)."""
    s.git.branch(branch)
    for rel, content in files.items():
        s.files.write(rel, content)
    s.git.commit(f"{title}（草稿）", who="zhaolei")
    return s.git.merge(branch, title, number=number, approvers=("liujing", "chenmy"))


def site_with_secret(scenario, extra: dict[str, str | bytes] | None = None):
    """The scenario with mkdocs.yml, and one approved merge adding a secret SM-P-07 (and
    ``extra`` files) beside the public SM-P-01."""
    s = site_repo(scenario)
    files: dict[str, str | bytes] = {"docs/procedures/secret.md": secret_doc()}
    files.update(extra or {})
    approve(s, "cr-secret", files, "新增受控文件", 1)
    return s


def built_site(s, out: Path, strict: bool = False) -> Path:
    result = mkdocs(s.root, out, strict)
    assert result.returncode == 0, result.stderr
    return out


def pack_leaks(root: Path, out: Path, markers: list[str], *extra: str) -> list[tuple[str, str]]:
    found = []
    with made_pack(root, out, *extra) as z:
        for name in z.namelist():
            data = z.read(name)
            for m in markers:
                for form in {m, json.dumps(m)[1:-1]}:
                    if form.encode() in data or form.encode() in name.encode():
                        found.append((name, form))
    return found


def made_pack(root: Path, out: Path, *extra: str) -> zipfile.ZipFile:
    """The audit pack of 2026 (``extra``: more options), opened."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "doccontrol",
            "audit-pack",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "-o",
            str(out),
            *extra,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return zipfile.ZipFile(out)


__all__ = [
    "SECRET_BODY",
    "SECRET_ID",
    "SECRET_TITLE",
    "approve",
    "body",
    "built_site",
    "leaks",
    "made_pack",
    "mkdocs",
    "pack_leaks",
    "png",
    "procedure",
    "secret_doc",
    "site_with_secret",
]
