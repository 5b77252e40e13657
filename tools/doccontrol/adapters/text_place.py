"""A Markdown extension for a page moved by a change not in force yet: the page gives the text
in force, whose Markdown picture names mean what they mean from the file that text was
approved at, not from the page's new place (round 88, hole 3; round 90).

Before MkDocs resolves links (its ``relpath`` step, priority 0), each relative ``src`` and
``href`` Python-Markdown made is read from the text's own file (``page_links.asset_target``,
as control and printed copies read it). A picture is given a name MkDocs resolves from the
new file to that very picture, marked with a query that names it in ``Moved.targets``; the
page's link rule (``mkdocs_plugin._picture_links``) reads the mark and links the picture
itself. Raw HTML never passes here, so an unmarked name on such a page is raw HTML: read as
the browser reads it from the text's own page. Each name is read one way only."""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from doccontrol import page_links, publishing

_ATTRIBUTES = ("src", "href")


@dataclass
class Moved:
    """One moved page being rendered: where its text was approved, where it stands now, and
    the pictures its marked names stand for (by index)."""

    text_path: str
    page_path: str
    marker: str  # the query prefix, with a nonce raw HTML cannot know
    targets: list[str] = field(default_factory=list)

    def target(self, query: str) -> str | None:
        """The picture a marked name's query stands for; None for a query not marked."""
        found = re.fullmatch(re.escape(self.marker) + r"(\d{1,9})", query)
        if found is None:
            return None
        index = int(found[1])
        return self.targets[index] if index < len(self.targets) else None


@dataclass
class Place:
    """What the extension reads: the moved page being rendered, or None for any other page
    (set by the plugin in on_page_markdown, which MkDocs runs just before rendering it)."""

    current: Moved | None = None


class _TextPlaceProcessor(Treeprocessor):  # type: ignore[misc]  # markdown has no types
    def __init__(self, md: Markdown, place: Place) -> None:
        super().__init__(md)
        self.place = place

    def run(self, root: Element) -> None:
        moved = self.place.current
        if moved is None:
            return
        here = posixpath.dirname(moved.page_path)
        # a backslash escape is still Python-Markdown's placeholder here (``flow\\.png`` is
        # ``flow<STX>46<ETX>png``): read it back with its own unescape step, which runs after
        # this one (round 91)
        steps = self.md.treeprocessors  # a Registry: no get()
        unescape = steps["unescape"].unescape if "unescape" in steps else str
        for element in root.iter():
            for attribute in _ATTRIBUTES:
                value = element.get(attribute)
                if value is None:
                    continue
                value = unescape(value)
                if value.startswith("#"):
                    continue
                try:
                    parts = urllib.parse.urlsplit(value)
                except ValueError:
                    continue
                if parts.scheme or parts.netloc or value.startswith(("/", "\\")):
                    continue
                meant = page_links.asset_target(moved.text_path, value)
                if meant is not None:
                    name = urllib.parse.quote(posixpath.relpath(meant, here))
                    element.set(attribute, f"{name}?{moved.marker}{len(moved.targets)}")
                    moved.targets.append(meant)
                elif publishing.is_asset_path(urllib.parse.unquote(parts.path)):
                    # a picture's name that means none from the text's own file
                    element.set(attribute, "")
                elif parts.path.endswith(".md"):
                    # a link to another page: the page the text names from its own file
                    page = posixpath.normpath(
                        posixpath.join(posixpath.dirname(moved.text_path), parts.path)
                    )
                    if page.startswith("docs/") and ".." not in page.split("/"):
                        name = urllib.parse.urlunsplit(
                            ("", "", posixpath.relpath(page, here), parts.query, parts.fragment)
                        )
                        element.set(attribute, name)


class TextPlace(Extension):  # type: ignore[misc]  # markdown has no types
    """Registered once by the plugin; acts only while ``place.current`` is set."""

    def __init__(self, place: Place) -> None:
        super().__init__()
        self.place = place

    def extendMarkdown(self, md: Markdown) -> None:
        # before MkDocs' relpath (0), after the inline patterns that make images and links
        md.treeprocessors.register(_TextPlaceProcessor(md, self.place), "doccontrol-place", 1)
