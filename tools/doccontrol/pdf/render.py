"""A document version as a PDF: Markdown → cleaned HTML → the ``pdf-copy`` template →
WeasyPrint (CSS paged media: running header and footer, 第 x 页 共 y 页, fonts embedded).

Safety: the body is cleaned by the site's sanitizer (no styles, so nothing in a document can
hide or fake the stamp; no scripts), and WeasyPrint fetches nothing: images are read from Git
at the version's commit and embedded as data, any other URL (a file on this machine, the
network) is refused. Determinism: the creation and modification dates are the approval
commit's, the PDF identifier is derived from the inputs; fonts and layout depend only on the
installed fonts and library versions.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import markdown
import weasyprint
from markupsafe import Markup

from doccontrol import page_links
from doccontrol.catalogue import Catalogue
from doccontrol.history.model import change_history_headers
from doccontrol.pdf.facts import CopyFacts, Refused, image_path
from doccontrol.pdf.mermaid import Mermaid, Unavailable
from doccontrol.site import sanitize
from doccontrol.site.templates import templates
from doccontrol.validate.documents import PLACEHOLDER

_DOC_LINK = re.compile(r"\[([^\]]*)\]\((?:doc|record|form):[^)\s]*\)")
_MERMAID = re.compile(r'<pre><code class="language-mermaid">(.*?)</code></pre>', re.S)
_IMG = re.compile(r"<img\b([^>]*?)\bsrc=\"([^\"]*)\"([^>]*)>")
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}
# the content box of an A4 page with the template's margins, in CSS px (96 per inch)
_MAX_WIDTH, _MAX_HEIGHT = 655.0, 880.0


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int
    warnings: tuple[str, ...]


class _NoFetching(weasyprint.URLFetcher):  # type: ignore[misc]
    """Only data: URLs (what render() embedded itself); everything else is refused."""

    def fetch(self, url: str, headers: object = None) -> object:
        if not url.startswith("data:"):
            raise ValueError(f"refused: {url[:80]}")
        return super().fetch(url, headers)


def css_string(text: str) -> str:
    """A CSS string literal that nothing in ``text`` can break out of."""
    out = []
    for ch in text:
        if ch.isalnum() or ch in " ·.-_/":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x}")
    return '"' + "".join(out) + '"'


def _css_counters(template: str) -> str:
    """'第 {page} 页 共 {pages} 页' → the CSS content value with the page counters."""
    parts = re.split(r"(\{page\}|\{pages\})", template)
    out = []
    for part in parts:
        if part == "{page}":
            out.append("counter(page)")
        elif part == "{pages}":
            out.append("counter(pages)")
        elif part:
            out.append(css_string(part))
    return " ".join(out)


def body_html(
    facts: CopyFacts,
    t: Catalogue,
    read_at: Callable[[str], bytes | None],
    mermaid: Mermaid | None,
) -> tuple[str, list[str]]:
    warnings: list[str] = []
    text = PLACEHOLDER.sub(lambda m: facts.organization.get(m[1], m[0]), facts.body)
    text = _DOC_LINK.sub(lambda m: m[1], text)
    converter = markdown.Markdown(
        extensions=["tables", "fenced_code", "toc", "admonition", "sane_lists", "md_in_html"],
        output_format="html",
    )
    try:
        converted = converter.convert(text)
    except RecursionError:
        # nested deeper than the renderer's stack (a body validate.renderable let past): the
        # same refusal as one it finds, never an internal error
        problem = t.text("pdf.error.too-deep")
        raise Refused(
            ("pdf.error.unrenderable", {"doc": facts.doc_id, "problem": problem})
        ) from None
    cleaned = sanitize.clean(converted, body=True)
    # a raw HTML src is read from the page's URL, as the site's page shows it (round 84)
    raw = page_links.html_sources(facts.body)

    def image(match: re.Match[str]) -> str:
        src = html.unescape(match[2])
        path = image_path(facts.path, src)
        if src in raw or src.replace("\\", "/") in raw:
            served = page_links.served_target(facts.path, src.replace("\\", "/"))
            # the same name as a Markdown image too: the two readings must agree
            as_markdown = f"]({src}" in facts.body or f"](<{src}>" in facts.body
            path = served if not as_markdown or served == path else None
        data = read_at(path) if path else None
        kind = next((k for magic, k in _MAGIC.items() if data and data.startswith(magic)), None)
        if data and not kind and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            kind = "image/webp"
        if data is None or kind is None:
            warnings.append(t.text("pdf.image.refused", src=src))
            return ""
        uri = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
        return f'<img{match[1]}src="{uri}"{match[3]}>'

    cleaned = _IMG.sub(image, cleaned)
    blocks = [html.unescape(m[1]) for m in _MERMAID.finditer(cleaned)]
    drawn: list[tuple[str, str]] = []
    if blocks:
        try:
            if mermaid is None:
                raise Unavailable("chromium")
            drawn = mermaid.render(blocks)
        except Unavailable as exc:
            reason = t.text("pdf.mermaid.no_browser") if str(exc) == "chromium" else str(exc)
            drawn = [("", reason)] * len(blocks)
    figures = iter(drawn)

    def figure(match: re.Match[str]) -> str:
        svg, error = next(figures)
        if svg:
            return f'<figure class="dc-mermaid">{_fit(svg)}</figure>'
        warnings.append(t.text("pdf.mermaid.text", reason=error))
        return f'<p class="dc-note">{html.escape(t.text("pdf.mermaid.text", reason=error))}</p>{match[0]}'

    return _MERMAID.sub(figure, cleaned), warnings


def _fit(svg: str) -> str:
    """The diagram scaled to fit the page (Mermaid sizes it with width=100% and a max-width)."""
    box = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', svg)
    if not box:
        return svg
    width, height = float(box[1]), float(box[2])
    scale = min(1.0, _MAX_WIDTH / width if width else 1.0, _MAX_HEIGHT / height if height else 1.0)
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|style)="[^"]*"', "", head)
    return f'{head} width="{width * scale:.1f}px" height="{height * scale:.1f}px">{rest}'


def render(
    facts: CopyFacts,
    t: Catalogue,
    read_at: Callable[[str], bytes | None],
    mermaid: Mermaid | None,
    overrides: Sequence[Path] = (),
) -> Rendered:
    body, warnings = body_html(facts, t, read_at, mermaid)
    css = {
        "header": Markup(css_string(f"{facts.organization.get('name', '')}")),
        "title": Markup(css_string(f"{facts.doc_id} {facts.title}")),
        "footer": Markup(
            css_string(f"{facts.doc_id} · {facts.version} · ")
            + " "
            + _css_counters(t.text("pdf.footer.page", page="{page}", pages="{pages}"))
        ),
    }
    page = templates(t, overrides).render(
        "pdf-copy",
        f=facts,
        css=css,
        headers=change_history_headers(t),
        body=Markup(body),
    )
    document = weasyprint.HTML(string=page, url_fetcher=_NoFetching()).render()
    identity = "\0".join(
        (
            facts.doc_id,
            facts.version,
            facts.commit,
            facts.stamp.copy_number,
            facts.stamp.holder,
            t.language,
        )
    )
    data = document.write_pdf(
        pdf_identifier=hashlib.sha256(identity.encode()).hexdigest()[:32].encode()
    )
    return Rendered(data, len(document.pages), tuple(warnings))
