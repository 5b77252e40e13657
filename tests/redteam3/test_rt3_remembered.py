"""Red team, round 3: validate.check.Remembered keeps per-document findings (schema, active
content) across `mkdocs serve` rebuilds. Driven as the plugin drives it: repository.load with
the previous load, then check with the one Remembered; real files, real schema."""

from __future__ import annotations

import json
import os

from builders import procedure
from doccontrol.load import repository
from doccontrol.validate.check import Remembered, check

SCRIPT = '<script>alert("x")</script>\n'


def _rebuilds(root):
    """Each call is one rebuild: load again from the previous load, check with one memory."""
    remembered = Remembered()
    state = {"previous": None}

    def rebuild():
        repo = repository.load(root, previous=state["previous"])
        state["previous"] = repo
        return repo, {(p.path, p.code) for p in check(repo, remembered=remembered)}

    return rebuild


def test_an_edit_adding_active_content_is_reported_on_the_next_rebuild(repo):
    """The author adds a script to a document between two rebuilds: the loader reads the
    changed file again (a new object), so the remembered findings of the old one do not hide
    DC220."""
    rebuild = _rebuilds(repo.root)
    _, first = rebuild()
    assert ("docs/procedures/test.md", "DC220") not in first
    repo.write("docs/procedures/test.md", procedure() + SCRIPT)
    _, second = rebuild()
    assert ("docs/procedures/test.md", "DC220") in second


def test_a_tightened_document_schema_judges_unchanged_documents_again(repo):
    """The schema changes between rebuilds while the document does not: the memory is keyed by
    the schema's content, so the unchanged document is validated against the new schema."""
    rebuild = _rebuilds(repo.root)
    _, first = rebuild()
    assert not {code for path, code in first if path == "docs/procedures/test.md"}
    schema_path = repo.root / "schemas/document.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema.setdefault("required", []).append("rt3_required_key")
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    _, second = rebuild()
    assert any(path == "docs/procedures/test.md" for path, _ in second), second


def test_an_edit_that_keeps_mtime_and_size_is_not_half_seen(repo):
    """The author swaps text for a script of the same byte length and puts the old mtime back:
    the loader's (mtime, size) stamp reuses the old document, so DC220 is not reported on the
    rebuild, but neither is the script in the document the rebuild renders (pages are built
    from the loaded document, never from MkDocs' own read): what is checked is what is shown."""
    path = repo.root / "docs/procedures/test.md"
    rebuild = _rebuilds(repo.root)
    rebuild()
    before = os.stat(path)
    text = procedure()
    filler = "x" * len(SCRIPT.encode())
    path.write_text(text + filler, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    rebuild()  # the padded text, a new stamp
    padded = os.stat(path)
    path.write_text(text + SCRIPT, encoding="utf-8")
    os.utime(path, ns=(padded.st_atime_ns, padded.st_mtime_ns))
    assert (os.stat(path).st_mtime_ns, os.stat(path).st_size) == (
        padded.st_mtime_ns,
        padded.st_size,
    )
    loaded, found = rebuild()
    document = loaded.document("SM-P-01")
    assert document is not None
    reported = ("docs/procedures/test.md", "DC220") in found
    assert reported or "<script>" not in document.body
