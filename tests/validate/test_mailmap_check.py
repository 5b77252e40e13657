"""``.mailmap`` is read as git reads it (history/identities.py), and ``check`` reports what
other readers of the file would take otherwise (DC405)."""

from __future__ import annotations

import subprocess

import pytest

from doccontrol.history.identities import parse_mailmap

MAILMAP = ".mailmap"

# texts where a looser reader (Python's splitlines(), a `#` anywhere, Unicode spaces and case)
# finds rules git does not apply, or misses rules it does
TEXTS = [
    "Liu Jing <liu.jing@example.com> Liu Jing <liu.jing@example.com> "
    "\u2028<sun.yue@example.com> Liu Jing <liu.jing@example.com>\n",
    "A <a@example.com> <b@example.com>\x0b<c@example.com> <liu.jing@example.com>\n",
    "A <a@example.com> <b@example.com>\x85<c@example.com> <liu.jing@example.com>\n",
    "A <a@example.com> <b@example.com>\r<c@example.com> <liu.jing@example.com>\r\n",
    "  # not a comment to git <sun.yue@example.com> <liu.jing@example.com>\n",
    "# a comment <sun.yue@example.com> <liu.jing@example.com>\n",
    "孙悦 <sun.yue@example.com> # comment <liu.jing@example.com>\n",
    "孙悦 <sun.yue@example.com> LIU JING <LIU.JING@EXAMPLE.COM>\n",
    "\u3000孙悦\u3000<sun.yue@example.com> Liu Jing\u3000<liu.jing@example.com>\n",
    "Proper <p@example.com> <liu.jing@example.com>\nOther Name <liu.jing@example.com>\n",
    "<p@example.com> Liu Jing <liu.jing@example.com>\n<q@example.com> <liu.jing@example.com>\n",
    "<> <liu.jing@example.com>\nX <liu.jing@example.com> <>\n",
]
IDENTS = [
    ("Liu Jing", "liu.jing@example.com"),
    ("liu jing", "Liu.Jing@Example.com"),
    ("Liu Jing\u3000", "liu.jing@example.com"),
    ("刘静", "liu.jing@example.com"),
    ("X", ""),
]


@pytest.mark.parametrize("text", TEXTS)
def test_mailmap_rules_are_the_ones_git_applies(tmp_path, text):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / MAILMAP).write_bytes(text.encode())
    mailmap = parse_mailmap(text)
    for name, email in IDENTS:
        asked = f"{name} <{email}>"
        git = subprocess.run(
            ["git", "check-mailmap", asked], cwd=tmp_path, capture_output=True, check=True
        ).stdout.decode()
        ours_name, ours_email = mailmap.canonical(name, email)
        assert git.rstrip("\n") == f"{ours_name} <{ours_email}>", (text, asked)


@pytest.mark.parametrize(
    "char", ["\x0b", "\x0c", "\r", "\x1c", "\x85", "\u2028", "\u2029", "\u200b", "\u202e", "\x00"]
)
def test_check_reports_a_character_other_readers_read_otherwise(repo, check_codes, char):
    repo.write(MAILMAP, f"# people\n孙悦 <sun.yue@example.com>{char}<liu.jing@example.com>\n")
    assert check_codes(repo.root) == [(MAILMAP, 2, "DC405")]


def test_check_takes_tabs_crlf_and_any_name(repo, check_codes):
    repo.write(
        MAILMAP,
        "# 人员\r\n孙悦\t<sun.yue@example.com> Sun Yue <SunYue@example.com>\r\n"
        "王芳 <wang.fang@example.com> 王　芳 <wang@example.com>\n",
    )
    assert check_codes(repo.root) == []


def test_check_reports_a_line_git_reads_as_two(repo, check_codes):
    repo.write(MAILMAP, "A" * 1000 + " <a@example.com> <b@example.com>\n")
    assert check_codes(repo.root) == [(MAILMAP, 1, "DC405")]
