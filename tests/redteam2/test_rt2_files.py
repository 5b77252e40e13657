"""Red team, round 2: hostile files (ids that print like another's, nesting deep enough to crash
the parser that reads historic front matter). Real repositories, the real CLI; each test fails
while its hole is open."""

from __future__ import annotations

import subprocess
import sys

from builders import procedure
from history_helpers import body, cli


def test_document_id_with_a_trailing_newline_duplicates_another_document(repo, check_codes):
    """`id: "SM-P-01\\n"` passes the id patterns (Python's `$` matches before a final newline)
    and is not the id "SM-P-01", so no duplicate is found. The register then lists two
    SM-P-01 rows that print the same, and an approval of the impostor reads, in the trail, as
    an approval of SM-P-01."""
    text = procedure(doc_id="SM-P-99").replace("id: SM-P-99\n", 'id: "SM-P-01\\n"\n')
    repo.write("docs/procedures/impostor.md", text)
    codes = check_codes(repo.root)
    assert any(path == "docs/procedures/impostor.md" for path, _, _ in codes), codes


def test_record_ids_that_collide_after_unicode_normalisation_are_both_accepted(repo, check_codes):
    """The record type's id_pattern `^INC-\\d{4}-\\d{4}$` is matched with Unicode digits, so
    INC-２０２６-０００１ (full-width digits) sits beside INC-2026-0001; after NFKC they are the
    same id, and a reader of the record index sees two records with one number."""
    repo.record("INC-2026-0001")
    repo.write(
        "records/incident/INC-２０２６-０００１.yaml",
        "id: INC-２０２６-０００１\ntitle: 伪造的同号记录\npriority: P2\nreported: 2026-03-09\n",
    )
    codes = check_codes(repo.root)
    assert any("０" in path for path, _, _ in codes), codes


def test_approved_revision_nested_200000_deep_crashes_every_register_for_good(scenario):
    """One approved merge brings a front matter with a key nested 200000 levels deep (400 KB,
    under the 1 MiB limit; `check` says DC016, but a merge on the forge does not have to wait
    for it). standing.py reads approved front matter from Git with a plain ruamel load, which
    segfaults: register, review-due, the audit pack and the site die with no message, and since
    the revision stays in history, they die on every later run."""
    s = scenario
    s.git.branch("cr-1")
    deep = "x: " + "[" * 200_000 + "]" * 200_000 + "\n"
    s.files.doc(version="V1.1", extra=deep, body=body("修订后的目的。"))
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    s.files.doc(version="V1.2", body=body("再次修订的目的。"))
    s.git.commit("去掉嵌套", who="zhaolei")
    result = cli(s.root, "register", "--as-of", "2026-06-01")
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {result.stderr}"
    assert "Traceback" not in result.stderr and result.returncode in (0, 1, 2), result.stderr


def test_the_deep_revision_also_stops_the_site_build(scenario, tmp_path):
    """The same approved revision kills `mkdocs build` (a segfault, not a failed check), so no
    site can be published until history is rewritten."""
    from site_helpers import site_repo

    s = scenario
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", extra="x: " + "[" * 200_000 + "]" * 200_000 + "\n")
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    s.files.doc(version="V1.2", body=body("再次修订的目的。"))
    s.git.commit("去掉嵌套", who="zhaolei")
    site_repo(s)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode >= 0, f"killed by signal {-result.returncode}"


def test_two_records_with_one_id_as_yaml_and_yml_are_not_reported(repo, check_codes):
    """records/incident/INC-2026-0001.yaml and INC-2026-0001.yml both pass `check` (the record
    files are indexed by stem, so the second silently replaces the first) though they carry one
    id with different content: whoever adds the sibling decides which version of the record
    the site, the pack and every id lookup show, without touching the original file."""
    repo.record("INC-2026-0001")
    repo.write(
        "records/incident/INC-2026-0001.yml",
        "id: INC-2026-0001\ntitle: 同号的另一份记录\npriority: P4\nreported: 2026-03-09\n",
    )
    codes = check_codes(repo.root)
    assert codes, "no problem reported for two records with one id"
