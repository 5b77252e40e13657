"""What the round 44 tests share (on top of rounds 41 and 42's helpers)."""

from __future__ import annotations

from rt41_helpers import approve, body, procedure


def public_with(s, text: str, files: dict[str, str | bytes], number: int, version: str = "V1.1"):
    """SM-P-01 (public, internal) revised to ``version`` with ``text`` as its purpose and
    ``files`` beside it, in one approved merge."""
    merged = {"docs/procedures/test.md": procedure(version=version, body=body(text))}
    merged.update(files)
    return approve(s, f"cr-pub-{number}", merged, f"修订 SM-P-01 {version}", number)
