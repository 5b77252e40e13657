"""Round 61, question 1: trailer_block against ``git log --format=%(trailers:only,unfold)``
with no configuration, on commits git fast-import wrote byte for byte. The parser itself
holds (CRLF, lone CR, VT/FF/FS/GS/RS, NEL, U+2028/9, non-ASCII spaces and digits, encodings
git converts, leading blank lines, long lines, no final newline, cut lines, Conflicts:
blocks, comments, continuations, ``---``, NUL); what history does with its output does not
(hole 1: ``identities.trailers`` splits values at ``str.splitlines()`` breaks)."""

from __future__ import annotations

import random
import subprocess

import pytest
from rt61_helpers import (
    LINE_BREAKS,
    fast_import,
    git_trailer_keys,
    history_trailer_keys,
    plain_env,
)

from doccontrol.history import trailer_block

A = "Approved-by: A <a@example.com>"
_EDGES = [
    *(f"s\n\nReviewed-by: R{b}{A}\n" for b in LINE_BREAKS),
    *(f"s{b}{b}{A}{b}" for b in LINE_BREAKS),
    *(f"s\n\nprose{b}{A}\n" for b in LINE_BREAKS),
    *(f"s\n\n{A}\n{b}\n" for b in LINE_BREAKS),
    *(f"s\n\n{A}\n{b}Reviewed-by: R\n" for b in LINE_BREAKS),
    *(f"s\n\n{A}\n{sp}continued\n" for sp in ("\u00a0", "\u3000", "\ufeff", "\u200b")),
    *(f"s\n\nApproved-by{sp}: A\n" for sp in ("\u00a0", "\u3000")),
    *(f"{sp}\ns\n\n{A}\n" for sp in ("\u00a0", "\r", "\x0b")),
    *(f"s\n\nKey{d}: v\n{A}\n" for d in ("\uff11", "\u0661", "\u00b2")),
    f"s\r\n\r\n{A}\r\nReviewed-by: R\r\n",
    f"s\r\n\r\nprose\r\n\r\n{A}\r\n",
    f"s\r\n\r\n{A}\r\n  folded\r\n",
    f"s\n\n{A}\n\r\n# c\r\n",
    f"s\n\n{A}\n#\r\nConflicts:\r\n\tx\r\n",
    f"s\n\n{A}\n\nConflicts:\r\n\tx\n",
    f"s\n\n{A}\n# ------------------------ >8 ------------------------\r\nx: y\n",
    f"s\n\n{A}\n---\nfoo: bar\n",
    f"s\n\nprose\n\n{A}\n\n---\nnot: this\n",
    f"s\n\n{A}",
    f"s\n\n{A}\nConflicts:",
    f"s\n\n{A}\n\nConflicts:\n\tx\nmore\n",
    f"\n\n\n{A}\n",
    "s\n\nApproved-by: " + "x" * 70000 + "\n",
    "s\n\n" + "p" * 70000 + f"\n{A}\n",
    f"s\n\n#{A}\nReviewed-by: R\n",
    "s\n\nReviewed-by: R\n#c\n continued\n",
    "s\n\nReviewed-by: R\n\t\n continued\n",
    f"s\n\n{A}\x00\nCo-authored-by: M\n",
    f"s\n\nprose\x00\n\n{A}\n",
]
_FRAGMENTS = [
    "", " ", "\t", "\r", "\x0b", "\x0c", "\u2028", "\x85", "\u00a0", "\u3000",
    A, A + "\r", "Approved-by : A", "Approved-by\t:A", " cont", "\tcont", "\u00a0cont",
    "Signed-off-by: S", "Signed-off-by:x", "(cherry picked from commit 1)", "prose",
    "prose: x", "# c", "#", "#Approved-by: B", "Conflicts:", "Conflicts:\r", "\tp", "---",
    "# ------------------------ >8 ------------------------", "A１: v", "Ａ: v", "-: v", ":",
    " :", "x :", "Co-authored-by: M <m@x>", "Approved-by: A\x0bReviewed-by: B",
]  # fmt: skip


_LOG = ("git", "log", "--all", "--no-walk=unsorted", "-z")


def _random_messages(count: int) -> list[str]:
    rng = random.Random(61)
    out = []
    for _ in range(count):
        lines = [rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.5:
            lines += ["", *(rng.choice(_FRAGMENTS[10:22]) for _ in range(rng.randint(1, 4)))]
        end = rng.choice(["\n", "\n", "\r\n"])
        out.append(end.join(lines) + (end if rng.random() < 0.8 else ""))
    return out


def test_trailer_block_reads_what_git_reads_on_edge_and_random_messages(tmp_path):
    """Held: the parser's text is git's on every message (git cuts a message at a NUL, and
    so does %B, which trailer_block is given)."""
    messages = _EDGES + _random_messages(3000)
    root = fast_import(tmp_path, [(m.encode(), None) for m in messages])
    out = subprocess.run(
        [*_LOG, "--format=%B%x00%(trailers:only,unfold)"],
        cwd=root,
        env=plain_env(tmp_path),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    fields = out.split("\x00")
    pairs = list(zip(fields[0::2], fields[1::2], strict=False))
    assert len(pairs) == len(messages)
    wrong = [
        (body, expected)
        for body, expected in pairs
        if trailer_block.as_text(trailer_block.trailers(body)) != expected
    ]
    assert not wrong, wrong[:3]
    assert sum(1 for _, expected in pairs if expected) > 900


@pytest.mark.parametrize("between", LINE_BREAKS, ids=[f"U+{ord(c):04X}" for c in LINE_BREAKS])
def test_history_reads_the_trailer_tokens_git_reads(tmp_path, between):
    """Hole 1 at the reader: one trailer to git, two to history."""
    message = f"s\n\nReviewed-by: R <r@example.com>{between}{A}\n".encode()
    root = fast_import(tmp_path, [(message, None)])
    assert git_trailer_keys(root, "m1", tmp_path) == ["reviewed-by"]
    assert history_trailer_keys(root, "m1") == ["reviewed-by"]


@pytest.mark.parametrize(
    ("message", "encoding"),
    [
        ("合并\n\nApproved-by: 刘静 <liu.jing@example.com>\n".encode("gbk"), "GBK"),
        ("Merge\n\nApproved-by: José <j@example.com>\n".encode("latin-1"), "ISO-8859-1"),
        (b"Merge\n\nApproved-by: Alice\xff <a@example.com>\n", "x-unknown"),
        ("合并\n\nApproved-by: 刘静\n".encode("gbk") + b"\xff\xff", "GBK"),
    ],
    ids=["gbk", "latin-1", "unknown-code-page", "gbk-invalid-bytes"],
)
def test_control_encodings_git_or_python_read_alike(tmp_path, message, encoding):
    """Held: code pages git converts, an unknown name (git and Python both keep the bytes),
    and invalid bytes git cannot convert (GBK: the trailer is lost to both)."""
    root = fast_import(tmp_path, [(message, encoding)])
    assert history_trailer_keys(root, "m1") == git_trailer_keys(root, "m1", tmp_path)
