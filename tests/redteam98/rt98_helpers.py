"""Round 98 (leaks, fresh eyes): a real repository with round 41's secret SM-P-07 (and a
figure of its own, named after what it is) beside the public SM-P-01, then a public change
whose merge title an author writes."""

from __future__ import annotations

from rt41_helpers import approve, body, png, procedure, secret_doc, site_with_secret

SECRET_PATH = "docs/procedures/secret.md"
SECRET_FIGURE = "merger-due-diligence.png"  # the secret's figure: its name says what it is


def secret_with_figure(scenario):
    """site_with_secret, SM-P-07 showing its own figure ``SECRET_FIGURE``."""
    return site_with_secret(
        scenario,
        {
            f"docs/procedures/{SECRET_FIGURE}": png(b"figure"),
            SECRET_PATH: secret_doc(text=f"SECRETBODYMARK\n\n![图]({SECRET_FIGURE})"),
        },
    )


def public_change(s, title: str, number: int = 2, purpose: str = "公开的修订。") -> str:
    """An approved change of the public SM-P-01 only (V1.1), merged under ``title``."""
    return approve(
        s,
        "cr-public",
        {"docs/procedures/test.md": procedure(version="V1.1", body=body(purpose))},
        title,
        number,
    )
