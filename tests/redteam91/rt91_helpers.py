"""What the round 91 tests share: SM-P-01 V1.1 at ``docs/procedures/test.md`` (round 84's
``base``, copies built by the site too), moved by an approved merge on 2026-04-01 (V1.2, in
force 2026-06-01, so V1.1's text stays in force at the new place); the built site read as a
browser reads it (``rt88_helpers.browser_colours``)."""

from __future__ import annotations

import re
from pathlib import Path

from rt85_helpers import base
from rt88_helpers import move  # noqa: F401 (the rounds' one move, used by the tests)

GREEN = (0, 160, 0)
MARK = re.compile(r"doccontrol-[0-9a-f]{32}")  # the build's mark (body_nonce is 16 bytes)


def moved_page(dest: str) -> str:
    """The built page of the file ``dest`` (use_directory_urls)."""
    return dest.removeprefix("docs/").removesuffix(".md") + "/index.html"


def setup(tmp_path, text: str, files: dict[str, bytes], extra: dict[str, str] | None = None):
    """V1.1 showing ``text`` with ``files`` (and ``extra`` text files), approved 2026-03-10."""
    return base(tmp_path, text=text, files={**files, **(extra or {})}, site_pdf=True)


def marks_in(out: Path) -> list[str]:
    """Every built text file that holds the build's mark."""
    found = []
    for path in out.rglob("*"):
        text_file = path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".txt")
        if text_file and MARK.search(path.read_text("utf-8", errors="ignore")):
            found.append(path.relative_to(out).as_posix())
    return found
