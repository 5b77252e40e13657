"""Version schemes: parsing, ordering, drafts and bumps."""

from __future__ import annotations

import pytest

from doccontrol import versions


def test_decimal_parse_order_and_drafts():
    v = versions.parse("V1.10", "decimal")
    assert v is not None and str(v) == "V1.10"
    assert versions.parse("V1.9", "decimal") < v < versions.parse("V2.0", "decimal")
    assert versions.parse("V0.3", "decimal").is_draft
    assert not versions.parse("V1.0", "decimal").is_draft
    for bad in ("1.0", "v1.0", "V1", "V1.0.1", "A/0", None, 1.0):
        assert versions.parse(bad, "decimal") is None


def test_edition_parse_and_order():
    assert str(versions.parse("B/3", "edition")) == "B/3"
    assert versions.parse("A/9", "edition") < versions.parse("B/0", "edition")
    for bad in ("a/0", "A0", "AA/1", "V1.0"):
        assert versions.parse(bad, "edition") is None


@pytest.mark.parametrize(
    ("start", "scheme", "kind", "expected"),
    [
        ("V0.1", "decimal", "minor", "V0.2"),
        ("V0.3", "decimal", "major", "V1.0"),
        ("V1.9", "decimal", "minor", "V1.10"),
        ("V1.3", "decimal", "major", "V2.0"),
        ("A/0", "edition", "revision", "A/1"),
        ("A/4", "edition", "edition", "B/0"),
    ],
)
def test_bump(start, scheme, kind, expected):
    assert str(versions.bump(versions.parse(start, scheme), kind)) == expected


def test_bump_with_the_wrong_kind_says_which_to_use():
    with pytest.raises(ValueError, match="--revision or --edition"):
        versions.bump(versions.parse("A/0", "edition"), "minor")
    with pytest.raises(ValueError, match="last edition"):
        versions.bump(versions.parse("Z/3", "edition"), "edition")
