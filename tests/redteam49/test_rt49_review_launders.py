"""A same-version approval that changes the text (DC511) is not what is in force (README,
One answer; round 48's fix). A later periodic review of that version, changing only the
front matter, is kind ``review`` (its body equals the last *approved* body, the DC511 text),
so ``Standing.described`` becomes it and ``standing.published`` gives its text: the DC511
text is in force from then on, under the old version number, by a PR whose diff showed only a
review date."""

from __future__ import annotations

from rt48_helpers import DOC, merge_dated, run, two_doc_scenario

SWAPPED = "偷换后的适用范围。"


def _laundered(tmp_path, review=True):
    s = two_doc_scenario(tmp_path)
    text = (s.root / DOC).read_text("utf-8")
    assert "适用范围的内容。" in text
    changed = text.replace("适用范围的内容。", SWAPPED)
    merge_dated(s, "cr-swap", {DOC: changed}, "2026-03-01")  # DC511: same V1.0, new body
    if review:
        reviewed = changed.replace(
            "review_interval_months: 12", "review_interval_months: 12\nreview_date: 2026-03-04"
        )
        merge_dated(s, "cr-review", {DOC: reviewed}, "2026-03-05")
    return s


def test_held_dc511_text_is_not_in_force(tmp_path):
    """Without the review: `show` gives the V1.0 text approved first."""
    s = _laundered(tmp_path, review=False)
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert shown.returncode == 0, shown.stderr
    assert SWAPPED not in shown.stdout and "适用范围的内容。" in shown.stdout


def test_a_review_after_dc511_does_not_put_its_text_in_force(tmp_path):
    s = _laundered(tmp_path)
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert shown.returncode == 0, shown.stderr
    assert SWAPPED not in shown.stdout, shown.stdout
    assert "适用范围的内容。" in shown.stdout, shown.stdout


def test_the_site_page_gives_the_version_in_force_not_the_dc511_text(tmp_path):
    """The same on the site: the page of SM-P-01 (V1.0) gives the text approved as V1.0."""
    from rt48_helpers import built, site_repo

    s = two_doc_scenario(tmp_path)
    site_repo(s)
    text = (s.root / DOC).read_text("utf-8")
    changed = text.replace("适用范围的内容。", SWAPPED)
    merge_dated(s, "cr-swap", {DOC: changed}, "2026-03-01")
    reviewed = changed.replace(
        "review_interval_months: 12", "review_interval_months: 12\nreview_date: 2026-03-04"
    )
    merge_dated(s, "cr-review", {DOC: reviewed}, "2026-03-05")
    site = built(s.root, tmp_path / "site")
    page = (site / "procedures/test/index.html").read_text("utf-8")
    assert "适用范围的内容。" in page and SWAPPED not in page
