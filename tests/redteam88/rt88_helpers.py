"""What the round 88 tests share: round 87's two texts (SM-P-01 V1.1 red, approved
2026-03-10; SM-P-02 V1.0 redrawing the shared chart blue, in force 2026-04-01), and a
browser's reading of a built page's ``src`` values that follows the URL standard to the end:
a ``..`` above the site's root is dropped (the site served at its host's root)."""

from __future__ import annotations

import html as html_lib
import io
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from rt85_helpers import approved
from rt87_helpers import BLUE, PAGE, RED, built, two_texts

from history_helpers import body

__all__ = [
    "BLUE",
    "FLAT_PAGE",
    "PAGE",
    "RED",
    "blue_served_not_printed",
    "browser_colours",
    "built",
    "colour_at",
    "flat_two_texts",
    "two_texts",
]


def colour_at(path: Path):
    from PIL import Image

    if not path.is_file():
        return None
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg", ".gif", ".webp"):
        return "not a picture"
    return Image.open(io.BytesIO(path.read_bytes())).convert("RGB").getpixel((0, 0))


def _dots(value: str) -> str:
    """``%2e`` spellings of a dot segment read as the URL standard reads them."""
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    path, rest = value[:cut], value[cut:]
    segments = [
        ".." if s.lower() in ("%2e%2e", ".%2e", "%2e.") else "." if s.lower() == "%2e" else s
        for s in path.split("/")
    ]
    return "/".join(segments) + rest


def browser_colours(out: Path, page: str = PAGE, attribute: str = "src", tag: str = "img") -> list:
    """The colour of every picture the page's ``<tag attribute>`` shows, as a browser reads
    each value (entities decoded, white space trimmed, tabs and line breaks dropped, ``\\``
    as ``/``) and resolves it from the page's URL with the site at the host's root
    (``urljoin``: dot segments removed, never above the root); the server reads %-escapes.
    None: nothing served there."""
    text = (out / page).read_text(encoding="utf-8")
    base = "http://site.example/" + page
    found = []
    for raw in re.findall(rf'<{tag} [^>]*?{attribute}="([^"]*)"', text):
        value = html_lib.unescape(raw).strip(" \t\n\r\f")
        value = re.sub(r"[\t\n\r]", "", value).replace("\\", "/")
        value = _dots(value)
        url = urlsplit(urljoin(base, value))
        if url.netloc != "site.example":
            found.append(None)
            continue
        found.append(colour_at(out / unquote(url.path).lstrip("/")))
    return found


FLAT_PAGE = "procedures/test.html"  # SM-P-01's page with use_directory_urls: false


def flat_two_texts(tmp_path, text: str):
    """``two_texts`` on a site built with ``use_directory_urls: false`` from the start (the
    project's mkdocs.yml so edited before control began) and ``publish.pdf: true``."""
    import shutil

    from rt78_helpers import issued_copy
    from rt82_helpers import NET
    from rt84_helpers import BOTH, FLOW, approved, png
    from rt85_helpers import net

    from builders import PROJECT
    from history_helpers import body, make_scenario

    s = make_scenario(tmp_path, "  repo_url: null", "  repo_url: null\n  pdf: true")
    yml = s.root / "mkdocs.yml"
    shutil.copy(PROJECT / "mkdocs.yml", yml)
    anchor = "strict: !ENV [DOCCONTROL_STRICT, false]"
    config = yml.read_text(encoding="utf-8")
    assert anchor in config and "use_directory_urls: true" in config
    config = config.replace(anchor, f'{anchor}\n      as_of: "2026-05-01"')
    yml.write_text(config.replace("use_directory_urls: true", "use_directory_urls: false"), "utf-8")
    (s.root / ".cache/vendor").mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / ".cache/vendor/mermaid.min.js", s.root / ".cache/vendor/mermaid.min.js")
    s.git.commit("站点配置", date="2026-01-01T11:00:00+08:00")
    s.git.branch("cr-1")
    s.files.write(FLOW, png(RED))
    s.files.doc(version="V1.1", body=body(text), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    issued_copy(s, "V1.1", "2026-03-12")
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    s.files.write(NET, net(day="2026-04-01"))
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    return s


def blue_served_not_printed(s, out: Path, tmp_path) -> None:
    """The set-up of rounds 88–89: the site serves SM-P-02's blue chart at the chart's own
    path, while SM-P-01's copies (``pdf`` as of 2026-05-01, the site's own) print no blue."""
    from rt85_helpers import colours, file_colours, site_colour

    assert site_colour(out, "procedures/flow.png") == BLUE
    assert BLUE not in colours(s, tmp_path)
    assert BLUE not in file_colours(out / "pdf/SM-P-01.pdf")


def move(s, dest: str = "docs/ops/test.md", text: str = "第二版正文", number: int = 2) -> None:
    """An approved merge (2026-04-01) that moves only SM-P-01's page file to ``dest`` as V1.2
    showing ``text``, in force 2026-06-01: as of 2026-05-01 the page at ``dest`` gives V1.1's
    text (rounds 88–91)."""
    s.git.branch("mv-1")
    (s.root / dest).parent.mkdir(parents=True, exist_ok=True)
    s.git.run("mv", "docs/procedures/test.md", dest)
    s.files.doc(rel=dest, version="V1.2", body=body(text), effective_date="2026-06-01")
    approved(s, "mv-1", "搬家", "2026-04-01", number)
