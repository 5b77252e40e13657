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
