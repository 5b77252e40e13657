from __future__ import annotations

import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    """The demo repository and its site, built once with the real git and mkdocs."""
    sys.path.insert(0, str(PROJECT / "tools/demo"))
    import build_demo

    out = tmp_path_factory.mktemp("demo") / "demo"
    build_demo.build(out, site=True)
    return out
