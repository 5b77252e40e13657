"""HELD (round 13): merge shapes where `approve`, the forge merge and the trail agree.

- CRLF line endings: main's approved change and the branch's change on different lines of a
  CRLF stylesheet in `overrides/`: both the forge merge and `approve` are accepted.
- A file without a final newline, the branch changing its last line: accepted.
- A hand edit on top of a criss-cross merge (not any base's clean merge): DC516.merged.
- An image under docs/ changed on the branch while main approved another change: accepted.
"""

from __future__ import annotations

from rt13_helpers import (
    CSS,
    LINES,
    approve,
    approved,
    branch_commit,
    css_scenario,
    hand_merge,
    merge_keys,
    strict,
    with_line,
    write,
)

from rules_attacks import forge_merge, png


def _crlf(lines):
    return "".join(line + "\r\n" for line in lines)


def test_crlf_files_merge_alike(tmp_path):
    for how in ("forge", "approve"):
        s = css_scenario(tmp_path / how, _crlf(LINES))
        branch_commit(s, "b", "main", CSS, _crlf(with_line(LINES, 10, ".c10 { color: navy; }")))
        approved(s, "e", write(s, CSS, _crlf(with_line(LINES, 2, ".c2 { color: red; }"))))
        if how == "forge":
            forge_merge(s, "b", title="b")
        else:
            result, merged = approve(s, "b")
            assert merged, result.stdout
        assert "problem.DC516.merged" not in merge_keys(s)
        assert (s.root / CSS).read_bytes().count(b"\r\n") == len(LINES)


def test_no_final_newline(tmp_path):
    text = "".join(line + "\n" for line in LINES).rstrip("\n")
    s = css_scenario(tmp_path, text)
    branch_commit(s, "b", "main", CSS, text.replace(".c13 { color: #000013; }", ".c13 { }"))
    approved(s, "e", write(s, CSS, text.replace(".c0 { color: #000000; }", ".c0 { }")))
    result, merged = approve(s, "b")
    assert merged, result.stdout
    assert "problem.DC516.merged" not in merge_keys(s)
    assert strict(s).returncode == 0


def test_a_hand_edit_of_a_crisscross_merge_is_refused(tmp_path):
    from test_rt13_crisscross import _crisscross

    s = css_scenario(tmp_path)
    _e, b = _crisscross(s)
    evil = "".join(line + "\n" for line in with_line(b, 7, ".c7 { display: none; }"))
    hand_merge(s, "b", CSS, evil.encode())
    assert "problem.DC516.merged" in merge_keys(s)


def test_an_image_changed_on_the_branch(tmp_path):
    s = css_scenario(tmp_path)
    s.files.write("docs/assets/logo.png", png(b"v1"))
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "--amend", "--no-edit", date="2026-01-01T10:00:00+08:00")
    s.git.branch("b")
    s.files.write("docs/assets/logo.png", png(b"v2"))
    s.git.commit("b: 新标志", who="zhaolei")
    s.git.checkout("main")
    approved(s, "e", write(s, CSS, "".join(x + "\n" for x in with_line(LINES, 2, ".c2 { }"))))
    result, merged = approve(s, "b")
    assert merged, result.stdout
    assert "problem.DC516.merged" not in merge_keys(s)
    assert strict(s).returncode == 0
