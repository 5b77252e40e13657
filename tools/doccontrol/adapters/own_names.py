"""A Markdown extension that keeps each image's and link's name the one its Markdown wrote.

``attr_list`` can set any attribute again: ``![流程](flow.png){: src="green.png" }`` gives
an ``<img>`` showing green.png. Printed copies render without attr_list and print flow.png,
and control reads pictures from the Markdown; so an attribute list could make a page show a
picture its copies never print (round 91, hole 3). Attribute lists may still give classes,
ids, sizes and titles; ``src`` and ``href`` stay as Markdown made them.

Two tree processors fence attr_list's step (priority 8): one before it notes each name, one
after it puts the noted name back (and takes away one attr_list added where Markdown wrote
none, and any other spelling of it: ``SRC``). They run on every page; where attr_list is not
configured, nothing changes."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# the names the page's sanitizer lets through (site/sanitize.py: img src, a href)
_NAMES = {"img": "src", "a": "href"}
# around attr_list's own priority (8), after the inline step (20) that makes images and links
_BEFORE, _AFTER = 8.5, 7.5

Noted = dict[Element, str | None]


class _Note(Treeprocessor):  # type: ignore[misc]  # markdown has no types
    def __init__(self, md: Markdown, noted: Noted) -> None:
        super().__init__(md)
        self.noted = noted

    def run(self, root: Element) -> None:
        self.noted.clear()
        for element in root.iter():
            attribute = _NAMES.get(element.tag)
            if attribute is not None:
                self.noted[element] = element.get(attribute)


class _PutBack(Treeprocessor):  # type: ignore[misc]  # markdown has no types
    def __init__(self, md: Markdown, noted: Noted) -> None:
        super().__init__(md)
        self.noted = noted

    def run(self, root: Element) -> None:
        for element in root.iter():
            attribute = _NAMES.get(element.tag)
            if attribute is None:
                continue
            # attr_list keeps a key's case, and a browser (like the page's sanitizer) reads
            # SRC as src and takes the first of two: every other spelling goes (round 92)
            for key in [k for k in element.attrib if k != attribute]:
                if key.lower() == attribute:
                    del element.attrib[key]
            if element not in self.noted:
                # an element attr_list's step made: none does today; fail closed if one does
                element.attrib.pop(attribute, None)
                continue
            written = self.noted[element]
            if written is None:
                element.attrib.pop(attribute, None)
            else:
                element.set(attribute, written)
        self.noted.clear()  # no page's elements are kept past its rendering


class OwnNames(Extension):  # type: ignore[misc]  # markdown has no types
    """Registered once by the plugin, on every page."""

    def extendMarkdown(self, md: Markdown) -> None:
        noted: Noted = {}
        md.treeprocessors.register(_Note(md, noted), "doccontrol-names-noted", _BEFORE)
        md.treeprocessors.register(_PutBack(md, noted), "doccontrol-names-kept", _AFTER)
