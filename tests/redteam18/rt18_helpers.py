"""What the round 18 tests share (on top of round 16's helpers)."""

from __future__ import annotations

from rt16_helpers import (  # noqa: F401
    DOC,
    MSG,
    approve,
    bump,
    fresh,
    git,
    hand_merge,
    head,
    make_scenario,
    problems,
    rewrite,
    trail_json,
)

P = "新增段落P。"


def add_p(s, name="cr-a", who="zhouqiang"):
    """``who``'s branch ``name`` (from main) adds paragraph P to DOC (V1.0 → V1.1); approve
    merges it (刘静, reviewed by 王芳). Returns the approval merge."""
    s.git.branch(name, "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n" + P)
    s.git.commit(f"{name}: P", who=who)
    s.git.checkout("main")
    result, merged = approve(s, name, "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    return head(s)


def all_codes(s, sha):
    """Every problem code the trail reports for commit ``sha``, its event's and its documents'."""
    data = trail_json(s)
    out = set()
    for e in data["events"]:
        if e["commit"] == sha:
            out |= {p["code"] for p in e["problems"]}
    return sorted(out)


DOC_B = "docs/procedures/b.md"


def two_doc_scenario(tmp_path):
    """The baseline scenario with a second procedure, SM-P-02 at DOC_B, in the initial import."""
    from builders import RepoBuilder, procedure
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        DOC_B,
        procedure(doc_id="SM-P-02", title="第二程序").replace("的内容。", "的内容（乙）。"),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def bump_at(s, path, old, new, *pairs):
    """``bump`` for the document at ``path``."""
    import re

    from rt16_helpers import SOON

    rewrite(s, path, f"version: {old}", f"version: {new}", *pairs)
    text = (s.root / path).read_text(encoding="utf-8")
    text = re.sub(r"effective_date: \S+", f"effective_date: {SOON}", text, count=1)
    (s.root / path).write_text(text, encoding="utf-8")


def take_merge(s, branch, *paths, who="liujing"):
    """``who`` merges ``branch`` by hand (--no-ff), taking the branch's whole version of each of
    ``paths`` (a conflict resolved by taking theirs, or a forge's "use theirs"); the message
    carries 刘静's approval and 王芳's review. Returns the merge commit."""
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", branch, who=who)
    for path in paths:
        git(s, "checkout", branch, "--", path)
        git(s, "add", path)
    s.git.run("commit", "-q", "-m", MSG.format(branch), who=who, date=s.git.next_date())
    return head(s)
