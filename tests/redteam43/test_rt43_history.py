"""Round 43: commits an author can push with fields git itself cannot read (a date git
prints as its own placeholder) and messages that move the terminal's text."""

from __future__ import annotations

import re

from rt43_helpers import crafted_merge, run

from history_helpers import make_scenario

ZHAO = "赵磊 <zhao.lei@example.com>".encode()
LIU = "刘静 <liu.jing@example.com>".encode()


def test_a_date_git_cannot_read_is_said_so_and_blamed_on_its_own_commit(tmp_path):
    """赵磊's commit carries `author 赵磊 <…> -100 +0000` and 刘静's merge a committer line
    with no date at all (`hash-object --literally`; a server without fsck takes it). For
    both, `git log --format=%aI/%cI` prints the placeholder itself, `%aI` / `%cI`.
    Seen: `doccontrol log SM-P-01` shows `%aI` as the 更改人's date; the DC524 notice says
    the *previous, honest* commit's date is "an hour or more after the later commit
    <merge> (%cI)" — blaming the wrong commit — while the merge with no date is named
    nowhere as such (history/derive.py `_instant` assumes "git always writes %cI").
    Right: no `%aI`/`%cI` in any output; the commit whose date cannot be read is the one
    reported (a DC524-like problem naming it), not its parent."""
    s = make_scenario(tmp_path)
    honest = s.git.commit("记录模板说明", who="wangfang")  # 2026-01-02, after control began
    _, merge = crafted_merge(s, "新增一句。\n", ZHAO + b" -100 +0000", LIU)
    log = run(s.root, "log", "SM-P-01")
    trail = run(s.root, "trail", "--format", "csv")
    shown = log.stdout + log.stderr + trail.stdout + trail.stderr
    assert "%aI" not in shown and "%cI" not in shown, shown
    blamed = re.findall(r"提交 ([0-9a-f]{10}) 的提交时间", shown)
    assert honest[:10] not in blamed, (
        f"the honest commit {honest[:10]} is blamed for the merge {merge[:10]}'s date:\n{shown}"
    )


def test_a_right_to_left_override_in_a_merge_message_is_not_obeyed_by_the_terminal(tmp_path):
    """刘静's merge message says `合并 \\u202eSM-P-01 V1.1` (RIGHT-TO-LEFT OVERRIDE, Unicode
    category Cf). `printable()` (cli/output.py) escapes controls (Cc) only, so ANSI escapes
    come out as \\x1b, but the override reaches the terminal raw and reverses the rest of
    the line as the reader sees it (trail, log). validate/ids.py already refuses Cf in ids.
    Right: bidi overrides and isolates (U+202A–202E, U+2066–2069) in history text are
    shown escaped (\\u202e) in table output, like the controls."""
    s = make_scenario(tmp_path)
    message = (
        "合并 \u202eSM-P-01 V1.1 \x1b[2K\n\nReviewed-by: 王芳 <wang.fang@example.com>\n"
        "Approved-by: 刘静 <liu.jing@example.com>\n"
    ).encode()
    crafted_merge(
        s, "新增一句。\n", ZHAO + b" 1768870800 +0800", LIU + b" 1768874400 +0800", message=message
    )
    log = run(s.root, "log", "SM-P-01")
    trail = run(s.root, "trail")
    out = log.stdout + trail.stdout
    assert "SM-P-01 V1.1" in out.replace("\u202e", ""), out
    assert "\x1b" not in out, "an escape reaches the terminal"
    assert "\u202e" not in out, f"the override reaches the terminal raw:\n{out}"
