"""DC523: an approval whose tree lists a path twice (git fsck's duplicateEntries) does not
count. History sees it in the merge's diff (``_Deriver.listed_twice``): a path added twice, or
added where main holds it already. Ordinary changes that touch a path main holds (a move with
a new document at the old path, two files swapped) are never DC523. (Crafted trees are attacked
in tests/redteam27 and tests/redteam28.)"""

from __future__ import annotations

import shutil

from builders import procedure
from history_helpers import body, make_scenario

A = "docs/procedures/test.md"
B = "docs/procedures/b.md"


def _codes(history, merge):
    (event,) = [e for e in history.events if e.commit == merge]
    return {p.code for p in event.problems} | {
        p.code
        for d in history.documents.values()
        for r in d.revisions
        if r.commit == merge
        for p in r.problems
    }


def test_a_move_and_a_new_document_at_the_old_path_is_no_duplicate(tmp_path):
    # git's diff: test.md modified (it holds another document now), b.md added
    s = make_scenario(tmp_path)
    s.git.branch("cr")
    shutil.move(s.root / A, s.root / B)
    s.files.write(A, procedure(doc_id="SM-P-02", title="新程序", body=body("另一个程序")))
    s.git.commit("移动并新增", who="zhaolei")
    merge = s.git.merge("cr", "移动并新增")
    history = s.history()
    assert "DC523" not in _codes(history, merge)
    assert history.documents["SM-P-01"].path == B
    assert history.documents["SM-P-02"].revisions[-1].approved


def test_two_files_swapped_are_no_duplicate(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write(B, procedure(doc_id="SM-P-02", title="第二程序", body=body("第二个")))
    s.git.branch("cr-b")
    s.git.commit("新增 SM-P-02", who="zhaolei")
    s.git.merge("cr-b", "新增")
    s.git.branch("cr")
    first, second = (s.root / A).read_bytes(), (s.root / B).read_bytes()
    (s.root / A).write_bytes(second)
    (s.root / B).write_bytes(first)
    s.git.commit("互换文件", who="zhaolei")
    merge = s.git.merge("cr", "互换")
    history = s.history()
    assert "DC523" not in _codes(history, merge)
    assert (history.documents["SM-P-01"].path, history.documents["SM-P-02"].path) == (B, A)


def test_a_second_entry_git_pairs_with_a_deleted_file_is_a_duplicate(tmp_path):
    """A crafted tree lists test.md twice (main's own first, then a forged text) and drops z.md,
    whose text the forged one resembles: git's diff pairs them as a rename onto test.md
    (R z.md → test.md), no addition at all. Still a path listed twice: DC523."""
    import subprocess

    s = make_scenario(tmp_path)
    z = "docs/procedures/z.md"
    s.files.write(z, procedure(doc_id="SM-P-05", title="第五程序", body=body("第五个程序的内容")))
    s.git.branch("cr-z")
    s.git.commit("新增 SM-P-05", who="zhaolei")
    s.git.merge("cr-z", "新增")

    def git(*args: str, stdin: bytes | None = None) -> str:
        done = subprocess.run(
            ["git", *args], cwd=s.root, input=stdin, capture_output=True, check=True
        )
        return done.stdout.decode().strip()

    forged = (s.root / z).read_bytes().replace(b"id: SM-P-05", b"id: SM-P-01")
    blob = git("hash-object", "-w", "--stdin", stdin=forged)
    listing = [
        line
        for line in git("ls-tree", "main:docs/procedures").splitlines()
        if not line.endswith("\tz.md")
    ]
    listing.append(f"100644 blob {blob}\ttest.md")
    procedures = git("mktree", stdin="\n".join(listing).encode() + b"\n")
    docs = git("ls-tree", "main:docs").replace(git("rev-parse", "main:docs/procedures"), procedures)
    docs_tree = git("mktree", stdin=docs.encode() + b"\n")
    top = git("ls-tree", "main").replace(git("rev-parse", "main:docs"), docs_tree)
    tree = git("mktree", stdin=top.encode() + b"\n")
    tip = git("commit-tree", tree, "-p", "main", "-m", "cr-forge")
    git("branch", "cr-forge", tip)
    assert git("diff", "-M", "--name-status", "main", "cr-forge").startswith("R")
    message = "Merge branch 'cr-forge' into 'main'\n\n合并\n\n" + "\n".join(
        ["Approved-by: 刘静 <liu.jing@example.com>", "Reviewed-by: 王芳 <wang.fang@example.com>"]
    )
    merge = s.git.run("commit-tree", tree, "-p", "main", "-p", tip, "-m", message, who="zhaolei")
    git("update-ref", "refs/heads/main", merge)
    history = s.history()
    assert "DC523" in _codes(history, merge)
