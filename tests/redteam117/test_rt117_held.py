"""Things tried against this session's rules that held: a declared adoption over pre-control
histories (rounds 115, 116), a site and a copy as of a day before control began, a partial
clone (``--filter=blob:none``) with its promisor remote reachable or gone."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from rt41_helpers import built_site, leaks
from rt116_helpers import earlier_secret_version
from rt117_helpers import (
    DROPPED,
    FIG,
    ID_MARKS,
    PIXELS,
    PUBLIC,
    SECRET,
    SECRET_TEXT,
    TWIN,
    TWIN_TEXT,
    Precontrol,
    adopt,
    adoptable,
    page_shows,
)

from builders import procedure
from history_helpers import body, cli
from secret_figures import pdf_images
from site_helpers import mkdocs, site_repo

COPY = "docs/procedures/copy.png"


@pytest.mark.parametrize("twin", [False, True], ids=["alone", "twin"])
def test_held_a_declared_adoption_over_an_earlier_secret_version(tmp_path, twin):
    """Round 116 hole 1's history (the secret text named the chart, a later pre-control
    version dropped the name), control begun by an approval setting ``control_since`` to
    main's tip: the adoption re-approves SM-P-07 (secret) and both pre-control versions stay
    recorded; the chart stays back."""
    s = adoptable(tmp_path / "a")
    files: dict[str, str | bytes | None] = {SECRET: SECRET_TEXT, FIG: PIXELS}
    if twin:
        files[TWIN] = TWIN_TEXT
    pre = Precontrol(s)
    pre.commit(files)
    pre.commit({SECRET: DROPPED}, "修订")
    site_repo(s)
    adopted = adopt(s)
    page_shows(s, "fig.png", 1)
    history = s.history()
    assert history.events[0].commit == adopted
    doc = history.documents["SM-P-07"]
    assert [r.kind for r in doc.revisions] == ["baseline"] and doc.revisions[0].approved
    assert len([c for c, p, _ in doc.baseline_files if p == SECRET]) == 2
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def _early_page(scenario, as_of: str | None):
    """Before control began: SM-P-07 (secret, naming fig.png), fig.png, a copy of its bytes
    (copy.png) and the public SM-P-01 in force since 2025-12-01 showing copy.png; after it,
    SM-P-01 V1.1 shows another picture. The site is built as of ``as_of``."""
    public = procedure(body=body("见下图。COPYPAGEMARK\n\n![图](copy.png)"))
    early = public.replace("effective_date: 2026-01-05", "effective_date: 2025-12-01")
    assert early != public
    Precontrol(scenario).commit({SECRET: SECRET_TEXT, FIG: PIXELS, COPY: PIXELS, PUBLIC: early})
    s = site_repo(scenario, as_of=as_of)
    page_shows(s, "other.png", 1)
    return s


@pytest.mark.parametrize("as_of", ["2026-01-01", "2026-01-03"])
def test_held_a_site_and_a_copy_as_of_a_day_before_control_began(scenario, tmp_path, as_of):
    """The baseline text in force on a day before control began (or just after) shows a
    copy of the secret chart: ``source`` reads it in the tree control began with and the
    copy's bytes are judged there (a secret text named them): kept back on the site and
    out of ``pdf --as-of``."""
    s = _early_page(scenario, as_of)
    site = built_site(s, tmp_path / "site")
    assert "COPYPAGEMARK" in (site / "procedures/test/index.html").read_text("utf-8")
    assert leaks(site, ID_MARKS) == []
    out = tmp_path / "copy.pdf"
    result = cli(s.root, "pdf", "SM-P-01", "--as-of", as_of, "-o", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    from pypdf import PdfReader

    assert sum(len(page.images) for page in PdfReader(str(out)).pages) == 0


@pytest.mark.parametrize("gone", [False, True], ids=["remote", "remote-gone"])
def test_held_a_partial_clone(scenario, tmp_path, gone):
    """``git clone --filter=blob:none`` of round 116 hole 1's history: with the promisor
    remote reachable the missing blobs are fetched and the chart stays back; with it gone the
    history cannot be read and the site publishes no picture, ``pdf`` refuses."""
    s = earlier_secret_version(scenario, "dropped")
    s.git.run("config", "uploadpack.allowfilter", "true")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", s.root.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    shutil.copytree(s.root / ".cache/vendor", clone / ".cache/vendor", dirs_exist_ok=True)
    if gone:
        s.root.rename(s.root.with_name("gone"))
    result = mkdocs(clone, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", ID_MARKS) == []
    out = tmp_path / "copy.pdf"
    made = cli(clone, "pdf", "SM-P-01", "-o", str(out))
    if gone:
        assert made.returncode != 0 and not out.exists()
    else:
        assert made.returncode == 0, made.stdout + made.stderr
        from pypdf import PdfReader

        assert sum(len(page.images) for page in PdfReader(str(out)).pages) == 0
