"""Reading Git: the cat-file pipe that serves every historic version, on a real repository."""

from __future__ import annotations

import subprocess

import pytest

from doccontrol.history.gitread import BlobPipe, GitError, GitReader
from gitrepo import GitRepo


def write_blob(root, data: bytes) -> str:
    return (
        subprocess.run(
            ["git", "hash-object", "-w", "--stdin"],
            cwd=root,
            input=data,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )


@pytest.fixture
def blobs(tmp_path):
    GitRepo(tmp_path)
    contents = [f"第 {n} 版\n".encode() * (n % 7 + 1) for n in range(3 * BlobPipe.AHEAD)]
    contents.insert(5, b"")  # an empty blob
    contents.insert(9, "大".encode() * 1_000_000)  # 3 MB: far more than any pipe buffer
    return tmp_path, contents, [write_blob(tmp_path, c) for c in contents]


def test_many_more_blobs_put_than_the_pipe_holds_come_back_in_order(blobs):
    root, contents, shas = blobs
    with GitReader(root) as reader:
        pipe = reader.blob_pipe()
        for sha in shas:  # all asked for before any is read: must not deadlock
            pipe.put(sha)
        assert [pipe.get() for _ in shas] == contents
        pipe.close()


def test_interleaved_puts_and_gets(blobs):
    root, contents, shas = blobs
    with GitReader(root) as reader:
        pipe = reader.blob_pipe()
        got = []
        for index, sha in enumerate(shas):
            pipe.put(sha)
            if index % 3 == 2:
                got += [pipe.get(), pipe.get()]
        got += [pipe.get() for _ in range(len(shas) - len(got))]
        assert got == contents
        pipe.close()


def test_what_is_not_a_blob_is_a_clear_error(tmp_path):
    repo = GitRepo(tmp_path)
    (tmp_path / "a.txt").write_text("a")
    repo.commit("一")
    tree = repo.run("rev-parse", "HEAD^{tree}")
    with GitReader(tmp_path) as reader:
        pipe = reader.blob_pipe()
        pipe.put(tree)
        with pytest.raises(GitError, match=r"^git\.blob-unreadable$"):
            pipe.get()
        pipe.close()
        empty = reader.blob_pipe()
        with pytest.raises(GitError, match=r"^git\.cat-file-order$"):
            empty.get()
        empty.close()


def test_blobs_reads_a_whole_list_in_order(blobs):
    root, contents, shas = blobs
    with GitReader(root) as reader:
        assert list(reader.blobs(shas)) == contents
        assert list(reader.blobs([])) == []


def _objects(root) -> set[str]:
    listed = subprocess.run(
        ["git", "count-objects", "-v"], cwd=root, capture_output=True, text=True, check=True
    )
    return {line for line in listed.stdout.splitlines() if line.startswith(("count", "size:"))}


def test_merged_files_is_gits_merge_and_writes_nothing_into_the_repository(tmp_path):
    git = GitRepo(tmp_path)
    (tmp_path / "a.txt").write_text("1\n2\n3\n4\n5\n")
    (tmp_path / "b.txt").write_text("x\n")
    git.commit("base")
    git.branch("side")
    (tmp_path / "a.txt").write_text("1\nSIDE\n3\n4\n5\n")
    git.commit("side")
    git.checkout("main")
    (tmp_path / "a.txt").write_text("1\n2\n3\n4\nMAIN\n")
    (tmp_path / "b.txt").write_text("y\n")
    git.commit("main")
    # an uncommitted attribute in the work tree plays no part (neither would a committed one)
    (tmp_path / ".gitattributes").write_text("*.txt merge=union\n")
    before = _objects(tmp_path)
    with GitReader(tmp_path) as reader:
        found = reader.merged_files("main", "side", ["a.txt", "b.txt", "gone.txt", "new\nline"])
    assert found.files == {
        "a.txt": b"1\nSIDE\n3\n4\nMAIN\n",
        "b.txt": b"y\n",
        "gone.txt": None,
        "new\nline": None,
    }
    assert _objects(tmp_path) == before
    # a conflict: no clean merge, whatever a union driver would have made of it
    git.branch("other", "side")
    (tmp_path / "a.txt").write_text("1\n2\n3\n4\nOTHER\n")
    git.commit("other")
    with GitReader(tmp_path) as reader:
        assert reader.merged_files("main", "other", ["a.txt"]).files is None


def _tree(root, entries: list[tuple[str, str, str]]) -> str:
    """A tree object with ``entries`` (mode, name, object id) in the order given, unchecked:
    what a crafted push can carry (``git hash-object -t tree --literally``)."""
    data = b"".join(
        mode.encode() + b" " + name.encode() + b"\0" + bytes.fromhex(sha)
        for mode, name, sha in entries
    )
    done = subprocess.run(
        ["git", "hash-object", "-w", "-t", "tree", "--literally", "--stdin"],
        cwd=root,
        input=data,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode().strip()


def test_tree_listing_names_entries_out_of_order_and_not_honest_ones(tmp_path):
    GitRepo(tmp_path)
    blob = write_blob(tmp_path, b"text\n")
    inner = _tree(tmp_path, [("100644", "x.md", blob)])
    # git's own order: a folder's name compared as if it ended in "/" ("a-b" < "a.md" < "a/")
    honest = _tree(
        tmp_path,
        [
            ("100644", "a-b", blob),
            ("100644", "a.md", blob),
            ("40000", "a", inner),
            ("100644", "中文.md", blob),
        ],
    )
    with GitReader(tmp_path) as reader:
        files, unreadable = reader.tree_listing(honest)
        assert unreadable == []
        assert sorted(files) == ["a-b", "a.md", "a/x.md", "中文.md"]
        assert reader.read_file_at(honest, "a/x.md") == b"text\n"
    crafted = _tree(
        tmp_path, [("40000", "docs", inner), ("100644", "a.md", blob), ("100644", "b.md", blob)]
    )
    with GitReader(tmp_path) as reader:
        files, unreadable = reader.tree_listing(crafted)
        assert unreadable == ["a.md", "b.md"]  # after "docs/", where a lookup stops
        assert reader.read_file_at(crafted, "a.md") is None  # git's lookup misses it
        assert "a.md" in files and "docs/x.md" in files  # a checkout writes them all


def test_a_ref_is_read_exactly_never_through_gits_lookup_rules(tmp_path):
    """`refs/heads/main^{commit}` falls back to refs/tags/refs/heads/main where the branch is
    missing (a clone on another branch, a detached CI checkout): a tag pushed under that name
    would stand for the main branch. And a file of the work tree named like the ref is no
    answer. Only the ref of exactly that name counts."""
    from doccontrol.history.gitread import exact_commit, probe

    repo = GitRepo(tmp_path)
    (tmp_path / "doccontrol.yml").write_text("main_branch: main\n", encoding="utf-8")
    repo.run("add", "-A")
    repo.run("commit", "-q", "-m", "one")
    first = repo.run("rev-parse", "HEAD")
    repo.run("checkout", "-q", "-b", "work")
    repo.run("commit", "-q", "--allow-empty", "-m", "two")
    repo.run("tag", "refs/heads/other")
    assert exact_commit(tmp_path, "refs/heads/main") == first
    assert exact_commit(tmp_path, "refs/heads/other") is None
    assert repo.run("rev-parse", "refs/heads/other^{commit}")  # git's own lookup finds the tag
    (tmp_path / "refs/heads").mkdir(parents=True)
    (tmp_path / "refs/heads/missing").write_text("")
    (tmp_path / "refs/heads/missing^{commit}").write_text("")
    assert exact_commit(tmp_path, "refs/heads/missing") is None
    with GitReader(tmp_path) as reader:
        assert reader.exact_commit("refs/heads/main") == first
        with pytest.raises(GitError):
            reader.resolve_branch("other")
    assert probe(tmp_path, "other", "doccontrol.yml") is None
    repo.run("checkout", "-q", "main")
    found = probe(tmp_path, "main", "doccontrol.yml")
    assert found is not None and found.tip == first == found.head


def test_a_date_git_cannot_read_is_unreadable_never_its_placeholder():
    from doccontrol.history.gitread import UNREADABLE_DATE, readable_date

    assert readable_date("2026-01-02T10:00:00+08:00") == "2026-01-02T10:00:00+08:00"
    assert readable_date("1970-01-01T00:00:00+00:00") == "1970-01-01T00:00:00+00:00"
    for unreadable in ("%aI", "%cI", "", "2026-01-02T10:00:00-99:99", "tomorrow", "2026-01-02"):
        assert readable_date(unreadable) == UNREADABLE_DATE, unreadable


def test_a_file_is_found_through_links_as_the_file_system_finds_it(tmp_path):
    """regular_file_at follows links inside the tree, at the end and on the way, as MkDocs'
    open() does in a checkout; a link out of the tree, a loop, a folder: no file."""
    import os

    repo = GitRepo(tmp_path)
    (tmp_path / "site_config/deep").mkdir(parents=True)
    (tmp_path / "site_config/base.yml").write_text("hooks: [h.py]\n", "utf-8")
    (tmp_path / "site_config/deep/x.yml").write_text("x: 1\n", "utf-8")
    os.symlink("site_config/base.yml", tmp_path / "base.yml")
    os.symlink("site_config", tmp_path / "conf")
    os.symlink("../conf/base.yml", tmp_path / "site_config/up.yml")  # relative to its folder
    os.symlink("/etc/passwd", tmp_path / "outside.yml")
    os.symlink("../../elsewhere.yml", tmp_path / "site_config/far.yml")
    os.symlink("loop_b", tmp_path / "loop_a")
    os.symlink("loop_a", tmp_path / "loop_b")
    tip = repo.commit("布局")
    base = repo.run("rev-parse", f"{tip}:site_config/base.yml")
    with GitReader(tmp_path) as reader:
        for path, links in (
            ("site_config/base.yml", ()),
            ("base.yml", ("base.yml",)),
            ("conf/base.yml", ("conf",)),
            ("site_config/up.yml", ("site_config/up.yml", "conf")),
        ):
            found = reader.regular_file_at(tip, path)
            assert found == ("site_config/base.yml", base, links), path
        assert reader.regular_file_at(tip, "conf/deep/x.yml")[0] == "site_config/deep/x.yml"
        for path in (
            "outside.yml",
            "site_config/far.yml",
            "loop_a",
            "conf",
            "none.yml",
            "conf/none",
        ):
            assert reader.regular_file_at(tip, path)[1] is None, path
        # the links followed to a file that is not there count too (a change to one matters)
        assert reader.regular_file_at(tip, "outside.yml")[2] == ("outside.yml",)
        assert len(reader.regular_file_at(tip, "loop_a")[2]) == 40


def test_blobs_held_is_every_version_the_names_held_on_any_line(tmp_path):
    git = GitRepo(tmp_path)
    odd = "fig [1]*.png"  # read as a name, not a pattern
    (tmp_path / odd).write_bytes(b"ONE")
    (tmp_path / "other.png").write_bytes(b"OTHER")
    git.commit("base")
    git.branch("side")
    (tmp_path / odd).write_bytes(b"SIDE")  # a version only a merged branch held
    git.commit("side")
    git.checkout("main")
    (tmp_path / odd).write_bytes(b"TWO")
    git.commit("main")
    git.run("merge", "-q", "--no-ff", "-X", "ours", "-m", "merge", "side")
    (tmp_path / odd).unlink()  # a deletion adds no version
    git.commit("gone")
    (tmp_path / "fig 1.png").write_bytes(b"NOT-THE-NAME")  # matched by the pattern only
    git.commit("lookalike")
    with GitReader(tmp_path) as reader:
        found = reader.blobs_held("main", [odd])
    assert found == {write_blob(tmp_path, data) for data in (b"ONE", b"SIDE", b"TWO")}
