"""`show DOC --as-of DAY` names the document, its version and who vouches for it: the same
facts the register (as of that day), the site's control block and a PDF copy give."""

from __future__ import annotations

from rt48_helpers import (
    DOC,
    TODAY,
    built,
    control_cells,
    merge_dated,
    register,
    run,
    site_repo,
    two_doc_scenario,
)


def test_show_as_of_a_day_gives_the_title_of_that_day_not_a_later_direct_commits(tmp_path):
    """赵磊 (push access) commits straight to main a new title for SM-P-01 (DC501, never
    approved). `show SM-P-01 --as-of 2026-02-01` prints the approved V1.0 text, but its
    heading names the document by the title nobody approved, written months after that
    day; `register --as-of 2026-02-01` says 测试程序."""
    s = two_doc_scenario(tmp_path)
    path = s.root / DOC
    path.write_text(path.read_text("utf-8").replace("title: 测试程序", "title: 已整改完毕程序"))
    s.git.commit("直接改标题", who="zhaolei")
    day = "2026-02-01"
    assert register(s, "--as-of", day)["SM-P-01"]["title"] == "测试程序"
    shown = run(s, "show", "SM-P-01", "--as-of", day)
    assert shown.returncode == 0, shown.stderr
    heading = shown.stdout.splitlines()[0]
    assert "已整改完毕程序" not in heading and "测试程序" in heading, heading


def test_show_names_the_approval_the_control_block_and_a_copy_name(tmp_path):
    """SM-P-01 V1.0 stood on the pre-control baseline; an approved periodic review (刘静,
    2026-03-01, the text unchanged) approves it again. The site's control block and a PDF
    copy name 刘静 and that merge as the version's approval (standing.vouched_by); `show`
    says the version rests on the baseline of 2026-01-01 (未经批准), naming its commit."""
    s = two_doc_scenario(tmp_path)
    site_repo(s, as_of=TODAY)
    text = (s.root / DOC).read_text("utf-8")
    review = merge_dated(
        s,
        "cr-review",
        {
            DOC: text.replace(
                "review_interval_months: 12", "review_interval_months: 12\nreview_date: 2026-02-27"
            )
        },
        "2026-03-01",
    )
    site = built(s.root, tmp_path / "site")
    cells = control_cells((site / "procedures/test/index.html").read_text("utf-8"))
    assert cells["批准"].startswith("刘静 2026-03-01"), cells
    shown = run(s, "show", "SM-P-01", "--as-of", TODAY)
    assert shown.returncode == 0, shown.stderr
    line = shown.stdout.splitlines()[1]
    assert "刘静" in line and review[:10] in line, (
        f"show: {line!r}; the control block: 批准 {cells['批准']!r}"
    )
