"""Round 61, question 3, hole 2: ``gitread.message_text`` decodes a message git could not
re-encode (its ``encoding`` header names a code page git's iconv does not know) with whatever
Python codec bears that name. ``unicode_escape`` is one: it turns the typed characters ``\\n``
into line breaks, so history finds a trailer block git never sees. The message is no longer
the commit's message as git shows it: ``git log`` (and ``%(trailers)``) show one line of prose
with backslashes, history reads ``Approved-by: 刘静`` and approves. The graph stream
(``_parse_ancestors``) and ``approve._authors`` do not re-decode at all, so history does not
even read one message one way."""

from __future__ import annotations

import os
import subprocess

import pytest
from rt57_helpers import event_of
from rt61_helpers import fast_import, git_log, git_trailer_keys, history_trailer_keys

from history_helpers import make_scenario

# typed with backslashes: ``\n`` and ``\u5218`` are text to git; \xff makes the message
# invalid UTF-8, so git's output keeps the raw bytes and message_text decodes them
_MESSAGE = (
    b"Merge branch 'cr-1' into 'main' \xff\n\n"
    b"see notes\\n\\nApproved-by: \\u5218\\u9759 <liu.jing@example.com>\\n"
    b"Reviewed-by: \\u738b\\u82b3 <wang.fang@example.com>\n"
)


_PARENTS = ("-p", "main", "-p", "cr-1")


def _encoded_merge(s, encoding: str) -> str:
    """赵磊's change, merged by 赵磊 with ``_MESSAGE`` under an ``encoding`` header (git
    commit-tree with i18n.commitEncoding writes the header and the bytes as given)."""
    s.git.branch("cr-1")
    s.files.doc(version="V1.1")
    s.git.commit("变更", who="zhaolei")
    s.git.checkout("main")
    tree = s.git.run("rev-parse", "cr-1^{tree}")
    env = {
        "GIT_AUTHOR_NAME": "赵磊",
        "GIT_AUTHOR_EMAIL": "zhao.lei@example.com",
        "GIT_COMMITTER_NAME": "赵磊",
        "GIT_COMMITTER_EMAIL": "zhao.lei@example.com",
        "GIT_AUTHOR_DATE": "2026-01-05T10:00:00+08:00",
        "GIT_COMMITTER_DATE": "2026-01-05T10:00:00+08:00",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(s.root.parent),
        "PATH": os.environ["PATH"],
    }
    made = (
        subprocess.run(
            ["git", "-c", f"i18n.commitEncoding={encoding}", "commit-tree", tree, *_PARENTS],
            input=_MESSAGE,
            cwd=s.root,
            env=env,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    s.git.run("merge", "--ff-only", "-q", made)
    raw = subprocess.run(
        ["git", "cat-file", "commit", made], cwd=s.root, env=env, capture_output=True, check=True
    ).stdout
    assert f"\nencoding {encoding}\n".encode() in raw
    return made


def test_a_python_only_codec_makes_typed_backslashes_an_approval(tmp_path):
    s = make_scenario(tmp_path)
    merged = _encoded_merge(s, "unicode_escape")
    assert git_log(s.root, "-1", merged, "--format=%(trailers:only)").strip() == ""
    assert "see notes\\n\\nApproved-by" in git_log(s.root, "-1", merged, "--format=%B")
    event = event_of(s, merged)
    assert not event.approved and not event.approvers, (
        "git shows no trailer at all in this merge (one line of prose with typed backslashes); "
        "history decodes its message with Python's unicode_escape (message_text, the header's "
        f"codec) and reads an approval: approvers={[p.name for p in event.approvers]}, "
        f"approved={event.approved}"
    )


def test_control_a_code_page_git_knows_reads_as_git_reads_it(tmp_path):
    s = make_scenario(tmp_path)
    merged = _encoded_merge(s, "ISO-8859-1")
    assert git_log(s.root, "-1", merged, "--format=%(trailers:only)").strip() == ""
    event = event_of(s, merged)
    assert not event.approved and not event.approvers


@pytest.mark.parametrize("encoding", ["unicode_escape", "raw_unicode_escape"])
def test_history_reads_trailers_git_does_not_under_a_python_only_codec(tmp_path, encoding):
    """The same at the reader: the trailer tokens of GitReader's commit, read as derive reads
    them, against git's, on a commit fast-import wrote byte for byte."""
    message = b"subject \xff\n\nprose\\n\\nApproved-by: A <a@example.com>\n"
    if encoding == "raw_unicode_escape":
        message = b"subject \xff\n\nprose\\u000a\\u000aApproved-by: A <a@example.com>\n"
    root = fast_import(tmp_path, [(message, encoding)])
    assert git_trailer_keys(root, "m1", tmp_path) == []
    assert history_trailer_keys(root, "m1") == [], (
        f"history reads trailers git does not find, under encoding {encoding}"
    )
