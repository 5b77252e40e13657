"""An acknowledgement record's text and path as `doccontrol ack` writes them (for tests)."""

from __future__ import annotations


def ack_text(person: str, version: str = "V1.0", document: str = "SM-P-01") -> str:
    rid = f"ACK-{document}-{version.replace('/', '')}-{person}"
    return (
        f"id: {rid}\ntitle: 阅知确认 {document} {version}\nperson: {person}\n"
        f"document: {document}\nversion: '{version}'\ndate: 2026-01-10\n"
        "statement: 已阅读并理解。\n"
    )


def ack_path(person: str, version: str = "V1.0", document: str = "SM-P-01") -> str:
    return f"records/acknowledgement/ACK-{document}-{version.replace('/', '')}-{person}.yaml"
