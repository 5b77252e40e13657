"""What the round 23 tests share (on top of rounds 14 to 22's helpers)."""

from __future__ import annotations

import json

from rt21_helpers import DOC, DOC_B, bump_at, events_of, head, state_of, two_doc_scenario
from rt22_helpers import SOON, approve, cli_env, marked, mkdocs, site_repo, strict_clean

__all__ = [
    "DOC",
    "DOC_B",
    "SOON",
    "approve",
    "bump_at",
    "cli_env",
    "events_of",
    "head",
    "marked",
    "mkdocs",
    "site_repo",
    "state_of",
    "strict_clean",
    "two_doc_scenario",
    "urls_off",
]


def register(s):
    """`register --format json` by id."""
    out = cli_env(s.root, {}, "register", "--format", "json")
    assert out.returncode == 0, out.stderr
    return {r["id"]: r for r in json.loads(out.stdout)}


def trail_strict(s):
    out = cli_env(s.root, {}, "trail", "--strict")
    return out.returncode, out.stdout + out.stderr


def check(s):
    out = cli_env(s.root, {}, "check")
    return out.returncode, out.stdout + out.stderr


def recorded(s, sha):
    """(id, kind, approved) of every document revision the trail records for ``sha``."""
    return sorted(
        (d["id"], d["kind"], e["approved"]) for e in events_of(s, sha) for d in e["documents"]
    )


def codes(s, sha):
    return sorted({p["code"] for e in events_of(s, sha) for p in e["problems"]})


def urls_off(s):
    """mkdocs.yml with ``use_directory_urls: false``: every page is ``a.html``."""
    path = s.root / "mkdocs.yml"
    text = path.read_text("utf-8")
    assert "use_directory_urls: true" in text
    path.write_text(text.replace("use_directory_urls: true", "use_directory_urls: false"), "utf-8")
