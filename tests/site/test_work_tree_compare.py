"""publishing.work_tree_differs on real clones: a file git's own checkout wrote from main's blob
under the repository's attributes (ident, working-tree-encoding) is main's; an edit is not,
whatever the attributes; a filter driver, which the reader's configuration runs, is never
trusted to say so (red-team round 65, hole 5)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

from doccontrol.publishing import work_tree_differs
from gitrepo import plain_git_env

TEMPLATE = "<!-- $Id$ -->\n<p>模板</p>\n"


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, env=plain_git_env(root), capture_output=True, check=True
    )
    return done.stdout.decode("utf-8").strip()


def _clone(tmp_path: Path, attributes: str, files: dict[str, bytes]) -> tuple[Path, str]:
    """A repository whose main holds ``attributes`` and ``files``, and a fresh clone of it
    (git writes the work tree by the attributes): (the clone, main's tip)."""
    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q", "-b", "main")
    (origin / ".gitattributes").write_text(attributes, "utf-8")
    for name, data in files.items():
        (origin / name).parent.mkdir(parents=True, exist_ok=True)
        (origin / name).write_bytes(data)
    _git(origin, "add", "-A")
    _git(origin, "-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "-qm", "x")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(origin), str(clone))
    return clone, _git(clone, "rev-parse", "HEAD")


def _differs(clone: Path, head: str, *paths: str) -> tuple[str, ...]:
    return work_tree_differs(clone, SimpleNamespace(head=head), paths)  # type: ignore[arg-type]


def test_a_file_ident_expanded_on_checkout_is_mains(tmp_path):
    clone, head = _clone(
        tmp_path, "overrides/** ident\n", {"overrides/main.html": TEMPLATE.encode()}
    )
    assert b"$Id: " in (clone / "overrides/main.html").read_bytes()
    assert _differs(clone, head, "overrides") == ()


def test_an_edit_under_ident_still_differs(tmp_path):
    clone, head = _clone(
        tmp_path, "overrides/** ident\n", {"overrides/main.html": TEMPLATE.encode()}
    )
    path = clone / "overrides/main.html"
    path.write_bytes(path.read_bytes() + b"<p>{{ secret }}</p>\n")
    assert _differs(clone, head, "overrides") == ("overrides",)
    # an edit that keeps the keyword unexpanded is not main's checkout either
    path.write_text(TEMPLATE + "<p>x</p>\n", "utf-8")
    assert _differs(clone, head, "overrides") == ("overrides",)


def test_a_file_checked_out_in_another_encoding_is_mains(tmp_path):
    clone, head = _clone(
        tmp_path,
        "*.txt working-tree-encoding=UTF-16LE\n",
        {"overrides/note.txt": "说明\n".encode("utf-16le")},  # git stores it as UTF-8
    )
    assert _git(clone, "cat-file", "-p", "HEAD:overrides/note.txt") == "说明"
    assert (clone / "overrides/note.txt").read_bytes() == "说明\n".encode("utf-16le")
    assert _differs(clone, head, "overrides") == ()


def test_a_filter_driver_is_never_taken_at_its_word(tmp_path):
    """The reader configures a smudge that prints the edited file: still an edit. A driver
    that only copies (`cat`) is not trusted either: a file a filter touches that is not
    byte for byte main's blob counts as changed (fail closed)."""
    clone, head = _clone(
        tmp_path, "overrides/** filter=copy\n", {"overrides/main.html": TEMPLATE.encode()}
    )
    path = clone / "overrides/main.html"
    assert _differs(clone, head, "overrides") == ()  # no driver configured: the raw blob
    edited = tmp_path / "edited.html"
    edited.write_text("<p>{{ secret }}</p>\n", "utf-8")
    path.write_bytes(edited.read_bytes())
    _git(clone, "config", "filter.copy.smudge", f"cat >/dev/null; cat {edited}")
    _git(clone, "config", "filter.copy.clean", "cat")
    assert _differs(clone, head, "overrides") == ("overrides",)
