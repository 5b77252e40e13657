"""The shipped catalogue is complete in both languages and its helpers choose well."""

from __future__ import annotations

import string

import pytest

from doccontrol import catalogue
from doccontrol.catalogue import LANGUAGES, language_for


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_entry_has_every_language_with_the_same_placeholders() -> None:
    entries = catalogue.load().entries
    assert entries, "the catalogue is empty"
    for key, entry in entries.items():
        for language in LANGUAGES:
            assert entry.get(language), f"{key} has no {language} text"
        assert _fields(entry["zh"]) == _fields(entry["en"]), key
        for form, text in entry.items():
            assert form in (*LANGUAGES, *(f"{lang}_other" for lang in LANGUAGES)), (key, form)
            assert _fields(text) <= _fields(entry["en"]) | {"n"}, (key, form)


def test_counted_texts_use_the_plural_form_in_english_only() -> None:
    zh, en = catalogue.load("zh"), catalogue.load("en")
    assert en.count("count.documents", 1) == "1 document"
    assert en.count("count.documents", 2) == "2 documents"
    assert en.count("count.problems", 0) == "0 problems"
    assert zh.count("count.documents", 1) == "1 份文件"
    assert zh.count("count.documents", 3) == "3 份文件"


def test_a_list_is_joined_the_languages_way() -> None:
    assert catalogue.load("zh").join(["甲", "乙", "丙"]) == "甲、乙、丙"
    assert catalogue.load("en").join(["a", "b"]) == "a, b"
    assert catalogue.load("en").join([]) == ""


def test_a_missing_key_shows_the_key_instead_of_failing() -> None:
    assert catalogue.load("en").text("no.such.key") == "no.such.key"


def test_an_unknown_language_falls_back_to_chinese() -> None:
    assert catalogue.load("fr").language == "zh"


@pytest.mark.parametrize(
    ("configured", "environ", "expected"),
    [
        ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
        ("zh", {"LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LANG": "C.UTF-8"}, "zh"),
        (None, {}, "zh"),
    ],
)
def test_language_follows_the_config_then_the_locale(
    configured: str | None, environ: dict[str, str], expected: str
) -> None:
    assert language_for(configured, environ) == expected


def test_a_label_names_a_value_or_shows_it_as_it_is() -> None:
    en = catalogue.load("en")
    assert en.label("label.state", "pending") == "Approved, not yet effective"
    assert catalogue.load("zh").label("label.state", "pending") == "已批准未生效"
    # a value the catalogue has no name for (a new evidence kind, a typo in the data)
    assert en.label("label.evidence", "carrier-pigeon") == "carrier-pigeon"


def test_every_table_has_its_column_headers_in_both_languages() -> None:
    from doccontrol import copies, impact, registers, trail
    from doccontrol.history.model import change_history_headers

    for language in LANGUAGES:
        cat = catalogue.load(language)
        tables = {
            "history": change_history_headers(cat),
            "trail": trail.trail_headers(cat),
            "register": registers.register_headers(cat),
            "review": registers.review_headers(cat),
            "coverage": cat.headers("label.coverage", registers.COVERAGE_COLUMNS),
            "suspect": impact.suspect_headers(cat),
            "recall": cat.headers("recall.col", copies.RECALL_COLUMNS),
        }
        areas = {key.split(".")[0] for key in cat.entries}
        for name, headers in tables.items():
            assert headers, name
            # a missing key would show as the key itself: "label.trail.verdict"
            keys = [h for h in headers if "." in h and h.split(".")[0] in areas]
            assert not keys, (name, language, keys)
