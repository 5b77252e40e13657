"""The places the site keeps for its own pages and files (reserved_pages.py)."""

from __future__ import annotations

import pytest

from doccontrol import reserved_pages


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("docs/index.md", None),  # an adopter's own home page
        ("docs/README.md", "index.md"),  # MkDocs would make it the home page too
        ("docs/registers/approvals.md", "registers/"),
        ("docs/Registers/anything.md", "registers/"),  # letter case aside
        ("docs/records/change-request/CHG-1.md", "records/"),
        ("docs/search/index.md", "search/"),
        ("docs/404.html.md", "404.html"),
        ("docs/404.md", "404.html"),  # its page without directory URLs
        ("docs/sitemap.xml.md", "sitemap.xml"),
        ("docs/forms/change-request.md", "forms/change-request.md"),
        ("docs/forms/Change-Request/index.md", "forms/change-request.md"),
        ("docs/forms/other.md", None),  # no such record type
        ("docs/procedures/SM-P-01.md", None),
    ],
)
def test_taken(path: str, expected: str | None) -> None:
    forms = reserved_pages.form_pages(["change-request", "incident"])
    assert reserved_pages.taken(path, forms) == expected


def test_form_pages_name_each_types_page() -> None:
    assert sorted(reserved_pages.form_pages(["incident", "audit"]).values()) == [
        "forms/audit.md",
        "forms/incident.md",
    ]
    assert reserved_pages.form_pages([]) == {}
