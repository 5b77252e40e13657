"""The controlled configuration covers "every local file the approved mkdocs.yml names"
(README), read by history.rules_paths.named_paths from the root mkdocs.yml only. A file it
INHERITs is controlled, but what that parent names (its `hooks:`, its own INHERIT, its
custom_dir, its extension modules) is not: MkDocs merges the parent into the config and runs
its hooks in main's strict build."""

from __future__ import annotations

import pytest
from rt41_helpers import SECRET_BODY, SECRET_TITLE, approve, leaks, site_with_secret

from history_helpers import cli
from site_helpers import mkdocs

MARKERS = [SECRET_BODY, SECRET_TITLE]
HOOK = "site_hooks/pages.py"
BENIGN = '"""Site hooks (a no-op)."""\n\n\ndef on_page_markdown(markdown, **kwargs):\n    return markdown\n'
# what 赵磊 pushes: after the build, SM-P-07's file goes onto SM-P-01's published page
EVIL = (
    '"""Site hooks."""\n\nfrom pathlib import Path\n\n\n'
    "def on_post_build(config, **kwargs):\n"
    '    secret = Path(config.docs_dir, "procedures/secret.md").read_text("utf-8")\n'
    '    page = Path(config.site_dir, "procedures/test/index.html")\n'
    '    page.write_text(page.read_text("utf-8") + secret, "utf-8")\n'
)


def _with_base(scenario, *, in_root: bool):
    """Round 41's site, then one approved merge (刘静 + 陈明远) that moves the hook line into
    a shared `base.yml` the root mkdocs.yml INHERITs (``in_root``: the control, the hook named
    by mkdocs.yml itself), with the benign hook."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    hooks = f"hooks:\n  - {HOOK}\n"
    files = {HOOK: BENIGN}
    if in_root:
        files["mkdocs.yml"] = yml + hooks
    else:
        files["mkdocs.yml"] = "INHERIT: base.yml\n" + yml
        files["base.yml"] = hooks
    approve(s, "cr-hooks", files, "站点钩子", 2)
    return s


@pytest.mark.parametrize("in_root", [True, False], ids=["named-by-mkdocs.yml", "named-by-base.yml"])
def test_a_pushed_hook_is_an_unapproved_change(scenario, tmp_path, in_root):
    """`named-by-mkdocs.yml` (control, passes): the push of the hook is DC516, trail --strict
    fails and the strict build stops. `named-by-base.yml` (hole, high): the same push of the
    same hook, named by the approved base.yml. `trail --strict` passed, and the strict build
    ran the pushed hook, which copies SM-P-07's file onto SM-P-01's page, and stamped the site.
    Since session 28 history follows INHERIT: the push is DC516 in both layouts."""
    s = _with_base(scenario, in_root=in_root)
    s.files.write(HOOK, EVIL)
    s.git.commit("钩子", who="zhaolei")
    trail = cli(s.root, "trail", "--strict")
    assert trail.returncode != 0 and "DC516" in trail.stdout, trail.stdout
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    published = result.returncode == 0 and (out / "doccontrol-build.json").is_file()
    found = sorted({f for f, _ in leaks(out, MARKERS)}) if published else []
    assert trail.returncode != 0 or not published or found == [], (trail.returncode, found)
    assert found == [], found


@pytest.mark.parametrize("in_root", [True, False], ids=["named-by-mkdocs.yml", "named-by-base.yml"])
def test_an_approved_hook_builds_when_the_rules_control_it(scenario, tmp_path, in_root):
    """Session 28: history follows INHERIT, so the hook named by the approved base.yml is
    controlled as the one named by mkdocs.yml itself: the approved build is strict, stamped,
    nothing leaked (session 27 refused every build of it, as controlled by nothing)."""
    s = _with_base(scenario, in_root=in_root)
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    assert (out / "doccontrol-build.json").is_file()
    assert leaks(out, MARKERS) == []


def test_a_hook_a_branch_names_is_refused_by_the_build(scenario, tmp_path):
    """The plugin's own check stands for what the rules in force do not control: a work tree
    whose base.yml names a hook main's approved one does not is refused, with its path."""
    s = _with_base(scenario, in_root=False)
    (s.root / "base.yml").write_text(f"hooks:\n  - {HOOK}\n  - other_hooks.py\n", "utf-8")
    (s.root / "other_hooks.py").write_text(BENIGN, "utf-8")
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode != 0 and "other_hooks.py" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (out / "doccontrol-build.json").exists()
