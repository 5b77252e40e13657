"""Red team 4, search: what the index holds after `mkdocs serve`-style rebuilds (one process,
``load_config`` again, ``build(config, dirty=True)``). Real repositories, real MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys

from site_helpers import site_repo

SECRET = "绝密正文标记-7c1f"

# What `mkdocs serve` does on a change: one process, the config loaded again, a dirty build.
SERVE = """
import sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
root, site, page = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
build(load_config(str(root / "mkdocs.yml"), site_dir=site))
text = page.read_text(encoding="utf-8")
text = text.replace("confidentiality: internal", "confidentiality: secret")
page.write_text(text + "\\n" + sys.argv[4] + "\\n", encoding="utf-8")
try:
    build(load_config(str(root / "mkdocs.yml"), site_dir=site), dirty=True)
except SystemExit as exc:
    print("exit", exc.code)
except Exception as exc:  # a PluginError / Abort is a refusal, fine
    print("refused", type(exc).__name__)
"""


def test_a_document_made_secret_between_serve_rebuilds_leaves_no_text(scenario, tmp_path):
    """While `mkdocs serve` runs, an author raises a document to secret and adds secret text:
    the dirty rebuild must not put the secret text, or the secret document's title, in the site
    or its search index."""
    s = site_repo(scenario)
    site = tmp_path / "site"
    page = s.root / "docs/procedures/test.md"
    result = subprocess.run(
        [sys.executable, "-c", SERVE, str(s.root), str(site), str(page), SECRET],
        cwd=s.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCCONTROL_STRICT": "false"},
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "测试程序" not in index.replace("\u200b", ""), "the secret document's title is indexed"
    # the first build's page (then internal) stays in the folder: MkDocs' dirty builds never
    # delete output; what it shows was publishable when it was built, and CI builds clean
