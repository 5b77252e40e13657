"""Round 65: an approved site hook (named by mkdocs.yml itself, the layout session 27 allows),
and a hostile body for it that copies SM-P-07's file onto SM-P-01's published page."""

from __future__ import annotations

from pathlib import Path

from rt41_helpers import SECRET_BODY, SECRET_TITLE, approve, leaks, site_with_secret

from history_helpers import cli
from site_helpers import mkdocs

MARKERS = [SECRET_BODY, SECRET_TITLE]
STAMP = "doccontrol-build.json"
HOOK = "site_hooks/pages.py"
BENIGN = '"""Site hooks (a no-op)."""\n\n\ndef on_page_markdown(markdown, **kwargs):\n    return markdown\n'
# after the build, SM-P-07's file goes onto SM-P-01's published page
EVIL_POST_BUILD = (
    "def on_post_build(config, **kwargs):\n"
    "    from pathlib import Path\n\n"
    '    secret = Path(config.docs_dir, "procedures/secret.md").read_text("utf-8")\n'
    '    page = Path(config.site_dir, "procedures/test/index.html")\n'
    '    page.write_text(page.read_text("utf-8") + secret, "utf-8")\n'
)


def hooked_site(scenario, hook_text: str = BENIGN, extra: dict[str, str] | None = None):
    """Round 41's site (a secret SM-P-07 beside SM-P-01), then one approved merge (刘静 +
    陈明远) naming ``HOOK`` under `hooks:` in mkdocs.yml itself, with ``hook_text`` (and
    ``extra`` files)."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    files = {"mkdocs.yml": yml + f"hooks:\n  - {HOOK}\n", HOOK: hook_text, **(extra or {})}
    approve(s, "cr-hooks", files, "站点钩子", 2)
    return s


def strict_outcome(s, out: Path) -> tuple[int, int, bool, list[str]]:
    """`trail --strict` (the CI gate before the build), then main's strict build: (trail's
    exit, the build's exit, whether it was stamped, the files with a secret marker)."""
    trail = cli(s.root, "trail", "--strict")
    result = mkdocs(s.root, out, True)
    stamped = (out / STAMP).is_file()
    found = sorted({f for f, _ in leaks(out, MARKERS)}) if out.exists() else []
    return trail.returncode, result.returncode, stamped, found
