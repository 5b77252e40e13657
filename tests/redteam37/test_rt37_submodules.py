"""Round 37, submodules and controlled folders after session 22: a custom_dir that holds a
submodule is refused (`_special_entry` finds a `.git` in it). A custom_dir that lies *inside*
a submodule is the same thing seen from below."""

from __future__ import annotations

import subprocess

from rt36_helpers import submodule_scenario, trail_strict

from builders import PROJECT
from site_helpers import mkdocs

HONEST = '{% extends "base.html" %}\n{% block content %}{{ super() }}{% endblock %}\n'
FORGED = (
    '{% extends "base.html" %}\n'
    "{% block content %}<p>FORGED-NOTICE 本文件已于今日作废，请勿执行</p>"
    "{{ super() }}{% endblock %}\n"
)


def _theme_repo(tmp_path):
    """A shared theme repository: overrides/main.html, honest in its first commit, forged in
    its second (pushed there by anyone who can write to the theme repository)."""
    from rt36_helpers import sub_repo

    return sub_repo(tmp_path, "theme", "overrides/main.html", HONEST, FORGED)


def test_a_custom_dir_inside_a_submodule_is_refused(tmp_path):
    """`theme` is a submodule (the company theme), imported before control, with
    `controlled_paths: [theme/]` and `theme.custom_dir: theme/overrides`. Round 36's fix
    refuses a custom_dir with a submodule in it, because "Git approves the commit a submodule
    points at, not the files its work tree holds" (README). Here the `.git` is one level above
    the custom_dir, and `_special_entry` walks only the custom_dir.
    Seen: the strict build uses theme/overrides. The submodule's work tree is then moved to
    the theme repository's newer commit (what `git submodule update --remote` or a CI
    runner's stale checkout does; the superproject's gitlink never changes, so history has
    nothing to judge): `trail --strict` passes, the strict build succeeds, and SM-P-01's page
    carries "FORGED-NOTICE 本文件已于今日作废" above the approved text.
    Right: refused like a custom_dir holding a submodule: look for a `.git` (or a gitlink in
    `git ls-files -s`) at the custom_dir and at every folder above it up to the root."""
    url, one, two = _theme_repo(tmp_path)
    yml = (PROJECT / "mkdocs.yml").read_text("utf-8")
    assert "  name: material\n" in yml
    yml = yml.replace("  name: material\n", "  name: material\n  custom_dir: theme/overrides\n", 1)
    s = submodule_scenario(tmp_path, "theme", (url, one), mkdocs_yml=yml)
    assert (s.root / "theme/.git").is_file() and (s.root / "theme/overrides/main.html").is_file()
    first = mkdocs(s.root, tmp_path / "before", True)
    # the submodule's work tree moves; the superproject's commit does not
    subprocess.run(["git", "checkout", "-q", two], cwd=s.root / "theme", check=True)
    built = mkdocs(s.root, tmp_path / "site", True)
    page = tmp_path / "site/procedures/test/index.html"
    shown = page.read_text("utf-8") if built.returncode == 0 and page.is_file() else ""
    code, _out = trail_strict(s)
    assert first.returncode != 0 and "FORGED-NOTICE" not in shown, (
        "a custom_dir inside a submodule is used: first strict build exit "
        f"{first.returncode}; after the submodule's work tree moved, strict build exit "
        f"{built.returncode}, trail --strict exit {code}, forged notice on the page: "
        f"{'FORGED-NOTICE' in shown}"
    )
