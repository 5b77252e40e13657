"""Red team, round 3: history/stored.py (StoredVersions) reads each shown or approved version once
and reuses the work tree's parse for the same bytes. Real repositories, the real CLI and the real
MkDocs plugin; a test that fails marks a hole still open, the others guard what held."""

from __future__ import annotations

import pytest
from rt3_helpers import Serve, approve_title, merge_key_version, site_scenario

from builders import procedure
from doccontrol.history.stored import StoredVersions
from doccontrol.load import repository
from history_helpers import cli, make_scenario

AS_OF_PUSH = "2026-01-02"  # the day of the author's direct push in these scenarios


def _pushed_then_repaired(tmp_path, text: str):
    """A direct push to main (2026-01-02) of SM-P-02 as ``text``, repaired by the next commit
    (2026-01-03): the work tree is clean, the pushed version stays in history for good."""
    s = make_scenario(tmp_path)
    s.files.write("docs/procedures/pushed.md", text)
    s.git.commit("直接提交", who="wangfang")
    s.files.write(
        "docs/procedures/pushed.md",
        procedure(doc_id="SM-P-02", title="修好", version="V0.1", status="draft"),
    )
    s.git.commit("改回", who="wangfang")
    assert cli(s.root, "check").returncode == 0  # nothing in the work tree is wrong
    return s


EVIDENCE_COMMANDS = {
    "register": ("register", "--as-of", AS_OF_PUSH),
    "show": ("show", "SM-P-02", "--as-of", AS_OF_PUSH),
    "audit-pack": ("audit-pack", "--from", "2026-01-01", "--to", AS_OF_PUSH, "-o", "pack.zip"),
}


@pytest.mark.parametrize("command", sorted(EVIDENCE_COMMANDS))
def test_a_merge_key_in_a_pushed_version_leaves_the_evidence_of_its_period_readable(
    tmp_path, command
):
    """An author pushes a draft whose front matter says `<<: {title: …}` straight to main and
    repairs it the next day. The strict reader crashed on merge keys (KeyError), which broke
    `register --as-of`, `show --as-of` and that period's audit pack for good; it now refuses
    them (DC018) and the stored version is read tolerantly."""
    s = _pushed_then_repaired(tmp_path, merge_key_version("SM-P-02", "合并键"))
    result = cli(s.root, *EVIDENCE_COMMANDS[command])
    assert "KeyError" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr


def test_a_lone_surrogate_title_in_a_pushed_version_leaves_the_register_of_its_day_readable(
    tmp_path,
):
    """An author pushes a draft titled `"\\ud800…"` (a YAML escape for half a UTF-16 pair) and
    repairs it. The strict reader took it as text, so the register of that day held a string no
    output can encode (UnicodeEncodeError); it now reports DC019 and replaces the character."""
    text = procedure(doc_id="SM-P-02", title="代理", version="V0.1", status="draft")
    s = _pushed_then_repaired(tmp_path, text.replace("title: 代理\n", 'title: "\\ud800代理"\n'))
    result = cli(s.root, "register", "--as-of", AS_OF_PUSH)
    assert "UnicodeEncodeError" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr


def test_a_work_tree_forgery_is_never_taken_for_the_approved_version(tmp_path):
    """The author leaves, uncommitted, the approved file's bytes with a forged title and version
    in every form that might hash alike or parse alike (CRLF, a BOM, the same size): the
    register shows the approved title, and the work tree's document is never reused for it."""
    s = make_scenario(tmp_path)
    approved = procedure()
    forged = approved.replace("title: 测试程序", "title: 伪造程序")  # the same length in bytes
    assert len(forged.encode()) == len(approved.encode())
    for text in (forged, forged.replace("\n", "\r\n"), "\ufeff" + forged):
        s.files.write("docs/procedures/test.md", text.encode("utf-8"))
        repo = repository.load(s.root)
        history = s.history()
        revision = history.documents["SM-P-01"].baseline
        assert revision is not None
        with StoredVersions(s.root) as stored:
            stored.know(repo.documents, repo.digests)
            assert stored.meta(revision)["title"] == "测试程序"
            assert stored.document(revision) is not repo.document("SM-P-01")
        result = cli(s.root, "register")
        assert "测试程序" in result.stdout and "伪造程序" not in result.stdout, result.stdout


def test_the_same_bytes_at_another_path_are_not_reused(tmp_path):
    """The approved bytes copied to a second path (a renamed or twin file) are not the stored
    version of the first path: the reuse is keyed by path and blob, not blob alone."""
    s = make_scenario(tmp_path)
    revision = s.history().documents["SM-P-01"].baseline
    assert revision is not None
    (s.root / "docs/procedures/test.md").rename(s.root / "docs/procedures/moved.md")
    repo = repository.load(s.root)
    with StoredVersions(s.root) as stored:
        stored.know(repo.documents, repo.digests)
        document = stored.document(revision)
        assert document is not None and document.path == "docs/procedures/test.md"


def test_a_serve_rebuild_follows_new_commits_and_a_rewritten_main(tmp_path):
    """`mkdocs serve` keeps one StoredVersions across rebuilds. A new approved title appears on
    the next rebuild, and after main is reset (a force push) the rebuild shows the old approved
    title again: nothing stale is served from the memo."""
    s = site_scenario(tmp_path)
    before = s.git.head()
    serve = Serve(s.root, tmp_path / "site")
    try:
        assert "测试程序" in serve.register()
        approve_title(s, "新版程序", "V1.1", "retitle")
        serve.rebuild()
        assert "新版程序" in serve.register()
        s.git.run("reset", "-q", "--hard", before)
        serve.rebuild()
        page = serve.register()
        assert "测试程序" in page and "新版程序" not in page
    finally:
        serve.close()
