"""Hole 1 (MEDIUM, fixed in session 40): a secret text that shows its chart in a spelling MkDocs and the browser
resolve to the file but ``page_links.asset_target`` refuses names nothing for the picture
rules: a relative path with a literal colon (``![图](./chart:v2.png)``: MkDocs resolves it to
docs/procedures/chart:v2.png and writes ``src="chart%3Av2.png"``; asset_target refuses any
target holding ``":"`` before it reads %-escapes), or a path from the site's root written
with backslashes (``![图](\\procedures\\chart-v2.png)``: MkDocs leaves it as written, the
browser reads ``/procedures/chart-v2.png``; asset_target refuses a leading backslash, and the
backslash is turned into a slash only after ``_named_words`` has looked for a leading "/").
Every rule that makes a picture the secret's by a hidden text's names misses the chart: the
text before control began (``_baseline_named`` and round 117's ``blobs_held``), a mixed
approval under control (``_named_by_mixed``), a later approval of the picture alone
(``_named_by_hidden_versions``: ``theirs``). A public page that shows the picture (or a copy
of it) publishes it: site and ``doccontrol pdf``.

Controls: the same histories with the plain name ``./chart-v2.png`` keep the chart back; an
approval that holds only SM-P-07 keeps it back whatever its text names (``all(held)``)."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks
from rt118_helpers import (
    BACKSLASH,
    COLON,
    ID_MARKS,
    MARKS,
    PLAIN,
    colon_before_control,
    colon_under_control,
)

from doccontrol import page_links
from secret_figures import pdf_images

CASES = ["before", "copied", "mixed", "redrawn"]
SPELLINGS = {"colon": COLON, "backslash": BACKSLASH}
SECRET_DOC = "docs/procedures/secret.md"


def history(scenario, case: str, names):
    if case in ("before", "copied"):
        return colon_before_control(scenario, names, copied=case == "copied")
    return colon_under_control(scenario, names, case)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_what_the_attack_rested_on_is_read_now(spelling):
    """Fixed (session 40): the names rules see the picture the secret text shows in either
    spelling, as the public page's spelling resolves to that very path. (MkDocs' side, checked
    with a real build in scratch: ./chart:v2.png is written ``src="chart%3Av2.png"`` and the
    file is copied; \\procedures\\chart-v2.png is left as written; ``page_links.browser_url``
    itself reads a backslash as a slash.)"""
    name, written, shown = SPELLINGS[spelling]
    picture = f"docs/procedures/{name}"
    for text in (f"![图]({written})", f'<img src="{written}">'):
        assert picture in page_links.images_named([(SECRET_DOC, text)], None), text
    public = [("docs/procedures/test.md", f"![图]({shown})")]
    assert picture in page_links.images_used(public)
    # the same picture spelled plainly is named
    assert picture in page_links.images_named([(SECRET_DOC, f"![图]({shown})")], None)
    assert page_links.fetched_target("procedures/secret/", written.replace("./", "../")) in (
        picture,
        None,  # the colon: a scheme to a browser, as MkDocs rewrites it
    )


@pytest.mark.parametrize("case", CASES)
def test_control_a_plain_name_keeps_the_chart_back(scenario, tmp_path, case):
    s = history(scenario, case, PLAIN)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_control_a_secret_approval_alone_keeps_the_chart_back(scenario, tmp_path, spelling):
    s = colon_under_control(scenario, SPELLINGS[spelling], "alone")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_chart_the_secret_names_oddly_stays_off_the_site(scenario, tmp_path, spelling, case):
    s = history(scenario, case, SPELLINGS[spelling])
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("spelling", SPELLINGS)
def test_the_pdf_copy_leaves_a_chart_the_secret_names_oddly_out(scenario, tmp_path, spelling, case):
    s = history(scenario, case, SPELLINGS[spelling])
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("case", ["before", "mixed"])
def test_held_the_oddly_named_chart_leaks_no_id_title_or_text(scenario, tmp_path, case):
    s = history(scenario, case, COLON)
    assert (
        leaks(built_site(s, tmp_path / "site"), ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
    )
