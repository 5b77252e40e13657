"""The merger may set the 发布实施日期 line (sans_effective): only that date, nothing else."""

from __future__ import annotations

from rt15_helpers import DOC, SOON, clean, doc_branch, event_for, git, head, make_scenario, rewrite

MSG = (
    "Merge branch 'cr-1'\n\n修订\n\n"
    "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def _reviewed(tmp_path):
    s = make_scenario(tmp_path)
    doc_branch(
        s,
        "cr-1",
        lambda: rewrite(
            s, DOC, "version: V1.0", "version: V1.1", "effective_date: 2026-01-05",
            f"effective_date: {SOON}", "目的的内容。", "修订的目的。",
        ),
    )  # fmt: skip
    return s


def _merge_with_effective_line(s, line):
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-1", who="liujing")
    path = s.root / DOC
    data = path.read_bytes()
    old = f"effective_date: {SOON}\n".encode()
    assert old in data
    path.write_bytes(data.replace(old, line.encode("utf-8") + b"\n", 1))
    git(s, "add", DOC)
    s.git.run("commit", "-q", "-m", MSG, who="liujing", date=s.git.next_date())
    return head(s)


def test_the_effective_line_carries_no_other_front_matter_key(tmp_path):
    """FINDING. 刘静 merges 赵磊's reviewed V1.1 by hand and rewrites only its effective_date
    line, as an approver may: ``effective_date: <date>\\rrelated: [EXT-04]``. sans_effective
    drops the line up to ``\\n``, so the version counts as the branch's (no merger_wrote); YAML
    reads the lone CR as a line break, so V1.1's front matter in force gains a key nobody
    reviewed. The trail accepts the approval (0 problems)."""
    s = _reviewed(tmp_path)
    merge = _merge_with_effective_line(s, f"effective_date: {SOON}\rrelated: [EXT-04]")
    from doccontrol.load import yaml_source
    from doccontrol.load.frontmatter import split_text

    text = git(s, "show", f"main:{DOC}").stdout
    meta = yaml_source.load_tolerant(split_text(text)[0])
    assert meta["related"] == ["EXT-04"]  # the key is there, as history's parser reads it
    event = event_for(s, merge)
    assert event["problems"], "the trail accepts front matter no review showed"


def test_held_the_merger_setting_only_the_date_is_accepted(tmp_path):
    """HELD. The same hand merge writing only another (later) date: the trail accepts it (the
    date is the approver's), as approve --effective would."""
    s = _reviewed(tmp_path)
    merge = _merge_with_effective_line(s, f"effective_date: {SOON[:-2]}28")
    clean(s)
    event = event_for(s, merge)
    assert event["problems"] == [] or all(p["code"] == "DC520" for p in event["problems"])
