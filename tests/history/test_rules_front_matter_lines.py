"""rules.sans_version and rules.sans_effective: the front matter's version and date lines set
aside, wherever in the front matter they stand and however it is closed, and never a body
line; the front matter is the one the loader reads."""

from __future__ import annotations

import pytest

from doccontrol.history import rules
from doccontrol.load import frontmatter

BODY = "## 1 目的\n\nversion: 正文里的这一行不是版本\neffective_date: 正文\n"


def doc(*front: str, closer: str = "---", newline: str = "\n") -> bytes:
    text = "\n".join(["---", *front, closer, BODY])
    return text.replace("\n", newline).encode("utf-8")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("closer", ["---", "...", "---  "])
@pytest.mark.parametrize(
    "order",
    [
        ("id: SM-P-01", "version: {v}", "effective_date: {d}"),
        ("id: SM-P-01", "effective_date: {d}", "version: {v}"),  # both last
        ("version: {v}", "effective_date: {d}", "id: SM-P-01"),
        ("'version': {v}", '"effective_date" : {d}', "id: SM-P-01"),  # quoted keys
    ],
)
def test_two_versions_differing_in_number_and_date_are_the_same_text(order, closer, newline):
    one = doc(
        *(line.format(v="V1.0", d="2026-01-05") for line in order), closer=closer, newline=newline
    )
    two = doc(
        *(line.format(v="V1.2", d="2027-06-01") for line in order), closer=closer, newline=newline
    )
    assert one != two
    assert rules.sans_version(one) == rules.sans_version(two)
    assert rules.sans_version(one).endswith(BODY.replace("\n", newline).encode())


def test_a_body_line_is_never_set_aside():
    one = doc("id: SM-P-01", "version: V1.0")
    two = one.replace("正文里的这一行不是版本".encode(), "另一行".encode())
    assert rules.sans_version(one) != rules.sans_version(two)
    assert "version: 正文里的这一行不是版本".encode() in rules.sans_version(one)
    assert b"effective_date: \xe6\xad\xa3" in rules.sans_effective(doc("id: X"))


def test_the_date_alone_is_set_aside_by_sans_effective():
    one = doc("version: V1.0", "effective_date: 2026-01-05")
    two = doc("version: V1.0", "effective_date: 2027-06-01")
    other = doc("version: V1.1", "effective_date: 2026-01-05")
    assert rules.sans_effective(one) == rules.sans_effective(two)
    assert rules.sans_effective(one) != rules.sans_effective(other)


def test_a_bom_before_the_front_matter():
    one = b"\xef\xbb\xbf" + doc("version: V1.0")
    assert rules.sans_version(one) == rules.sans_version(doc("version: V1.2"))


@pytest.mark.parametrize(
    "data",
    [b"", b"# no front matter\nversion: V1\n", b"---\nversion: V1\nnever closed\n"],
)
def test_without_a_closed_front_matter_nothing_is_set_aside(data):
    assert rules.sans_version(data) == data


def test_the_cut_is_the_loaders():
    text = doc("id: SM-P-01", "version: V1.0", closer="...").decode()
    split = frontmatter.split_text(text)
    assert split is not None and split[1] == BODY
    assert frontmatter.closing_line(text) == text.index("\n...") + 1
