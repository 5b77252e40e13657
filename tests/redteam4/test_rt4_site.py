"""Red team 4, site: a document body against the secret part marks (control block, banners,
change history put in place after conversion). Real repositories, real `mkdocs build`."""

from __future__ import annotations

import re

import pytest

from doccontrol import catalogue
from site_helpers import mkdocs, site_repo

ZH = catalogue.load("zh")

# An unclosed construct at the end of the body runs on past the body's end mark, the change
# history's heading and its mark. The page must still carry its 变更履历 table and its control
# block exactly once, or the build must fail: never a published page without them.
SWALLOWERS = {
    "backtick-fence": "```",
    "tilde-fence": "~~~",
    "pre": "<pre>",
    "textarea": "<textarea>",
    "script": "<script>",
    "comment": "<!--",
    "cdata": "<![CDATA[",
    "php": "<?php",
    "md-in-html-div": '<div markdown="1">',
    "details": "<details>",
    "admonition": "!!! note\n\n    text",
    "table": "<table><tr><td>",
    "list": "<ul><li>",
    "mermaid-fence": "```mermaid",
    "indented-fence": "    ```",
}


def _page_ending_in(scenario, tmp_path, tail):
    """The built test page whose body ends in ``tail``, or None when the build refused."""
    s = site_repo(scenario)
    path = s.root / "docs/procedures/test.md"
    path.write_text(path.read_text() + "\n" + tail + "\n", encoding="utf-8")
    s.git.commit("正文", date="2026-01-02T10:00:00+08:00")
    if mkdocs(s.root, tmp_path / "site").returncode != 0:
        return None
    return (tmp_path / "site/procedures/test/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("tail", list(SWALLOWERS.values()), ids=list(SWALLOWERS))
def test_an_unclosed_construct_never_publishes_a_page_without_its_history(scenario, tmp_path, tail):
    """A body ending in an unclosed fence, raw HTML block or comment swallows the change
    history's mark, so the page is published without its 变更履历 table (or control block).
    The build must either fail or show both parts, each once, with no mark leaked."""
    page = _page_ending_in(scenario, tmp_path, tail)
    if page is None:
        return  # failing closed is fine
    assert "dc-part" not in page and "dc-body" not in page
    assert page.count("dc-control-table") == 1, "control block missing or doubled"
    assert page.count('class="dc-history') == 1, "change history table missing or doubled"


RAW_BLOCKS = ["<pre>", "<textarea>", "<script>", "<details>", "<table><tr><td>", "<ul><li>"]


@pytest.mark.parametrize(
    "tail", RAW_BLOCKS, ids=["pre", "textarea", "script", "details", "table", "list"]
)
def test_an_unclosed_raw_html_block_leaves_the_history_heading_a_heading(scenario, tmp_path, tail):
    """A body ending in an unclosed raw HTML block makes Python-Markdown take the rest of the
    page (the history's heading) as raw HTML: the page shows a literal "## 变更履历" and the
    section drops out of the table of contents. The heading must stay a heading (or fail)."""
    page = _page_ending_in(scenario, tmp_path, tail)
    if page is None:
        return
    heading = ZH.text("site.history.heading")
    assert f"## {heading}" not in page
    assert re.search(rf"<h2[^>]*>{heading}", page), "the 变更履历 heading is not a heading"
