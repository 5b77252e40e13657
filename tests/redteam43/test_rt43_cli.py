"""Round 43: the CLI's messages and outputs on hostile input: escape sequences from files
and arguments, a full standard output, a --repo that does not exist."""

from __future__ import annotations

import os
import subprocess
import sys

from rt43_helpers import crashed, run

from history_helpers import body, make_scenario

# clear the line, move up one, clear it again: a later line can hide an earlier problem
HIDE = "\x1b[1A\x1b[2K"
TITLE = "\x1b]0;pwned\x07"  # OSC: sets the terminal window's title


def test_check_never_prints_a_documents_escape_sequences_raw(tmp_path):
    """An author's SM-P-01 body links `[x](doc:SM-P-99<ESC>[1A<ESC>[2K)` and carries
    `<!-- doccontrol:register type=x<ESC>]0;pwned<BEL> -->`. Both are problems (DC216 a
    link to no document, DC218 an unknown directive) and `check` quotes the text.
    Seen: the text format (the default, and the pre-commit hook's) writes ESC and BEL raw:
    on a terminal the first moves the cursor up and erases the line, the second sets the
    window title. `--format github` escapes them (%1B), the JSON formats as \\u001b; the
    text format runs no escaping on the message (history text goes through
    cli/output.py `printable()`, problems from files do not).
    Right: every message printed as text has its control characters escaped (\\x1b), as
    `printable()` does for history."""
    s = make_scenario(tmp_path)
    s.files.doc(
        body=body() + f"\n[x](doc:SM-P-99{HIDE}) 与 <!-- doccontrol:register type=x{TITLE} -->\n"
    )
    result = run(s.root, "check")
    assert result.returncode == 1 and "DC216" in result.stdout, result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout, repr(result.stdout)


def test_an_id_typed_with_escapes_is_not_echoed_raw(tmp_path):
    """`doccontrol show 'SM-<ESC>]0;pwned<BEL>' --as-of …`, `log`, `diff`, `trail --person`:
    the error message repeats the argument as given, escapes included (`register --as-of`
    quotes it with repr, these do not). An id often comes from a script or a pasted link.
    Right: the argument is shown escaped, like the other messages."""
    s = make_scenario(tmp_path)
    bad = f"SM-P-01{TITLE}\u202e"
    said = []
    for args in (
        ("show", bad, "--as-of", "2026-02-01"),
        ("log", bad),
        ("diff", bad, "V1.0", "V1.1"),
        ("trail", "--person", bad),
    ):
        result = run(s.root, *args)
        assert result.returncode == 2 and not crashed(result.stderr), result.stderr
        if "\x1b" in result.stderr or "\x07" in result.stderr or "\u202e" in result.stderr:
            said.append(f"{args[0]}: {result.stderr!r}")
    assert not said, "\n".join(said)


def test_a_full_standard_output_is_an_error_not_a_bug(tmp_path):
    """`doccontrol register > /dev/full` (a full disk under a redirected output, a CI log
    volume that filled up). -o FILE on a full disk says "无法写入 FILE：No space left on
    device" (exit 2).
    Seen: "doccontrol：内部错误：OSError：[Errno 28] No space left on device — 这是
    doccontrol 的缺陷" for register, trail, log, check, show, coverage: the writing of
    stdout is not covered by the error handling.
    Right: one clear line saying standard output could not be written and why, exit 2,
    not "internal error … a bug in doccontrol"."""
    s = make_scenario(tmp_path)
    bad = []
    for args in (("register",), ("trail",), ("log", "SM-P-01"), ("check",)):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "doccontrol", *args],
                cwd=s.root,
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
                env=os.environ,
            )
        if result.returncode != 2 or crashed(result.stderr):
            bad.append(f"{args}: exit {result.returncode}: {result.stderr.strip()}")
    assert not bad, "\n".join(bad)


def test_a_repo_folder_that_does_not_exist_is_refused(tmp_path):
    """`doccontrol --repo ../other-repo check` with a typo in the name, run from inside a
    compliance repository. `--repo /nonexist` is refused (no doccontrol.yml above it).
    Seen: a relative folder that does not exist is searched upwards from where it would
    be, so the command runs on the current repository, exit 0, as if it had checked the
    other one.
    Right: "--repo: no such folder" (exit 2)."""
    s = make_scenario(tmp_path)
    result = run(s.root, "--repo", "no-such-repo", "check")
    assert result.returncode == 2, (
        f"--repo no-such-repo runs on {s.root} (exit {result.returncode}): {result.stdout}"
    )


def test_new_never_writes_a_document_check_refuses(tmp_path):
    """`doccontrol new procedure TITLE` with the titles `null`, `123`, `第一行\\n第二行` and
    `标题<ESC>[31m`. `new` quotes `a: b`, `#注释`, `[x`, `'x`… but writes these plain.
    Seen: exit 0 each time ("已创建 SM-P-02 …"), and the files it wrote fail `check`:
    `title: null` / `title: 123` are DC103 (not text), the newline and the ESC DC007 (YAML
    that does not parse). After the broken one `new` itself fails: the next free id is the
    broken file's again, "docs/procedures/sm-p-0N.md 已存在" (exit 2), until it is removed.
    Right: `new` writes every title as a YAML string that reads back equal (quoted), or
    refuses a title with control characters with a clear message, writing nothing."""
    s = make_scenario(tmp_path)
    before = set((s.root / "docs").rglob("*.md"))
    for title in ("null", "123", "第一行\n第二行", "标题\x1b[31m"):
        run(s.root, "new", "procedure", title)
    written = sorted(set((s.root / "docs").rglob("*.md")) - before)
    checked = (
        run(s.root, "check", *[str(p.relative_to(s.root)) for p in written]) if written else None
    )
    assert checked is None or checked.returncode == 0, (
        f"new wrote {len(written)} documents that check refuses:\n{checked.stdout}"
    )
