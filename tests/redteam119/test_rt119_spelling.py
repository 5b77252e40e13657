"""Holes 1 and 2 (round 119): a secret text that shows its chart in a spelling MkDocs or a
browser resolve to the file, which ``page_links.images_named`` (the generous reader of hidden
texts) does not read as that file, names nothing for the picture rules
(``_baseline_named``/``blobs_held`` before control began, ``_named_by_mixed``, ``theirs``).
A public page that shows the chart (or a copy of it) then publishes its bytes on the site and
in ``doccontrol pdf``.

Hole 1: a Markdown target whose %-escapes make it start with a slash
(``![图](%2Fprocedures%2Fchart-v2.png)``). MkDocs (``Page.path_to_url``) tests the raw URL for
a leading "/", then unquotes the path, joins it to the page's folder and strips the leading
slash (``_target_uri``): docs/procedures/chart-v2.png, written ``src="../chart-v2.png"``.
``asset_target`` joins the unquoted "/procedures/chart-v2.png" to the folder, gets an absolute
path and refuses it; the word reader's root rule looks for "/" before reading %-escapes.

Hole 2: a name inside ``srcset`` (with its descriptor) or an inline style's ``url(...)`` that
holds a character the word reader splits at (``(``, ``)``, ``=``, ``;``, ``|``, ``[``, ``]``,
``,``, ``{``, ``}``): ``<img srcset="../chart(1).png 2x">`` reads as the words ``../chart``,
``1`` and ``.png``; the quoted string ends in ``2x``. MkDocs leaves both as written; the
browser fetches procedures/chart(1).png from the page procedures/secret/.

Hole 3: a Markdown target holding a character reference (``![图](chart&#46;png)``). Python-
Markdown stashes the entity (AMP_SUBSTITUTE), so MkDocs' ``path_to_url`` leaves the URL as
written; the browser decodes the attribute and reads ``chart.png`` from the page's URL
(procedures/secret/ with directory URLs): docs/procedures/secret/chart.png. ``_written``
unescapes it but reads a Markdown target only from the file's folder (docs/procedures/chart.png,
which the page does not show); the word reader splits at ";" and its decodings leave
``chart&.png``."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks, pack_leaks
from rt119_helpers import (
    ENTITY,
    ID_MARKS,
    MARKS,
    PLAIN,
    PLAIN_FOLDER,
    PLAIN_SRCSET,
    ROOT_ESCAPED,
    SRCSET,
    STYLE,
    history,
    under_control,
)

from doccontrol import page_links
from secret_figures import pdf_images

SECRET_DOC = "docs/procedures/secret.md"
CASES = ["before", "copied", "mixed", "redrawn"]
SPELLINGS = {"root-escaped": ROOT_ESCAPED, "srcset": SRCSET, "style": STYLE, "entity": ENTITY}
CONTROLS = {"plain": PLAIN, "plain-srcset": PLAIN_SRCSET, "plain-folder": PLAIN_FOLDER}


def test_what_the_attack_rested_on_is_read_now():
    """Fixed (session 40): the reader gives the chart's path for each of the secret's
    spellings, which MkDocs and the browser resolve to the chart (checked with a scratch
    ``mkdocs build``: the %2F target is written ``src="../chart-v2.png"``; ``srcset``,
    ``style`` and ``chart&#46;png`` are left as written, and the browser reads them from
    procedures/secret/); the public page's spelling resolves."""
    for name, line, shown in SPELLINGS.values():
        picture = f"docs/procedures/{name}"
        assert picture in page_links.images_named([(SECRET_DOC, line)], None), line
        assert picture in page_links.images_used([("docs/procedures/test.md", f"![图](<{shown}>)")])
    for name, line, _ in CONTROLS.values():
        assert f"docs/procedures/{name}" in page_links.images_named([(SECRET_DOC, line)], None)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("control", CONTROLS)
def test_control_a_plain_name_keeps_the_chart_back(scenario, tmp_path, control, case):
    s = history(scenario, case, CONTROLS[control])
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_control_a_secret_approval_alone_keeps_the_chart_back(scenario, tmp_path, spelling):
    s = under_control(scenario, SPELLINGS[spelling], "alone")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def _cases():
    for spelling in SPELLINGS:
        for case in CASES:
            yield pytest.param(spelling, case, id=f"{spelling}-{case}")


@pytest.mark.parametrize(("spelling", "case"), list(_cases()))
def test_a_chart_the_secret_shows_oddly_stays_off_the_site(scenario, tmp_path, spelling, case):
    s = history(scenario, case, SPELLINGS[spelling])
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []


@pytest.mark.parametrize(("spelling", "case"), list(_cases()))
def test_the_pdf_copy_leaves_a_chart_the_secret_shows_oddly_out(scenario, tmp_path, spelling, case):
    s = history(scenario, case, SPELLINGS[spelling])
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_held_the_oddly_shown_chart_leaks_no_id_title_or_text(scenario, tmp_path, spelling):
    s = history(scenario, "before", SPELLINGS[spelling])
    assert (
        leaks(built_site(s, tmp_path / "site"), ["SECRETBODYMARK", "SM-P-07", "SECRETTITLE"]) == []
    )


def test_held_the_audit_pack_with_the_site_carries_no_secret_chart(scenario, tmp_path):
    """``audit-pack --site`` of the hole-1 site takes each document's HTML from the site, not
    its pictures: the chart's bytes stay out of the pack, as do the secret's id, title and
    text. (Before the fix the site served the chart; it no longer does.)"""
    s = history(scenario, "before", ROOT_ESCAPED)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETPIXELSMARK"]) == []  # hole 1 fixed (session 40)
    assert pack_leaks(s.root, tmp_path / "pack.zip", ID_MARKS, "--site", str(site)) == []


def test_held_the_audit_pack_alone_carries_no_picture(scenario, tmp_path):
    s = history(scenario, "before", ROOT_ESCAPED)
    assert pack_leaks(s.root, tmp_path / "pack.zip", ID_MARKS) == []
