"""trailer_block is git's trailer parser with nothing configured: held to
``git log --format=%(trailers:only,unfold)`` on the same messages, in a repository and an
environment where git reads no configuration but its defaults."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from doccontrol.history import trailer_block
from gitrepo import plain_git_env

# lines a message is built from: trailers of every shape git accepts or refuses, prose,
# comments, the lines git writes itself, continuations, an old conflicts block, the cut line
_LINES = (
    "",
    " ",
    "\t",
    "\r",
    "Approved-by: 刘静 <liu.jing@example.com>",
    "Reviewed-by: 王芳 <wang.fang@example.com>",
    "approved-BY:刘静",
    "Co-authored-by: 赵磊 <zhao.lei@example.com>",
    "co-authored-by : Mallory <mallory@evil.example>",
    "Signed-off-by: 陈明远 <chen.mingyuan@example.com>",
    "Signed-off-by:no-space",
    "(cherry picked from commit 0123456789abcdef)",
    "Key : spaced token",
    "Key\t: tabbed token",
    "Two words: not a trailer",
    "x-y-2: value",
    ":no token",
    "token:",
    "令牌: 不是 ASCII",
    "Approved-by： 全角冒号",
    "Approved-by= wrong separator",
    "  continued value",
    " : a colon after a space",
    "\t:a colon after a tab",
    "\tcontinued by a tab",
    "另见变更单 CR-2026-001",
    "Prose line with: a colon later",
    "# a comment",
    "#Approved-by: commented",
    "Conflicts:",
    "\tdocs/a.md",
    "---",
    "--- patch-like",
    "# ------------------------ >8 ------------------------",
    "Approved-by: after\x0bvertical tab",
    "See merge request it/sms!1",
)


def _messages(count: int) -> list[str]:
    rng = random.Random(20261203)
    out = [
        "subject\n\nApproved-by: A <a@example.com>\n",
        "subject\n\nApproved-by: A\n另见变更单 CR-1\n评审记录见附件\n",
        "subject\n\nSigned-off-by: S <s@example.com>\nApproved-by: A\nprose\nprose\nprose\n",
        "subject\n\nSigned-off-by: S\nApproved-by: A\nprose\nprose\nprose\nprose\n",
        "Approved-by: in the title\n",
        "\n\n\nsubject after blank lines\n\nApproved-by: A\n",
        "subject\n\nApproved-by: A\n  folded\n   twice\n\n# trailing comment\n\n",
        "subject\n\nApproved-by: A\n\nConflicts:\n\tdocs/a.md\n",
        "subject\n\nApproved-by: A\n# ------------------------ >8 ------------------------\nB: b\n",
        "# ------------------------ >8 ------------------------\nsubject\n\nA: a\n",
        "subject\n# comment in title\n\nApproved-by: A",
        "subject\n\n  \n\t\nApproved-by: A\n \n",
        "\n\n# c\n# d\nApproved-by: A\n",
        "subject\n\nApproved-by: A\nConflicts:",
        "\n \n# c\n\n# d\nApproved-by: A\n\n#e\n",
        "\n#c\nsubject\n\nApproved-by: A\n#x\n\nConflicts:\n\tp\n",
    ]
    for _ in range(count):
        lines = [rng.choice(_LINES) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.7:
            lines.insert(0, rng.choice(("变更", "Merge branch 'cr-1'", "subject")))
        if rng.random() < 0.5:  # a last paragraph that is mostly trailers
            lines += ["", *(rng.choice(_LINES[4:14]) for _ in range(rng.randint(1, 4)))]
            lines += [rng.choice(_LINES) for _ in range(rng.randint(0, 2))]
        if rng.random() < 0.2:  # blank lines before the subject, which %(trailers) skips
            lines = [rng.choice(("", " ", "\t", "\r")) for _ in range(rng.randint(1, 3))] + lines
        text = "\n".join(lines)
        out.append(text + ("\n" if rng.random() < 0.8 else ""))
    return out


def _repository_of(tmp_path: Path, messages: list[str]) -> tuple[Path, dict[str, str]]:
    """One commit per message on one branch (m1), newest first in a log, written byte for
    byte by fast-import."""
    root = tmp_path / "repo"
    env = plain_git_env(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True, env=env)
    stream = bytearray()
    for number, message in enumerate(messages, start=1):
        data = message.encode("utf-8")
        stream += (
            "commit refs/heads/m1\n"
            f"committer T <t@example.com> {1700000000 + number} +0000\n"
            f"data {len(data)}\n"
        ).encode()
        stream += data + b"\n"
    subprocess.run(
        ["git", "fast-import", "--quiet"], input=bytes(stream), cwd=root, check=True, env=env
    )
    return root, env


def test_trailers_are_read_as_git_reads_them_with_nothing_configured(tmp_path):
    messages = _messages(600)
    root, env = _repository_of(tmp_path, messages)
    out = subprocess.run(
        ["git", "log", "-z", "m1", "--format=%B%x00%(trailers:only,unfold)"],
        cwd=root,
        env=env,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    fields = out.split("\x00")
    pairs = list(zip(fields[0::2], fields[1::2], strict=False))
    assert len(pairs) == len(messages)
    assert {body for body, _ in pairs} == set(messages)  # git kept every message as written
    differences = [
        (body, expected, trailer_block.as_text(trailer_block.trailers(body)))
        for body, expected in pairs
        if trailer_block.as_text(trailer_block.trailers(body)) != expected
    ]
    assert not differences, differences[:3]
    # the sample is not one that suits the parser: many messages have trailers, many have none
    with_trailers = sum(1 for _, expected in pairs if expected)
    assert 150 < with_trailers < len(pairs) - 150


def test_a_readers_trailer_configuration_changes_nothing_read(tmp_path):
    message = (
        "Merge branch 'cr-1'\n\nApproved-by: 刘静 <liu.jing@example.com>\n"
        "另见变更单 CR-2026-001\n评审记录见附件\n"
    )
    root, env = _repository_of(tmp_path, [message])

    def git_reads() -> str:
        return subprocess.run(
            ["git", "log", "-1", "m1", "--format=%(trailers:only,unfold)"],
            cwd=root,
            env=env,
            capture_output=True,
            check=True,
            text=True,
        ).stdout

    assert git_reads().strip() == ""
    subprocess.run(
        ["git", "config", "trailer.approved.key", "Approved-by"], cwd=root, check=True, env=env
    )
    # the reader's git now takes the mixed paragraph for a trailer block; trailer_block does not
    assert "Approved-by: 刘静" in git_reads()
    assert trailer_block.trailers(message) == []


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("s\n\nCo-authored-by: A <a@x>\nco-authored-BY: B <b@x>\n", ["A <a@x>", "B <b@x>"]),
        ("s\n\nCo-authored-by: A <a@x>\nprose\n", []),
        ("Co-authored-by: in the title\n", []),
        ("s\n\nApproved-by: A\n", []),
    ],
)
def test_co_authors_are_the_trailer_blocks_own(message, expected):
    assert trailer_block.co_authors(message) == expected
