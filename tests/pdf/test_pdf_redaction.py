"""A PDF copy never names a document above its level: a merge titled after a public and a
secret document shows the secret one's id as the site and the audit pack do
(publishing.redact_ids) in the public one's 变更履历. Tested on the facts the PDF is made from
(pdf/facts.py), and once in a real PDF parsed back with pypdf."""

from __future__ import annotations

import datetime

import pytest
from pypdf import PdfReader

from builders import RepoBuilder, procedure
from doccontrol import catalogue, standing
from doccontrol.history.gitread import GitReader
from doccontrol.history.load import load_history
from doccontrol.load import repository
from doccontrol.pdf import facts
from history_helpers import Scenario, body, cli
from site_helpers import site_repo

SECRET = ("SM-P-07", "绝密并购应急程序")
TITLE = "修订 SM-P-01 并同步 sm-p-07 的联络表"
ZH = catalogue.load("zh")


def _secret(text: str) -> str:
    return text.replace("confidentiality: internal", "confidentiality: secret")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    builder = RepoBuilder(tmp_path_factory.mktemp("pdf-redaction") / "repo")
    builder.doc(body=body("目的。"))
    builder.write(
        "docs/procedures/secret.md",
        _secret(procedure(doc_id=SECRET[0], title=SECRET[1], body=body("并购对象。"))),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", date="2026-01-01T09:00:00+08:00")
    site_repo(s)  # mkdocs.yml and the vendored Mermaid, which the PDF renderer uses
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


def _facts(s: Scenario, limit: str) -> facts.CopyFacts:
    repo = repository.load(s.root)
    assert repo.config is not None
    history = load_history(s.root, repo.config)
    with GitReader(s.root) as reader, standing.GitMeta(s.root) as meta_of:
        return facts.gather(
            repo=repo,
            history=history,
            reader=reader,
            doc_id="SM-P-01",
            day=datetime.date(2026, 3, 1),
            limit=limit,
            t=ZH,
            meta_of=meta_of,
        )


def test_the_change_history_of_a_pdf_names_no_document_above_its_level(scenario):
    found = _facts(scenario, "internal")
    changes = [row[3] for row in found.history]
    placeholder = ZH.text("site.not_published")
    assert f"修订 SM-P-01 并同步 {placeholder} 的联络表" in changes, changes
    assert not any("sm-p-07" in change.lower() for change in changes)
    # at a level that publishes the secret document, its id is no secret: the title as typed
    assert TITLE in [row[3] for row in _facts(scenario, "secret").history]


def test_a_real_pdf_copy_does_not_name_the_secret_document(scenario, tmp_path):
    out = tmp_path / "copy.pdf"
    made = cli(scenario.root, "pdf", "SM-P-01", "--as-of", "2026-03-01", "-o", str(out))
    assert made.returncode == 0, made.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "联络表" in text  # the change note is there, its secret id is not
    assert "sm-p-07" not in text.lower() and SECRET[1] not in text
