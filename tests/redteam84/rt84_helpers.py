"""What the round 84 tests share: SM-P-01 V1.1 with a red flow chart, approved on
2026-03-10, copy 02 issued on 2026-03-12, in a repository the real site builds (as of
2026-05-01); and the three outputs that show a chart (the site, ``pdf``, ``recall-due``)."""

from __future__ import annotations

from rt75_helpers import BOTH, FLOW, built
from rt78_helpers import due_copies, issued_copy
from test_rt82_picture_alone import BLUE, RED, _pdf_colours, _png

from history_helpers import body, make_scenario
from site_helpers import site_repo

__all__ = [
    "BLUE",
    "BOTH",
    "FLOW",
    "RED",
    "TEXT",
    "approved",
    "base",
    "built",
    "colours",
    "due_copies",
    "file_colours",
    "page_colours",
    "png",
    "pushed",
    "review",
    "site_colour",
    "v11",
]

TEXT = "见 ![流程](flow.png) 第一版正文"


def png(colour: tuple[int, int, int]) -> bytes:
    return _png(colour)


def v11(version: str = "V1.1", text: str = TEXT, day: str = "2026-03-10") -> str:
    """SM-P-01 ``version`` with ``text``, in force from ``day``."""
    from builders import procedure

    return procedure(version=version, body=body(text), effective_date=day)


def base(tmp_path, text: str = TEXT, files: dict[str, bytes] | None = None, site_pdf: bool = False):
    """V1.1 (``text``; the red flow chart, or ``files``) approved on 2026-03-10 (merge 1, in
    force that day); copy 02 of V1.1 issued to 赵磊 on 2026-03-12. ``site_pdf``: the site
    builds its PDF copies (``publish.pdf: true`` from the start)."""
    edits = ("  repo_url: null", "  repo_url: null\n  pdf: true") if site_pdf else ()
    s = site_repo(make_scenario(tmp_path, *edits), as_of="2026-05-01")
    s.git.branch("cr-1")
    for path, data in (files or {FLOW: _png(RED)}).items():
        s.files.write(path, data)
    s.files.doc(version="V1.1", body=body(text), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    issued_copy(s, "V1.1", "2026-03-12")
    return s


def pushed(s, path: str = FLOW, data: bytes | None = None, day: str = "2026-04-01") -> str:
    """赵磊 pushes ``data`` (the blue chart) at ``path`` straight to main: nobody approves it."""
    s.files.write(path, data if data is not None else _png(BLUE))
    return s.git.commit("直接换图", who="zhaolei", date=f"{day}T10:00:00+08:00")


def approved(s, branch: str, title: str, day: str, number: int, start: str = "main") -> str:
    """Commit what the work tree holds on ``branch`` (made from ``start`` beforehand by the
    caller) and merge it, approved by both roles, on ``day``."""
    s.git.commit(title, who="zhaolei", date=f"{day}T08:00:00+08:00")
    return s.git.merge(branch, title, approvers=BOTH, date=f"{day}T10:00:00+08:00", number=number)


def colours(s, tmp_path) -> set[tuple[int, int, int]]:
    """The colours of the images ``pdf`` embeds in a copy of SM-P-01 printed as of 2026-05-01."""
    return _pdf_colours(s, tmp_path)


def file_colours(path) -> set[tuple[int, int, int]]:
    """The colours of the images a PDF file embeds (the site's ``pdf/<DOC_ID>.pdf``)."""
    from pypdf import PdfReader

    return {
        image.image.convert("RGB").getpixel((0, 0))
        for page in PdfReader(path).pages
        for image in page.images
    }


def site_colour(out, rel: str) -> tuple[int, int, int] | None:
    """The colour of the picture the site publishes at ``rel`` (None: not published)."""
    import io

    from PIL import Image

    path = out / rel
    if not path.exists():
        return None
    return Image.open(io.BytesIO(path.read_bytes())).convert("RGB").getpixel((0, 0))


def page_colours(out, doc_id: str, name: str = "flow.png") -> list[tuple[int, int, int] | None]:
    """The colours of the pictures named ``name`` that ``doc_id``'s page on the built site
    shows, as a browser resolves each ``src`` from the page's own URL (None: a file the site
    does not hold)."""
    import re
    from html import unescape
    from pathlib import PurePosixPath
    from urllib.parse import unquote

    pages = [
        page
        for page in out.rglob("*.html")
        if f'<div class="dc-control" data-doc-id="{doc_id}">' in page.read_text(encoding="utf-8")
    ]
    assert len(pages) == 1, pages
    page = pages[0]
    found: list[tuple[int, int, int] | None] = []
    for src in re.findall(r'<img [^>]*src="([^"]*)"', page.read_text(encoding="utf-8")):
        target = unquote(unescape(src))
        if PurePosixPath(target).name == name:
            resolved = (page.parent / target).resolve()
            found.append(site_colour(resolved.parent, resolved.name))
    return found


def review(s, text: str = TEXT, day: str = "2026-04-10", number: int = 2) -> str:
    """A periodic review of V1.1 (``text``; front matter only), approved on ``day``."""
    s.git.branch(f"review-{number}")
    s.files.doc(
        version="V1.1",
        body=body(text),
        effective_date="2026-03-10",
        extra=f"review_date: {day}\n",
    )
    return approved(s, f"review-{number}", "定期评审", day, number)
