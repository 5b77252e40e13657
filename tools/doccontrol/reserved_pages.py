"""Where the site puts the pages it generates (their source paths, as if under docs/).

The site builds them (site/pages.py); ``check`` keeps documents out of their places (DC027),
since a page from docs/ there would stand in for the approval trail or a register. Plain
names only: nothing here needs the site's code, so the pre-commit hook stays light."""

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


def reserved(
    record_types: Iterable[str], record_files: Mapping[str, Mapping[str, str]]
) -> dict[str, str]:
    """Each page the site may generate (home aside), by its page (``publishing.page_key``,
    compared as ids are: letter case and Unicode form aside, as a disk may treat them): the
    registers, the records index, a form page per record type and a page per record."""
    sources = [*REGISTERS, RECORDS_SRC, *(form_src(t) for t in record_types)]
    sources += [record_src(t, i) for t, named in record_files.items() for i in named]
    return {same_key(publishing.page_key(src)): src for src in sources}
