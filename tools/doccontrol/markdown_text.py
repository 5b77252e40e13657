"""What an author wrote (a title, a name), placed in Markdown a forge or a viewer renders:
shown as typed, never read as markup, a link, a mention, a reference or HTML."""

from __future__ import annotations

import re

# what Markdown, HTML or a forge would act on in running text
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+!~@<>&|])")


def plain(text: str) -> str:
    """One line of text with every character Markdown, HTML or a forge acts on escaped (for
    values of a known shape: ids, versions, dates; a free text goes in ``code``)."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def code(text: str) -> str:
    """One line as a code span: what it holds shows as typed and does nothing (no mention,
    reference, link, image or HTML). The span's backticks outnumber any run inside it; a pipe
    is escaped, as a table needs even inside a span; "—" for nothing."""
    flat = " ".join(text.split())
    if not flat:
        return "—"
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    inside = flat.replace("|", "\\|")
    return f"{ticks} {inside} {ticks}"
