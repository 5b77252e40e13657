"""The baseline commit's message speaks the repository's language, lists joined its way."""

from __future__ import annotations

from doccontrol import baseline, catalogue

DOCS = [
    baseline.BaselineDocument("SM-A", "A/0", "effective", "docs/manual.md"),
    baseline.BaselineDocument("SM-P-01", "V1.0", "effective", "docs/procedures/p01.md"),
]
LEGACY = {
    "SM-P-01": [
        {"version": "V0.9", "approver": "刘静", "approval_date": "2024-05-01"},
        {"version": "V1.0", "approver": "刘静", "approval_date": "2025-01-02"},
    ]
}
TIP = "0123456789abcdef0123456789abcdef01234567"


def _message(language: str) -> str:
    return baseline.message(
        TIP, "刘静 <liu.jing@example.com>", "2026-01-02", DOCS, LEGACY, catalogue.load(language)
    )


def test_the_baseline_message_in_chinese():
    text = _message("zh")
    assert text.startswith("纳入文件控制：基线 0123456789\n\n由 刘静 <liu.jing@example.com> 于")
    assert "以下 2 份文件" in text and "  SM-P-01 V1.0 (effective) docs/procedures/p01.md" in text
    assert "  SM-P-01: V0.9 批准 刘静 2024-05-01、V1.0 批准 刘静 2025-01-02" in text
    assert "Declared" not in text and "Documents:" not in text


def test_the_baseline_message_in_english():
    text = _message("en")
    assert text.startswith("Document control baseline 0123456789\n\nDeclared by 刘静")
    assert "the 2 documents below" in text
    assert "  SM-P-01: V0.9 approved by 刘静 2024-05-01, V1.0 approved by 刘静 2025-01-02" in text
