"""Each revision's ``body_digest``: the SHA-256 of its Markdown body (below the front matter)
in UTF-8, whatever bytes the blob spells it with. History hashes the blob's own bytes where
decoding left them as they were; the digest must equal the definition on every kind of file."""

from __future__ import annotations

import hashlib

import pytest

from builders import procedure
from history_helpers import body

PATH = "docs/procedures/test.md"


def _definition(text: str) -> str:
    """The body as the definition reads it: the text after the front matter's closing line,
    line ends as LF, no byte-order mark, undecodable bytes as U+FFFD."""
    body_text = text.split("\n---\n", 1)[1]
    return hashlib.sha256(body_text.encode("utf-8")).hexdigest()


def _approved(s, name: str, content: bytes, when: str):
    s.git.branch(name)
    s.files.write(PATH, content)
    s.git.commit(name, who="zhaolei")
    s.git.merge(name, name, approvers=("liujing",), reviewers=("wangfang",), date=when)


SPELLINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "byte-order mark": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "an undecodable byte": lambda text: (
        text.replace("修订后的目的", "修订\x00的目的").encode("utf-8").replace(b"\x00", b"\xff")
    ),
}


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_the_digest_is_the_bodys_sha256_however_the_blob_spells_it(scenario, spelling):
    text = procedure(version="V1.1", body=body("修订后的目的。") + "\n```mermaid\ngraph TD\n```\n")
    _approved(scenario, "cr-1", SPELLINGS[spelling](text), "2026-02-01T10:00:00+08:00")
    stored = (scenario.root / PATH).read_bytes()
    expected = _definition(stored.decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n"))
    revision = scenario.history().documents["SM-P-01"].revisions[-1]
    assert revision.version == "V1.1"
    assert revision.body_digest == expected


def test_the_same_body_under_other_front_matter_has_the_same_digest(scenario):
    """A new version and a new status with the body unchanged is the same text; one changed
    character is another."""
    same = body("同一段目的。")
    _approved(
        scenario, "cr-1", procedure(version="V1.1", body=same).encode(), "2026-02-01T10:00:00+08:00"
    )
    _approved(
        scenario,
        "cr-2",
        procedure(version="V1.2", status="obsolete", body=same).encode(),
        "2026-03-01T10:00:00+08:00",
    )
    _approved(
        scenario,
        "cr-3",
        procedure(version="V1.3", body=same + "。").encode(),
        "2026-04-01T10:00:00+08:00",
    )
    first, second, third = scenario.history().documents["SM-P-01"].revisions
    assert first.body_digest == second.body_digest != third.body_digest
    assert len(first.body_digest) == 64


def test_a_withdrawal_has_no_digest(scenario):
    """A withdrawal holds no text: its digest is empty, and so never the same as any text."""
    _approved(scenario, "cr-1", procedure(version="V1.1").encode(), "2026-02-01T10:00:00+08:00")
    scenario.git.branch("cr-2")
    (scenario.root / PATH).unlink()
    scenario.git.commit("删除", who="zhaolei")
    scenario.git.merge("cr-2", "删除", approvers=("liujing",), reviewers=("wangfang",))
    withdrawal = scenario.history().documents["SM-P-01"].revisions[-1]
    assert withdrawal.kind == "withdrawal" and withdrawal.body_digest == ""
