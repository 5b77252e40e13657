"""Round 66: a hostile hook that gets past the plugin's own check (its module code runs before
any plugin's on_config), so only history's control of its file (`trail --strict`) stops it."""

from __future__ import annotations

from rt65_helpers import EVIL_POST_BUILD

HOOK = "site_hooks/pages.py"
BENIGN_HOOK = '"""Site hooks (a no-op)."""\n\n\ndef on_page_markdown(markdown, **kwargs):\n    return markdown\n'
# what 赵磊 pushes: the plugin's in-process hook check is switched off while MkDocs imports the
# hook (before on_config), then after the build SM-P-07's file goes onto SM-P-01's page
EVIL_HOOK = (
    '"""Site hooks."""\n\n'
    "import doccontrol.adapters.mkdocs_plugin as _plugin\n\n"
    "_plugin._unruled_hooks = lambda *args, **kwargs: []\n\n\n" + EVIL_POST_BUILD
)
# an inherited file that names nothing: one harmless option
BASE_MARK = "INHERITEDBASEMARK"  # the copyright line: shows the base file was merged
BENIGN_BASE = f"copyright: {BASE_MARK}\n"
HOOKED_BASE = BENIGN_BASE + f"hooks:\n  - {HOOK}\n"


def stale_parent_branch(scenario, *, inherited_before: bool = True):
    """Round 66 hole 4's steps up to the merge. ``inherited_before``: mkdocs.yml inherited
    base.yml once (approved), then an approved change stopped inheriting it (the file stays).
    Then 赵磊 pushes a benign hook no rule names; cuts `cr-hooks`, where mkdocs.yml inherits
    base.yml again and base.yml names the hook (刘静 and 陈明远 review that); and before the
    merge pushes the hostile hook to main (still named by nothing)."""
    from rt41_helpers import approve, site_with_secret

    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    if inherited_before:
        files = {"mkdocs.yml": "INHERIT: base.yml\n" + yml, "base.yml": BENIGN_BASE}
        approve(s, "cr-base", files, "站点公共配置", 2)
        approve(s, "cr-drop", {"mkdocs.yml": yml}, "不再继承公共配置", 3)
    s.files.write(HOOK, BENIGN_HOOK)
    s.git.commit("站点钩子（尚未启用）", who="zhaolei")
    s.git.branch("cr-hooks")
    s.files.write("mkdocs.yml", "INHERIT: base.yml\n" + yml)
    s.files.write("base.yml", HOOKED_BASE)
    s.git.commit("启用站点钩子（草稿）", who="zhaolei")
    s.git.checkout("main")
    s.files.write(HOOK, EVIL_HOOK)
    s.git.commit("钩子", who="zhaolei")
    return s
