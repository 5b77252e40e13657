"""Documents name roles the way readers know them (变更经理), never by their configuration ids
(`change-manager`): ids belong in the front matter, where doccontrol reads them."""

from __future__ import annotations

import re

from builders import PROJECT, PROJECT_CONFIG

MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# the documents this project ships, and those the demo adds to its history
SHIPPED = [
    p for p in sorted((PROJECT / "docs").rglob("*")) if p.suffix in MARKDOWN and p.is_file()
] + sorted((PROJECT / "tools/demo/documents").glob("*.md"))
FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w-]*)")


def role_ids_in_body(text: str, role_ids: list[str]) -> list[tuple[int, str]]:
    """(line, role id) for every role id in the text a reader sees: the body, inline code and
    Mermaid diagrams included; the front matter and other code blocks left out."""
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(sorted(map(re.escape, role_ids), key=len, reverse=True))
        + r")(?![\w-])"
    )
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    found = []
    fence: str | None = None
    shown = True
    for number, line in enumerate(lines[start:], start + 1):
        match = FENCE.match(line)
        if fence is None and match:
            fence, shown = match[1], match[2] == "mermaid"  # a diagram is read as text
            continue
        if fence is not None and match and match[1].startswith(fence) and not match[2]:
            fence, shown = None, True
            continue
        if shown:
            found += [(number, m[1]) for m in pattern.finditer(line)]
    return found


def test_the_scan_finds_ids_where_readers_see_them():
    text = (
        "---\nauthor: [process-owner]\n---\n"
        "| 变更经理 | `change-manager` |\n"
        "由 qa-manager 维护。\n"
        "```yaml\napprover: [general-manager]\n```\n"
        "```mermaid\nflowchart TD\n  A[incident-manager] --> B\n```\n"
        "cab-members and my-change-manager are other words.\n"
    )
    ids = list(PROJECT_CONFIG.roles)
    assert role_ids_in_body(text, ids) == [
        (4, "change-manager"),
        (5, "qa-manager"),
        (11, "incident-manager"),
    ]


def test_no_document_names_a_role_by_its_id():
    ids = list(PROJECT_CONFIG.roles)
    assert len(SHIPPED) > 40 and len(ids) > 20
    found = {
        f"{path.relative_to(PROJECT)}:{line}": role
        for path in SHIPPED
        for line, role in role_ids_in_body(path.read_text(encoding="utf-8"), ids)
    }
    names = {role: PROJECT_CONFIG.roles[role].name for role in set(found.values())}
    assert found == {}, f"write the role's name instead of its id: {names}"
