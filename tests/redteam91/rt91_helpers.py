"""What the round 91 tests share: SM-P-01 V1.1 at ``docs/procedures/test.md`` (round 84's
``base``, copies built by the site too), moved by an approved merge on 2026-04-01 (V1.2, in
force 2026-06-01, so V1.1's text stays in force at the new place); the built site read as a
browser reads it (``rt88_helpers.browser_colours``)."""

from __future__ import annotations

import re
from pathlib import Path

from rt85_helpers import approved, base

from history_helpers import body

GREEN = (0, 160, 0)
MARK = re.compile(r"doccontrol-[0-9a-f]{32}")  # the build's mark (body_nonce is 16 bytes)


def moved_page(dest: str) -> str:
    """The built page of the file ``dest`` (use_directory_urls)."""
    return dest.removeprefix("docs/").removesuffix(".md") + "/index.html"


def setup(tmp_path, text: str, files: dict[str, bytes], extra: dict[str, str] | None = None):
    """V1.1 showing ``text`` with ``files`` (and ``extra`` text files), approved 2026-03-10."""
    return base(tmp_path, text=text, files={**files, **(extra or {})}, site_pdf=True)


def move(s, dest: str = "docs/ops/test.md") -> None:
    """An approved merge (2026-04-01) that moves only the page file to ``dest`` as V1.2, in
    force 2026-06-01: as of 2026-05-01 the page at ``dest`` gives V1.1's text."""
    s.git.branch("mv-1")
    (s.root / dest).parent.mkdir(parents=True, exist_ok=True)
    s.git.run("mv", "docs/procedures/test.md", dest)
    s.files.doc(rel=dest, version="V1.2", body=body("第二版正文"), effective_date="2026-06-01")
    approved(s, "mv-1", "搬家", "2026-04-01", 2)


def marks_in(out: Path) -> list[str]:
    """Every built text file that holds the build's mark."""
    found = []
    for path in out.rglob("*"):
        text_file = path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".txt")
        if text_file and MARK.search(path.read_text("utf-8", errors="ignore")):
            found.append(path.relative_to(out).as_posix())
    return found
