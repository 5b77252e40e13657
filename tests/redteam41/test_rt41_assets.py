"""Images that belong to a secret document."""

from __future__ import annotations

import pytest
from rt41_helpers import (
    SECRET_ID,
    built_site,
    leaks,
    pack_leaks,
    png,
    secret_doc,
    site_with_secret,
)

IMAGE_MARK = "SECRETIMAGEMARK network of the acquisition target"


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_an_image_only_a_secret_document_shows_is_not_published(scenario, tmp_path, strict):
    # the secret procedure's diagram lies beside it, named after it, as any author would put it
    secret = secret_doc().replace("## 1 目的", "![拓扑](SM-P-07-topology.png)\n\n## 1 目的")
    s = site_with_secret(
        scenario,
        {
            "docs/procedures/secret.md": secret,
            "docs/procedures/SM-P-07-topology.png": png(IMAGE_MARK.encode()),
        },
    )
    site = built_site(s, tmp_path / "site", strict=strict)
    assert not (site / "procedures/secret").exists()  # the page itself is left out
    # ...but its picture is copied, under a name that gives the secret id away
    assert [p.name for p in site.rglob("*.png") if SECRET_ID in p.name] == []
    assert leaks(site, [IMAGE_MARK]) == []


def test_the_approval_trail_does_not_name_a_secret_documents_image(scenario, tmp_path):
    # the merge that approved the secret procedure also added its figure; the trail lists the
    # figure's path (a controlled file) although the event's only document is hidden
    s = site_with_secret(
        scenario, {"docs/procedures/SM-P-07-topology.png": png(IMAGE_MARK.encode())}
    )
    site = built_site(s, tmp_path / "site")
    pages = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".xml") and SECRET_ID in p.read_text("utf-8", "replace")
    ]
    assert pages == [], pages


def test_a_default_audit_pack_does_not_name_a_secret_documents_image(scenario, tmp_path):
    s = site_with_secret(
        scenario, {"docs/procedures/SM-P-07-topology.png": png(IMAGE_MARK.encode())}
    )
    found = pack_leaks(s.root, tmp_path / "pack.zip", [SECRET_ID, IMAGE_MARK])
    assert found == [], found
