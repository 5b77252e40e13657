"""What the round 87 tests share: round 85's two texts in force showing one chart (SM-P-01
V1.1 red, approved 2026-03-10; SM-P-02 V1.0 redrawing it blue, approved and in force
2026-04-01), with SM-P-01's text spelled as a test likes; and a browser's reading of the
``src`` values a built page holds."""

from __future__ import annotations

import html as html_lib
import io
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from rt85_helpers import BLUE, FLOW, NET, RED, approved, base, built, net, png

__all__ = ["BLUE", "PAGE", "RED", "browser_colours", "built", "two_texts"]

PAGE = "procedures/test/index.html"  # SM-P-01's page (use_directory_urls)


def two_texts(tmp_path, text: str, site_pdf: bool = False, extra_files=None):
    """SM-P-01 V1.1 with ``text`` (the red chart), then SM-P-02 V1.0, in force at once on
    2026-04-01, showing the same chart redrawn blue in its own approved merge."""
    files = {FLOW: png(RED), **(extra_files or {})}
    s = base(tmp_path, text=text, files=files, site_pdf=site_pdf)
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    s.files.write(NET, net(day="2026-04-01"))
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    return s


def _colour(path: Path):
    from PIL import Image

    if not path.is_file():
        return None
    return Image.open(io.BytesIO(path.read_bytes())).convert("RGB").getpixel((0, 0))


def browser_colours(out: Path, page: str = PAGE) -> list:
    """The colour of every picture the page's ``<img src>`` shows, as a browser reads each
    value: entities decoded, white space around it trimmed, tabs and line breaks dropped,
    backslashes read as slashes, query and fragment dropped, %-escapes read; resolved from
    the page's URL (``/`` from the site's root). None: nothing served there."""
    text = (out / page).read_text(encoding="utf-8")
    folder = posixpath.dirname(page)
    found = []
    for raw in re.findall(r'<img [^>]*?src="([^"]*)"', text):
        value = html_lib.unescape(raw).strip(" \t\n\r\f")
        value = re.sub(r"[\t\n\r]", "", value).replace("\\", "/")
        value = value.split("#")[0].split("?")[0]
        value = unquote(value)
        joined = value.lstrip("/") if value.startswith("/") else posixpath.join(folder, value)
        found.append(_colour(out / posixpath.normpath(joined)))
    return found
