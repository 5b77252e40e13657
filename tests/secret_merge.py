"""One merge approving a public and a secret document, titled after both (the secret one's
id in lower case): what the site, the audit pack and a PDF copy must not repeat."""

from __future__ import annotations

from pathlib import Path

from builders import RepoBuilder, procedure
from history_helpers import Scenario, body
from site_helpers import site_repo

SECRET = ("SM-P-07", "绝密并购应急程序")
TITLE = "修订 SM-P-01 并同步 sm-p-07 的联络表"


def _secret(text: str) -> str:
    return text.replace("confidentiality: internal", "confidentiality: secret")


def titled_merge(root: Path) -> Scenario:
    """A repository under control since 2026-01-02 (with mkdocs.yml and the vendored Mermaid)
    whose merge mr-1 (2026-01-21) revises SM-P-01 and the secret SM-P-07 under TITLE."""
    builder = RepoBuilder(root)
    builder.doc(body=body("目的。"))
    builder.write(
        "docs/procedures/secret.md",
        _secret(procedure(doc_id=SECRET[0], title=SECRET[1], body=body("并购对象。"))),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", date="2026-01-01T09:00:00+08:00")
    site_repo(s)
    s.git.branch("mr-1")
    s.files.doc(version="V1.1", body=body("新的目的。"), effective_date="2026-02-01")
    s.files.write(
        "docs/procedures/secret.md",
        _secret(
            procedure(
                doc_id=SECRET[0],
                title=SECRET[1],
                version="V1.1",
                body=body("新的并购对象。"),
                effective_date="2026-02-01",
            )
        ),
    )
    s.git.commit(TITLE, who="zhouqiang", date="2026-01-20T10:00:00+08:00")
    s.git.merge("mr-1", TITLE, date="2026-01-21T10:00:00+08:00")
    return s
