"""A PDF copy never names a document above its level: a merge titled after a public and a
secret document shows the secret one's id as the site and the audit pack do
(publishing.redact_names) in the public one's 变更履历. Tested on the facts the PDF is made from
(pdf/facts.py), and once in a real PDF parsed back with pypdf."""

from __future__ import annotations

import datetime

import pytest
from pypdf import PdfReader

from doccontrol import catalogue
from doccontrol.history.gitread import GitReader
from doccontrol.history.load import load_history
from doccontrol.history.stored import StoredVersions
from doccontrol.load import repository
from doccontrol.pdf import facts
from history_helpers import Scenario, cli
from secret_merge import SECRET, TITLE, titled_merge

ZH = catalogue.load("zh")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return titled_merge(tmp_path_factory.mktemp("pdf-redaction") / "repo")


def _facts(s: Scenario, limit: str) -> facts.CopyFacts:
    repo = repository.load(s.root)
    assert repo.config is not None
    history = load_history(s.root, repo.config)
    with GitReader(s.root) as reader, StoredVersions(s.root) as meta_of:
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
