"""Where the site puts the pages it generates (their source paths, as if under docs/), and
the places the build writes into.

The site builds the pages (site/pages.py); ``check`` keeps documents out of all these places
(DC027): a page from docs/ there would stand in for the approval trail or a register, or
break the build. Plain names only: nothing here needs the site's code, so the pre-commit hook
stays light."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from doccontrol import publishing
from doccontrol.validate.ids import same_key

HOME_SRC = "index.md"  # an adopter's own docs/index.md replaces the generated home page
REGISTER_SRC = "registers/documents.md"
TRAIL_SRC = "registers/approvals.md"
COVERAGE_SRC = "registers/coverage.md"
REVIEW_SRC = "registers/review-due.md"
PEOPLE_SRC = "registers/acknowledgements.md"
RECALL_SRC = "registers/recall.md"
RECORDS_SRC = "records/index.md"
REGISTERS = (REGISTER_SRC, TRAIL_SRC, COVERAGE_SRC, REVIEW_SRC, PEOPLE_SRC, RECALL_SRC)


def record_src(type_id: str, record_id: str) -> str:
    return f"records/{type_id}/{record_id}.md"


def form_src(type_id: str) -> str:
    return f"forms/{type_id}.md"


# folders the build writes into whatever docs/ holds: the registers and records (a record,
# which needs no approval, may be committed at any time), the theme's and doccontrol's assets,
# the search index and the PDF copies; and the files it writes at the top
FOLDERS = ("registers", "records", "assets", "search", "pdf")
BUILD_STAMP = "doccontrol-build.json"  # the plugin's stamp on a build (site/stamp.py)
FILES = ("sitemap.xml", "sitemap.xml.gz", "404.html", BUILD_STAMP)


def form_pages(record_types: Iterable[str]) -> dict[str, str]:
    """Each record type's form page, by its page as ``taken`` compares pages: built once per
    check, not once per document."""
    return {same_key(publishing.page_key(form_src(t))): form_src(t) for t in record_types}


def taken(path: str, forms: Mapping[str, str]) -> str | None:
    """Where the site generates or writes what a document at ``path`` (under docs/) would
    stand in for, or None: the home page (only docs/index.md may replace it), a folder of
    generated pages or written files, a file the build writes (as the page's folder, or its
    file without directory URLs), a record type's form page
    (``forms``: ``form_pages`` of the record types). Pages are compared as ids are (letter case
    and Unicode form aside, as a disk or web host may treat them)."""
    key = same_key(publishing.page_key(path))
    if key == "":
        return None if path == f"docs/{HOME_SRC}" else HOME_SRC
    head = key.split("/", 1)[0]
    if head in FOLDERS:
        return f"{head}/"
    if key in FILES:
        return key
    if f"{key}.html" in FILES:  # the page's file without directory URLs (docs/404.md)
        return f"{key}.html"
    return forms.get(key)
