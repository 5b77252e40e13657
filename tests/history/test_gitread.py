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
