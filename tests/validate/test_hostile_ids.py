"""Ids that print like another's, and record files that share one id (red-team round 2, holes
9-11): the real loader and checker on real files, asserting code, path and line."""

from __future__ import annotations

import re

from builders import procedure
from doccontrol import catalogue
from doccontrol.load import frontmatter_fast, repository
from doccontrol.validate.check import check

REC = "records/incident/INC-2026-0001.yaml"
TWIN = "records/incident/INC-2026-0001.yml"


def _loosen_procedure_ids(repo) -> None:  # type: ignore[no-untyped-def]
    """A configuration whose procedure numbering accepts any text after SM-P-, so that what
    is judged is the id itself, not the pattern."""
    config = repo.root / "doccontrol.yml"
    text = config.read_text(encoding="utf-8").replace(r"'^SM-P-\d{2}$'", "'^SM-P-.+$'")
    config.write_text(text, encoding="utf-8")


def test_a_trailing_newline_fails_the_type_pattern(repo, check_codes):
    path = "docs/procedures/impostor.md"
    repo.write(path, procedure(doc_id="SM-P-99").replace("id: SM-P-99\n", 'id: "SM-P-02\\n"\n'))
    assert (path, 2, "DC202") in check_codes(repo.root)


def test_control_and_zero_width_characters_are_refused_whatever_the_pattern(repo, check_codes):
    _loosen_procedure_ids(repo)
    path = "docs/procedures/impostor.md"
    repo.write(path, procedure(doc_id="SM-P-99").replace("SM-P-99", "SM-P-01\u200b"))
    loaded = repository.load(repo.root)
    problems = [p for p in check(loaded) if p.path == path]
    refused = [p for p in problems if p.key == "problem.DC202.character"]
    assert [p.line for p in refused] == [2], problems
    text = refused[0].text(catalogue.load("en"))
    # the message shows the hidden character instead of printing it
    assert "\\u200b" in text and "\u200b" not in text, text


def test_document_ids_that_print_alike_are_duplicates(repo, check_codes):
    _loosen_procedure_ids(repo)
    path = "docs/procedures/impostor.md"
    repo.write(path, procedure(doc_id="SM-P-99").replace("SM-P-99", "SM-P-０１"))
    codes = check_codes(repo.root)
    assert (path, 2, "DC201") in codes and ("docs/procedures/test.md", 2, "DC201") in codes


def test_full_width_digits_are_no_digits_in_an_id_pattern(repo, check_codes):
    path = "records/incident/INC-２０２６-０００２.yaml"
    repo.write(path, "id: INC-２０２６-０００２\ntitle: x\npriority: P2\nreported: 2026-03-09\n")
    assert (path, 1, "DC303") in check_codes(repo.root)
    config = repository.load(repo.root).config
    assert config is not None
    assert config.document_types["procedure"].id_pattern.flags & re.ASCII


def test_record_files_with_one_id_are_reported_and_neither_is_loaded(repo, check_codes):
    repo.record("INC-2026-0001")
    repo.record("INC-2026-0002")
    repo.write(TWIN, "id: INC-2026-0001\ntitle: 另一份\npriority: P4\nreported: 2026-03-09\n")
    assert check_codes(repo.root) == [(REC, 1, "DC301"), (TWIN, 1, "DC301")]
    loaded = repository.load(repo.root)
    # neither is published, listed or found by its id: nothing reads a record not loaded
    assert [r.id for r in loaded.records] == ["INC-2026-0002"]
    # checking one of the files alone still says so
    assert check_codes(repo.root, only={REC}) == [(REC, 1, "DC301")]


def test_record_file_names_that_print_alike_are_one_id(repo, check_codes):
    repo.record("INC-2026-0001")
    other = "records/incident/inc-2026-0001.yaml"
    repo.write(other, "id: inc-2026-0001\ntitle: x\npriority: P2\nreported: 2026-03-09\n")
    codes = check_codes(repo.root)
    assert (REC, 1, "DC301") in codes and (other, 1, "DC301") in codes


def test_removing_the_twin_clears_the_problem_on_a_reused_load(repo):
    """``mkdocs serve`` reloads with the previous load's unchanged files: the original file did
    not change, but its twin problem must go with the twin."""
    repo.record("INC-2026-0001")
    twin = repo.write(TWIN, "id: INC-2026-0001\ntitle: x\npriority: P4\nreported: 2026-03-09\n")
    first = repository.load(repo.root)
    assert {p.path for p in first.problems if p.code == "DC301"} == {REC, TWIN}
    twin.unlink()
    second = repository.load(repo.root, previous=first)
    assert [p for p in second.problems if p.code == "DC301"] == []
    assert [r.path for r in second.records] == [REC]


def test_the_fast_reader_declines_what_the_screened_parser_refuses():
    """History reads the needed keys the fast way; a key it skips must not hide a value the
    screened parser refuses, or history would call a revision readable that check does not."""
    plain = "id: SM-P-01\ntitle: 目的\nversion: V1.1\n"
    assert frontmatter_fast.read(plain) == {"id": "SM-P-01", "title": "目的", "version": "V1.1"}
    deep = plain + "x: " + "[" * 5000 + "]" * 5000 + "\n"
    assert frontmatter_fast.read(deep) is None
    assert frontmatter_fast.read(plain + "x: !!python/object:os.system ls\n") is None
    block = plain + "x:\n" + "".join(" " * (2 * n) + f"k{n}:\n" for n in range(1, 80)) + "\n"
    assert frontmatter_fast.read(block) is None
    # a few brackets and shallow indentation are read the fast way as before
    assert frontmatter_fast.read(plain + "x: [[a], {b: c}]\ny:\n  - - z\n") is not None
