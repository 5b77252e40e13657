"""Session 27 compares the build's inputs by `git hash-object --stdin-paths` (the path's
filters applied) against ls-tree of main's tip, and leaves out untracked files git ignores.
Both are git's view of the work tree, not the bytes the build reads: a clean filter turns any
work-tree doccontrol.yml into main's blob, and an ignored template in the custom_dir is read
by the theme but never compared."""

from __future__ import annotations

import pytest
from rt41_helpers import SECRET_BODY, SECRET_TITLE, leaks, site_with_secret
from rt64_helpers import CONTROL_BLOCK, MARK, adopter_site, shipped_control_block, stamp_of

from site_helpers import mkdocs

LIMIT = "max_confidentiality: internal"


def _hide_with_a_clean_filter(s, path: str) -> None:
    """Local only (no commit, no tracked file changes): `.git/info/attributes` gives ``path``
    a filter whose clean side prints main's blob, whatever the work tree holds."""
    blob = s.git.run("rev-parse", f"main:{path}")
    info = s.root / ".git/info"
    info.mkdir(exist_ok=True)
    (info / "attributes").write_text(f"{path} filter=asmain\n", "utf-8")
    s.git.run("config", "filter.asmain.clean", f"cat >/dev/null; git cat-file blob {blob}")
    s.git.run("config", "filter.asmain.smudge", "cat")


def test_control_a_plain_uncommitted_edit_is_caught(scenario, tmp_path):
    """Held (session 27): the edit, with no filter, decides nothing."""
    s = site_with_secret(scenario)
    s.set_config(LIMIT, "max_confidentiality: secret")
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    assert leaks(out, [SECRET_BODY, SECRET_TITLE]) == []
    assert stamp_of(out) is None  # its inputs are not main's: it vouches for nothing


def test_a_clean_filter_does_not_hide_an_edited_doccontrol_yml(scenario, tmp_path):
    """Hole (round 63 hole 3 reopened): `.git/info/attributes` + `filter.<x>.clean` (local
    config, nothing committed), then `max_confidentiality: secret` in the work tree. `git
    status` is empty and hash-object gives main's blob, so work_tree_differs says "same".
    The strict desk build publishes SM-P-07 and stamps `level: secret` with main's head."""
    s = site_with_secret(scenario)
    _hide_with_a_clean_filter(s, "doccontrol.yml")
    s.set_config(LIMIT, "max_confidentiality: secret")
    s.git.run("add", "doccontrol.yml")  # the index takes the filtered blob: main's
    assert "max_confidentiality: secret" in (s.root / "doccontrol.yml").read_text("utf-8")
    assert s.git.run("status", "--porcelain") == ""
    assert s.git.run("diff", "main") == ""
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    found = sorted({f for f, _ in leaks(out, [SECRET_BODY, SECRET_TITLE])})
    stamp = stamp_of(out)
    assert (found, (stamp or {}).get("level", "none")) == ([], "internal" if stamp else "none")


def _override(s) -> None:
    (s.root / CONTROL_BLOCK).write_text(
        '<p class="org">UNAPPROVEDTEMPLATE</p>\n' + shipped_control_block(), "utf-8"
    )


def test_control_an_untracked_override_in_the_custom_dir_is_dropped(scenario, tmp_path):
    """Held: an edited (tracked) template in the custom_dir is dropped from the build."""
    s = adopter_site(scenario)
    _override(s)
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert "UNAPPROVEDTEMPLATE" not in page


def test_control_a_skip_worktree_template_is_hashed(scenario, tmp_path):
    """Held (session 27): the approved override marked --skip-worktree, then edited to
    include a new ignored file: hash-object reads the edit, the folder is dropped."""
    s = adopter_site(scenario)
    (s.root / ".git/info/exclude").write_text("overrides/doccontrol/extra.html\n", "utf-8")
    (s.root / "overrides/doccontrol/extra.html").write_text("UNAPPROVEDTEMPLATE\n", "utf-8")
    s.git.run("update-index", "--skip-worktree", CONTROL_BLOCK)
    (s.root / CONTROL_BLOCK).write_text(
        '{% include "doccontrol/extra.html" %}' + shipped_control_block(), "utf-8"
    )
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    page = (out / "procedures/test/index.html").read_text("utf-8")
    assert "UNAPPROVEDTEMPLATE" not in page


@pytest.mark.parametrize("exclude", [".git/info/exclude", ".gitignore"])
def test_an_ignored_template_in_the_custom_dir_is_no_unvouched_input(scenario, tmp_path, exclude):
    """Hole: work_tree_differs lists `--others --exclude-standard`, so a template git ignores
    is no input, yet the theme loads every file in the custom_dir. A Material `main.html`
    (every page extends it) that main does not hold, ignored by `.git/info/exclude` or by an
    uncommitted line in `.gitignore` (`git status` then shows .gitignore only). The strict
    desk build renders it on every page and stamps the site with main's head and level, the
    stamp an audit pack trusts as main's build."""
    s = adopter_site(scenario)
    (s.root / exclude).write_text(
        ((s.root / exclude).read_text("utf-8") if (s.root / exclude).exists() else "")
        + "overrides/main.html\n",
        "utf-8",
    )
    (s.root / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}UNAPPROVEDTEMPLATE{% endblock %}\n',
        "utf-8",
    )
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    page = (out / "procedures/test/index.html").read_text("utf-8")
    # session 27: an ignored file counts, so the folder is not main's and is dropped
    assert "UNAPPROVEDTEMPLATE" not in page and MARK not in page
    assert stamp_of(out) is None
