"""Round 44 on held_before (the work tree) and the levels derive carries along a renumbered
file (main): round 41's fix for a secret renumbered and relabelled."""

from __future__ import annotations

from rt41_helpers import (
    SECRET_BODY,
    SECRET_TITLE,
    leaks,
    mkdocs,
    pack_leaks,
    procedure,
    secret_doc,
    site_with_secret,
)

from history_helpers import body

SECRET = "docs/procedures/secret.md"
MOVED = "docs/procedures/tidy.md"


def test_a_branch_moving_renumbering_and_relabelling_a_secret_shows_nothing_of_it(
    scenario, tmp_path
):
    # round 41's branch attack with one more step: `git mv` to a new path in the same commit.
    # held_before asks what main holds at the work tree file's path (tidy.md): nothing
    s = site_with_secret(scenario)
    s.git.branch("cr-tidy")
    s.git.run("mv", SECRET, MOVED)
    s.files.write(MOVED, secret_doc(doc_id="SM-P-97", level="internal", version="V1.1"))
    s.git.commit("整理编号", who="zhaolei")
    renamed = s.git.run("diff", "--name-status", "-M", "main", "HEAD")
    assert renamed.startswith("R"), renamed  # git pairs the rename: the lineage is known
    for strict in (True, False):
        out = tmp_path / f"site-{strict}"
        result = mkdocs(s.root, out, strict)
        if result.returncode == 0:
            found = leaks(out, [SECRET_TITLE, SECRET_BODY])
            assert found == [], (strict, sorted(found))


def test_a_default_pack_on_such_a_branch_names_nothing_of_it(scenario, tmp_path):
    s = site_with_secret(scenario)
    s.git.branch("cr-tidy")
    s.git.run("mv", SECRET, MOVED)
    s.files.write(MOVED, secret_doc(doc_id="SM-P-97", level="internal", version="V1.1"))
    s.git.commit("整理编号", who="zhaolei")
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_TITLE, SECRET_BODY])
    assert found == [], found


PUBLIC_NEW = procedure(doc_id="SM-P-20", title="新公开程序", body=body("公开的新程序。"))


def freed_path(scenario):
    """The approved secret SM-P-07 moves (unchanged) to tidy.md; a new public SM-P-20 is
    written at the path it left, in one merge the approvers approve."""
    s = site_with_secret(scenario)
    s.git.branch("cr-move")
    s.git.run("mv", SECRET, MOVED)
    s.files.write(SECRET, PUBLIC_NEW)
    s.git.commit("移动保密程序并新增公开程序", who="zhaolei")
    return s


def test_an_honest_new_document_at_a_freed_path_is_published_once_approved(scenario, tmp_path):
    s = freed_path(scenario)
    s.git.merge("cr-move", "移动保密程序并新增 SM-P-20", number=2, approvers=("liujing", "chenmy"))
    history = s.history()
    assert "SM-P-07" in history.documents and history.documents["SM-P-07"].path == MOVED
    # SM-P-07 still stands, under its own id, at its new path: SM-P-20 renumbered nothing,
    # yet derive hands it SM-P-07's levels (git reads secret.md as modified, tidy.md as new)
    assert "secret" not in history.documents["SM-P-20"].levels
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/procedures/secret/index.html").is_file()
    assert leaks(tmp_path / "site", [SECRET_TITLE, SECRET_BODY]) == []


def test_an_honest_new_document_at_a_freed_path_shows_in_its_review_build(scenario, tmp_path):
    # the merge request's own build (the branch's work tree): held_before sees SM-P-07 on main
    # at secret.md and hides SM-P-20, although the work tree still holds SM-P-07 (at tidy.md)
    s = freed_path(scenario)
    result = mkdocs(s.root, tmp_path / "site", False, preview=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/procedures/secret/index.html").is_file()
    assert leaks(tmp_path / "site", [SECRET_TITLE, SECRET_BODY]) == []


def test_a_two_step_renumber_then_relabel_on_main_stays_hidden(scenario, tmp_path):
    # held: a direct commit renumbers (still secret), a second relabels internal
    s = site_with_secret(scenario)
    s.files.write(SECRET, secret_doc(doc_id="SM-P-97", version="V1.1"))
    s.git.commit("整理编号", who="zhaolei")
    s.git.run("mv", SECRET, MOVED)
    s.files.write(MOVED, secret_doc(doc_id="SM-P-98", level="internal", version="V1.2"))
    s.git.commit("再整理", who="zhaolei")
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", [SECRET_TITLE, SECRET_BODY, "SM-P-98"]) == []
